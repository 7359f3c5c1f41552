/**
 * `properties`, `required`, `additionalProperties` (false: a closed object; a shape: the values of
 * every other key), `patternProperties`, `minProperties`, `maxProperties`. Objects are open unless
 * closed: APIs add fields over time. As in JSON Schema, a pattern applies to every key it matches,
 * and `additionalProperties` to the keys that no property names and no pattern matches.
 */
import { hasType, type Shape } from "../shape.js";
import { member, stringLiteral } from "../emit/code.js";
import { plural, type Keyword, type TypeContext } from "./keyword.js";

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
    const out: string[] = [];
    const properties = shape.properties ?? [];
    // TypeScript gives up on control flow in very long functions (TS2563): large objects are
    // checked a hundred properties per function.
    if (properties.length > PROPERTIES_PER_FUNCTION) {
      for (let i = 0; i < properties.length; i += PROPERTIES_PER_FUNCTION) {
        const part = g.functionFor({ properties: properties.slice(i, i + PROPERTIES_PER_FUNCTION) });
        out.push(`if (!${part}(${v}, issues, ${path.expression()}, ${g.depth}) && issues === undefined) return false;`);
      }
    }
    for (const property of properties.length > PROPERTIES_PER_FUNCTION ? [] : properties) {
      const local = g.local(`${v === "value" ? "" : `${v}_`}${property.name}`);
      // Inherited names (`constructor`, `toString`, `__proto__` …) must be read as own properties.
      const read =
        property.name in Object.prototype
          ? `${g.helper("own")}(${v}, ${stringLiteral(property.name)})`
          : member(v, property.name);
      const checks = g.checks(property.shape, local, path.child(property.name), !property.required);
      if (checks.length > 0) out.push(`const ${local} = ${read};`, ...checks);
    }
    if (shape.patterns || shape.mapValues || shape.closed) {
      const key = g.local("key");
      const entry = g.local(`${v}_entry`);
      const inner: string[] = [];
      const matches: string[] = [];
      for (const p of shape.patterns ?? []) {
        const regex = g.constant("PATTERN", `new RegExp(${stringLiteral(p.pattern)}, "u")`);
        matches.push(`${regex}.test(${key})`);
        const checks = g.checks(p.shape, entry, path.key(key));
        if (checks.length > 0) inner.push(`if (${regex}.test(${key})) {`, ...checks, `}`);
      }
      const others = [
        ...(shape.properties ?? []).map((p) => `${key} !== ${stringLiteral(p.name)}`),
        ...matches.map((m) => `!${m}`),
      ];
      const rest = shape.closed
        ? [g.report(others.join(" && ") || "true", path.key(key), stringLiteral(notAllowed(shape)))]
        : shape.mapValues
          ? g.checks(shape.mapValues, entry, path.key(key))
          : [];
      if (rest.length > 0)
        inner.push(...(others.length > 0 && !shape.closed ? [`if (${others.join(" && ")}) {`, ...rest, `}`] : rest));
      const uses = new RegExp(`\\b${entry.replace(/\$/g, "\\$")}\\b`);
      const read = inner.some((line) => uses.test(line)) ? [`const ${entry} = ${v}[${key}];`] : [];
      if (inner.length > 0) out.push(`for (const ${key} of Object.keys(${v})) {`, ...read, ...inner, `}`);
    }
    const count = () => `Object.keys(${v}).length`;
    if (shape.minProperties !== undefined)
      out.push(
        g.report(
          `${count()} < ${shape.minProperties}`,
          path,
          `\`expected at least ${plural(shape.minProperties, "property")}, got \${${count()}}\``,
        ),
      );
    if (shape.maxProperties !== undefined)
      out.push(
        g.report(
          `${count()} > ${shape.maxProperties}`,
          path,
          `\`expected at most ${plural(shape.maxProperties, "property")}, got \${${count()}}\``,
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

function notAllowed(shape: Shape): string {
  const known = (shape.properties ?? []).map((p) => p.name);
  return `is not allowed: the object is closed${known.length > 0 ? ` (known properties: ${known.join(", ")})` : ""}`;
}

/** The TS type of an object shape: its properties with their docs, and an index signature for maps. */
export function objectType(shape: Shape, context: TypeContext): string {
  const members = (shape.properties ?? []).map((p) => {
    const doc = context.docOf(p.shape);
    const name = /^[A-Za-z_$][\w$]*$/.test(p.name) ? p.name : stringLiteral(p.name);
    return `${doc}${name}${p.required ? "" : "?"}: ${context.typeOf(p.shape)};`;
  });
  const mapped = [...(shape.patterns ?? []).map((p) => p.shape), ...(shape.mapValues ? [shape.mapValues] : [])];
  if (mapped.length > 0) {
    // An index signature must admit every property's type too, or TypeScript refuses the declaration.
    const types = [...mapped, ...(shape.properties ?? []).map((p) => p.shape)].map((s) => context.typeOf(s));
    if (shape.properties?.some((p) => !p.required)) types.push("undefined");
    members.push(`[key: string]: ${[...new Set(types)].join(" | ")};`);
  }
  if (members.length === 0) return shape.closed ? "Record<string, never>" : "Record<string, unknown>";
  return `{\n${members.join("\n")}\n}`;
}
