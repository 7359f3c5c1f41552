import { format } from "prettier";
import type { GeneratedFile } from "./emit/module.js";

// Fixed options, never a config file found on the user's machine: the same spec gives the same bytes anywhere.
const OPTIONS = { printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;

/** Formats every file with prettier, one file at a time (prettier's cost grows faster than a file's size). */
export async function formatFiles(files: readonly GeneratedFile[]): Promise<GeneratedFile[]> {
  const out: GeneratedFile[] = [];
  for (const file of files) {
    const parser = file.path.endsWith(".json") ? "json" : file.path.endsWith(".md") ? "markdown" : "typescript";
    out.push({ path: file.path, contents: await format(file.contents, { ...OPTIONS, parser }) });
  }
  return out;
}
