import { showInvisible } from "./names.js";
import { member } from "./runtime/validation.js";

/** One problem found in a spec, located in its source file. */
export interface SpecProblem {
  file: string;
  line: number;
  column: number;
  /** Where in the spec's data, like `events[3].data.properties.id`; empty for the file itself. */
  path: string;
  message: string;
}

export function formatProblem(p: SpecProblem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  return p.path ? `${where} ${p.path} ${p.message}` : `${where} ${p.message}`;
}

/** Thrown when a spec cannot become a model; carries every problem found, in file order. */
export class SpecError extends Error {
  readonly problems: readonly SpecProblem[];

  constructor(problems: readonly SpecProblem[]) {
    const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column || a.path.localeCompare(b.path));
    const count = sorted.length === 1 ? "1 problem" : `${sorted.length} problems`;
    super(`The spec has ${count}; nothing was written.\n${sorted.map(formatProblem).join("\n")}`);
    this.name = "SpecError";
    this.problems = sorted;
  }
}

/** A path into the spec's data: keys and array indexes. */
export type DataPath = readonly (string | number)[];

/** `["events", 3, "data"]` → `events[3].data`; keys that are not plain words are quoted. */
export function formatPath(path: DataPath): string {
  const text = path
    .map((part) => (typeof part === "number" ? `[${part}]` : member(part)))
    .join("")
    .replace(/^\./, "");
  return showInvisible(text);
}

/** A JSON pointer's segment as a path step: `~1` and `~0` unescaped, array indexes as numbers. */
export function unescapePointer(segment: string): string | number {
  const s = segment.replace(/~1/g, "/").replace(/~0/g, "~");
  return /^(0|[1-9]\d*)$/.test(s) ? Number(s) : s;
}
