/**
 * Shapes in their normalized form, and the one reading of what a shape allows on the generator's
 * side (examples are checked with it). The guards emitted for the package compile the same rules.
 */
import { describeValue, isObject } from "./runtime/validation.js";
import type { JsonType, Scalar, ShapeSpec } from "./spec.js";

/**
 * A value's shape, normalized: `type` is always a list (or absent for "any value"), `const` is a
 * one-value `values`, and properties keep the order the spec gives them.
 */
export interface Shape {
  description?: string;
  /** Allowed JSON types, in the canonical order of JSON_TYPES; absent means any value. */
  types?: readonly JsonType[];
  /** The only values allowed (`enum`, or `const` as a single value). */
  values?: readonly Scalar[];
  /** Known fields of an object; fields not named here are allowed and not checked. */
  properties?: readonly Property[];
  /** The shape of every value of a map. */
  mapValues?: Shape;
  /** The shape of every item of an array. */
  items?: Shape;
}

export interface Property {
  name: string;
  required: boolean;
  shape: Shape;
}

const JSON_TYPES: readonly JsonType[] = ["object", "array", "string", "integer", "number", "boolean", "null"];

export function toShape(spec: ShapeSpec): Shape {
  const shape: { -readonly [K in keyof Shape]: Shape[K] } = {};
  if (spec.description !== undefined) shape.description = spec.description;
  if (spec.type !== undefined) {
    const declared = [spec.type].flat();
    shape.types = JSON_TYPES.filter((t) => declared.includes(t));
  }
  if (spec.const !== undefined) shape.values = [spec.const];
  else if (spec.enum !== undefined) shape.values = spec.enum;
  if (spec.properties !== undefined) {
    const required = new Set(spec.required ?? []);
    shape.properties = Object.entries(spec.properties).map(([name, child]) => ({
      name,
      required: required.has(name),
      shape: toShape(child),
    }));
  }
  if (spec.additionalProperties !== undefined) shape.mapValues = toShape(spec.additionalProperties);
  if (spec.items !== undefined) shape.items = toShape(spec.items);
  return shape;
}

export interface ShapeMismatch {
  path: (string | number)[];
  message: string;
}

/** Every place where `value` does not match `shape`, with messages worded as the guards word them. */
export function mismatches(
  shape: Shape,
  value: unknown,
  path: (string | number)[] = [],
  out: ShapeMismatch[] = [],
): ShapeMismatch[] {
  const expected = shape.values
    ? shape.values.length === 1
      ? JSON.stringify(shape.values[0])
      : `one of ${shape.values.map((v) => JSON.stringify(v)).join(", ")}`
    : shape.types?.join(" or ");
  if (value === undefined) {
    out.push({ path, message: "is required" });
    return out;
  }
  if (
    shape.values ? !shape.values.includes(value as Scalar) : shape.types && !shape.types.some((t) => hasType(value, t))
  ) {
    out.push({ path, message: `expected ${expected}, got ${describeValue(value, expected!)}` });
    return out;
  }
  if (isObject(value) && (shape.properties || shape.mapValues)) {
    for (const p of shape.properties ?? []) {
      const child = Object.prototype.hasOwnProperty.call(value, p.name) ? value[p.name] : undefined;
      if (child !== undefined || p.required) mismatches(p.shape, child, [...path, p.name], out);
    }
    if (shape.mapValues)
      for (const key of Object.keys(value)) mismatches(shape.mapValues, value[key], [...path, key], out);
  }
  if (Array.isArray(value) && shape.items)
    value.forEach((item, i) => mismatches(shape.items!, item, [...path, i], out));
  return out;
}

function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case "object":
      return isObject(value);
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

/** A JSON value's type as JSON Schema names it, integers apart from other numbers. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}
