/**
 * Results kept by the hash of what went in, for the costly steps that see the same input from run
 * to run (formatting, compiling a file). An optimisation only: any failure to read or write the
 * cache is ignored. WEBHOOK_CODEGEN_CACHE=off leaves it alone; an absolute folder puts it there
 * (the benchmark's cold runs start from an empty one); by default it is node_modules/.cache.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";

const SETTING = process.env.WEBHOOK_CODEGEN_CACHE;
const ROOT =
  SETTING !== undefined && isAbsolute(SETTING)
    ? SETTING
    : fileURLToPath(new URL("../node_modules/.cache/webhook-event-codegen", import.meta.url));
let usable = SETTING !== "off" && cacheSettingProblem() === undefined;

/** What is wrong with WEBHOOK_CODEGEN_CACHE, if anything: said by the CLI, never guessed at. */
export function cacheSettingProblem(): string | undefined {
  if (SETTING === undefined || SETTING === "" || SETTING === "off" || isAbsolute(SETTING)) return undefined;
  return `WEBHOOK_CODEGEN_CACHE is ${JSON.stringify(SETTING)}: set it to off (no cache) or to an absolute folder, or leave it unset (node_modules/.cache)`;
}

/** The key of an input: everything that shapes the result, hashed. */
export function cacheKey(...parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

export function readCached(kind: string, key: string): string | undefined {
  if (!usable) return undefined;
  try {
    return readFileSync(join(ROOT, kind, key.slice(0, 2), key), "utf8");
  } catch {
    return undefined;
  }
}

export function writeCached(kind: string, key: string, contents: string): void {
  if (!usable) return;
  const path = join(ROOT, kind, key.slice(0, 2), key);
  try {
    mkdirSync(join(path, ".."), { recursive: true });
    // Written beside, then renamed: a concurrent run never reads half an entry.
    writeFileSync(`${path}.${process.pid}`, contents);
    renameSync(`${path}.${process.pid}`, path);
  } catch {
    usable = false;
  }
}
