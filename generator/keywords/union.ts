/**
 * `anyOf` and `oneOf`: unions. Object branches told apart by a required property with one string
 * value each (a discriminator, such as `type`) are checked by a `switch` on it: one branch is
 * tried, whatever the number of branches. Otherwise each branch is tried. `oneOf` keeps its
 * meaning (exactly one branch matches); with a discriminator, at most one can.
 */
import { binary, call, chain, id, index, not, str, type Expr } from "../print/expressions.js";
import { describeValue } from "../runtime/validation.js";
import { hasType, JSON_TYPES, jsonTypeOf, type Shape } from "../shape.js";
import type { JsonType } from "../spec.js";
import { breakStmt, constant, exprStmt, ifStmt, ret, switchStmt, type Stmt } from "../print/statements.js";
import { intersection, union as unionType, type TypeNode } from "../print/types.js";
import { OPEN_STRING } from "./values.js";
import {
  deeper,
  stopUnless,
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
      const types = [...new Map(branches.map((b) => context.typeOf(b)).map((x) => [JSON.stringify(x), x])).values()];
      // `"a" | "b" | string` would collapse to `string`: keep the known values for completion.
      const isLiteral = (x: TypeNode) => x.k === "text" && /^["']/.test(x.text);
      const literals = types.some(isLiteral);
      return [unionType(types.map((x) => (x.k === "text" && x.text === "string" && literals ? OPEN_STRING : x)))];
    });
    return parts.length > 0 ? intersection(parts) : undefined;
  },
  schema(shape, out, child) {
    if (shape.anyOf) out.anyOf = shape.anyOf.map(child);
    if (shape.oneOf) out.oneOf = shape.oneOf.map(child);
  },
};

/** The JSON types a shape can accept, looking through references and combinations. */
export function possibleTypes(shape: Shape, defs: ReadonlyMap<string, Shape>, seen = new Set<string>()): Set<JsonType> {
  if (shape.never) return new Set();
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

function unionGuard(kind: Kind, branches: readonly Shape[], v: string, path: GuardPath, g: GuardContext): Stmt[] {
  const discriminator = discriminatorOf(branches, g.defs);
  if (discriminator) return discriminated(discriminator, v, path, g);
  const tests = branches.map((b) => call(g.functionFor(b), [v, "undefined", str(""), deeper(g.depth)]));
  const explanation = explainGuard(branches, v, path, g);
  const stopUncollected = ifStmt(binary("issues", "===", "undefined"), ret(id("false")));
  if (kind === "anyOf") return [ifStmt(not(chain("||", tests)), [stopUncollected, ...explanation])];
  const count = g.local(`${v}_matches`);
  const message = {
    k: "template",
    quasis: ["matches ", " shapes of oneOf; it must match exactly one"],
    exprs: [id(count)],
  } as const;
  return [
    constant(
      count,
      chain(
        "+",
        tests.map((test) => call("Number", [test])),
      ),
    ),
    ifStmt(binary(count, "!==", "1"), [
      stopUncollected,
      ifStmt(
        binary(count, ">", "1"),
        exprStmt(call(g.helper("report"), ["issues", path.expression(), message])),
        explanation,
      ),
    ]),
  ];
}

/** With issues: when only one branch can take the value's type, its own mismatches say most. */
function explainGuard(branches: readonly Shape[], v: string, path: GuardPath, g: GuardContext): Stmt[] {
  const cases: { test: Expr; check: Expr }[] = [];
  for (const type of JSON_TYPES) {
    const candidates = branches.filter((b) => possibleTypes(b, g.defs).has(type));
    if (candidates.length !== 1 || type === "number") continue;
    if (type === "object") g.helper("isObject");
    cases.push({
      test: TYPE_TESTS[type](v),
      check: call(g.functionFor(candidates[0]!), [v, "issues", path.expression(), deeper(g.depth)]),
    });
  }
  const fallback = exprStmt(
    call(g.helper("fail"), ["issues", path.expression(), str(expectedOf(branches, g.defs)), v]),
  );
  return [cases.reduceRight<Stmt>((otherwise, c) => ifStmt(c.test, exprStmt(c.check), otherwise), fallback)];
}

function discriminated(
  d: NonNullable<ReturnType<typeof discriminatorOf>>,
  v: string,
  path: GuardPath,
  g: GuardContext,
): Stmt[] {
  const tag = g.local(`${v}_${d.property}`);
  const expected = expectedTags([...d.cases.keys()]);
  const read = d.property in Object.prototype ? call(g.helper("own"), [v, str(d.property)]) : index(v, str(d.property));
  const dispatch = [
    constant(tag, read),
    switchStmt(id(tag), [
      ...[...d.cases].map(([value, branch]) => ({
        tests: [str(value)],
        body: [stopUnless(call(g.functionFor(branch), [v, "issues", path.expression(), deeper(g.depth)])), breakStmt],
      })),
      { tests: [], body: [g.fail(undefined, path.child(d.property), expected, tag)] },
    ]),
  ];
  const otherTypes = [...new Set(d.others.flatMap((b) => [...possibleTypes(b, g.defs)]))];
  const notObject =
    d.others.length === 0
      ? [g.fail(undefined, path, "object", v)]
      : [
          ifStmt(
            not(
              chain(
                "||",
                d.others.map((b) => call(g.functionFor(b), [v, "undefined", str(""), deeper(g.depth)])),
              ),
            ),
            [g.fail(undefined, path, ["object", ...otherTypes].join(" or "), v)],
          ),
        ];
  return [ifStmt(not(call(g.helper("isObject"), [v])), notObject, dispatch)];
}
