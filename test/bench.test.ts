import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { scratchDir } from "./helpers.js";

// The benchmark runs outside npm test; this smoke run only keeps its harness from rotting.
// Its figures mean nothing on a shared machine and are not asserted; what is asserted is that
// they are there, are numbers, and are judged and printed as the results file says.
interface Ratio {
  to: string;
  value: number;
  target: string;
  pass: boolean;
}
describe("npm run bench", () => {
  it("runs every part and writes a row for each figure it prints", () => {
    const out = join(scratchDir("wec-bench-test-"), "results.json");
    const tsx = pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href;
    const run = spawnSync(process.execPath, ["--import", tsx, "bench/run.ts", "--smoke", "--out", out], {
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    const { machine, rows } = JSON.parse(readFileSync(out, "utf8")) as {
      machine: string;
      rows: { section: string; name: string; value: number; unit: string; ratio?: Ratio }[];
    };
    expect(machine).toMatch(/Node v\d+/);
    // Every part has rows, each a finite positive figure with a unit.
    const PARTS = ["check", "dispatch", "generation", "guards", "verification"];
    const part = (r: { section: string }) => r.section.replace(/,.*/, "");
    expect([...new Set(rows.map(part))].sort()).toEqual(PARTS);
    for (const name of PARTS) expect(rows.filter((r) => part(r) === name).length, name).toBeGreaterThan(0);
    for (const r of rows) {
      expect(Number.isFinite(r.value) && r.value > 0, `${r.section}: ${r.name} = ${r.value}`).toBe(true);
      expect(r.unit, `${r.section}: ${r.name}`).not.toBe("");
      expect(run.stdout).toContain(`  ${r.name}`);
    }
    // Every ratio is a finite positive number, judged against its target, and printed as judged.
    const ratios = rows.filter((r) => r.ratio).map((r) => r.ratio!);
    expect(ratios.length).toBeGreaterThanOrEqual(12);
    for (const ratio of ratios) {
      expect(Number.isFinite(ratio.value) && ratio.value > 0, `${ratio.to}: ${ratio.value}`).toBe(true);
      const [, bound, limit] = /^([≥≤]) ([\d.]+)×$/.exec(ratio.target) ?? [];
      expect(bound, ratio.target).toBeDefined();
      expect(ratio.pass).toBe(bound === "≥" ? ratio.value >= Number(limit) : ratio.value <= Number(limit));
      expect(run.stdout).toContain(
        `${ratio.value.toFixed(2)}× ${ratio.to} (target ${ratio.target})  ${ratio.pass ? "PASS" : "FAIL"}`,
      );
    }
    const missed = ratios.filter((r) => !r.pass).length;
    expect(run.stdout).toContain(missed === 0 ? "All targets met." : `${missed} target(s) not met.`);
  });
});
