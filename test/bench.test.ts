import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { scratchDir } from "./helpers.js";

// The benchmark runs outside npm test; this smoke run only keeps its harness from rotting.
// Its figures mean nothing on a shared machine and are not asserted.
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
      rows: { section: string; ratio?: { pass: boolean } }[];
    };
    expect(machine).toMatch(/Node v\d+/);
    const sections = new Set(rows.map((r) => r.section.replace(/,.*/, "")));
    expect([...sections].sort()).toEqual(["check", "dispatch", "generation", "guards", "verification"]);
    expect(rows.filter((r) => r.ratio).length).toBeGreaterThanOrEqual(12);
    expect(run.stdout).toMatch(/(PASS|FAIL)/);
  });
});
