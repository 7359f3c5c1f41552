import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { SpecError, eventOf, formatPath, type DataPath, type SpecProblem } from "./errors.js";
import { inspect } from "./load-checks.js";
import { readInParts } from "./load-parts.js";

/** A parsed spec file that can say where any part of its data came from. */
export interface LoadedSpec {
  file: string;
  /** The YAML as plain data. */
  data: unknown;
  /** Source position of a data path: the key when `at` is "key", else the value; falls back to the nearest ancestor. */
  locate(path: DataPath, at?: "key" | "value"): { line: number; column: number };
  /** What is allowed but probably not meant (a description cut at ` #`): printed, not fatal. */
  warnings: readonly SpecProblem[];
}

// Bounds that keep a hostile file from exhausting time or memory: YAML aliases can expand
// exponentially, deep nesting overflows the parser's stack, and parsing costs about a second per MiB.
const MAX_ALIAS_COUNT = 100;
export const MAX_SPEC_BYTES = 32 * 1024 * 1024;

/** yaml's words where they do not say what to do. */
const REWORDED: Record<string, string> = {
  RESOURCE_EXHAUSTION: "is nested too deeply to parse; flatten it",
};

/** What to do about the YAML mistakes people make most, after the parser's own words. */
function hintFor(code: string, message: string): string | undefined {
  if (code === "MISSING_CHAR")
    return /^Sequence item without/.test(message)
      ? 'start a list item with "- ", or indent this line like its neighbours'
      : "close the quote or bracket that this line opens";
  return HINTS[code];
}
const HINTS: Record<string, string> = {
  TAB_AS_INDENT: "indent with spaces",
  BLOCK_AS_IMPLICIT_KEY:
    'a value that holds ": " must be quoted ("…"), or this line is indented deeper than its neighbours',
  MULTILINE_IMPLICIT_KEY: "a key must fit on one line; check the indentation of the line above",
  BAD_INDENT: "line the keys of one mapping up in the same column, and close [ and { on the line they end",
  DUPLICATE_KEY: "keep one of them",
};

const hintOf = (code: string, message: string) => {
  const hint = hintFor(code, message);
  return hint ? `: ${hint}` : "";
};

/** Reads and parses a spec; unreadable files and YAML errors (tabs, duplicate keys, bad indentation) become SpecErrors. */
export function loadSpec(file: string, source?: string | Uint8Array): LoadedSpec {
  const fail = (message: string, line = 1, column = 1): never => {
    throw new SpecError([{ file, line, column, path: "", message }]);
  };
  const tooLarge = (size: string) =>
    fail(`is ${size}; specs over ${MAX_SPEC_BYTES / 2 ** 20} MiB are refused to bound time and memory`);
  let bytes: string | Uint8Array;
  try {
    bytes = source ?? readCapped(file, MAX_SPEC_BYTES, tooLarge);
  } catch (error) {
    if (error instanceof SpecError) throw error;
    return fail(
      `cannot be read: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file; pass the spec with --spec FILE" : (error as Error).message}`,
    );
  }
  const size = typeof bytes === "string" ? Buffer.byteLength(bytes) : bytes.byteLength;
  if (size > MAX_SPEC_BYTES) tooLarge(`${(size / 2 ** 20).toFixed(1)} MiB`);
  // Offsets below are into the text without its byte order mark, as the parser read it.
  const text = (typeof bytes === "string" ? bytes : decodeUtf8(bytes, fail)).replace(/^\uFEFF/, "");

  const parts = readInParts(text, MAX_ALIAS_COUNT);
  if (parts) {
    const events = parts.data.events as { name?: unknown }[];
    let whole: LoadedSpec["locate"] | undefined;
    return {
      file,
      data: parts.data,
      warnings: parts.warnings
        .sort((a, b) => a.line - b.line || a.column - b.column)
        .map(({ line, column, path, message }) => ({
          file,
          line,
          column,
          path: formatPath(path),
          message,
          ...eventOf(path, (index) => events[index]?.name),
        })),
      // Positions are wanted only to report a problem: the whole file is parsed then, once.
      locate: (path, at) => (whole ??= locator(text))(path, at),
    };
  }

  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    if (error instanceof RangeError) fail("is nested too deeply to parse; flatten it");
    throw error;
  }
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // One error often sets off others on its line, and one habit (tabs, one key indented wrong)
  // repeats on several lines: the first of each says what to fix, and names every other place.
  const firstOfCode = new Map<string, { problem: SpecProblem; more: string[] }>();
  const lines = new Set<number>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    // yaml places a mis-indented key at the start of its line; the key itself is what to move.
    const at = position(e.code === "BAD_INDENT" ? afterSpaces(text, e.pos[0]) : e.pos[0]);
    if (lines.has(at.line)) continue;
    lines.add(at.line);
    const seen = firstOfCode.get(e.code);
    if (seen) seen.more.push(`${file}:${at.line}:${at.column}`);
    else
      firstOfCode.set(e.code, {
        problem: {
          file,
          ...at,
          path: "",
          message: `${REWORDED[e.code] ?? e.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, "")} (YAML ${e.code})${hintOf(e.code, e.message)}`,
        },
        more: [],
      });
  }
  const problems = [...firstOfCode.values()].map(({ problem, more }) =>
    more.length === 0
      ? problem
      : {
          ...problem,
          message: `${problem.message}; the same on ${more.length} more line${more.length === 1 ? "" : "s"}: ${more.join(", ")}`,
        },
  );
  const eventName = (index: number) => doc.getIn(["events", index, "name"]);
  const located = (found: { offset: number; path: DataPath; message: string }[]) =>
    found.map((f) => ({
      file,
      ...position(f.offset),
      path: formatPath(f.path),
      message: f.message,
      ...eventOf(f.path, eventName),
    }));
  const inspected = inspect(doc, text, (offset) => position(offset).line);
  problems.push(...located(inspected.problems));
  if (problems.length > 0) throw new SpecError(problems);
  const warnings = located(inspected.warnings);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof RangeError) fail("is nested too deeply to parse; flatten it");
    fail(`${(error as Error).message}; write the value out instead of using aliases`);
  }

  return { file, data, warnings, locate: locator(text, doc, lineCounter) };
}

