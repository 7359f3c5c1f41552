/**
 * JSON files, printed as prettier prints them (its `json` parser): objects one member per line,
 * arrays on one line when they fit, numbers in prettier's form; invisible characters escaped so
 * a diff shows them.
 */
import { showInvisible } from "../names.js";
import { group, hardline, indent, join, line, softline, type Doc } from "./doc.js";
import { numberLiteral } from "./literals.js";
import { printDoc } from "./printer.js";

export function printJson(value: unknown): string {
  return `${printDoc(jsonDoc(value))}\n`;
}

function jsonDoc(value: unknown): Doc {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "number") return numberLiteral(value);
  if (typeof value === "string") return quoted(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    // Arrays of several objects or arrays break as a whole (prettier's rule); objects always break anyway.
    const compound = (x: unknown) =>
      x !== null && typeof x === "object" && (Array.isArray(x) ? x.length > 1 : Object.keys(x).length > 1);
    const shouldBreak =
      value.length > 1 && value.every(compound) && value.every((x) => Array.isArray(x) === Array.isArray(value[0]));
    return group(["[", indent([softline, join([",", line], value.map(jsonDoc))]), softline, "]"], { shouldBreak });
  }
  // As JSON.stringify: a member whose value is undefined is left out.
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  return [
    "{",
    indent([
      hardline,
      join(
        [",", hardline],
        entries.map(([k, v]) => [quoted(k), ": ", jsonDoc(v)]),
      ),
    ]),
    hardline,
    "}",
  ];
}

const quoted = (text: string) => showInvisible(JSON.stringify(text));
