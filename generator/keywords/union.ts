/**
 * `anyOf` and `oneOf`: unions. Object branches told apart by a required property with one string
 * value each (a discriminator, such as `type`) are checked by a `switch` on it: one branch is
 * tried, whatever the number of branches. Otherwise each branch is tried. `oneOf` keeps its
 * meaning (exactly one branch matches); with a discriminator, at most one can.
 */
import { stringLiteral } from "../emit/code.js";
import { describeValue } from "../runtime/validation.js";
import { hasType, JSON_TYPES, jsonTypeOf, type Shape } from "../shape.js";
import type { JsonType } from "../spec.js";
import {
  TYPE_TESTS,
  type AcceptContext,
  type GuardContext,
  type GuardPath,
  type Keyword,
  type ShapeMismatch,
} from "./keyword.js";

type Kind = "anyOf" | "oneOf";

export const union: Keyword = {
  names: ["anyOf", "oneOf"],
  read(spec, shape, read) {
    if (spec.anyOf !== undefined) shape.anyOf = spec.anyOf.map(read);
    if (spec.oneOf !== undefined) shape.oneOf = spec.oneOf.map(read);
  },
  check(spec, context) {
    if (spec.anyOf !== undefined && spec["x-extensible-enum"] !== undefined)
      context.report(["anyOf"], "cannot be combined with x-extensible-enum, which is exported as an anyOf", "key");
  },
  accepts(shape, value, path, out, context) {
    for (const kind of ["anyOf", "oneOf"] as const) {
      const branches = shape[kind];
      if (!branches) continue;
      const d = discriminatorOf(branches, context.defs);
      if (d && hasType(value, "object")) {
        const tag = Object.prototype.hasOwnProperty.call(value, d.property)
          ? (value as Record<string, unknown>)[d.property]
          : undefined;
        const branch = typeof tag === "string" ? d.cases.get(tag) : undefined;
        if (branch) context.check(branch, value, path);
        else {
          const expected = expectedTags([...d.cases.keys()]);
          const at = [...path, d.property];
          out.push({
            path: at,
            message: tag === undefined ? "is required" : `expected ${expected}, got ${describeValue(tag, expected)}`,
          });
        }
        continue;
      }
      const matching = branches.filter((b) => context.check(b, value, path, []));
      if (matching.length === 1 || (kind === "anyOf" && matching.length > 1)) continue;
      if (matching.length > 1)
        out.push({ path, message: `matches ${matching.length} shapes of oneOf; it must match exactly one` });
      else explain(branches, value, path, out, context);
    }
  },
  guard(shape, v, path, g) {
    return (["anyOf", "oneOf"] as const).flatMap((kind) =>
      shape[kind] ? unionGuard(kind, shape[kind]!, v, path, g) : [],
    );
  },
  tsType(shape, context) {
    const parts = (["anyOf", "oneOf"] as const).flatMap((kind) => {
      const branches = shape[kind];
      if (!branches) return [];
      const types = [...new Set(branches.map((b) => context.typeOf(b)))];
      // `"a" | "b" | string` would collapse to `string`: keep the known values for completion.
      const literals = types.some((t) => /^"/.test(t));
      return [`(${types.map((t) => (t === "string" && literals ? "(string & {})" : t)).join(" | ")})`];
    });
    return parts.length > 0 ? parts.join(" & ") : undefined;
  },
  schema(shape, out, child) {
    if (shape.anyOf) out.anyOf = shape.anyOf.map(child);
    if (shape.oneOf) out.oneOf = shape.oneOf.map(child);
  },
};

/** The JSON types a shape can accept, looking through references and combinations. */
export function possibleTypes(shape: Shape, defs: ReadonlyMap<string, Shape>, seen = new Set<string>()): Set<JsonType> {
  let types = new Set<JsonType>(shape.types ?? JSON_TYPES);
  if (shape.values) types = new Set(shape.values.map((v) => jsonTypeOf(v) as JsonType));
  if (types.has("integer") || types.has("number")) types.add("integer");
  const narrow = (other: Set<JsonType>) => (types = new Set([...types].filter((t) => other.has(t))));
  if (shape.ref && !seen.has(shape.ref) && defs.has(shape.ref))
    narrow(possibleTypes(defs.get(shape.ref)!, defs, new Set([...seen, shape.ref])));
  for (const member of shape.allOf ?? []) narrow(possibleTypes(member, defs, seen));
  for (const kind of ["anyOf", "oneOf"] as const)
    if (shape[kind]) narrow(new Set(shape[kind]!.flatMap((b) => [...possibleTypes(b, defs, seen)])));
  return types;
}

/** A discriminator: the property every object branch requires, with a distinct string per branch. */
export function discriminatorOf(branches: readonly Shape[], defs: ReadonlyMap<string, Shape>) {
  const resolve = (s: Shape): Shape =>
    s.ref && Object.keys(s).length === 1 && defs.has(s.ref) ? resolve(defs.get(s.ref)!) : s;
  const objects = branches.filter((b) => possibleTypes(b, defs).has("object"));
  if (objects.length < 2) return undefined;
  const others = branches.filter((b) => !objects.includes(b));
  if (objects.some((b) => possibleTypes(b, defs).size !== 1)) return undefined;
  const candidates = (resolve(objects[0]!).properties ?? []).map((p) => p.name);
  for (const name of [...candidates].sort((a, b) => Number(b === "type") - Number(a === "type"))) {
    const cases = new Map<string, Shape>();
    for (const branch of objects) {
      const p = resolve(branch).properties?.find((q) => q.name === name);
      const value = p?.required && p.shape.values?.length === 1 ? p.shape.values[0] : undefined;
      if (typeof value !== "string" || cases.has(value)) break;
      cases.set(value, branch);
    }
    if (cases.size === objects.length) return { property: name, cases, others };
  }
  return undefined;
}

function expectedTags(values: readonly string[]): string {
  return values.length === 1 ? JSON.stringify(values[0]) : `one of ${values.map((x) => JSON.stringify(x)).join(", ")}`;
}

function explain(
  branches: readonly Shape[],
  value: unknown,
  path: (string | number)[],
  out: ShapeMismatch[],
  context: AcceptContext,
): void {
  const type = jsonTypeOf(value) as JsonType;
  const candidates = branches.filter((b) => possibleTypes(b, context.defs).has(type));
  if (candidates.length === 1) context.check(candidates[0]!, value, path);
  else {
    const expected = expectedOf(branches, context.defs);
    out.push({
      path,
      message: value === undefined ? "is required" : `expected ${expected}, got ${describeValue(value, expected)}`,
    });
  }
}

function expectedOf(branches: readonly Shape[], defs: ReadonlyMap<string, Shape>): string {
  const types = new Set(branches.flatMap((b) => [...possibleTypes(b, defs)]));
  if (types.has("number")) types.delete("integer");
  return `${[...types].join(" or ")} (one of ${branches.length} shapes)`;
}

function unionGuard(kind: Kind, branches: readonly Shape[], v: string, path: GuardPath, g: GuardContext): string[] {
  const discriminator = discriminatorOf(branches, g.defs);
  if (discriminator) return discriminated(discriminator, v, path, g);
  const tests = branches.map((b) => `${g.functionFor(b)}(${v}, undefined, "", ${deeper(g.depth)})`);
  const explainLines = explainGuard(branches, v, path, g);
  if (kind === "anyOf")
    return [`if (!(${tests.join(" || ")})) {`, `if (issues === undefined) return false;`, ...explainLines, `}`];
  const count = g.local(`${v}_matches`);
  return [
    `const ${count} = ${tests.map((t) => `(${t} ? 1 : 0)`).join(" + ")};`,
    `if (${count} !== 1) {`,
    `if (issues === undefined) return false;`,
    `if (${count} > 1) ${g.helper("report")}(issues, ${path.expression()}, \`matches \${${count}} shapes of oneOf; it must match exactly one\`);`,
    `else {`,
    ...explainLines,
    `}`,
    `}`,
  ];
}

/** With issues: when only one branch can take the value's type, its own mismatches say most. */
function explainGuard(branches: readonly Shape[], v: string, path: GuardPath, g: GuardContext): string[] {
  const lines: string[] = [];
  for (const type of JSON_TYPES) {
    const candidates = branches.filter((b) => possibleTypes(b, g.defs).has(type));
    if (candidates.length !== 1 || type === "number") continue;
    if (type === "object") g.helper("isObject");
    lines.push(
      `${lines.length > 0 ? "else " : ""}if (${TYPE_TESTS[type](v)}) ${g.functionFor(candidates[0]!)}(${v}, issues, ${path.expression()}, ${deeper(g.depth)});`,
    );
  }
  const fallback = `${g.helper("fail")}(issues, ${path.expression()}, ${stringLiteral(expectedOf(branches, g.defs))}, ${v});`;
  return lines.length > 0 ? [...lines, `else ${fallback}`] : [fallback];
}

function discriminated(
  d: NonNullable<ReturnType<typeof discriminatorOf>>,
  v: string,
  path: GuardPath,
  g: GuardContext,
): string[] {
  const tag = g.local(`${v}_${d.property}`);
  const expected = expectedTags([...d.cases.keys()]);
  const read =
    d.property in Object.prototype
      ? `${g.helper("own")}(${v}, ${stringLiteral(d.property)})`
      : `${v}[${stringLiteral(d.property)}]`;
  const dispatch = [
    `const ${tag} = ${read};`,
    `switch (${tag}) {`,
    ...[...d.cases].flatMap(([value, branch]) => [
      `case ${stringLiteral(value)}:`,
      `if (!${g.functionFor(branch)}(${v}, issues, ${path.expression()}, ${deeper(g.depth)}) && issues === undefined) return false;`,
      `break;`,
    ]),
    `default:`,
    g.fail("true", path.child(d.property), expected, tag),
    `}`,
  ];
  const objectTest = `${g.helper("isObject")}(${v})`;
  const otherTypes = [...new Set(d.others.flatMap((b) => [...possibleTypes(b, g.defs)]))];
  const notObject =
    d.others.length === 0
      ? [g.fail("true", path, "object", v)]
      : [
          `if (!(${d.others.map((b) => `${g.functionFor(b)}(${v}, undefined, "", ${deeper(g.depth)})`).join(" || ")})) {`,
          g.fail("true", path, ["object", ...otherTypes].join(" or "), v),
          `}`,
        ];
  return [`if (!${objectTest}) {`, ...notObject, `} else {`, ...dispatch, `}`];
}

/** The depth one level down: `1` below `0`, `depth + 1` below `depth`. */
export function deeper(depth: string): string {
  return /^\d+$/.test(depth) ? String(Number(depth) + 1) : `${depth} + 1`;
}
