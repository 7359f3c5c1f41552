import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { scratchDir } from "./helpers.js";

// The benchmark runs outside npm test; this smoke run keeps its harness from rotting: every part
// runs (on a few events) and reports every figure it exists for, each a number. The figures
// themselves mean nothing on a shared machine and are never asserted.

/** Per part, the figures it must report (by the start of their names). */
const FIGURES: Record<string, string[]> = {
  guards: ["hand-style guard", "ajv", "zod", "isWebhookEvent", "parseWebhookEvent"],
  dispatch: ["hand-style guard", "isWebhookEvent"],
  verification: ["node:crypto", "unwrapWebhookEvent"],
  check: ["node -e 0", "generate --check"],
  "nothing-changed": ["node -e 0", "generate (changes no file)"],
  generation: [
    "openapi-typescript (types only)",
    "@hey-api/openapi-ts (types + zod schemas)",
    "generate (",
    "generate peak memory",
    "time per event",
    "peak memory per event",
  ],
  github: ["npm run import", "openapi-typescript", "@hey-api/openapi-ts", "generate (", "generate peak memory"],
  edit: ["generate after one event's description", "generate after one event's shape", "files that differ"],
  watch: ["resident at rest", "resident after a save", "peak resident", "from a save"],
};

interface Row {
  part: string;
  section: string;
  name: string;
  value: number;
  unit: string;
  ratio?: { to: string; value: number; target?: string; pass?: boolean };
  bound?: { target: string; pass: boolean };
}

describe("npm run bench", () => {
  it("runs every part and reports each of its figures as a number", { timeout: 600_000 }, () => {
    const out = join(scratchDir("wec-bench-test-"), "results.json");
    const tsx = pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href;
    const run = spawnSync(process.execPath, ["--import", tsx, "bench/run.ts", "--smoke", "--out", out], {
      encoding: "utf8",
    });
    expect(run.status, run.stderr).toBe(0);
    const { machine, parts, rows } = JSON.parse(readFileSync(out, "utf8")) as {
      machine: string;
      parts: string[];
      rows: Row[];
    };
    expect(machine).toMatch(/Node v\d+/);
    expect([...parts].sort()).toEqual(Object.keys(FIGURES).sort());
    for (const [part, figures] of Object.entries(FIGURES)) {
      const names = rows.filter((r) => r.part === part).map((r) => r.name);
      for (const figure of figures)
        expect(
          names.some((n) => n.startsWith(figure)),
          `${part}: ${figure}`,
        ).toBe(true);
    }
    // GitHub's catalogue is the second case of dispatch, the synthetic ones the first.
    expect(rows.filter((r) => r.part === "dispatch").map((r) => r.name)).toContainEqual(
      expect.stringMatching(/GitHub's catalogue/),
    );
    for (const r of rows) {
      expect(Number.isFinite(r.value), `${r.section}: ${r.name}`).toBe(true);
      if (r.ratio) expect(Number.isFinite(r.ratio.value), `${r.section}: ${r.name}`).toBe(true);
      // Every figure is in the printed table, with its verdict where it has a target.
      const line = run.stdout.split("\n").find((l) => l.trimStart().startsWith(r.name) && l.includes(r.unit));
      expect(line, `${r.section}: ${r.name}`).toBeDefined();
    }
    const targets = rows.filter((r) => r.ratio?.target || r.bound);
    expect(targets.length).toBeGreaterThanOrEqual(15);
    const failed = targets.filter((r) => r.ratio?.pass === false || r.bound?.pass === false).length;
    expect(run.stdout).toContain(failed === 0 ? "All targets met." : `${failed} target(s) not met.`);
    expect(run.stdout).not.toMatch(/NaN|Infinity/);
  });
});
