/** `items`, `minItems`, `maxItems`, `uniqueItems`: arrays, their items and their size. */
import { duplicateItems } from "../runtime/validation.js";
import { hasType, type Shape } from "../shape.js";
import { binary, call, index, member, nonNull, num, template } from "../print/expressions.js";
import { constant, forIndex, variable, type Stmt } from "../print/statements.js";
import { arrayOf, t, type TypeNode } from "../print/types.js";
import { plural, type Keyword, type TypeContext } from "./keyword.js";

export const array: Keyword = {
  names: ["items", "minItems", "maxItems", "uniqueItems"],
  appliesTo: "array",
  read(spec, shape, read) {
    if (spec.items !== undefined) shape.items = read(spec.items);
    if (spec.minItems !== undefined) shape.minItems = spec.minItems;
    if (spec.maxItems !== undefined) shape.maxItems = spec.maxItems;
    if (spec.uniqueItems === true) shape.uniqueItems = true;
  },
  check(spec, context) {
    if (spec.minItems !== undefined && spec.maxItems !== undefined && spec.minItems > spec.maxItems)
      context.report(["minItems"], `is more than maxItems (${spec.maxItems}): no array could match`);
  },
  accepts(shape, value, path, out, context) {
    if (!hasType(value, "array")) return;
    const items = value as unknown[];
    if (shape.items) items.forEach((item, i) => context.check(shape.items!, item, [...path, i]));
    if (shape.minItems !== undefined && items.length < shape.minItems)
      out.push({ path, message: `expected at least ${plural(shape.minItems, "item")}, got ${items.length}` });
    if (shape.maxItems !== undefined && items.length > shape.maxItems)
      out.push({ path, message: `expected at most ${plural(shape.maxItems, "item")}, got ${items.length}` });
    if (shape.uniqueItems) {
      const pair = duplicateItems(items);
      if (pair) out.push({ path, message: `expected unique items, but items ${pair[0]} and ${pair[1]} are equal` });
    }
  },
  guard(shape, v, path, g) {
    const out: Stmt[] = [];
    const length = member(v, "length");
    if (shape.items) {
      const i = g.local("i");
      const item = g.local(`${v}_item`);
      const inner = g.checks(shape.items, item, path.index(i));
      if (inner.length > 0)
        out.push(
          forIndex(variable(i, num(0)), binary(i, "<", length), `${i}++`, [constant(item, index(v, i)), ...inner]),
        );
    }
    if (shape.minItems !== undefined)
      out.push(
        g.report(
          binary(length, "<", num(shape.minItems)),
          path,
          template([`expected at least ${plural(shape.minItems, "item")}, got `, ""], [length]),
        ),
      );
    if (shape.maxItems !== undefined)
      out.push(
        g.report(
          binary(length, ">", num(shape.maxItems)),
          path,
          template([`expected at most ${plural(shape.maxItems, "item")}, got `, ""], [length]),
        ),
      );
    if (shape.uniqueItems) {
      const pair = g.local(`${v}_duplicate`);
      out.push(
        constant(pair, call(g.helper("duplicateItems"), [v])),
        g.report(
          binary(pair, "!==", "undefined"),
          path,
          template(
            ["expected unique items, but items ", " and ", " are equal"],
            [index(nonNull(pair), num(0)), index(nonNull(pair), num(1))],
          ),
        ),
      );
    }
    return out;
  },
  schema(shape, out, child) {
    if (shape.items) out.items = child(shape.items);
    if (shape.minItems !== undefined) out.minItems = shape.minItems;
    if (shape.maxItems !== undefined) out.maxItems = shape.maxItems;
    if (shape.uniqueItems) out.uniqueItems = true;
  },
  doc(shape) {
    return [
      ...(shape.minItems !== undefined ? [`@minItems ${shape.minItems}`] : []),
      ...(shape.maxItems !== undefined ? [`@maxItems ${shape.maxItems}`] : []),
      ...(shape.uniqueItems ? ["@uniqueItems"] : []),
    ];
  },
};

/** `T[]`, or `unknown[]` when the items are not described. */
export function arrayType(shape: Shape, context: TypeContext): TypeNode {
  return arrayOf(shape.items ? context.typeOf(shape.items) : t("unknown"));
}
