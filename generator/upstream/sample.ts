/**
 * A small value that fits a shape, for imported events whose document gives no example: required
 * fields only, the first listed value, the lower limits. A field that several `allOf` parts declare
 * gets the first candidate value (of each declaration and of each of its branches) that every
 * declaration accepts, as `fits` judges. The importer checks the result against the shape and asks
 * for a real example when it does not fit.
 */
import { refName } from "../shape.js";
import type { ShapeSpec } from "../spec.js";

const MAX_DEPTH = 16;
/** Values a made-up example may hold: shapes whose references fan out would otherwise multiply without end. */
export const MAX_SAMPLE_VALUES = 100_000;

type Fits = (shape: ShapeSpec, value: unknown) => boolean;

/** Thrown when a shape would need more than MAX_SAMPLE_VALUES values to make an example of. */
export class SampleTooLarge extends Error {}

export function sampleOf(
  shape: ShapeSpec,
  defs: Readonly<Record<string, ShapeSpec>>,
  fits: Fits = () => true,
  depth = 0,
  budget = { left: MAX_SAMPLE_VALUES },
): unknown {
  if (--budget.left < 0) throw new SampleTooLarge(`more than ${MAX_SAMPLE_VALUES} values`);
  if (depth > MAX_DEPTH) return null;
  const again = (s: ShapeSpec) => sampleOf(s, defs, fits, depth + 1, budget);
  if (shape.$ref) return again(defs[refName(shape.$ref)] ?? {});
  if (shape.const !== undefined) return shape.const;
  if (shape.enum) return shape.enum[0];
  const branch = shape.anyOf?.[0] ?? shape.oneOf?.[0];
  const parts = partsOf(shape, defs);
  const objectLike = parts.some((p) => p.properties !== undefined || p.type === "object");
  if (branch && !shape.type && !objectLike) return again(branch);
  // With a union or allOf beside it, a type list's null is not what the branches describe.
  const declared = shape.type ?? parts.find((p) => p.type !== undefined)?.type;
  const types = [declared ?? (objectLike ? "object" : "null")].flat();
  const type = (branch || shape.allOf ? types.find((t) => t !== "null") : undefined) ?? types[0];
  if (branch && type !== "object") return again(branch);
  switch (type) {
    case "object": {
      // The fields the parts require (and the first branch's), each from the declarations of it.
      const all = [...parts, ...(branch ? partsOf(branch, defs) : [])];
      const required = [...new Set(all.flatMap((p) => p.required ?? []))];
      return Object.fromEntries(
        required.map((name) => {
          const declarations = all.flatMap((p) => (p.properties?.[name] ? [p.properties[name]] : []));
          const candidates = declarations.flatMap((d) => [d, ...(d.anyOf ?? []), ...(d.oneOf ?? [])]).map(again);
          const index = candidates.findIndex((c) => declarations.every((d) => fits(d, c)));
          return [name, candidates.length === 0 ? null : candidates[Math.max(index, 0)]];
        }),
      );
    }
    case "array":
      return Array.from({ length: shape.minItems ?? 0 }, () => again(shape.items ?? {}));
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

/** A shape and, through `allOf` and references, every part it is the intersection of. */
function partsOf(shape: ShapeSpec, defs: Readonly<Record<string, ShapeSpec>>, depth = 0): ShapeSpec[] {
  if (depth > MAX_DEPTH) return [shape];
  const resolved = shape.$ref ? (defs[refName(shape.$ref)] ?? {}) : shape;
  return [resolved, ...(resolved.allOf ?? []).flatMap((m) => partsOf(m, defs, depth + 1))];
}
