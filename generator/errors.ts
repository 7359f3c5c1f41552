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
  /** The name of the event the path is in (`events[i]…`), when the spec gives it one. */
  event?: string;
}

export function formatProblem(p: SpecProblem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  const path = p.event === undefined ? p.path : withEventName(p.path, p.event);
  return path ? `${where} ${path} ${p.message}` : `${where} ${p.message}`;
}

/** `events[15].data` → `events[15] (vector_store.file.completed).data`: an index alone does not say which event. */
function withEventName(path: string, name: string): string {
  return path.replace(/^events\[\d+\]/, (index) => `${index} (${showInvisible(name)})`);
}

/**
 * The `event` of a problem at `path`: the name of the event it lies in, read by `nameOf(index)`,
 * when the path is inside `events[i]` and that event's name is a string.
 */
export function eventOf(path: DataPath, nameOf: (index: number) => unknown): { event?: string } {
  if (path[0] !== "events" || typeof path[1] !== "number") return {};
  const name = nameOf(path[1]);
  return typeof name === "string" ? { event: name } : {};
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

/**
 * `["events", 3, "data"]` → `events[3].data`; keys that are not plain words are quoted. With
 * `nameOf` (an event's name by index), a path into an event names it: `events[3] (thing.created).data`.
 */
export function formatPath(path: DataPath, nameOf?: (index: number) => unknown): string {
  const text = showInvisible(
    path
      .map((part) => (typeof part === "number" ? `[${part}]` : member(part)))
      .join("")
      .replace(/^\./, ""),
  );
  const { event } = nameOf ? eventOf(path, nameOf) : {};
  return event === undefined ? text : withEventName(text, event);
}

/** A JSON pointer's segment as a path step: `~1` and `~0` unescaped, array indexes as numbers. */
export function unescapePointer(segment: string): string | number {
  const s = segment.replace(/~1/g, "/").replace(/~0/g, "~");
  return /^(0|[1-9]\d*)$/.test(s) ? Number(s) : s;
}
