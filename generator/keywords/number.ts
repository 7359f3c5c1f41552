/**
 * `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` (numbers, as in 2020-12; the old
 * boolean form is refused) and `multipleOf` (the quotient is a whole number).
 */
import { hasType, type Shape } from "../shape.js";
import { binary, call, member, not, num, template } from "../print/expressions.js";
import type { Stmt } from "../print/statements.js";
import type { Keyword } from "./keyword.js";

type Limit = "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum";

// Each limit: the comparison that fails, and how the message words the bound.
const LIMITS: readonly { key: Limit; fails: string; words: string }[] = [
  { key: "minimum", fails: "<", words: "at least" },
  { key: "maximum", fails: ">", words: "at most" },
  { key: "exclusiveMinimum", fails: "<=", words: "more than" },
  { key: "exclusiveMaximum", fails: ">=", words: "less than" },
];

const failsLimit = (value: number, fails: string, bound: number) =>
  fails === "<" ? value < bound : fails === ">" ? value > bound : fails === "<=" ? value <= bound : value >= bound;

export const number: Keyword = {
  names: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
  appliesTo: "number",
  read(spec, shape) {
    for (const { key } of LIMITS) if (spec[key] !== undefined) shape[key] = spec[key];
    if (spec.multipleOf !== undefined) shape.multipleOf = spec.multipleOf;
  },
  check(spec, context) {
    const low = Math.max(spec.minimum ?? -Infinity, spec.exclusiveMinimum ?? -Infinity);
    const high = Math.min(spec.maximum ?? Infinity, spec.exclusiveMaximum ?? Infinity);
    const open = spec.exclusiveMinimum === low || spec.exclusiveMaximum === high;
    if (low > high || (low === high && open))
      context.report([], `has limits no number can meet (from ${low} to ${high}); check minimum and maximum`);
  },
  accepts(shape, value, path, out) {
    if (!hasType(value, "number")) return;
    const n = value as number;
    for (const { key, fails, words } of LIMITS) {
      const bound = shape[key];
      if (bound !== undefined && failsLimit(n, fails, bound))
        out.push({ path, message: `expected ${words} ${bound}, got ${n}` });
    }
    if (shape.multipleOf !== undefined && !Number.isInteger(n / shape.multipleOf))
      out.push({ path, message: `expected a multiple of ${shape.multipleOf}, got ${n}` });
  },
  guard(shape, v, path, g) {
    const out: Stmt[] = [];
    for (const { key, fails, words } of LIMITS) {
      const bound = shape[key];
      if (bound !== undefined)
        out.push(g.report(binary(v, fails, num(bound)), path, template([`expected ${words} ${bound}, got `, ""], [v])));
    }
    if (shape.multipleOf !== undefined)
      out.push(
        g.report(
          not(call(member("Number", "isInteger"), [binary(v, "/", num(shape.multipleOf))])),
          path,
          template([`expected a multiple of ${shape.multipleOf}, got `, ""], [v]),
        ),
      );
    return out;
  },
  schema(shape, out) {
    for (const { key } of LIMITS) if (shape[key] !== undefined) out[key] = shape[key];
    if (shape.multipleOf !== undefined) out.multipleOf = shape.multipleOf;
  },
  doc(shape: Shape) {
    return [...LIMITS.map((l) => l.key), "multipleOf" as const].flatMap((key) =>
      shape[key] !== undefined ? [`@${key} ${shape[key]}`] : [],
    );
  },
};
