/** `type`: the JSON types a value may have (one name or a list; `integer` is a whole `number`). */
import { hasType, JSON_TYPES } from "../shape.js";
import { describeValue } from "../runtime/validation.js";
import { chain, not } from "../print/expressions.js";
import { t, union } from "../print/types.js";
import { arrayType } from "./array.js";
import { negate, TYPE_TESTS, type Keyword } from "./keyword.js";
import { objectType } from "./object.js";

export const type: Keyword = {
  names: ["type"],
  decidesType: true,
  read(spec, shape) {
    if (spec.type === undefined) return;
    const declared = [spec.type].flat();
    shape.types = JSON_TYPES.filter((t) => declared.includes(t));
  },
  accepts(shape, value, path, out) {
    // Listed values imply their types, and say more; `values` reports for both.
    if (shape.values || !shape.types) return;
    if (!shape.types.some((t) => hasType(value, t))) {
      const expected = shape.types.join(" or ");
      out.push({
        path,
        message: value === undefined ? "is required" : `expected ${expected}, got ${describeValue(value, expected)}`,
      });
    }
  },
  test(shape, v, guard) {
    if (shape.values || !shape.types) return undefined;
    if (shape.types.includes("object")) guard.helper("isObject");
    const tests = shape.types.map((jsonType) => TYPE_TESTS[jsonType](v));
    const mismatch = tests.length === 1 ? negate(tests[0]!) : not(chain("||", tests));
    return { mismatch, expected: shape.types.join(" or ") };
  },
  tsType(shape, context) {
    if (shape.values || shape.openValues) return undefined;
    const types =
      shape.types ?? (shape.properties || shape.mapValues || shape.patterns ? ["object" as const] : undefined);
    if (!types) return shape.items ? arrayType(shape, context) : undefined;
    // `type: object` beside `$ref`, `allOf`, `anyOf` or `oneOf`, and nothing else about the object:
    // those say what the object is; an index signature would say more than the schema does.
    const objectKeywords = shape.properties || shape.patterns || shape.mapValues || shape.closed;
    const described = shape.ref !== undefined || shape.allOf || shape.anyOf || shape.oneOf;
    if (types.length === 1 && types[0] === "object" && !objectKeywords && described) return undefined;
    const names = types.flatMap((name) => {
      if (name === "integer") return types.includes("number") ? [] : [t("number")];
      if (name === "object") return [objectType(shape, context)];
      if (name === "array") return [arrayType(shape, context)];
      return [t(name)];
    });
    return union(names);
  },
  schema(shape, out) {
    if (shape.types) out.type = shape.types.length === 1 ? shape.types[0] : shape.types;
  },
};
