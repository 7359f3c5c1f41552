/**
 * `const`, `enum` and `x-extensible-enum`. A closed list says exactly which values are allowed; an
 * open one (`x-extensible-enum`, for values a service adds later) allows any string and suggests
 * the known ones: its type is `"a" | "b" | (string & {})`, so editors complete the known values.
 */
import { describeValue } from "../runtime/validation.js";
import type { Scalar } from "../spec.js";
import { stringLiteral } from "../emit/code.js";
import type { Keyword } from "./keyword.js";

// Beyond this many values one Set lookup beats a chain of comparisons, and keeps the code flat.
const SET_THRESHOLD = 8;

export function expectedValues(values: readonly Scalar[]): string {
  const listed = values.map((value) => JSON.stringify(value));
  return listed.length === 1 ? listed[0]! : `one of ${listed.join(", ")}`;
}

export function literal(value: Scalar): string {
  return value === null ? "null" : typeof value === "string" ? stringLiteral(value) : String(value);
}

export const values: Keyword = {
  names: ["const", "enum", "x-extensible-enum"],
  decidesType: true,
  read(spec, shape) {
    if (spec.const !== undefined) {
      shape.values = [spec.const];
      shape.isConst = true;
    } else if (spec.enum !== undefined) shape.values = spec.enum;
    if (spec["x-extensible-enum"] !== undefined) shape.openValues = spec["x-extensible-enum"];
  },
  check(spec, context) {
    if (spec.const !== undefined && spec.enum !== undefined)
      context.report(["enum"], "cannot be combined with const: keep const for one value, enum for several", "key");
    if (spec["x-extensible-enum"] !== undefined && (spec.const !== undefined || spec.enum !== undefined))
      context.report(
        ["x-extensible-enum"],
        "cannot be combined with const or enum: an enum is either open or closed",
        "key",
      );
    if (spec["x-extensible-enum"] !== undefined && [spec.type].flat().join() !== "string")
      context.report([], "has x-extensible-enum, which lists strings: add type: string");
    // Every listed value must pass the rest of the shape, or the guard and the schema would refuse it.
    const { const: one, enum: many, ...rest } = spec;
    const listed = one !== undefined ? [["const"], one] : undefined;
    for (const [path, value] of listed ? [listed] : (many ?? []).map((v, i) => [["enum", i], v]))
      for (const m of context.accepts(rest, value))
        context.report(
          path as (string | number)[],
          `${JSON.stringify(value)} contradicts the rest of the shape: ${m.message}`,
        );
  },
  accepts(shape, value, path, out) {
    if (!shape.values || shape.values.includes(value as Scalar)) return;
    const expected = expectedValues(shape.values);
    out.push({
      path,
      message: value === undefined ? "is required" : `expected ${expected}, got ${describeValue(value, expected)}`,
    });
  },
  test(shape, v, guard) {
    if (!shape.values) return undefined;
    const mismatch =
      shape.values.length > SET_THRESHOLD
        ? `!${guard.constant("VALUES", `new Set<unknown>([${shape.values.map(literal).join(", ")}])`)}.has(${v})`
        : shape.values.map((value) => `${v} !== ${literal(value)}`).join(" && ");
    return { mismatch, expected: expectedValues(shape.values) };
  },
  tsType(shape) {
    if (shape.values) return shape.values.map(literal).join(" | ");
    if (shape.openValues) return [...shape.openValues.map(literal), "(string & {})"].join(" | ");
    return undefined;
  },
  schema(shape, out) {
    if (shape.values) {
      if (shape.isConst) out.const = shape.values[0];
      else out.enum = shape.values;
    }
    // Exported as published documents write an open enum, which every JSON Schema tool understands.
    if (shape.openValues) out.anyOf = [{ enum: shape.openValues }, { type: "string" }];
  },
  doc(shape) {
    return shape.openValues ? ["Known values are listed; others may be added later, so any string is accepted."] : [];
  },
};
