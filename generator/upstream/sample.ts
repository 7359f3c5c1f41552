/**
 * A small value that fits a shape, for imported events whose document gives no example: required
 * fields only, the first listed value, the lower limits. The importer checks it against the shape
 * and asks for a real example when it does not fit.
 */
import type { ShapeSpec } from "../spec.js";

const MAX_DEPTH = 16;

export function sampleOf(shape: ShapeSpec, defs: Readonly<Record<string, ShapeSpec>>, depth = 0): unknown {
  if (depth > MAX_DEPTH) return null;
  if (shape.$ref) return sampleOf(defs[shape.$ref.slice("#/$defs/".length)] ?? {}, defs, depth + 1);
  if (shape.const !== undefined) return shape.const;
  if (shape.enum) return shape.enum[0];
  const branch = shape.anyOf?.[0] ?? shape.oneOf?.[0];
  if (branch && !shape.type) return sampleOf(branch, defs, depth + 1);
  if (shape.allOf && !shape.type)
    return Object.assign({}, ...shape.allOf.map((m) => sampleOf(m, defs, depth + 1) as object));
  // With a union or allOf beside it, a type list's null is not what the branches describe.
  const types = [shape.type ?? (shape.properties ? "object" : "null")].flat();
  const type = (branch || shape.allOf ? types.find((t) => t !== "null") : undefined) ?? types[0];
  if (branch && type !== "object") return sampleOf(branch, defs, depth + 1);
  switch (type) {
    case "object": {
      const own = Object.fromEntries(
        (shape.required ?? []).map((name) => [name, sampleOf(shape.properties?.[name] ?? {}, defs, depth + 1)]),
      );
      // A union or an allOf beside the properties adds its members' required fields.
      const more = [...(branch ? [branch] : []), ...(shape.allOf ?? [])].map((m) => sampleOf(m, defs, depth + 1));
      return Object.assign(own, ...more.filter((m) => typeof m === "object" && m !== null && !Array.isArray(m)));
    }
    case "array":
      return Array.from({ length: shape.minItems ?? 0 }, () => sampleOf(shape.items ?? {}, defs, depth + 1));
    case "string":
      return "x".repeat(Math.max(1, shape.minLength ?? 1));
    case "integer":
    case "number":
      return shape.minimum ?? (shape.exclusiveMinimum !== undefined ? Math.floor(shape.exclusiveMinimum) + 1 : 0);
    case "boolean":
      return false;
    default:
      return null;
  }
}
