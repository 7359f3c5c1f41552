/**
 * What a user would otherwise write or pick, built from the generated package's published JSON
 * Schemas (`schemas/*.json`, the union in `schemas/webhook-event.json`), so that they run on any
 * catalogue and do the same work as the package's guard:
 * - a hand-style guard: straight-line JavaScript written from the schemas as a careful person
 *   writes it (a lookup by the event's name, then `typeof` and property checks, one function per
 *   shared shape), compiled with `new Function`: the practical limit;
 * - zod schemas of the same shapes, with `z.lazy` for every `$ref`, looked up the way zod users
 *   look up events (`z.discriminatedUnion` where one field names the event).
 * Keywords either builder does not check are collected in `skipped`, for the row to say so.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

export type Json = Record<string, unknown>;
type Schema = Json | boolean;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** Keywords that say nothing about which values are valid. */
const ANNOTATIONS = new Set([
  "$schema",
  "$id",
  "$defs",
  "$comment",
  "definitions",
  "title",
  "description",
  "examples",
  "example",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "discriminator",
  "contentEncoding",
  "contentMediaType",
]);

// --- The package's schemas --------------------------------------------------------------------

/** A schema and the document its local references (`#/$defs/…`) point into. */
export interface Located {
  schema: Schema;
  doc: Json;
}

export class SchemaSet {
  readonly root: Json;
  private readonly byId = new Map<string, Json>();

  /** Every schema of a generated package, from its `schemas/` folder. */
  constructor(readonly folder: string) {
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".json"))) {
      const doc = JSON.parse(readFileSync(join(folder, file), "utf8")) as Json;
      if (typeof doc.$id === "string") this.byId.set(doc.$id, doc);
    }
    this.root = JSON.parse(readFileSync(join(folder, "webhook-event.json"), "utf8")) as Json;
  }

  get documents(): Json[] {
    return [...this.byId.values()];
  }

  /**
   * The documents with their `$id`s (and the references to them) moved to URLs, for ajv: it
   * refuses the package's `urn:<package name>:…` ids where the name is longer than a URN's
   * namespace may be (32 characters, RFC 8141), as GitHub's is.
   */
  forAjv(): { root: Json; documents: Json[] } {
    const ids = [...this.byId.keys()].sort((a, b) => b.length - a.length);
    const moved = (doc: Json): Json => {
      let text = JSON.stringify(doc);
      for (const [i, id] of ids.entries()) {
        const quoted = JSON.stringify(id).slice(0, -1);
        text = text
          .split(`${quoted}"`)
          .join(`"https://bench.invalid/${i}"`)
          .split(`${quoted}#`)
          .join(`"https://bench.invalid/${i}#`);
      }
      return JSON.parse(text) as Json;
    };
    const rootId = this.root.$id;
    const documents = [...this.byId.values()].filter((d) => d.$id !== rootId).map(moved);
    return { root: moved(this.root), documents };
  }

  /** Where `ref` (local `#/…` or another document's `$id`, with an optional fragment) leads from `doc`. */
  resolve(ref: string, doc: Json): Located {
    const hash = ref.indexOf("#");
    const id = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? "" : ref.slice(hash + 1);
    const target = id === "" ? doc : this.byId.get(id);
    if (!target) throw new Error(`bench: cannot resolve $ref ${ref}`);
    let schema: unknown = target;
    for (const part of pointer.split("/").slice(1)) {
      const key = decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~");
      schema = (schema as Json)[key];
      if (schema === undefined) throw new Error(`bench: cannot resolve $ref ${ref}`);
    }
    return { schema: schema as Schema, doc: target };
  }

  /** Follows `$ref`s until a schema with more than a reference. */
  deref(at: Located): Located {
    while (isObject(at.schema) && typeof at.schema.$ref === "string" && Object.keys(at.schema).length === 1)
      at = this.resolve(at.schema.$ref, at.doc);
    return at;
  }

  /** The union's members: one schema per event. */
  members(): Located[] {
    const list = (this.root.oneOf ?? this.root.anyOf) as Schema[] | undefined;
    if (!list) throw new Error("bench: schemas/webhook-event.json has no oneOf/anyOf of events");
    return list.map((schema) => this.deref({ schema, doc: this.root }));
  }
}

// --- How an event is found: the dispatch plan ------------------------------------------------

