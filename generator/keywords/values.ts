/**
 * `const`, `enum` and `x-extensible-enum`. A closed list says exactly which values are allowed; an
 * open one (`x-extensible-enum`, for values a service adds later) allows any string and suggests
 * the known ones: its type is `"a" | "b" | (string & {})`, so editors complete the known values.
 */
import { describeValue } from "../runtime/validation.js";
import type { JsonValue, Scalar } from "../spec.js";
import { equalJson } from "../runtime/validation.js";
import { numberLiteral, stringLiteral } from "../print/literals.js";
import { valueExpr } from "../print/values.js";
import { array, binary, call, chain, member, newExpr, not } from "../print/expressions.js";
import { objectType, ref, t, tuple, union, type TypeNode } from "../print/types.js";
import type { Keyword } from "./keyword.js";

// Beyond this many values one Set lookup beats a chain of comparisons, and keeps the code flat.
const SET_THRESHOLD = 8;

export function expectedValues(values: readonly JsonValue[]): string {
  const listed = values.map((value) => JSON.stringify(value));
  return listed.length === 1 ? listed[0]! : `one of ${listed.join(", ")}`;
}

const isScalar = (value: JsonValue): value is Scalar => value === null || typeof value !== "object";

/** The most exact type of a value: a literal, an object type of literals, a tuple. */
export function literalType(value: JsonValue): TypeNode {
  if (value === null || typeof value === "boolean") return t(String(value));
  if (typeof value === "number") return t(numberLiteral(value));
  if (typeof value === "string") return t(stringLiteral(value));
  if (Array.isArray(value)) return tuple(value.map(literalType));
  const entries = Object.entries(value);
  if (entries.length === 0) return ref("Record", [t("string"), t("never")]);
  return objectType(
    entries.map(([name, member]) => ({ name, optional: false, type: literalType(member) })),
    false,
  );
}

/** `string & {}`: any string, while editors still complete the known values beside it. */
export const OPEN_STRING = {
  k: "intersection",
  types: [t("string"), { k: "object", members: [], expanded: false }],
} as const;

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
    if (!shape.values || shape.values.some((allowed) => equalJson(allowed, value))) return;
    const expected = expectedValues(shape.values);
    out.push({
      path,
      message: value === undefined ? "is required" : `expected ${expected}, got ${describeValue(value, expected)}`,
    });
  },
  test(shape, v, guard) {
    if (!shape.values) return undefined;
    const scalars = shape.values.every(isScalar);
    // Objects and arrays are compared by value, as JSON Schema compares them (keys in any order).
    const mismatch = !scalars
      ? shape.values.length === 1
        ? not(call(guard.helper("equalJson"), [v, guard.constant("VALUE", valueExpr(shape.values[0]))]))
        : not(call(guard.helper("includesJson"), [guard.constant("VALUES", array(shape.values.map(valueExpr))), v]))
      : shape.values.length > SET_THRESHOLD
        ? not(
            call(
              member(
                guard.constant("VALUES", newExpr("Set", [array(shape.values.map(valueExpr))], [t("unknown")])),
                "has",
              ),
              [v],
            ),
          )
        : chain(
            "&&",
            shape.values.map((value) => binary(v, "!==", valueExpr(value))),
          );
    return { mismatch, expected: expectedValues(shape.values) };
  },
  tsType(shape) {
    if (shape.values) return union(shape.values.map(literalType));
    if (shape.openValues) return union([...shape.openValues.map(literalType), OPEN_STRING]);
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
