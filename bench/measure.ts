/**
 * How the benchmark measures and reports: rates in interleaved rounds, and rows with their ratio
 * to a peer and the target that ratio must meet.
 */
import { performance } from "node:perf_hooks";

export interface Row {
  section: string;
  name: string;
  value: number;
  unit: string;
  /** This value over the one it is compared with, and the target that ratio must meet. */
  ratio?: { to: string; value: number; target: string; pass: boolean };
}
export const rows: Row[] = [];

export type Candidate = { count: number; pass: () => unknown };

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

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

/** A figure, optionally with its ratio to another and the bound that ratio must meet: `atLeast` or `atMost`. */
export function row(
  section: string,
  name: string,
  value: number,
  unit: string,
  ratio?: { to: string; of: number; atLeast?: number; atMost?: number },
): void {
  const r: Row = { section, name, value, unit };
  if (ratio) {
    const x = value / ratio.of;
    const pass = ratio.atLeast !== undefined ? x >= ratio.atLeast : x <= ratio.atMost!;
    const target = ratio.atLeast !== undefined ? `≥ ${ratio.atLeast}×` : `≤ ${ratio.atMost}×`;
    r.ratio = { to: ratio.to, value: x, target, pass };
  }
  rows.push(r);
}

/** The table a reader sees: sections, figures, ratios with PASS or FAIL, and the count of targets missed. */
export function report(header: string): string {
  const format = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(n >= 10 ? 1 : 2));
  const lines = [header, ""];
  let section = "";
  for (const r of rows) {
    if (r.section !== section) lines.push(`${(section = r.section)}`);
    const ratio = r.ratio
      ? `  ${r.ratio.value.toFixed(2)}× ${r.ratio.to} (target ${r.ratio.target})  ${r.ratio.pass ? "PASS" : "FAIL"}`
      : "";
    lines.push(`  ${r.name.padEnd(58)} ${format(r.value).padStart(12)} ${r.unit}${ratio}`);
  }
  const failed = rows.filter((r) => r.ratio && !r.ratio.pass).length;
  lines.push("", failed === 0 ? "All targets met." : `${failed} target(s) not met.`);
  return lines.join("\n");
}
