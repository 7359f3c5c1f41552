import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "prettier";
import type { GeneratedFile } from "./emit/module.js";

// Fixed options, never a config file found on the user's machine: the same spec gives the same bytes anywhere.
const OPTIONS = { printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;

// Formatting is most of a run's cost and most files are the same from run to run: results are
// kept by the hash of what went in (prettier's version and options included), so an unchanged
// file is never formatted twice. The cache is an optimisation only: any failure to use it is ignored.
const CACHE = join(fileURLToPath(new URL("../node_modules/.cache/webhook-event-codegen/prettier", import.meta.url)));
const VERSION = (
  JSON.parse(readFileSync(new URL("../node_modules/prettier/package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

/** Formats every file with prettier, one file at a time, reusing earlier results of the same input. */
export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  // WEBHOOK_CODEGEN_CACHE=off formats everything afresh (the benchmark's cold runs).
  let cacheWorks = process.env.WEBHOOK_CODEGEN_CACHE !== "off";
  for (const file of files) {
    const parser = file.path.endsWith(".json") ? "json" : file.path.endsWith(".md") ? "markdown" : "typescript";
    const key = createHash("sha256")
      .update(`${VERSION}\0${JSON.stringify(OPTIONS)}\0${parser}\0`)
      .update(file.contents)
      .digest("hex");
    const cached = join(CACHE, key.slice(0, 2), key);
    let contents: string | undefined;
    try {
      if (!cacheWorks) throw new Error("no cache");
      contents = readFileSync(cached, "utf8");
    } catch {
      contents = await format(file.contents, { ...OPTIONS, parser });
      if (cacheWorks) cacheWorks = store(cached, contents);
    }
    out.push({ path: file.path, contents });
  }
  return out;
}

function store(path: string, contents: string): boolean {
  try {
    mkdirSync(join(path, ".."), { recursive: true });
    // Written beside, then renamed: a concurrent run never reads half an entry.
    writeFileSync(`${path}.${process.pid}`, contents);
    renameSync(`${path}.${process.pid}`, path);
    return true;
  } catch {
    return false;
  }
}