/** Where a data path is in the text, from its parsed document (parsed here when not given). */
function locator(text: string, doc?: Document, lineCounter = new LineCounter()): LoadedSpec["locate"] {
  const parsed = doc ?? parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  return (path, at = "value") => {
    const { line, col } = lineCounter.linePos(nodeAt(parsed, path, at)?.range?.[0] ?? 0);
    return { line, column: col };
  };
}

/** The offset of the first character at or after `offset` that is not a space, on the same line. */
function afterSpaces(text: string, offset: number): number {
  let i = offset;
  while (text[i] === " ") i++;
  return text[i] === "\n" || i >= text.length ? offset : i;
}

/**
 * Reads at most `cap` bytes and one more, so a file that is too large (or endless, like
 * /dev/zero, or a pipe) is refused without being held in memory.
 */
function readCapped(file: string, cap: number, tooLarge: (size: string) => never): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error("it is a folder; pass the spec file"), { code: "EISDIR" });
    if (stat.isFile() && stat.size > cap) tooLarge(`${(stat.size / 2 ** 20).toFixed(1)} MiB`);
    const buffer = Buffer.alloc(Math.min(cap + 1, stat.isFile() ? stat.size + 1 : cap + 1));
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > cap) tooLarge(`over ${cap / 2 ** 20} MiB`);
    if (stat.isFile() && length === buffer.length) throw new Error("it grew while being read; run again");
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

function nodeAt(doc: Document, path: DataPath, at: "key" | "value"): Node | undefined {
  let node: Node | undefined = doc.contents ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    const last = i === path.length - 1;
    let next: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (pair && last && at === "key") return pair.key as Node;
      next = (pair?.value ?? undefined) as Node | undefined;
    } else if (isSeq(node) && typeof part === "number") {
      next = (node.items[part] ?? undefined) as Node | undefined;
    }
    if (!next) return node;
    node = next;
  }
  return node;
}

/** Strict UTF-8: a file with invalid bytes is refused at the first of them, not read with replacement characters. */
function decodeUtf8(bytes: Uint8Array, fail: (message: string, line?: number, column?: number) => never): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidByte(bytes);
    const lines = new TextDecoder().decode(bytes.subarray(0, bad)).split("\n");
    return fail(
      `is not valid UTF-8 (byte 0x${bytes[bad]?.toString(16).padStart(2, "0")} at offset ${bad}); save the file as UTF-8`,
      lines.length,
      lines.at(-1)!.length + 1,
    );
  }
}

function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let i = 0; i < bytes.length; i++) {
    try {
      decoder.decode(bytes.subarray(i, i + 1), { stream: true });
    } catch {
      // The decoder notices at the byte that cannot continue a sequence; the sequence began at its lead byte.
      for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
        if ((bytes[j]! & 0xc0) === 0xc0) return j;
        if ((bytes[j]! & 0xc0) !== 0x80) break;
      }
      return i;
    }
  }
  return bytes.length;
}
