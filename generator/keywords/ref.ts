/**
 * `$ref: "#/$defs/Name"`: a shared shape of the spec's top-level `$defs`. It becomes one exported
 * type and one validator, imported wherever it is used; definitions may refer to themselves.
 * Nothing else is ever read: a reference to a file, a URL or another part of the spec is refused.
 */
import { refName } from "../shape.js";
import type { Keyword } from "./keyword.js";
import { deeper } from "./union.js";

export const ref: Keyword = {
  names: ["$ref"],
  read(spec, shape) {
    if (spec.$ref !== undefined) shape.ref = refName(spec.$ref);
  },
  check(spec, context) {
    if (spec.$ref === undefined) return;
    if (!spec.$ref.startsWith("#/$defs/"))
      context.report(
        ["$ref"],
        `${JSON.stringify(spec.$ref)} is not supported: declare the shape under $defs at the top of the spec and use "#/$defs/Name" (the generator never reads other files or the network)`,
      );
    else if (!(refName(spec.$ref) in context.defs))
      context.report(
        ["$ref"],
        `points at ${JSON.stringify(refName(spec.$ref))}, which $defs does not declare; declared: ${Object.keys(context.defs).join(", ") || "none"}`,
      );
  },
  accepts(shape, value, path, _out, context) {
    const target = shape.ref === undefined ? undefined : context.defs.get(shape.ref);
    if (target) context.check(target, value, path);
  },
  guard(shape, v, path, g) {
    if (shape.ref === undefined) return [];
    return [
      `if (!${g.validatorOf(shape.ref)}(${v}, issues, ${path.expression()}, ${deeper(g.depth)}) && issues === undefined) return false;`,
    ];
  },
  tsType(shape, context) {
    return shape.ref === undefined ? undefined : context.reference(shape.ref);
  },
  schema(shape, out) {
    if (shape.ref !== undefined) out.$ref = `#/$defs/${shape.ref}`;
  },
};
