// The import and docs commands read their flags as generate does: --help prints the usage, a typo
// gets the nearest flag and the usage, exit 2, and never a stack trace.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const TSX = ["--import", resolve("node_modules/tsx/dist/loader.mjs")];
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [...TSX, resolve("scripts", script), ...args], { encoding: "utf8" });

const COMMANDS: [string, string, string][] = [
  ["import.ts", "--spce", "--spec"],
  ["docs-check.ts", "--form", "--from"],
  ["docs-sync.ts", "--sepc", "--spec"],
  ["docs-fetch.ts", "--frm", "--from"],
];

describe("the import and docs commands", () => {
  it.each(COMMANDS)("%s answers --help and -h with its usage", (script) => {
    for (const flag of ["--help", "-h"]) {
      const result = run(script, flag);
      expect([result.status, result.stderr]).toEqual([0, ""]);
      expect(result.stdout).toMatch(/^Usage: npm run /);
    }
  });

  it.each(COMMANDS)("%s answers a mistyped flag with the nearest one, its usage and exit 2", (script, typo, meant) => {
    const result = run(script, typo, "x");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${typo} is not a flag of this command; did you mean ${meant}?`);
    expect(result.stderr).toMatch(/\n\nUsage: npm run /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
