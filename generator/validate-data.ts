/**
 * Checks on the spec's raw data, before its format: how deep it nests, and whether any name holds
 * characters a reader cannot see. Both walk the data without recursion.
 */
import type { DataPath } from "./errors.js";
import { INVISIBLE_CHARACTER } from "./names.js";

// Deeper data would only come from a generated or hostile file, and recursion over it could overflow the stack.
export const MAX_DEPTH = 64;

/** The first path deeper than `limit`, found without recursion. */
export function deepestPath(data: unknown, limit: number): DataPath | undefined {
  const stack: [unknown, DataPath][] = [[data, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (path.length > limit) return path;
    if (typeof value !== "object" || value === null) continue;
    for (const [key, child] of Object.entries(value))
      stack.push([child, [...path, Array.isArray(value) ? Number(key) : key]]);
  }
  return undefined;
}

/** Paths of the object keys that hold a bidirectional or zero-width control character. */
export function keysWithInvisibleCharacters(data: unknown): DataPath[] {
  const out: DataPath[] = [];
  const stack: [unknown, DataPath][] = [[data, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value !== "object" || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      const at = [...path, Array.isArray(value) ? Number(key) : key];
      if (!Array.isArray(value) && INVISIBLE_CHARACTER.test(key)) out.push(at);
      stack.push([child, at]);
    }
  }
  return out;
}

export function codePoints(text: string): string {
  return [...text]
    .filter((c) => INVISIBLE_CHARACTER.test(c))
    .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`)
    .join(", ");
}
