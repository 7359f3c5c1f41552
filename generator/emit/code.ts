/**
 * The only ways spec text enters generated code: as a string literal, a comment, or an object
 * literal. Each escapes what could end its context, so a hostile spec cannot inject code.
 */

import { INVISIBLE, showInvisible } from "../names.js";

// Line and paragraph separators end lines in JS; other control characters only confuse readers and tools.
// Bidirectional and zero-width controls reorder or hide text for a reviewer ("Trojan Source"):
// they are always written as escapes, in comments too, so a diff shows them.
const UNSAFE_IN_LITERAL = new RegExp(`[\\u0000-\\u001f\\u007f\\u2028\\u2029${INVISIBLE}]`, "g");
const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** A JS string literal for any string. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(new RegExp(`[\\u007f\\u2028\\u2029${INVISIBLE}]`, "g"), hex);
}

/** The text of a template literal's static part. */
export function templateText(value: string): string {
  return value.replace(/[\\`]|\$\{/g, (m) => `\\${m}`).replace(UNSAFE_IN_LITERAL, hex);
}

/** Text that stays inside a JSDoc block: no `*\/`, no control characters, no stray line breaks. */
export function docText(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f${INVISIBLE}]`, "g"), (c) => hex(c))
    .replace(/\*\//g, "*\\/")
    .trim();
}

/** A JS expression that evaluates to a copy of a JSON value; `__proto__` keys stay own properties. */
export function valueLiteral(value: unknown): string {
  if (value === null || typeof value !== "object")
    return typeof value === "string" ? stringLiteral(value) : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(valueLiteral).join(", ")}]`;
  const members = Object.entries(value).map(([key, member]) => {
    const name = key === "__proto__" ? `[${stringLiteral(key)}]` : stringLiteral(key);
    return `${name}: ${valueLiteral(member)}`;
  });
  return `{ ${members.join(", ")} }`;
}

/** `obj.name` when `name` is an identifier, else `obj["na-me"]`. */
export function member(object: string, key: string): string {
  return isIdentifierName(key) ? `${object}.${key}` : `${object}[${stringLiteral(key)}]`;
}

function isIdentifierName(key: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(key);
}

/** JSON text of a value, with bidirectional and zero-width controls written as escapes. */
export function jsonText(value: unknown, indent = 2): string {
  return showInvisible(JSON.stringify(value, null, indent));
}
