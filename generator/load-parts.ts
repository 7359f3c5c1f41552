/**
 * A spec read in parts: the top-level mapping without its events, then each event on its own. The
 * YAML of a whole catalogue, with every node's position, is many times the file's size (about 1 GB
 * for a 20 MB spec); read in parts, one event's nodes are held at a time, and positions are not
 * kept at all (a problem found later asks load.ts for them, which then parses the whole file).
 *
 * Only the common layout is read this way: a block list under a top-level `events:` key, each
 * item starting `- ` at one indentation. Anything else, and any part with a YAML error or warning,
 * an alias, or a value JSON cannot hold, gives undefined: the whole file is then parsed as one
 * document, which says what is wrong and where. A line that starts an item can only be where the
 * text says it is: block scalars are indented deeper than their item, and a part cut inside a
 * quoted or bracketed value leaves that value unclosed, which is an error.
 */
import { LineCounter, parseDocument, type Document } from "yaml";
import { inspect, type Found } from "./load-checks.js";

export interface PartsRead {
  data: Record<string, unknown>;
  /** Warnings, with 1-based lines and columns in the whole file. */
  warnings: (Found & { line: number; column: number })[];
}

const EVENTS_LINE = /^events:[ \t]*(#.*)?\r?$/;

export function readInParts(text: string, maxAliasCount: number): PartsRead | undefined {
  const lines = text.split("\n");
  // Directives and document markers: more than one document, or a directive, is the whole parser's.
  if (lines.some((line) => /^(%|---|\.\.\.)/.test(line))) return undefined;
  const starts = lines.flatMap((line, i) => (EVENTS_LINE.test(line) ? [i] : []));
  if (starts.length !== 1) return undefined;
  const section = eventsSection(lines, starts[0]! + 1);
  if (!section) return undefined;

  // The rest of the file, its events' lines left empty so that every position stays where it is.
  const head = [
    ...lines.slice(0, section.from),
    ...new Array<string>(section.to - section.from).fill(""),
    ...lines.slice(section.to),
  ];
  const top = parsePart(head.join("\n"), 0, maxAliasCount);
  if (!top || !isRecord(top.value) || top.value.events !== null) return undefined;

  const events: unknown[] = [];
  const warnings = [...top.warnings];
  for (const [index, item] of section.items.entries()) {
    // Each line as it was, with its line break (the file's last line may have none).
    const last = item.from + item.lines.length - 1;
    const part = parsePart(item.lines.join("\n") + (last < lines.length - 1 ? "\n" : ""), item.from, maxAliasCount);
    if (!part || !Array.isArray(part.value) || part.value.length !== 1) return undefined;
    events.push(part.value[0]);
    // The part is a list of one item: its paths start at that item, which is events[index].
    warnings.push(...part.warnings.map((w) => ({ ...w, path: ["events", index, ...w.path.slice(1)] })));
  }
  top.value.events = events;
  return { data: top.value, warnings };
}

/** The lines of each item of the events list that starts at line `from`, or undefined if it is laid out otherwise. */
function eventsSection(lines: readonly string[], from: number) {
  let indent: number | undefined;
  const items: { from: number; lines: string[] }[] = [];
  let to = from;
  for (; to < lines.length; to++) {
    const line = lines[to]!.replace(/\r$/, "");
    const column = line.length - line.replace(/^ +/, "").length;
    const rest = line.slice(column);
    if (rest.startsWith("\t")) return undefined; // tabs: the whole parser's message
    if (rest === "" || rest.startsWith("#")) {
      // Blank lines and comments stay with the item before them (before the first, with the head).
      items.at(-1)?.lines.push(lines[to]!);
      continue;
    }
    if (column === 0 && !rest.startsWith("-")) break; // the next top-level key
    const startsItem = /^-( |$)/.test(rest);
    indent ??= startsItem ? column : undefined;
    if (indent === undefined || column < indent || (column === indent && !startsItem)) return undefined;
    if (column === indent) items.push({ from: to, lines: [lines[to]!] });
    else items.at(-1)!.lines.push(lines[to]!);
  }
  return items.length > 0 ? { from: items[0]!.from, to, items } : undefined;
}

/** One part parsed, checked as load.ts checks the whole, to plain data; undefined when anything is amiss. */
function parsePart(
  text: string,
  firstLine: number,
  maxAliasCount: number,
): { value: unknown; warnings: (Found & { line: number; column: number })[] } | undefined {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch {
    return undefined; // nested too deeply: the whole parse says so
  }
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  const inspected = inspect(doc, text, () => 0);
  if (inspected.hasAlias || inspected.problems.length > 0) return undefined;
  const warnings = inspected.warnings.map((found) => {
    const { line, col } = lineCounter.linePos(found.offset);
    return { ...found, line: line + firstLine, column: col };
  });
  try {
    return { value: doc.toJS({ maxAliasCount }), warnings };
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