/**
 * The value a member requires at `path` (each step a required property), when it is a constant:
 * the event's name in `type`, a header-named event's `name`, its `payload.action`.
 */
function constAt(set: SchemaSet, member: Located, path: string[]): unknown {
  let at = member;
  for (const key of path) {
    at = set.deref(at);
    const s = at.schema;
    if (!isObject(s) || !isObject(s.properties) || !(s.required as string[] | undefined)?.includes(key))
      return undefined;
    at = set.deref({ schema: s.properties[key] as Schema, doc: at.doc });
  }
  const s = at.schema;
  if (!isObject(s)) return undefined;
  if (s.const !== undefined && typeof s.const !== "object") return s.const;
  if (Array.isArray(s.enum) && s.enum.length === 1 && typeof s.enum[0] !== "object") return s.enum[0];
  return undefined;
}

/** A lookup by the value at `path`, or a list of members to try in order. */
export type Plan =
  { kind: "lookup"; path: string[]; table: Map<unknown, Plan> } | { kind: "members"; members: number[] };

/** Candidate paths: every property, then every property's property (for `payload.action`). */
function candidatePaths(set: SchemaSet, member: Located): string[][] {
  const paths: string[][] = [];
  const top = set.deref(member).schema;
  if (!isObject(top) || !isObject(top.properties)) return paths;
  for (const [key, sub] of Object.entries(top.properties)) {
    paths.push([key]);
    const inner = set.deref({ schema: sub as Schema, doc: member.doc }).schema;
    if (isObject(inner) && isObject(inner.properties))
      for (const key2 of Object.keys(inner.properties)) paths.push([key, key2]);
  }
  return paths;
}

/** A property (or property of a property) that is a distinct constant in each of `indices`. */
export function planOf(set: SchemaSet, members: Located[], indices = members.map((_, i) => i), depth = 0): Plan {
  if (indices.length <= 1 || depth > 2) return { kind: "members", members: indices };
  for (const path of candidatePaths(set, members[indices[0]!]!)) {
    const values = indices.map((i) => constAt(set, members[i]!, path));
    if (values.some((v) => v === undefined) || new Set(values).size === 1) continue;
    const groups = new Map<unknown, number[]>();
    values.forEach((v, j) => groups.set(v, [...(groups.get(v) ?? []), indices[j]!]));
    const table = new Map<unknown, Plan>();
    for (const [value, group] of groups) table.set(value, planOf(set, members, group, depth + 1));
    return { kind: "lookup", path, table };
  }
  return { kind: "members", members: indices };
}

/** How a plan finds the event, in words: "looked up by name, then payload.action". */
export function describePlan(plan: Plan): string {
  if (plan.kind === "members") return "each event tried in turn";
  const inner = new Set<string>();
  for (const sub of plan.table.values()) if (sub.kind === "lookup") inner.add(sub.path.join("."));
  return `looked up by ${[plan.path.join("."), ...inner].join(", then ")}`;
}

// --- The hand-style guard -------------------------------------------------------------------

const TYPE_TEST: Record<string, (v: string) => string> = {
  string: (v) => `typeof ${v} === "string"`,
  integer: (v) => `Number.isInteger(${v})`,
  number: (v) => `typeof ${v} === "number"`,
  boolean: (v) => `typeof ${v} === "boolean"`,
  null: (v) => `${v} === null`,
  object: (v) => `(typeof ${v} === "object" && ${v} !== null && !Array.isArray(${v}))`,
  array: (v) => `Array.isArray(${v})`,
};
const FAMILIES: Record<string, { keywords: string[]; types: string[]; test: (v: string) => string }> = {
  string: { keywords: ["minLength", "maxLength", "pattern", "format"], types: ["string"], test: TYPE_TEST.string! },
  number: {
    keywords: ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
    types: ["number", "integer"],
    test: TYPE_TEST.number!,
  },
  object: {
    keywords: ["properties", "required", "additionalProperties", "patternProperties", "minProperties", "maxProperties"],
    types: ["object"],
    test: TYPE_TEST.object!,
  },
  array: { keywords: ["items", "minItems", "maxItems", "uniqueItems"], types: ["array"], test: TYPE_TEST.array! },
};
const HANDLED = new Set([
  ...ANNOTATIONS,
  "$ref",
  "allOf",
  "anyOf",
  "oneOf",
  "const",
  "enum",
  "type",
  ...Object.values(FAMILIES).flatMap((f) => f.keywords),
]);
const isPrimitive = (v: unknown) => v === null || typeof v !== "object";
const TYPE_OF: Record<string, (v: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  integer: (v) => Number.isInteger(v),
  number: (v) => typeof v === "number",
  boolean: (v) => typeof v === "boolean",
  null: (v) => v === null,
  object: isObject,
  array: Array.isArray,
};

