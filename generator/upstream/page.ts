import { readFileSync } from "node:fs";
import { fieldsOfExample, type Catalogue, type CatalogueEvent } from "./catalogue.js";

const EVENT_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const TYPES = new Set(["string", "integer", "number", "boolean", "object", "array", "null"]);

/**
 * Reads the text of the public webhook events reference page. Per event the page gives: the name
 * alone on a line, a one-line description, then fields as `name` / `type` / blank / description
 * (top-level fields, alphabetically; `data`'s own fields are folded behind "Show properties" and
 * only its example shows them), then `OBJECT <name>` and the example payload.
 */
export function readReferencePage(file: string, text: string = readFileSync(file, "utf8")): Catalogue {
  const lines = text.split(/\r?\n/);
  const notes: string[] = [];
  const events: CatalogueEvent[] = [];
  let i = 0;
  const isEventStart = (at: number) =>
    EVENT_NAME.test(lines[at]?.trim() ?? "") &&
    (lines[at + 2] ?? "").trim() === "" &&
    TYPES.has((lines[at + 4] ?? "").trim());
  while (i < lines.length) {
    if (!isEventStart(i)) {
      i++;
      continue;
    }
    const event: CatalogueEvent = {
      name: lines[i]!.trim(),
      description: lines[i + 1]!.trim(),
      fields: new Map(),
      inferredData: true,
      line: i + 1,
    };
    i += 2;
    // Fields until the example: name, type, blank, description paragraph(s).
    while (i < lines.length && !lines[i]!.startsWith("OBJECT ")) {
      const name = lines[i]!.trim();
      if (/^[a-z_][a-z0-9_]*$/.test(name) && TYPES.has((lines[i + 1] ?? "").trim())) {
        const type = lines[i + 1]!.trim();
        let j = i + 2;
        while (j < lines.length && lines[j]!.trim() === "") j++;
        const description: string[] = [];
        while (j < lines.length && lines[j]!.trim() !== "" && !lines[j]!.startsWith("OBJECT "))
          description.push(lines[j++]!.trim());
        event.fields.set(name, { type, description: description.join(" "), line: i + 1 });
        i = j;
      } else i++;
    }
    if (i < lines.length) {
      event.exampleLine = i + 2;
      const start = i + 1;
      let end = start;
      while (end < lines.length && !isEventStart(end)) end++;
      const json = lines.slice(start, end).join("\n").trim();
      const parsed = parseTolerantJson(json);
      if (parsed.note) notes.push(`${event.name}: the example (${file}:${start + 1}) ${parsed.note}`);
      if (parsed.ok) {
        event.example = parsed.value;
        fieldsOfExample((parsed.value as { data?: unknown }).data, "data", event.fields);
      }
      i = end;
    }
    events.push(event);
  }
  return { file, events, notes };
}

/** JSON as upstream publishes it: a trailing comma before `]` or `}` is read without it, and said. */
export function parseTolerantJson(
  text: string,
): { ok: true; value: unknown; note?: string } | { ok: false; note: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const repaired = text.replace(/,(\s*[\]}])/g, "$1");
    try {
      return {
        ok: true,
        value: JSON.parse(repaired),
        note: "is not valid JSON: it has a trailing comma; read without it",
      };
    } catch (error) {
      return { ok: false, note: `is not JSON (${(error as Error).message}); left out` };
    }
  }
}
