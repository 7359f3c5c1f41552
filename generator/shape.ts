/**
 * Shapes in their normalized form (the model every emitter reads), and the generator's own reading
 * of what a shape allows (examples are checked with it). What each keyword means lives in its
 * module under `keywords/`; this file only walks shapes and hands each keyword its part.
 */
import { KEYWORDS } from "./keywords/index.js";
import type { AcceptContext, ShapeMismatch } from "./keywords/keyword.js";
import type { JsonType, JsonValue, SchemaSpec } from "./spec.js";

export type { ShapeMismatch } from "./keywords/keyword.js";

/**
 * A value's shape, normalized: `type` is always a list (or absent for "any value"), `const` is a
 * one-value `values`, `$ref` is the name of a shared shape, and properties keep the spec's order.
 */
export interface Shape {
  // Annotations: documentation only, never checked.
  title?: string;
  description?: string;
  default?: unknown;
  examples?: readonly unknown[];
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  format?: string;
  /** Allowed JSON types, in the canonical order of JSON_TYPES; absent means any value. */
  types?: readonly JsonType[];
  /** The only values allowed (`enum`, or `const` as a single value). */
  values?: readonly JsonValue[];
  /** True when the values came from `const`, so the exported schema says `const` again. */
  isConst?: boolean;
  /** Known values of an open enum (`x-extensible-enum`): any string is allowed, these are suggested. */
  openValues?: readonly string[];
  /** Known fields of an object; fields not named here are allowed unless `closed`. */
  properties?: readonly Property[];
  /** The shape of every value not named in `properties` nor matched by `patterns`. */
  mapValues?: Shape;
  /** `additionalProperties: false`: names outside `properties` and `patterns` are refused. */
  closed?: boolean;
  patterns?: readonly { pattern: string; shape: Shape }[];
  minProperties?: number;
  maxProperties?: number;
  /** The shape of every item of an array. */
  items?: Shape;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  anyOf?: readonly Shape[];
  oneOf?: readonly Shape[];
  allOf?: readonly Shape[];
  /** The name of a shared shape (`$defs`), which the value must also match. */
  ref?: string;
  /** The schema `false`: no value matches (a property so shaped must be absent). */
  never?: boolean;
}

export type MutableShape = { -readonly [K in keyof Shape]: Shape[K] };

export interface Property {
  name: string;
  required: boolean;
  shape: Shape;
}

export const JSON_TYPES: readonly JsonType[] = ["object", "array", "string", "integer", "number", "boolean", "null"];

/**
 * The shape a spec describes. `$ref: "#/$defs/Name"` stays a reference by name; the schema `true`
 * is the empty shape (any value) and `false` the shape no value matches.
 */
export function toShape(spec: SchemaSpec): Shape {
  if (typeof spec === "boolean") return spec ? {} : { never: true };
  const shape: MutableShape = {};
  for (const keyword of KEYWORDS) keyword.read?.(spec, shape, toShape);
  return shape;
}

/** The name a `$ref` points at: `#/$defs/Name` → `Name`. */
export function refName(ref: string): string {
  return decodeURIComponent(ref.slice("#/$defs/".length)).replace(/~1/g, "/").replace(/~0/g, "~");
}

/** How deep the generator's own check follows shapes into one another (references can loop). */
const MAX_CHECK_DEPTH = 1_000;

/**
 * Every place where `value` does not match `shape`, with messages worded as the guards word them.
 * `defs` holds the shared shapes `$ref` names; `checkFormats` says whether `format` is checked.
 */
export function mismatches(
  shape: Shape,
  value: unknown,
  defs: ReadonlyMap<string, Shape> = new Map(),
  checkFormats = false,
): ShapeMismatch[] {
  const out: ShapeMismatch[] = [];
  // Where mismatches go: a union tries its branches into lists of their own.
  let sink = out;
  // Shapes nest as deep as the value, but references may loop: the walk stops, as the guards do.
  let depth = 0;
  const context: AcceptContext = {
    defs,
    checkFormats,
    check: (child, childValue, path, into = sink) => {
      if (childValue === undefined) {
        into.push({ path, message: "is required" });
        return false;
      }
      if (depth >= MAX_CHECK_DEPTH) {
        into.push({ path, message: `is nested more than ${MAX_CHECK_DEPTH} shapes deep` });
        return false;
      }
      const [saved, before] = [sink, into.length];
      sink = into;
      depth++;
      try {
        for (const keyword of KEYWORDS) {
          keyword.accepts?.(child, childValue, path, into, context);
          // The value's type decides whether the rest applies; the guards stop there too.
          if (keyword.decidesType && into.length > before) break;
        }
      } finally {
        depth--;
        sink = saved;
      }
      return into.length === before;
    },
  };
  context.check(shape, value, []);
  return out;
}

/** The shapes nested in a shape (references not followed). */
export function childrenOf(shape: Shape): Shape[] {
  return [
    ...(shape.properties ?? []).map((p) => p.shape),
    ...(shape.patterns ?? []).map((p) => p.shape),
    ...[shape.mapValues, shape.items].filter((s): s is Shape => s !== undefined),
    ...(shape.anyOf ?? []),
    ...(shape.oneOf ?? []),
    ...(shape.allOf ?? []),
  ];
}

/** A JSON value's type as JSON Schema names it, integers apart from other numbers. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** True when `value` has the JSON type `type` (integers are numbers too). */
export function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    case "number":
      return Number.isFinite(value);
    case "null":
      return value === null;
    default:
      return typeof value === type;
  }
}