/** Helpers the written guard calls. */
const HELPERS = {
  hasOwn: (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k),
  codePoints(s: string): number {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0xd800 || c > 0xdbff || i + 1 === s.length) n++;
      else {
        const d = s.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
        n++;
      }
    }
    return n;
  },
  multipleOf: (v: number, m: number) => Number.isInteger(v / m),
  canonical(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map((x) => HELPERS.canonical(x)).join(",")}]`;
    if (isObject(v))
      return `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${HELPERS.canonical(v[k])}`)
        .join(",")}}`;
    return JSON.stringify(v);
  },
  unique: (a: unknown[]) => new Set(a.map((x) => HELPERS.canonical(x))).size === a.length,
  equal: (a: unknown, b: unknown) => HELPERS.canonical(a) === HELPERS.canonical(b),
};

export interface Built<T> {
  value: T;
  /** Why a value is refused, where the peer can say. */
  explain?: (v: unknown) => string;
  /** Keywords present in the schemas that this peer does not check. */
  skipped: Set<string>;
  plan: Plan;
}

/** Writes the guard's source: one function per shared shape and per union member, straight-line checks inside. */
export function handWrittenGuard(
  set: SchemaSet,
  checkFormats = false,
): Built<(v: unknown) => boolean> & { source: string } {
  const functions: string[] = [];
  const constants: unknown[] = [];
  const named = new Map<string, string>();
  const skipped = new Set<string>();
  let vars = 0;
  const constant = (value: unknown) => `C[${constants.push(value) - 1}]`;

  // Functions are keyed by their schema's text: the package repeats shared shapes in each event's
  // file, and a person writes each once.
  const functionFor = (at: Located): string => {
    const key = JSON.stringify(at.schema);
    let name = named.get(key);
    if (name) return name;
    name = `f${named.size}`;
    named.set(key, name);
    const out: string[] = [];
    body(at, "v", out);
    functions.push(`function ${name}(v) {\n${out.join("\n")}\nreturn true;\n}`);
    return name;
  };

  const body = (at: Located, v: string, out: string[]): void => {
    const s = at.schema;
    if (s === true) return;
    if (s === false) return void out.push("return false;");
    for (const key of Object.keys(s)) if (!HANDLED.has(key) && !key.startsWith("x-")) skipped.add(key);
    if (typeof s.$ref === "string") out.push(`if (!${functionFor(set.resolve(s.$ref, at.doc))}(${v})) return false;`);
    for (const part of (s.allOf as Schema[] | undefined) ?? []) body({ schema: part, doc: at.doc }, v, out);
    for (const [keyword, parts] of [
      ["anyOf", s.anyOf],
      ["oneOf", s.oneOf],
    ] as const) {
      if (!Array.isArray(parts)) continue;
      const calls = parts.map((p) => `${functionFor({ schema: p as Schema, doc: at.doc })}(${v})`);
      // oneOf: exactly one; where the alternatives cannot overlap (different types), any one is that.
      const typesOf = (p: Schema) => (isObject(p) && p.type ? ([] as string[]).concat(p.type as string[]) : undefined);
      const all = parts.map((p) => typesOf(set.deref({ schema: p as Schema, doc: at.doc }).schema));
      const flat = all.flat().map((t) => (t === "integer" ? "number" : t));
      const disjoint = all.every((t) => t !== undefined) && new Set(flat).size === flat.length;
      if (keyword === "anyOf" || disjoint) out.push(`if (!(${calls.join(" || ")})) return false;`);
      else out.push(`if ((${calls.map((c) => `(${c} ? 1 : 0)`).join(" + ")}) !== 1) return false;`);
    }
    if (s.const !== undefined)
      out.push(
        isPrimitive(s.const)
          ? `if (${v} !== ${JSON.stringify(s.const)}) return false;`
          : `if (!H.equal(${v}, ${constant(s.const)})) return false;`,
      );
    if (Array.isArray(s.enum)) {
      if (!s.enum.every(isPrimitive)) out.push(`if (!${constant(s.enum)}.some((x) => H.equal(x, ${v}))) return false;`);
      else if (s.enum.length <= 6)
        out.push(`if (${s.enum.map((x) => `${v} !== ${JSON.stringify(x)}`).join(" && ")}) return false;`);
      else out.push(`if (!${constant(new Set(s.enum))}.has(${v})) return false;`);
    }
    const types = s.type === undefined ? undefined : ([] as string[]).concat(s.type as string[]);
    if (types) out.push(`if (!(${types.map((t) => TYPE_TEST[t]!(v)).join(" || ")})) return false;`);
    for (const [family, { keywords, types: own, test }] of Object.entries(FAMILIES)) {
      if (!keywords.some((k) => s[k] !== undefined && !(k === "format" && !checkFormats))) continue;
      if (types && !types.some((t) => own.includes(t))) continue;
      const inner: string[] = [];
      if (family === "string") stringChecks(s, v, inner);
      if (family === "number") numberChecks(s, v, inner);
      if (family === "object") objectChecks(at, v, inner);
      if (family === "array") arrayChecks(at, v, inner);
      // Where the type is already known to be this family's, no test; otherwise only for its values.
      if (types && types.every((t) => own.includes(t))) out.push(...inner);
      else out.push(`if (${test(v)}) {`, ...inner, "}");
    }
  };

  const stringChecks = (s: Json, v: string, out: string[]) => {
    // Lengths in code points, as JSON Schema counts them; the UTF-16 length settles most cases.
    if (typeof s.minLength === "number")
      out.push(
        `if (${v}.length < ${s.minLength} || (${v}.length < ${2 * s.minLength} && H.codePoints(${v}) < ${s.minLength})) return false;`,
      );
    if (typeof s.maxLength === "number")
      out.push(`if (${v}.length > ${s.maxLength} && H.codePoints(${v}) > ${s.maxLength}) return false;`);
    if (typeof s.pattern === "string")
      out.push(`if (!${constant(new RegExp(s.pattern, "u"))}.test(${v})) return false;`);
    if (s.format !== undefined && checkFormats) skipped.add("format");
  };
  const numberChecks = (s: Json, v: string, out: string[]) => {
    if (typeof s.minimum === "number") out.push(`if (${v} < ${s.minimum}) return false;`);
    if (typeof s.maximum === "number") out.push(`if (${v} > ${s.maximum}) return false;`);
    if (typeof s.exclusiveMinimum === "number") out.push(`if (${v} <= ${s.exclusiveMinimum}) return false;`);
    if (typeof s.exclusiveMaximum === "number") out.push(`if (${v} >= ${s.exclusiveMaximum}) return false;`);
    if (typeof s.multipleOf === "number") out.push(`if (!H.multipleOf(${v}, ${s.multipleOf})) return false;`);
  };
  const objectChecks = (at: Located, v: string, out: string[]) => {
    const s = at.schema as Json;
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    const required = new Set((s.required as string[] | undefined) ?? []);
    for (const [name, sub] of Object.entries(properties)) {
      const p = `p${vars++}`;
      const key = JSON.stringify(name);
      // Names Object.prototype has (constructor, toString …) are read as own properties only.
      const read = name in Object.prototype ? `(H.hasOwn(${v}, ${key}) ? ${v}[${key}] : undefined)` : `${v}[${key}]`;
      out.push(`const ${p} = ${read};`);
      const inner: string[] = [];
      body({ schema: sub, doc: at.doc }, p, inner);
      if (required.has(name)) out.push(`if (${p} === undefined) return false;`, ...inner);
      else if (inner.length > 0) out.push(`if (${p} !== undefined) {`, ...inner, "}");
    }
    for (const name of required)
      if (!HELPERS.hasOwn(properties, name)) out.push(`if (!H.hasOwn(${v}, ${JSON.stringify(name)})) return false;`);
    const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>);
    const additional = s.additionalProperties as Schema | undefined;
    if (patterns.length > 0 || (additional !== undefined && additional !== true)) {
      const k = `k${vars++}`;
      const known = constant(new Set(Object.keys(properties)));
      out.push(`for (const ${k} of Object.keys(${v})) {`, `let known = ${known}.has(${k});`);
      for (const [pattern, sub] of patterns) {
        const inner: string[] = [];
        const item = `q${vars++}`;
        body({ schema: sub, doc: at.doc }, item, inner);
        out.push(
          `if (${constant(new RegExp(pattern, "u"))}.test(${k})) {`,
          "known = true;",
          `const ${item} = ${v}[${k}];`,
          ...inner,
          "}",
        );
      }
      if (additional === false) out.push("if (!known) return false;");
      else if (additional !== undefined && additional !== true) {
        const inner: string[] = [];
        const item = `q${vars++}`;
        body({ schema: additional, doc: at.doc }, item, inner);
        out.push("if (!known) {", `const ${item} = ${v}[${k}];`, ...inner, "}");
      }
      out.push("}");
    }
    if (typeof s.minProperties === "number")
      out.push(`if (Object.keys(${v}).length < ${s.minProperties}) return false;`);
    if (typeof s.maxProperties === "number")
      out.push(`if (Object.keys(${v}).length > ${s.maxProperties}) return false;`);
  };
  const arrayChecks = (at: Located, v: string, out: string[]) => {
    const s = at.schema as Json;
    if (typeof s.minItems === "number") out.push(`if (${v}.length < ${s.minItems}) return false;`);
    if (typeof s.maxItems === "number") out.push(`if (${v}.length > ${s.maxItems}) return false;`);
    if (s.items !== undefined && s.items !== true) {
      const i = `i${vars++}`;
      const item = `e${vars++}`;
      const inner: string[] = [];
      body({ schema: s.items as Schema, doc: at.doc }, item, inner);
      out.push(`for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`, `const ${item} = ${v}[${i}];`, ...inner, "}");
    }
    if (s.uniqueItems === true) out.push(`if (!H.unique(${v})) return false;`);
  };

  // The entry: find the event (a Map lookup by name, as a person writes for hundreds of events), check it.
  const members = set.members();
  const plan = planOf(set, members);
  const memberFunctions = members.map((m) => functionFor(m));
  const entry = (p: Plan, name: string): string => {
    if (p.kind === "members") {
      const calls = p.members.map((i) => `${memberFunctions[i]}(v)`);
      functions.push(`function ${name}(v) { return ${calls.length > 0 ? calls.join(" || ") : "false"}; }`);
      return name;
    }
    const table = [...p.table].map(([value, sub], j) => [value, entry(sub, `${name}_${j}`)] as const);
    const map = `M_${name}`;
    functions.push(
      `const ${map} = new Map([${table.map(([value, fn]) => `[${JSON.stringify(value)}, ${fn}]`).join(", ")}]);`,
    );
    const read = p.path
      .slice(0, -1)
      .reduce(
        (acc, key) => [
          ...acc,
          `const o${acc.length} = ${acc.length === 0 ? "v" : `o${acc.length - 1}`}[${JSON.stringify(key)}]; if (typeof o${acc.length} !== "object" || o${acc.length} === null) return false;`,
        ],
        [] as string[],
      );
    const last = p.path.length === 1 ? "v" : `o${p.path.length - 2}`;
    functions.push(
      `function ${name}(v) {\nif (typeof v !== "object" || v === null) return false;\n${read.join("\n")}\nconst f = ${map}.get(${last}[${JSON.stringify(p.path.at(-1))}]);\nreturn f !== undefined && f(v);\n}`,
    );
    return name;
  };
  const root = entry(plan, "guard");
  const source = `"use strict";\n${functions.join("\n")}\nreturn ${root};`;
  const value = new Function("H", "C", source)(HELPERS, constants) as (v: unknown) => boolean;
  return { value, skipped, plan, source };
}

