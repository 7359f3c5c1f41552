/**
 * `$ref: "#/$defs/Name"`: a shared shape of the spec's top-level `$defs`. It becomes one exported
 * type and one validator, imported wherever it is used; definitions may refer to themselves.
 * Nothing else is ever read: a reference to a file, a URL or another part of the spec is refused.
 */
import type { DataPath } from "../errors.js";
import { refName } from "../shape.js";
import type { SchemaSpec } from "../spec.js";
import { call } from "../print/expressions.js";
import { deeper, stopUnless, type Keyword } from "./keyword.js";

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
    return [stopUnless(call(g.validatorOf(shape.ref), [v, "issues", path.expression(), deeper(g.depth)]))];
  },
  tsType(shape, context) {
    return shape.ref === undefined ? undefined : context.reference(shape.ref);
  },
  schema(shape, out) {
    if (shape.ref !== undefined) out.$ref = `#/$defs/${shape.ref}`;
  },
};

/**
 * Where a shared shape reaches itself through references and `anyOf` / `oneOf` / `allOf` alone,
 * with no value in between (`Loop: { oneOf: [{ $ref: "#/$defs/Loop" }, …] }`), or undefined.
 * Such a shape never says what a value is, and checking one would never end: the spec refuses it.
 */
export function loopWithoutValue(name: string, defs: Readonly<Record<string, SchemaSpec>>): DataPath | undefined {
  const seen = new Set<string>();
  const visit = (shape: SchemaSpec | undefined, path: DataPath, inRoot: boolean): DataPath | undefined => {
    if (!shape || typeof shape !== "object") return undefined;
    if (typeof shape.$ref === "string" && shape.$ref.startsWith("#/$defs/")) {
      const target = refName(shape.$ref);
      if (target === name) return inRoot ? [...path, "$ref"] : path;
      if (!seen.has(target)) {
        seen.add(target);
        // Through another shape, the place to report stays this shape's reference.
        const found = visit(defs[target], inRoot ? [...path, "$ref"] : path, false);
        if (found) return found;
      }
    }
    for (const kind of ["anyOf", "oneOf", "allOf"] as const) {
      const members = shape[kind];
      if (!Array.isArray(members)) continue;
      for (const [i, member] of members.entries()) {
        const found = visit(member, inRoot ? [...path, kind, i] : path, inRoot);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(defs[name], [], true);
}

/** A shape with its references followed to the shared shape they name, as far as `defs` declares them. */
export function followRefs(
  shape: SchemaSpec,
  defs: Readonly<Record<string, SchemaSpec>> | undefined,
  depth = 0,
): SchemaSpec {
  if (typeof shape === "boolean") return shape;
  const name = shape.$ref?.startsWith("#/$defs/") ? refName(shape.$ref) : undefined;
  const target = name === undefined ? undefined : defs?.[name];
  return target && depth < 32 ? followRefs(target, defs, depth + 1) : shape;
}
