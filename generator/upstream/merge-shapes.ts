/**
 * Two declarations of one property, from two `allOf` parts of a body, as the one shape both mean
 * together (JSON Schema: a value must match both). The usual case is a narrowing: an envelope
 * declares `type: { type: string }` and the event's part says `type: { const: payment.succeeded }`;
 * that is a merge, not a conflict. Only a true contradiction (no value could match both) is refused,
 * at the later declaration's keyword, naming the earlier one. Where keywords cannot be folded into
 * one shape (two patterns, a reference beside constraints), both are kept as `allOf`, which means
 * the same.
 */
import { isDeepStrictEqual } from "node:util";
import { ANNOTATION_KEYWORDS } from "../keywords/annotations.js";
import { mismatches, toShape } from "../shape.js";
import type { JsonType, ShapeSpec } from "../spec.js";
import { escapePointer, type Loss } from "./openapi-schema.js";

type Json = Record<string, unknown>;
export type Merged = { shape: ShapeSpec } | { contradiction: Loss };

/** Lower and upper bounds that tighten by max and min; a crossed pair matches no value. */
const BOUNDS = [
  ["minimum", "maximum"],
  ["minLength", "maxLength"],
  ["minItems", "maxItems"],
  ["minProperties", "maxProperties"],
] as const;
const LOWER = new Set<string>(BOUNDS.map(([low]) => low));
const UPPER = new Set<string>(BOUNDS.map(([, high]) => high));
// Keywords that close an object: properties of one side would change what the other allows.
const CLOSING = ["additionalProperties", "patternProperties"];

