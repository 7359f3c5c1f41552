/**
 * The only ways spec text enters generated code: as a string literal, a comment, a template's
 * text or a property name. Each escapes what could end its context, so a hostile spec cannot
 * inject code, and writes what it keeps as prettier would (its quotes, its number forms).
 */
import { INVISIBLE } from "../names.js";

// Line and paragraph separators end lines in JS; other control characters only confuse readers and tools.
// Bidirectional and zero-width controls reorder or hide text for a reviewer ("Trojan Source"):
// they are always written as escapes, in comments too, so a diff shows them.
const UNSAFE_IN_LITERAL = new RegExp(`[\\u0000-\\u001f\\u007f\\u2028\\u2029${INVISIBLE}]`, "g");
const UNSAFE_AFTER_JSON = new RegExp(`[\\u007f\\u2028\\u2029${INVISIBLE}]`, "g");
const PLAIN = /^[\x20\x21\x23-\x26\x28-\x5b\x5d-\x7e]*$/;
const hex = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** A JS string literal for any string, quoted as prettier quotes it (double, unless that needs more escapes). */
export function stringLiteral(value: string): string {
  // Most strings need no escape and no choice of quotes.
  if (PLAIN.test(value)) return `"${value}"`;
  const json = JSON.stringify(value).replace(UNSAFE_AFTER_JSON, hex);
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  if (doubles <= singles) return json;
  const content = json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${content}'`;
}

/** A number as prettier writes it (`1e21`, not `1e+21`). */
export function numberLiteral(value: number): string {
  return String(value).toLowerCase().replace("e+", "e");
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

// ES5's IdentifierName, as prettier tests a key it may unquote.
const IDENTIFIER_NAME = /^[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$_\u200c\u200d]*$/u;
const ASCII_IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A name usable after a dot (`obj.name`); anything else is read as `obj["na-me"]`. */
export function isIdentifier(name: string): boolean {
  return ASCII_IDENTIFIER.test(name);
}

/**
 * A property's name in an object literal or type, as prettier prints it: bare when it is an
 * identifier name (and, in JavaScript, a plain number), else quoted.
 */
export function propertyKey(name: string, javascript: boolean): string {
  const literal = stringLiteral(name);
  if (literal.slice(1, -1) !== name) return literal;
  if (IDENTIFIER_NAME.test(name)) return name;
  if (javascript && /^(?:\d+|\d+\.\d+)$/.test(name) && String(Number(name)) === name) return name;
  return literal;
}
