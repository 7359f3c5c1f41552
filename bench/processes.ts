/**
 * Timed commands: each a fresh Node process, its wall time and peak memory; a command that exits
 * other than as expected stops the bench (a crash is never timed as fast). Samples of several
 * commands run in interleaved rounds, and each figure is the median of its samples.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { median } from "./measure.js";

export interface Run {
  seconds: number;
  /** Peak resident memory of the process (maxRSS), MiB. */
  rssMiB: number;
  stdout: string;
  stderr: string;
}

const REPORT_RSS = pathToFileURL(resolve("bench/report-rss.mjs")).href;
/** tsx, for the commands package.json runs with `node --import tsx` (npm run import). */
export const TSX = pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href;
/** The generator's command line, as `npm run generate` runs it. */
export const GENERATE = resolve("scripts/generate.mjs");

/** `node …args`, timed; throws unless it exits with `status` (0 by default). */
export function run(args: string[], options: { env?: Record<string, string>; status?: number } = {}): Run {
  const start = performance.now();
  const result = spawnSync(process.execPath, ["--import", REPORT_RSS, ...args], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    env: { ...process.env, ...options.env },
  });
  const seconds = (performance.now() - start) / 1000;
  const expected = options.status ?? 0;
  if (result.status !== expected) {
    const tail = `${result.stdout ?? ""}\n${result.stderr ?? ""}`.trim().split("\n").slice(-15).join("\n");
    throw new Error(
      `bench: \`node ${args.join(" ")}\` exited with ${result.status ?? result.signal} (expected ${expected}):\n${tail}`,
    );
  }
  const rss = /BENCH_MAX_RSS_KB (\d+)/.exec(result.stderr ?? "");
  if (!rss) throw new Error(`bench: \`node ${args.join(" ")}\` did not report its memory`);
  return { seconds, rssMiB: Number(rss[1]) / 1024, stdout: result.stdout, stderr: result.stderr };
}

export interface Sampled {
  seconds: number;
  rssMiB: number;
  /** Every sample's seconds, in the order taken. */
  all: number[];
}

/**
 * Each command `samples` times, in rounds whose order rotates (what runs first, or after what,
 * cannot favour one), with `prepare` run untimed before each command (a cold start: no output,
 * an empty cache). The median time and the median peak memory of each.
 */
export function sampled<K extends string>(
  samples: number,
  commands: Record<K, { prepare?: (sample: number) => void; run: (sample: number) => Run }>,
): Record<K, Sampled> {
  const names = Object.keys(commands) as K[];
  const runs = new Map<K, Run[]>(names.map((n) => [n, []]));
  for (let s = 0; s < samples; s++) {
    for (const name of names.map((_, i) => names[(i + s) % names.length]!)) {
      commands[name].prepare?.(s);
      runs.get(name)!.push(commands[name].run(s));
    }
  }
  return Object.fromEntries(
    names.map((n) => {
      const rs = runs.get(n)!;
      return [
        n,
        {
          seconds: median(rs.map((r) => r.seconds)),
          rssMiB: median(rs.map((r) => r.rssMiB)),
          all: rs.map((r) => r.seconds),
        },
      ];
    }),
  ) as Record<K, Sampled>;
}

/** Every file under `dir` with a hash of its bytes, by path relative to `dir`. */
export function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(dir, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(dir);
  return out;
}

/** Files missing from, extra in, or different in `b` compared with `a`. */
export function treeDifferences(a: Map<string, string>, b: Map<string, string>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => a.get(p) !== b.get(p)).sort();
}