/** `a` declared at pointer `at.a`, `b` (the later part) at `at.b`. */
export function mergeShapes(a: ShapeSpec, b: ShapeSpec, at: { a: string; b: string }): Merged {
  if (isDeepStrictEqual(a, b)) return { shape: a };
  const refuse = (keyword: string, why: string): Merged => ({
    contradiction: { pointer: `${at.b}/${keyword}`, reason: `${why}; no value can match both` },
  });
  const out: Json = {};
  // False when some keyword of both has no one-keyword merge: then both stay, as allOf.
  let whole = a.$ref === undefined && b.$ref === undefined;

  const ta = typesOf(a);
  const tb = typesOf(b);
  if (ta && tb) {
    // Integers are numbers: number and integer meet in integer.
    const meet = (t: JsonType, other: JsonType[]): JsonType[] =>
      other.includes(t)
        ? [t]
        : (t === "integer" && other.includes("number")) || (t === "number" && other.includes("integer"))
          ? ["integer"]
          : [];
    const common = [...new Set(ta.flatMap((t) => meet(t, tb)))];
    if (common.length === 0) return refuse("type", `is ${tb.join(" or ")}, but ${at.a} says ${ta.join(" or ")}`);
    out.type = common.length === 1 ? common[0] : common;
  } else if (ta || tb) out.type = a.type ?? b.type;

  const va = valuesOf(a);
  const vb = valuesOf(b);
  if (va || vb) {
    // Each value must pass both declarations; those that pass only one are not values of the merge.
    const [mine, other, mineAt, keyword] = vb ? [vb, a, at.b, keywordOfValues(b)] : [va!, b, at.a, keywordOfValues(a)];
    const passes = (v: unknown) =>
      (!va || !vb || va.some((w) => isDeepStrictEqual(v, w))) &&
      (other.$ref !== undefined || mismatches(toShape(withoutValues(other)), v).length === 0);
    const kept = mine.filter(passes);
    if (kept.length === 0) {
      const said = JSON.stringify(mine.length === 1 ? mine[0] : mine);
      return vb
        ? refuse(keyword, `is ${said}, but ${at.a} allows ${describe(a)}`)
        : refuse(firstConstraint(b), `allows ${describe(b)}, but ${mineAt} is ${said}`);
    }
    if (kept.length === 1 && (a.const !== undefined || b.const !== undefined)) out.const = kept[0];
    else out.enum = kept;
  }

  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (k) => !["type", "const", "enum"].includes(k),
  );
  for (const key of keys) {
    const [x, y] = [(a as Json)[key], (b as Json)[key]];
    if (ANNOTATION_KEYWORDS.has(key)) out[key] = y ?? x;
    else if (x === undefined || y === undefined) out[key] = x ?? y;
    else if (isDeepStrictEqual(x, y)) out[key] = x;
    else if (LOWER.has(key)) out[key] = Math.max(x as number, y as number);
    else if (UPPER.has(key)) out[key] = Math.min(x as number, y as number);
    else if (key === "required") out[key] = [...new Set([...(x as string[]), ...(y as string[])])];
    else if (key === "items") {
      const items = mergeShapes(x as ShapeSpec, y as ShapeSpec, { a: `${at.a}/items`, b: `${at.b}/items` });
      if ("contradiction" in items) return items;
      out[key] = items.shape;
    } else if (key === "properties" && !CLOSING.some((c) => c in a || c in b)) {
      const properties: Json = { ...(x as Json) };
      for (const [name, shape] of Object.entries(y as Json)) {
        if (!(name in properties)) {
          properties[name] = shape;
          continue;
        }
        const step = `/properties/${escapePointer(name)}`;
        const merged = mergeShapes(properties[name] as ShapeSpec, shape as ShapeSpec, {
          a: at.a + step,
          b: at.b + step,
        });
        if ("contradiction" in merged) return merged;
        properties[name] = merged.shape;
      }
      out[key] = properties;
    } else whole = false;
  }
  // One side's properties beside the other's closing keyword: the closing one would see more names.
  if (CLOSING.some((c) => c in a) && "properties" in b && !isDeepStrictEqual(a.properties, b.properties)) whole = false;
  if (CLOSING.some((c) => c in b) && "properties" in a && !isDeepStrictEqual(a.properties, b.properties)) whole = false;
  for (const [low, high] of BOUNDS) {
    if (typeof out[low] === "number" && typeof out[high] === "number" && (out[low] as number) > (out[high] as number)) {
      const later = (b as Json)[low] === out[low] ? low : high;
      return refuse(
        later,
        `${later === low ? `is at least ${out[low]}` : `is at most ${out[high]}`}, but ${at.a} says ${later === low ? `at most ${out[high]}` : `at least ${out[low]}`}`,
      );
    }
  }
  if (whole) return { shape: out as ShapeSpec };
  // Both kept; the wording (the later part's first) and the narrowed values stay visible on the whole.
  const wording = Object.fromEntries([...ANNOTATION_KEYWORDS].flatMap((k) => (k in out ? [[k, out[k]]] : [])));
  return { shape: { ...wording, allOf: [withoutAnnotations(a), withoutAnnotations(b)] } as ShapeSpec };
}

function typesOf(shape: ShapeSpec): JsonType[] | undefined {
  return shape.type === undefined ? undefined : [shape.type].flat();
}

function valuesOf(shape: ShapeSpec): unknown[] | undefined {
  return shape.const !== undefined ? [shape.const] : Array.isArray(shape.enum) ? shape.enum : undefined;
}

function keywordOfValues(shape: ShapeSpec): string {
  return shape.const !== undefined ? "const" : "enum";
}

function withoutValues(shape: ShapeSpec): ShapeSpec {
  const { const: _const, enum: _enum, ...rest } = shape;
  return rest;
}

function withoutAnnotations(shape: ShapeSpec): ShapeSpec {
  return Object.fromEntries(Object.entries(shape).filter(([k]) => !ANNOTATION_KEYWORDS.has(k))) as ShapeSpec;
}

/** The keyword a contradiction is reported at when the later side constrains without values. */
function firstConstraint(shape: ShapeSpec): string {
  return Object.keys(shape).find((k) => !ANNOTATION_KEYWORDS.has(k)) ?? "";
}

/** What a declaration allows, in a few words: `type: string`, `"a" or "b"`, `minLength: 3`. */
function describe(shape: ShapeSpec): string {
  const values = valuesOf(shape);
  if (values) return values.map((v) => JSON.stringify(v)).join(" or ");
  const said = Object.entries(withoutAnnotations(shape)).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return said.join(", ") || "any value";
}
