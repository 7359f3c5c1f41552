import { readFileSync } from "node:fs";
import { format } from "prettier";
import { cacheKey, readCached, writeCached } from "./cache.js";
import type { GeneratedFile } from "./emit/module.js";

// Fixed options, never a config file found on the user's machine: the same spec gives the same bytes anywhere.
const OPTIONS = { printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;
const VERSION = (
  JSON.parse(readFileSync(new URL("../node_modules/prettier/package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

/** Formats every file with prettier, one file at a time; an input formatted before is taken from the cache. */
export async function formatFiles(
  files: readonly GeneratedFile[],
  progress: (done: number) => void = () => {},
): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  for (const file of files) {
    if (out.length % 100 === 0) progress(out.length);
    const parser = file.path.endsWith(".json") ? "json" : file.path.endsWith(".md") ? "markdown" : "typescript";
    const key = cacheKey(VERSION, JSON.stringify(OPTIONS), parser, file.contents);
    let contents = readCached("prettier", key);
    if (contents === undefined) {
      contents = await format(file.contents, { ...OPTIONS, parser });
      writeCached("prettier", key, contents);
    }
    out.push({ path: file.path, contents });
  }
  return out;
}
