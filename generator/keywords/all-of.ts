/**
 * `allOf`: the value matches every member. The type is their intersection; members that no value
 * could satisfy together (different types, different constants for one property, a closed member
 * beside members that name other properties) are refused when the spec is read.
 */
import { intersection } from "../print/types.js";
import { equalJson } from "../runtime/validation.js";
import type { Keyword } from "./keyword.js";
import { followRefs } from "./ref.js";

export const allOf: Keyword = {
  names: ["allOf"],
  read(spec, shape, read) {
    if (spec.allOf !== undefined) shape.allOf = spec.allOf.map(read);
  },
  check(spec, context) {
    if (spec.allOf === undefined) return;
    // `true` and `false` members say nothing about types or properties; `false` alone makes the
    // whole shape match nothing, which JSON Schema allows.
    const members = spec.allOf.map((m) => followRefs(m, context.defs)).map((m) => (typeof m === "object" ? m : {}));
    const typed = members.map((m, i) => [i, m.type && [m.type].flat()] as const).filter(([, t]) => t);
    for (const [i, types] of typed.slice(1)) {
      const [first, firstTypes] = typed[0]!;
      const common = types!.filter(
        (t) =>
          firstTypes!.includes(t) ||
          (t === "integer" && firstTypes!.includes("number")) ||
          (t === "number" && firstTypes!.includes("integer")),
      );
      if (common.length === 0)
        context.report(
          ["allOf", i],
          `has type ${types!.join(" or ")}, but allOf[${first}] has type ${firstTypes!.join(" or ")}: no value can be both`,
        );
    }
    // Properties named by several members must not pin different constants.
    const pinned = new Map<string, { value: unknown; member: number }>();
    members.forEach((m, i) => {
      for (const [name, p] of Object.entries(m.properties ?? {})) {
        const followed = followRefs(p, context.defs);
        const value = typeof followed === "object" ? followed.const : undefined;
        if (value === undefined) continue;
        const before = pinned.get(name);
        if (before && !equalJson(before.value, value))
          context.report(
            ["allOf", i, "properties", name],
            `is ${JSON.stringify(value)}, but allOf[${before.member}] makes it ${JSON.stringify(before.value)}: no value can be both`,
          );
        else pinned.set(name, { value, member: i });
      }
    });
    members.forEach((m, i) => {
      if (m.additionalProperties !== false) return;
      const own = new Set(Object.keys(m.properties ?? {}));
      const others = [
        ...members.flatMap((o, j) => (j === i ? [] : Object.keys(o.properties ?? {}))),
        ...Object.keys(spec.properties ?? {}),
      ];
      const outside = others.find((name) => !own.has(name));
      if (outside !== undefined)
        context.report(
          ["allOf", i, "additionalProperties"],
          `closes this member, so "${outside}", which another part names, could never be present; merge the members into one shape and close that`,
        );
    });
  },
  guard(shape, v, path, g) {
    return (shape.allOf ?? []).flatMap((member) => g.checks(member, v, path));
  },
  accepts(shape, value, path, _out, context) {
    for (const member of shape.allOf ?? []) context.check(member, value, path);
  },
  tsType(shape, context) {
    return shape.allOf ? intersection(shape.allOf.map((m) => context.typeOf(m))) : undefined;
  },
  schema(shape, out, child) {
    if (shape.allOf) out.allOf = shape.allOf.map(child);
  },
};
