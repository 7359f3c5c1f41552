/**
 * How the benchmark measures and reports: rates in interleaved rounds, and rows with their ratio
 * to a peer (and the target that ratio must meet) or a target of their own.
 */
import { performance } from "node:perf_hooks";

export type Candidate = { count: number; pass: () => unknown };

export const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function measurer(rounds: number, roundMs: number) {
  /** Items per second of one round of `pass` (one pass over `count` items), at least roundMs long. */
  async function oneRound(count: number, pass: () => unknown): Promise<number> {
    let ops = 0;
    const start = performance.now();
    do {
      await pass();
      ops += count;
    } while (performance.now() - start < roundMs);
    return (ops / (performance.now() - start)) * 1000;
  }

  /**
   * The median rate of each candidate, measured in interleaved rounds: every round runs each
   * candidate once, in an order that rotates from round to round, so that what runs first (or
   * after what) cannot favour one of them; in-process order moves these figures by up to 30%. The
   * first round warms up and is not counted.
   */
  async function interleaved<K extends string>(candidates: Record<K, Candidate>): Promise<Record<K, number>> {
    const names = Object.keys(candidates) as K[];
    const rates = new Map<K, number[]>(names.map((n) => [n, []]));
    for (let round = 0; round <= rounds; round++) {
      const order = names.map((_, i) => names[(i + round) % names.length]!);
      for (const name of order) {
        const rate = await oneRound(candidates[name].count, candidates[name].pass);
        if (round > 0) rates.get(name)!.push(rate);
      }
    }
    return Object.fromEntries(names.map((n) => [n, median(rates.get(n)!)])) as Record<K, number>;
  }
  return { interleaved };
}

// A synchronous function is called in a plain loop, so awaiting costs nothing per item.
export const sync = (items: readonly unknown[], fn: (item: unknown) => unknown): Candidate => ({
  count: items.length,
  pass: () => {
    for (const item of items) fn(item);
  },
});
export const awaited = (items: readonly unknown[], fn: (item: unknown) => Promise<unknown>): Candidate => ({
  count: items.length,
  pass: async () => {
    for (const item of items) await fn(item);
  },
});

/** A ratio to another figure, with the bound it must meet (`atLeast` or `atMost`), or none (for reading). */
export type Compare = { to: string; of: number; atLeast?: number; atMost?: number };
/** A bound on the figure itself (`atLeast` or `atMost`, in its unit), and how the target is worded (`400 MB`). */
export type Bound = { limit: string; atLeast?: number; atMost?: number };

export interface Row {
  /** The bench part (`--only` name) that measured it. */
  part: string;
  section: string;
  name: string;
  value: number;
  unit: string;
  /** This value over the one it is compared with, and the target that ratio must meet, if any. */
  ratio?: { to: string; value: number; target?: string; pass?: boolean };
  /** The target on the value itself. */
  bound?: { target: string; pass: boolean };
}
export const rows: Row[] = [];

let currentPart = "";
/** The part the rows that follow belong to. */
export function part(name: string): void {
  currentPart = name;
}

const targetOf = (c: { atLeast?: number; atMost?: number }, x: number) =>
  c.atLeast !== undefined
    ? { target: `≥ ${c.atLeast}×`, pass: x >= c.atLeast }
    : c.atMost !== undefined
      ? { target: `≤ ${c.atMost}×`, pass: x <= c.atMost }
      : undefined;

/**
 * A figure, optionally with its ratio to another (and the bound that ratio must meet) or a bound
 * of its own. A figure that is not a finite number stops the bench: it was not measured.
 */
export function row(section: string, name: string, value: number, unit: string, check?: Compare | Bound): void {
  if (!Number.isFinite(value)) throw new Error(`bench: ${section}: ${name} was not measured (${value})`);
  const r: Row = { part: currentPart, section, name, value, unit };
  if (check && "to" in check) {
    if (!Number.isFinite(check.of) || check.of === 0)
      throw new Error(`bench: ${section}: ${name}: nothing to compare with`);
    const x = value / check.of;
    r.ratio = { to: check.to, value: x, ...targetOf(check, x) };
  } else if (check) {
    const pass = check.atLeast !== undefined ? value >= check.atLeast : value <= check.atMost!;
    r.bound = { target: `${check.atLeast !== undefined ? "≥" : "≤"} ${check.limit}`, pass };
  }
  rows.push(r);
}

/** The table a reader sees: sections, figures, ratios with PASS or FAIL, and the count of targets missed. */
export function report(header: string): string {
  const format = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(n >= 10 ? 1 : 2));
  const verdict = (pass?: boolean) => (pass === undefined ? "" : pass ? "  PASS" : "  FAIL");
  const lines = [header, ""];
  let section = "";
  for (const r of rows) {
    if (r.section !== section) lines.push(`${(section = r.section)}  [${r.part}]`);
    const ratio = r.ratio
      ? `  ${r.ratio.value.toFixed(2)}× ${r.ratio.to}${r.ratio.target ? ` (target ${r.ratio.target})` : ""}${verdict(r.ratio.pass)}`
      : r.bound
        ? `  (target ${r.bound.target})${verdict(r.bound.pass)}`
        : "";
    lines.push(`  ${r.name.padEnd(62)} ${format(r.value).padStart(12)} ${r.unit}${ratio}`);
  }
  const failed = rows.filter((r) => r.ratio?.pass === false || r.bound?.pass === false).length;
  lines.push("", failed === 0 ? "All targets met." : `${failed} target(s) not met.`);
  return lines.join("\n");
}
