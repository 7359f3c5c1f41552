/**
 * `const`, `enum` and `x-extensible-enum`. A closed list says exactly which values are allowed; an
 * open one (`x-extensible-enum`, for values a service adds later) allows any string and suggests
 * the known ones: its type is `"a" | "b" | (string & {})`, so editors complete the known values.
 */
import { describeValue } from "../runtime/validation.js";
import type { Scalar } from "../spec.js";
import { array, binary, chain, id, member, newExpr, not, num, str, call, type Expr } from "../print/expressions.js";
import { t, union } from "../print/types.js";
import type { Keyword } from "./keyword.js";

// Beyond this many values one Set lookup beats a chain of comparisons, and keeps the code flat.
const SET_THRESHOLD = 8;

export function expectedValues(values: readonly Scalar[]): string {
  const listed = values.map((value) => JSON.stringify(value));
  return listed.length === 1 ? listed[0]! : `one of ${listed.join(", ")}`;
}

/** A listed value as an expression. */
export function literal(value: Scalar): Expr {
  return value === null
    ? id("null")
    : typeof value === "string"
      ? str(value)
      : typeof value === "number"
        ? num(value)
        : id(String(value));
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
        ? not(
            call(
              member(
                guard.constant("VALUES", newExpr("Set", [array(shape.values.map(literal))], [t("unknown")])),
                "has",
              ),
              [v],
            ),
          )
        : chain(
            "&&",
            shape.values.map((value) => binary(v, "!==", literal(value))),
          );
    return { mismatch, expected: expectedValues(shape.values) };
  },
  tsType(shape) {
    const literalType = (value: Scalar) => t((literal(value) as { text: string }).text);
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
