/**
 * `properties`, `required`, `additionalProperties` (false: a closed object; a shape: the values of
 * every other key), `patternProperties`, `minProperties`, `maxProperties`. Objects are open unless
 * closed: APIs add fields over time. As in JSON Schema, a pattern applies to every key it matches,
 * and `additionalProperties` to the keys that no property names and no pattern matches.
 */
import { hasType, type Shape } from "../shape.js";
import {
  binary,
  call,
  chain,
  index,
  member,
  newExpr,
  not,
  num,
  str,
  template,
  type Expr,
} from "../print/expressions.js";
import { constant, forOf, ifStmt, type Stmt } from "../print/statements.js";
import { objectType as typeLiteral, ref, t, union, type Member, type TypeNode } from "../print/types.js";
import { plural, stopUnless, type Keyword, type TypeContext } from "./keyword.js";

const PROPERTIES_PER_FUNCTION = 100;

export const object: Keyword = {
  names: ["properties", "required", "additionalProperties", "patternProperties", "minProperties", "maxProperties"],
  appliesTo: "object",
  read(spec, shape, read) {
    if (spec.properties !== undefined) {
      const required = new Set(spec.required ?? []);
      shape.properties = Object.entries(spec.properties).map(([name, child]) => ({
        name,
        required: required.has(name),
        shape: read(child),
      }));
    } else if (spec.required !== undefined) {
      // Required names declared elsewhere (an allOf sibling): required, of any shape.
      shape.properties = spec.required.map((name) => ({ name, required: true, shape: {} }));
    }
    if (spec.additionalProperties === false) shape.closed = true;
    else if (typeof spec.additionalProperties === "object") shape.mapValues = read(spec.additionalProperties);
    if (spec.patternProperties !== undefined)
      shape.patterns = Object.entries(spec.patternProperties).map(([pattern, child]) => ({
        pattern,
        shape: read(child),
      }));
    if (spec.minProperties !== undefined) shape.minProperties = spec.minProperties;
    if (spec.maxProperties !== undefined) shape.maxProperties = spec.maxProperties;
  },
  check(spec, context) {
    spec.required?.forEach((name, i) => {
      if (spec.properties && !(name in spec.properties))
        context.report(
          ["required", i],
          `names "${name}", which is not in properties; declare it or remove it from required`,
        );
    });
    for (const pattern of Object.keys(spec.patternProperties ?? {})) {
      try {
        new RegExp(pattern, "u");
      } catch (error) {
        context.report(
          ["patternProperties", pattern],
          `is not a valid regular expression: ${(error as Error).message}`,
          "key",
        );
      }
    }
    if (spec.minProperties !== undefined && spec.maxProperties !== undefined && spec.minProperties > spec.maxProperties)
      context.report(["minProperties"], `is more than maxProperties (${spec.maxProperties}): no object could match`);
  },
  accepts(shape, value, path, out, context) {
    if (!hasType(value, "object")) return;
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    for (const p of shape.properties ?? []) {
      const child = Object.prototype.hasOwnProperty.call(object, p.name) ? object[p.name] : undefined;
      if (child !== undefined || p.required) context.check(p.shape, child, [...path, p.name]);
    }
    if (shape.patterns || shape.mapValues || shape.closed) {
      const known = new Set((shape.properties ?? []).map((p) => p.name));
      const patterns = (shape.patterns ?? []).map((p) => ({ test: new RegExp(p.pattern, "u"), shape: p.shape }));
      for (const key of keys) {
        const matched = patterns.filter((p) => p.test.test(key));
        for (const p of matched) context.check(p.shape, object[key], [...path, key]);
        if (known.has(key) || matched.length > 0) continue;
        if (shape.closed) out.push({ path: [...path, key], message: notAllowed(shape) });
        else if (shape.mapValues) context.check(shape.mapValues, object[key], [...path, key]);
      }
    }
    if (shape.minProperties !== undefined && keys.length < shape.minProperties)
      out.push({ path, message: `expected at least ${plural(shape.minProperties, "property")}, got ${keys.length}` });
    if (shape.maxProperties !== undefined && keys.length > shape.maxProperties)
      out.push({ path, message: `expected at most ${plural(shape.maxProperties, "property")}, got ${keys.length}` });
  },
  guard(shape, v, path, g) {
    const out: Stmt[] = [];
    const properties = shape.properties ?? [];
    // TypeScript gives up on control flow in very long functions (TS2563): large objects are
    // checked a hundred properties per function.
    const split = properties.length > PROPERTIES_PER_FUNCTION;
    for (let i = 0; split && i < properties.length; i += PROPERTIES_PER_FUNCTION) {
      const part = g.functionFor({ properties: properties.slice(i, i + PROPERTIES_PER_FUNCTION) });
      out.push(stopUnless(call(part, [v, "issues", path.expression(), g.depth])));
    }
    for (const property of split ? [] : properties) {
      const local = g.local(`${v === "value" ? "" : `${v}_`}${property.name}`);
      // Inherited names (`constructor`, `toString`, `__proto__` …) must be read as own properties.
      const read =
        property.name in Object.prototype ? call(g.helper("own"), [v, str(property.name)]) : member(v, property.name);
      const checks = g.checks(property.shape, local, path.child(property.name), !property.required);
      if (checks.length > 0) out.push(constant(local, read), ...checks);
    }
    if (shape.patterns || shape.mapValues || shape.closed) out.push(...otherKeys(shape, v, path, g));
    const count = () => member(call(member("Object", "keys"), [v]), "length");
    if (shape.minProperties !== undefined)
      out.push(
        g.report(
          binary(count(), "<", num(shape.minProperties)),
          path,
          template([`expected at least ${plural(shape.minProperties, "property")}, got `, ""], [count()]),
        ),
      );
    if (shape.maxProperties !== undefined)
      out.push(
        g.report(
          binary(count(), ">", num(shape.maxProperties)),
          path,
          template([`expected at most ${plural(shape.maxProperties, "property")}, got `, ""], [count()]),
        ),
      );
    return out;
  },
  schema(shape, out, child) {
    if (shape.properties) {
      // defineProperty keeps a `__proto__` property an own key of the written JSON.
      const properties: Record<string, unknown> = {};
      for (const p of shape.properties)
        Object.defineProperty(properties, p.name, { value: child(p.shape), enumerable: true });
      out.properties = properties;
      const required = shape.properties.filter((p) => p.required).map((p) => p.name);
      if (required.length > 0) out.required = required;
    }
    if (shape.closed) out.additionalProperties = false;
    if (shape.mapValues) out.additionalProperties = child(shape.mapValues);
    if (shape.patterns)
      out.patternProperties = Object.fromEntries(shape.patterns.map((p) => [p.pattern, child(p.shape)]));
    if (shape.minProperties !== undefined) out.minProperties = shape.minProperties;
    if (shape.maxProperties !== undefined) out.maxProperties = shape.maxProperties;
  },
  doc(shape) {
    return [
      ...(shape.minProperties !== undefined ? [`@minProperties ${shape.minProperties}`] : []),
      ...(shape.maxProperties !== undefined ? [`@maxProperties ${shape.maxProperties}`] : []),
    ];
  },
};

