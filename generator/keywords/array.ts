/** `items`, `minItems`, `maxItems`, `uniqueItems`: arrays, their items and their size. */
import { duplicateItems } from "../runtime/validation.js";
import { hasType, type Shape } from "../shape.js";
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
    const out: string[] = [];
    if (shape.items) {
      const index = g.local("i");
      const item = g.local(`${v}_item`);
      const inner = g.checks(shape.items, item, path.index(index));
      if (inner.length > 0)
        out.push(
          `for (let ${index} = 0; ${index} < ${v}.length; ${index}++) {`,
          `const ${item} = ${v}[${index}];`,
          ...inner,
          `}`,
        );
    }
    if (shape.minItems !== undefined)
      out.push(
        g.report(
          `${v}.length < ${shape.minItems}`,
          path,
          `\`expected at least ${plural(shape.minItems, "item")}, got \${${v}.length}\``,
        ),
      );
    if (shape.maxItems !== undefined)
      out.push(
        g.report(
          `${v}.length > ${shape.maxItems}`,
          path,
          `\`expected at most ${plural(shape.maxItems, "item")}, got \${${v}.length}\``,
        ),
      );
    if (shape.uniqueItems) {
      const pair = g.local(`${v}_duplicate`);
      out.push(
        `const ${pair} = ${g.helper("duplicateItems")}(${v});`,
        g.report(
          `${pair} !== undefined`,
          path,
          `\`expected unique items, but items \${${pair}![0]} and \${${pair}![1]} are equal\``,
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
export function arrayType(shape: Shape, context: TypeContext): string {
  const item = shape.items ? context.typeOf(shape.items) : "unknown";
  return /^[\w.$]+$/.test(item) ? `${item}[]` : `(${item})[]`;
}
