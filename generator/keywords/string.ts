/**
 * `minLength`, `maxLength`, `pattern`. Lengths count Unicode code points, as JSON Schema does
 * (an emoji is one character); patterns are ECMAScript regular expressions with the `u` flag.
 */
import { stringLength } from "../runtime/validation.js";
import { hasType } from "../shape.js";
import { binary, call, member, newExpr, not, num, str, template } from "../print/expressions.js";
import type { Stmt } from "../print/statements.js";
import { plural, type Keyword } from "./keyword.js";

export const string: Keyword = {
  names: ["minLength", "maxLength", "pattern"],
  appliesTo: "string",
  read(spec, shape) {
    if (spec.minLength !== undefined) shape.minLength = spec.minLength;
    if (spec.maxLength !== undefined) shape.maxLength = spec.maxLength;
    if (spec.pattern !== undefined) shape.pattern = spec.pattern;
  },
  check(spec, context) {
    if (spec.minLength !== undefined && spec.maxLength !== undefined && spec.minLength > spec.maxLength)
      context.report(["minLength"], `is more than maxLength (${spec.maxLength}): no string could match`);
    if (spec.pattern !== undefined) {
      try {
        new RegExp(spec.pattern, "u");
      } catch (error) {
        context.report(["pattern"], `is not a valid regular expression: ${(error as Error).message}`);
      }
    }
  },
  accepts(shape, value, path, out) {
    if (!hasType(value, "string")) return;
    const text = value as string;
    const length = stringLength(text);
    if (shape.minLength !== undefined && length < shape.minLength)
      out.push({ path, message: `expected at least ${plural(shape.minLength, "character")}, got ${length}` });
    if (shape.maxLength !== undefined && length > shape.maxLength)
      out.push({ path, message: `expected at most ${plural(shape.maxLength, "character")}, got ${length}` });
    if (shape.pattern !== undefined && !new RegExp(shape.pattern, "u").test(text))
      out.push({ path, message: `expected a string matching /${shape.pattern}/` });
  },
  guard(shape, v, path, g) {
    const out: Stmt[] = [];
    const length = () => call(g.helper("stringLength"), [v]);
    if (shape.minLength !== undefined)
      out.push(
        g.report(
          binary(length(), "<", num(shape.minLength)),
          path,
          template([`expected at least ${plural(shape.minLength, "character")}, got `, ""], [length()]),
        ),
      );
    if (shape.maxLength !== undefined)
      out.push(
        g.report(
          binary(length(), ">", num(shape.maxLength)),
          path,
          template([`expected at most ${plural(shape.maxLength, "character")}, got `, ""], [length()]),
        ),
      );
    if (shape.pattern !== undefined) {
      const regex = g.constant("PATTERN", newExpr("RegExp", [str(shape.pattern), str("u")]));
      out.push(
        g.report(not(call(member(regex, "test"), [v])), path, str(`expected a string matching /${shape.pattern}/`)),
      );
    }
    return out;
  },
  schema(shape, out) {
    if (shape.minLength !== undefined) out.minLength = shape.minLength;
    if (shape.maxLength !== undefined) out.maxLength = shape.maxLength;
    if (shape.pattern !== undefined) out.pattern = shape.pattern;
  },
  doc(shape) {
    return [
      ...(shape.minLength !== undefined ? [`@minLength ${shape.minLength}`] : []),
      ...(shape.maxLength !== undefined ? [`@maxLength ${shape.maxLength}`] : []),
      ...(shape.pattern !== undefined ? [`@pattern ${shape.pattern}`] : []),
    ];
  },
};