// --- zod --------------------------------------------------------------------------------------

/** zod schemas of the same shapes: `z.lazy` for every reference, so shared shapes are built once. */
export function zodGuard(set: SchemaSet, checkFormats = false): Built<(v: unknown) => boolean> & { how: string } {
  const skipped = new Set<string>();
  const lazies = new Map<string, z.ZodType>();

  const ref = (at: Located): z.ZodType => {
    const key = JSON.stringify(at.schema);
    let lazy = lazies.get(key);
    if (!lazy) {
      lazies.set(key, (lazy = z.lazy(() => build(at))));
    }
    return lazy;
  };

  const typed = (type: string, at: Located): z.ZodType => {
    const s = at.schema as Json;
    switch (type) {
      case "string": {
        let t = z.string();
        if (typeof s.minLength === "number") t = t.min(s.minLength);
        if (typeof s.maxLength === "number") t = t.max(s.maxLength);
        if (typeof s.pattern === "string") t = t.regex(new RegExp(s.pattern, "u"));
        if (s.format !== undefined && checkFormats) skipped.add("format");
        return t;
      }
      case "integer":
      case "number": {
        let t = type === "integer" ? z.number().int() : z.number();
        if (typeof s.minimum === "number") t = t.gte(s.minimum);
        if (typeof s.maximum === "number") t = t.lte(s.maximum);
        if (typeof s.exclusiveMinimum === "number") t = t.gt(s.exclusiveMinimum);
        if (typeof s.exclusiveMaximum === "number") t = t.lt(s.exclusiveMaximum);
        if (typeof s.multipleOf === "number") t = t.multipleOf(s.multipleOf);
        return t;
      }
      case "boolean":
        return z.boolean();
      case "null":
        return z.null();
      case "array": {
        let t = z.array(s.items === undefined ? z.unknown() : build({ schema: s.items as Schema, doc: at.doc }));
        if (typeof s.minItems === "number") t = t.min(s.minItems);
        if (typeof s.maxItems === "number") t = t.max(s.maxItems);
        return s.uniqueItems === true ? t.refine(HELPERS.unique) : t;
      }
      default: {
        const properties = (s.properties ?? {}) as Record<string, Schema>;
        const required = new Set((s.required as string[] | undefined) ?? []);
        const built = Object.entries(properties).map(
          ([name, sub]) => [name, build({ schema: sub, doc: at.doc })] as const,
        );
        // zod reads properties through the prototype (a value without its own `constructor` has
        // Object's), so names Object.prototype has are checked as own properties, in a refinement.
        const inherited = built.filter(([name]) => name in Object.prototype);
        const shape = Object.fromEntries(
          built
            .filter(([name]) => !(name in Object.prototype))
            .map(([name, t]) => [name, required.has(name) ? t : t.optional()]),
        );
        const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>).map(
          ([pattern, sub]) => [new RegExp(pattern, "u"), build({ schema: sub, doc: at.doc })] as const,
        );
        const additional = s.additionalProperties as Schema | undefined;
        const simple = inherited.length === 0 && patterns.length === 0;
        let t: z.ZodType =
          simple && additional === false
            ? z.strictObject(shape)
            : simple && isObject(additional)
              ? z.object(shape).catchall(build({ schema: additional, doc: at.doc }))
              : z.looseObject(shape);
        // Checks of the keys themselves see the value as given (a refinement of the object would see
        // zod's copy, where a `__proto__` key has become the copy's prototype).
        const raw: ((v: Json) => boolean)[] = [];
        const own = (v: unknown, name: string) => HELPERS.hasOwn(v as object, name);
        if (inherited.length > 0)
          raw.push((v) =>
            inherited.every(([name, sub]) => (own(v, name) ? sub.safeParse(v[name]).success : !required.has(name))),
          );
        if (!simple && (patterns.length > 0 || (additional !== undefined && additional !== true))) {
          const rest = isObject(additional) ? build({ schema: additional, doc: at.doc }) : undefined;
          raw.push((v) => {
            for (const key of Object.keys(v)) {
              let known = HELPERS.hasOwn(properties, key);
              for (const [re, sub] of patterns)
                if (re.test(key)) {
                  known = true;
                  if (!sub.safeParse(v[key]).success) return false;
                }
              if (!known && (additional === false || (rest && !rest.safeParse(v[key]).success))) return false;
            }
            return true;
          });
        }
        const extra = [...required].filter((n) => !HELPERS.hasOwn(properties, n));
        if (extra.length > 0) raw.push((v) => extra.every((n) => own(v, n)));
        if (typeof s.minProperties === "number") raw.push((v) => Object.keys(v).length >= (s.minProperties as number));
        if (typeof s.maxProperties === "number") raw.push((v) => Object.keys(v).length <= (s.maxProperties as number));
        if (raw.length > 0)
          t = z.intersection(
            t,
            z.unknown().refine((v) => isObject(v) && raw.every((check) => check(v))),
          );
        return t;
      }
    }
  };

  const build = (at: Located): z.ZodType => {
    const s = at.schema;
    if (s === true) return z.unknown();
    if (s === false) return z.never();
    for (const key of Object.keys(s)) if (!HANDLED.has(key) && !key.startsWith("x-")) skipped.add(key);
    const parts: z.ZodType[] = [];
    if (typeof s.$ref === "string") parts.push(ref(set.resolve(s.$ref, at.doc)));
    for (const p of (s.allOf as Schema[] | undefined) ?? []) parts.push(build({ schema: p, doc: at.doc }));
    const alternatives = (list: unknown) => (list as Schema[]).map((p) => build({ schema: p, doc: at.doc }));
    if (Array.isArray(s.anyOf)) parts.push(z.union(alternatives(s.anyOf)));
    if (Array.isArray(s.oneOf)) parts.push(z.xor(alternatives(s.oneOf)));
    if (s.const !== undefined)
      parts.push(
        isPrimitive(s.const) ? z.literal(s.const as string) : z.unknown().refine((v) => HELPERS.equal(v, s.const)),
      );
    if (Array.isArray(s.enum))
      parts.push(
        s.enum.every(isPrimitive)
          ? z.literal(s.enum as string[])
          : z.unknown().refine((v) => (s.enum as unknown[]).some((x) => HELPERS.equal(x, v))),
      );
    const types = s.type === undefined ? undefined : ([] as string[]).concat(s.type as string[]);
    // A constant (or primitive enum) of the type says all the type does, as zod users write it.
    const values = s.const !== undefined ? [s.const] : Array.isArray(s.enum) ? s.enum : undefined;
    const familyKeywords = Object.values(FAMILIES).some((f) => f.keywords.some((k) => s[k] !== undefined));
    const literalSuffices =
      values !== undefined &&
      !familyKeywords &&
      values.every((v) => isPrimitive(v) && types?.some((t) => TYPE_OF[t]!(v)));
    if (types && !literalSuffices) {
      const options = types.map((t) => typed(t, at));
      parts.push(options.length === 1 ? options[0]! : z.union(options));
    } else if (!types) {
      // No type: a family's keywords apply to its values only; other values pass.
      for (const [family, { keywords, types: own }] of Object.entries(FAMILIES))
        if (keywords.some((k) => s[k] !== undefined && k !== "format")) {
          const test = new Function("v", `return ${FAMILIES[family]!.test("v")};`) as (v: unknown) => boolean;
          const checked = typed(own[0]!, at);
          parts.push(z.unknown().refine((v) => !test(v) || checked.safeParse(v).success));
        }
    }
    if (parts.length === 0) return z.unknown();
    return parts.reduce((a, b) => z.intersection(a, b));
  };

  const members = set.members();
  const plan = planOf(set, members);
  const schemas = members.map((m) => build(m));
  // One field names the event in every member, with no two alike: zod's own discriminatedUnion.
  if (
    plan.kind === "lookup" &&
    plan.path.length === 1 &&
    [...plan.table.values()].every((p) => p.kind === "members" && p.members.length === 1)
  ) {
    try {
      const union = z.discriminatedUnion(plan.path[0]!, schemas as unknown as [z.ZodObject, ...z.ZodObject[]]);
      union.safeParse({}); // zod checks its options on first use
      return {
        value: (v) => union.safeParse(v).success,
        explain: (v) => JSON.stringify(union.safeParse(v).error?.issues ?? []).slice(0, 500),
        skipped,
        plan,
        how: `discriminatedUnion on ${plan.path[0]}`,
      };
    } catch {
      // A member that is not a plain object schema: looked up as below.
    }
  }
  // Otherwise the lookup a zod user writes by hand: find the event's schema, then safeParse.
  const run = (p: Plan, v: unknown): boolean => {
    if (p.kind === "members") return p.members.some((i) => schemas[i]!.safeParse(v).success);
    let o: unknown = v;
    for (const key of p.path) {
      if (typeof o !== "object" || o === null) return false;
      o = (o as Json)[key];
    }
    const next = p.table.get(o);
    return next !== undefined && run(next, v);
  };
  const explain = (v: unknown) =>
    schemas
      .map((schema) => JSON.stringify(schema.safeParse(v).error?.issues ?? []).slice(0, 200))
      .join("\n")
      .slice(0, 1000);
  return { value: (v) => run(plan, v), explain, skipped, plan, how: `schema ${describePlan(plan)}, then safeParse` };
}
