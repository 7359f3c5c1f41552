import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const BIN = resolve("lib/generator/cli/bin.js");

/** Runs the built CLI (lib/generator/cli/bin.js) as a user would, in `cwd`. */
export function cli(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
