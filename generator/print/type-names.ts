/** The names the types of a module's declarations refer to: what its `.d.ts` must import. */
import type { Declaration } from "./declarations.js";
import type { Member, TypeNode } from "./types.js";

export function typeNames(declarations: readonly Declaration[]): Set<string> {
  const names = new Set<string>();
  const visit = (x: TypeNode | undefined): void => {
    if (!x) return;
    switch (x.k) {
      case "text":
        if (/^[A-Za-z_$][\w$]*$/.test(x.text)) names.add(x.text);
        return;
      case "readonly":
        return visit(x.type);
      case "mapped":
        visit(x.keys);
        return visit(x.value);
      case "ref":
        names.add(x.name);
        return x.args.forEach(visit);
      case "union":
      case "intersection":
        return x.types.forEach(visit);
      case "array":
        return visit(x.item);
      case "tuple":
        return x.items.forEach(visit);
      case "object":
        return x.members.forEach((m: Member) => visit(m.type));
      case "function":
        x.params.forEach((p) => visit(p.type));
        return visit(x.returns);
      case "indexed":
        visit(x.object);
        return visit(x.index);
      case "predicate":
        return visit(x.type);
    }
  };
  for (const d of declarations) {
    if (d.k === "type") visit(d.type);
    else if (d.k === "interface") d.members.forEach((m) => visit(m.type));
    else if (d.k === "function" && d.exported) {
      d.params.forEach((p) => visit(p.type));
      visit(d.returns);
    } else if (d.k === "const" && d.exported) visit(d.type);
  }
  return names;
}