/** The loop over keys that patterns match, that a map's shape describes or that a closed object refuses. */
function otherKeys(
  shape: Shape,
  v: string,
  path: Parameters<NonNullable<Keyword["guard"]>>[2],
  g: Parameters<NonNullable<Keyword["guard"]>>[3],
): Stmt[] {
  const key = g.local("key");
  const entry = g.local(`${v}_entry`);
  const inner: Stmt[] = [];
  const matches: Expr[] = [];
  let readsEntry = false;
  for (const p of shape.patterns ?? []) {
    const regex = g.constant("PATTERN", newExpr("RegExp", [str(p.pattern), str("u")]));
    const test = call(member(regex, "test"), [key]);
    matches.push(test);
    const checks = g.checks(p.shape, entry, path.key(key));
    if (checks.length > 0) inner.push(ifStmt(test, checks));
    readsEntry ||= checks.length > 0;
  }
  const others = [
    ...(shape.properties ?? []).map((p) => binary(key, "!==", str(p.name))),
    ...matches.map((m) => not(m)),
  ];
  const condition = others.length > 0 ? chain("&&", others) : undefined;
  if (shape.closed) inner.push(g.report(condition, path.key(key), str(notAllowed(shape))));
  else if (shape.mapValues) {
    const rest = g.checks(shape.mapValues, entry, path.key(key));
    readsEntry ||= rest.length > 0;
    if (rest.length > 0) inner.push(...(condition ? [ifStmt(condition, rest)] : rest));
  }
  if (inner.length === 0) return [];
  return [
    forOf(key, call(member("Object", "keys"), [v]), [
      ...(readsEntry ? [constant(entry, index(v, key))] : []),
      ...inner,
    ]),
  ];
}

function notAllowed(shape: Shape): string {
  const known = (shape.properties ?? []).map((p) => p.name);
  return `is not allowed: the object is closed${known.length > 0 ? ` (known properties: ${known.join(", ")})` : ""}`;
}

/** The TS type of an object shape: its properties with their docs, and an index signature for maps. */
export function objectType(shape: Shape, context: TypeContext): TypeNode {
  const members: Member[] = (shape.properties ?? []).map((p) => ({
    name: p.name,
    optional: !p.required,
    type: context.typeOf(p.shape),
    doc: context.docOf(p.shape),
  }));
  const mapped = [...(shape.patterns ?? []).map((p) => p.shape), ...(shape.mapValues ? [shape.mapValues] : [])];
  if (mapped.length > 0) {
    // An index signature must admit every property's type too, or TypeScript refuses the declaration.
    const types = [...mapped, ...(shape.properties ?? []).map((p) => p.shape)].map((s) => context.typeOf(s));
    if (shape.properties?.some((p) => !p.required)) types.push(t("undefined"));
    const distinct = [...new Map(types.map((x) => [JSON.stringify(x), x])).values()];
    members.push({ indexKey: "key", type: union(distinct) });
  }
  if (members.length === 0) return ref("Record", [t("string"), t(shape.closed ? "never" : "unknown")]);
  return typeLiteral(members);
}
