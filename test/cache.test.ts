import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { edit, MINIMAL_SPEC, tempDir } from "./helpers.js";

// The cache only saves work: a warm run after an edit writes the bytes a run without any cache
// writes. WEBHOOK_CODEGEN_CACHE chooses where it lives, or turns it off; anything else is refused.
const SCRIPT = resolve("scripts/generate.mjs");
function run(cwd: string, cache: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, WEBHOOK_CODEGEN_CACHE: cache },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
function files(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(root, path), readFileSync(path, "utf8"));
    }
  };
  walk(root);
  return out;
}

describe("the cache", () => {
  it("gives a warm run after an edit the bytes of a run without cache", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "spec"));
    const spec = join(dir, "spec/events.yaml");
    writeFileSync(spec, MINIMAL_SPEC);
    const cache = join(dir, "cache");
    expect(run(dir, cache, "--out", "warm").code).toBe(0);
    writeFileSync(spec, edit("description: Sent when", "description: Edited. Sent when"));
    const warm = run(dir, cache, "--out", "warm");
    expect(warm.stdout).toMatch(/ \d+ written, [1-9]\d* unchanged/);
    expect(run(dir, "off", "--out", "cold").code).toBe(0);
    expect(files(join(dir, "warm"))).toEqual(files(join(dir, "cold")));
  });

  it("refuses a setting that is neither off nor an absolute folder", () => {
    const result = run(tempDir(), "node_modules/cache");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'WEBHOOK_CODEGEN_CACHE is "node_modules/cache": set it to off (no cache) or to an absolute folder, or leave it unset (node_modules/.cache)\n',
    );
  });
});
