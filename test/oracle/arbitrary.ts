/**
 * Values drawn from a JSON Schema as written (the 2020-12 subset the spec format allows), for the
 * differential test. It reads the schema itself and shares no code with the generator, so that a
 * keyword the generator reads wrongly cannot vanish from the values as well as from the guard.
 * `valid` draws values meant to match; `nearMiss` draws values that break one keyword at one
 * place (each keyword has its own way to be broken: a string one code point too long, a number
 * just under its limit, a required property left out). Neither has to be right every time: ajv,
 * compiled on the same schema, is the judge of every value.
 */
import fc from "fast-check";
import { canonical, type Schema } from "./spec-as-written.js";

// Deep enough to reach every keyword of the corpus; below it objects keep only what they need.
const MAX_DEPTH = 5;
const ANY = fc.jsonValue({ maxDepth: 2 });
// One value of each JSON type, for the values a `type` does not allow.
const OF_TYPE: Record<string, unknown[]> = {
  string: ["", "1"],
  integer: [0, -7],
  number: [1.5, -0.25],
  boolean: [true, false],
  null: [null],
  object: [{}, { a: 1 }],
  array: [[], [1]],
};
/** Strings of each format the guards can check, when the spec asks them to. */
const FORMATS: Record<string, fc.Arbitrary<string>> = {
  date: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  time: fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(11)),
  "date-time": fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  email: fc.emailAddress(),
  hostname: fc.domain(),
  ipv4: fc.ipV4(),
  ipv6: fc.ipV6(),
  uuid: fc.uuid(),
};
const ANNOTATIONS = new Set(["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly"]);

const strings = (min = 0, max = min + 12) =>
  fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    // Code points beyond the BMP: lengths count them once, as JSON Schema does.
    fc.string({ unit: "binary", minLength: min, maxLength: max }),
  );

const hasType = (value: unknown, type: string): boolean =>
  type === "integer"
    ? Number.isInteger(value)
    : type === "number"
      ? typeof value === "number" && Number.isFinite(value)
      : type === "null"
        ? value === null
        : type === "array"
          ? Array.isArray(value)
          : type === "object"
            ? typeof value === "object" && value !== null && !Array.isArray(value)
            : typeof value === type;

export class SchemaValues {
  constructor(
    private readonly defs: Record<string, Schema | boolean>,
    private readonly checkFormats: boolean,
  ) {}

  /** Values meant to match `schema` (nearly always: branches may overlap, merged `allOf`s may clash). */
  valid(schema: Schema | boolean, depth = 0): fc.Arbitrary<unknown> {
    // `false` (or what folds into it): no value matches; any value, for ajv to refuse.
    if (schema === true || this.isNever(schema)) return ANY;
    const s = this.resolved(schema);
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
    const branches = (s.anyOf ?? s.oneOf) as (Schema | boolean)[] | undefined;
    if (branches) {
      const { anyOf: _a, oneOf: _o, ...rest } = s;
      const possible = branches.map((b) => this.merge(rest, b)).filter((b) => !this.isNever(b));
      return possible.length === 0 ? ANY : choose(possible.map((b) => this.valid(b, depth + 1)));
    }
    const types = this.typesOf(s);
    if (!types) return ANY;
    return choose(types.map((type) => this.validOfType(s, type, depth)));
  }

  /**
   * Values that break `schema` at one place: one keyword of one node, or the node's type. Each
   * kind of break (a keyword, and the keywords on the way to it) is as likely as any other, then
   * each place it can happen: the rare keywords get as many values as `type` does. Each value says what it aimed to break
   * (`kind`) and through which keywords it got there (`via`).
   */
  nearMiss(schema: Schema | boolean): fc.Arbitrary<NearMiss> {
    const leaves = this.misses(schema, 0);
    if (leaves.length === 0) return this.valid(schema).map((value) => ({ value, kind: "none", via: [] }));
    // Grouped by the keyword broken and the keywords on the way, so that a rare path (a type
    // broken under patternProperties) is as likely as a common one (a type broken under properties).
    const byKind = new Map<string, Miss[]>();
    for (const leaf of leaves) {
      const key = `${leaf.kind}|${[...new Set(leaf.via)].sort().join(",")}`;
      byKind.set(key, [...(byKind.get(key) ?? []), leaf]);
    }
    return choose(
      [...byKind.values()].map((group) =>
        choose(group.map((m) => m.arbitrary.map((value) => ({ value, kind: m.kind, via: m.via })))),
      ),
    );
  }

  /** Every way to break the schema here, each a whole value with one place broken. */
  private misses(schema: Schema | boolean, depth: number): Miss[] {
    if (schema === true || depth > MAX_DEPTH) return [];
    const s = this.resolved(schema);
    // Shared shapes and allOf are folded into one node: the breaks found in it went through them.
    const through = typeof schema === "object" ? ["$ref", "allOf"].filter((k) => schema[k] !== undefined) : [];
    const misses: Miss[] = [];
    const local = (kind: string, arbitrary: fc.Arbitrary<unknown>) => misses.push({ arbitrary, kind, via: through });
    // `false`: any value there breaks it (ajv names the failure "false schema").
    if (s.not !== undefined) return [{ arbitrary: ANY, kind: "false schema", via: through }];
    const declared = s.type === undefined ? undefined : [s.type].flat();
    if (declared) {
      const others = Object.entries(OF_TYPE)
        .filter(([type]) => !declared.includes(type) && !(type === "integer" && declared.includes("number")))
        .flatMap(([, values]) => values)
        .filter((v) => !declared.some((t) => hasType(v, t)));
      if (others.length > 0) local("type", fc.constantFrom(...others));
    }
    if (s.const !== undefined) local("const", fc.constant(otherThan([s.const])(s.const)));
    else if (s.enum) local("enum", fc.constantFrom(...(s.enum as unknown[]).map(otherThan(s.enum))));
    for (const kind of ["anyOf", "oneOf"] as const) {
      const branches = s[kind] as Schema[] | undefined;
      if (!branches) continue;
      const { anyOf: _a, oneOf: _o, ...rest } = s;
      for (const b of branches) misses.push(...this.deeper(this.merge(rest, b), depth, kind, (miss) => miss));
    }
    const types = this.typesOf(s) ?? [];
    if (types.includes("string")) for (const [kind, miss] of this.stringMisses(s)) local(kind, miss);
    if (types.includes("integer") || types.includes("number"))
      for (const [kind, miss] of this.numberMisses(s, types)) local(kind, miss);
    if (types.includes("array"))
      misses.push(...this.arrayMisses(s, depth).map((m) => ({ ...m, via: [...m.via, ...through] })));
    if (types.includes("object"))
      misses.push(...this.objectMisses(s, depth).map((m) => ({ ...m, via: [...m.via, ...through] })));
    return misses;
  }

  /** The breaks of a nested shape, each put in place in a valid value by `into`. */
  private deeper(
    child: Schema | boolean,
    depth: number,
    keyword: string,
    into: (miss: fc.Arbitrary<unknown>) => fc.Arbitrary<unknown>,
  ): Miss[] {
    return this.misses(child, depth + 1).map((m) => ({
      arbitrary: into(m.arbitrary),
      kind: m.kind,
      via: [...m.via, keyword],
    }));
  }

  /**
   * The schema with `$ref` and `allOf` folded in: one node that says everything the value must be.
   * `true` folds in as `{}`, `false` as `{ not: {} }` (no value), a form this oracle keeps to itself.
   */
  private resolved(schema: Schema | boolean): Schema {
    if (typeof schema === "boolean") return schema ? {} : { not: {} };
    let s = schema;
    if (s.$ref !== undefined) {
      const { $ref, ...rest } = s;
      const target = this.defs[String($ref).replace(/^#\/\$defs\//, "")];
      if (target === undefined) throw new Error(`oracle: ${$ref} is not in $defs`);
      s = this.merge(this.resolved(target), rest);
    }
    if (s.allOf) {
      const { allOf, ...rest } = s;
      s = (allOf as Schema[]).reduce((acc: Schema, member) => this.merge(acc, this.resolved(member)), rest);
    }
    return s;
  }

  /** True when no value matches: `false`, or a schema that folds into it. */
  private isNever(schema: Schema | boolean | undefined): boolean {
    return schema !== undefined && this.resolved(schema).not !== undefined;
  }

  /** Two schemas a value must both match, as one. */
  private merge(a: Schema | boolean, b: Schema | boolean): Schema {
    const x = this.resolved(a);
    const y = this.resolved(b);
    const out: Schema = { ...x };
    for (const [key, value] of Object.entries(y)) {
      if (!(key in x)) out[key] = value;
      else if (key === "properties") {
        const merged: Schema = { ...x.properties };
        for (const [name, p] of Object.entries(value as Schema))
          merged[name] = name in merged ? { allOf: [merged[name], p] } : p;
        out.properties = merged;
      } else if (key === "required") out.required = [...new Set([...x.required, ...(value as string[])])];
      else if (key === "type") {
        const left = [x.type].flat() as string[];
        const right = [value].flat() as string[];
        const both = left.filter((t) => right.includes(t) || (t === "integer" && right.includes("number")));
        for (const t of right) if (t === "integer" && left.includes("number") && !both.includes(t)) both.push(t);
        out.type = both;
      } else if (/^(min|exclusiveMin)/.test(key)) out[key] = Math.max(x[key], value as number);
      else if (/^(max|exclusiveMax)/.test(key)) out[key] = Math.min(x[key], value as number);
      else if (key === "additionalProperties")
        out[key] = x[key] === false || value === false ? false : { allOf: [x[key], value] };
    }
    return out;
  }

  /** The types a value may take: declared, or the ones the keywords speak of (any, when none). */
  private typesOf(s: Schema): string[] | undefined {
    if (s.type !== undefined) return [s.type].flat();
    const keys = Object.keys(s).filter((k) => !ANNOTATIONS.has(k) && !k.startsWith("x-"));
    if (keys.some((k) => ["properties", "required", "additionalProperties", "patternProperties"].includes(k)))
      return ["object"];
    if (keys.some((k) => ["items", "minItems", "maxItems", "uniqueItems"].includes(k))) return ["array"];
    if (keys.some((k) => ["minLength", "maxLength", "pattern"].includes(k))) return ["string"];
    if (keys.some((k) => /imum$|^multipleOf$/.test(k))) return ["number"];
    return undefined;
  }

  private validOfType(s: Schema, type: string, depth: number): fc.Arbitrary<unknown> {
    switch (type) {
      case "string":
        return this.validString(s);
      case "integer":
      case "number":
        return this.validNumber(s, type === "integer");
      case "boolean":
        return fc.boolean();
      case "null":
        return fc.constant(null);
      case "array":
        return this.validArray(s, depth);
      default:
        return this.validObject(s, depth);
    }
  }

  private validString(s: Schema): fc.Arbitrary<unknown> {
    const known = s["x-extensible-enum"] as string[] | undefined;
    const lengthOk = (text: string) =>
      [...text].length >= (s.minLength ?? 0) && [...text].length <= (s.maxLength ?? Infinity);
    let text: fc.Arbitrary<string>;
    if (s.format !== undefined && this.checkFormats) {
      const format = FORMATS[s.format];
      if (!format) throw new Error(`oracle: no values for format ${s.format}`);
      text = format;
    } else if (s.pattern !== undefined) text = fc.stringMatching(new RegExp(s.pattern, "u")).filter(lengthOk);
    else text = strings(s.minLength ?? 0, Math.min(s.maxLength ?? Infinity, (s.minLength ?? 0) + 12));
    return known ? fc.oneof(fc.constantFrom(...known), text) : text;
  }

  private validNumber(s: Schema, integer: boolean): fc.Arbitrary<unknown> {
    const low = Math.max(s.minimum ?? -Infinity, s.exclusiveMinimum ?? -Infinity);
    const high = Math.min(s.maximum ?? Infinity, s.exclusiveMaximum ?? Infinity);
    const bounded = Number.isFinite(low) || Number.isFinite(high);
    const inside = (n: number) =>
      n >= (s.minimum ?? -Infinity) &&
      n <= (s.maximum ?? Infinity) &&
      n > (s.exclusiveMinimum ?? -Infinity) &&
      n < (s.exclusiveMaximum ?? Infinity);
    const from = Number.isFinite(low) ? low : Number.isFinite(high) ? high - 1e6 : -1e6;
    const to = Number.isFinite(high) ? high : from + 2e6;
    if (s.multipleOf !== undefined) {
      const m = s.multipleOf as number;
      return fc
        .integer({ min: Math.ceil(from / m), max: Math.max(Math.ceil(from / m), Math.floor(to / m)) })
        .map((k) => k * m)
        .filter(inside);
    }
    const whole = fc.integer({ min: Math.ceil(from), max: Math.max(Math.ceil(from), Math.floor(to)) }).filter(inside);
    const edges = fc.constantFrom(-0, 1e300, Number.MAX_SAFE_INTEGER, -(2 ** 53));
    if (integer) return bounded ? whole : fc.oneof(fc.integer(), edges);
    return bounded
      ? fc.oneof(
          whole,
          fc
            .double({ min: from, max: to, noNaN: true, noDefaultInfinity: true })
            .filter(inside)
            .map((n) => (Object.is(n, -0) ? 0 : n)),
        )
      : fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), edges);
  }

  private validArray(s: Schema, depth: number): fc.Arbitrary<unknown[]> {
    const items = s.items === undefined ? ANY : this.valid(s.items, depth + 1);
    const minLength = s.minItems ?? 0;
    // Items of schema `false`: only the empty array (or, with minItems, none at all: ajv judges).
    const maxLength =
      depth >= MAX_DEPTH || this.isNever(s.items) ? minLength : Math.min(s.maxItems ?? Infinity, minLength + 3);
    return s.uniqueItems
      ? fc.uniqueArray(items, { minLength, maxLength, selector: canonical })
      : fc.array(items, { minLength, maxLength });
  }

  private validObject(s: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const properties = Object.entries((s.properties ?? {}) as Record<string, Schema>);
    const required = new Set<string>(s.required ?? []);
    const shallow = depth >= MAX_DEPTH;
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, p] of properties)
      if (required.has(name) || (!shallow && !this.isNever(p))) record[name] = this.valid(p, depth + 1);
    // Required names without a property schema: any value.
    for (const name of required) record[name] ??= ANY;
    const known = fc.record(record, { requiredKeys: [...required] });
    const min = s.minProperties ?? 0;
    const entry = this.extraEntry(s, depth);
    const extra =
      (shallow && min === 0) || !entry
        ? fc.constant([])
        : fc.array(entry, { minLength: min, maxLength: Math.max(2, min) });
    return fc.tuple(known, extra).map(([k, e]) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of e) out[key] = value;
      Object.assign(out, k);
      // Too many keys: drop the ones nothing requires.
      for (const key of Object.keys(out)) {
        if (Object.keys(out).length <= (s.maxProperties ?? Infinity)) break;
        if (!required.has(key)) delete out[key];
      }
      return out;
    });
  }

  /** One key the object's properties do not name, with a value its shape allows there. */
  private extraEntry(s: Schema, depth: number): fc.Arbitrary<[string, unknown]> | undefined {
    const named = (key: string) => key === "__proto__" || Object.hasOwn(s.properties ?? {}, key);
    const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>);
    const matching = (key: string) => patterns.filter(([p]) => new RegExp(p, "u").test(key));
    const entries: fc.Arbitrary<[string, unknown]>[] = patterns
      .filter(([, p]) => !this.isNever(p))
      .map(([pattern, p]) =>
        fc
          .stringMatching(new RegExp(pattern, "u"))
          .filter((key) => !named(key) && matching(key).length === 1)
          .chain((key) => this.valid(p, depth + 1).map((v): [string, unknown] => [key, v])),
      );
    if (!this.isNever(s.additionalProperties))
      entries.push(
        fc
          .tuple(
            fc.string().filter((key) => !named(key) && matching(key).length === 0),
            s.additionalProperties === undefined || s.additionalProperties === true
              ? ANY
              : this.valid(s.additionalProperties, depth + 1),
          )
          .map(([k, v]): [string, unknown] => [k, v]),
      );
    return entries.length > 0 ? fc.oneof(...entries) : undefined;
  }

  private stringMisses(s: Schema): [string, fc.Arbitrary<unknown>][] {
    const out: [string, fc.Arbitrary<unknown>][] = [];
    if (s.minLength > 0) out.push(["minLength", strings(s.minLength - 1, s.minLength - 1)]);
    if (s.maxLength !== undefined) out.push(["maxLength", strings(s.maxLength + 1, s.maxLength + 1)]);
    if (s.pattern !== undefined) out.push(["pattern", fc.string()]);
    if (s.format !== undefined && this.checkFormats)
      out.push(["format", fc.constantFrom("", `not a ${s.format}`, "1")]);
    return out;
  }

  private numberMisses(s: Schema, types: string[]): [string, fc.Arbitrary<unknown>][] {
    const step = types.includes("number") ? 0.5 : 1;
    const out: [string, fc.Arbitrary<unknown>][] = [];
    if (s.minimum !== undefined) out.push(["minimum", fc.constant(s.minimum - step)]);
    if (s.maximum !== undefined) out.push(["maximum", fc.constant(s.maximum + step)]);
    if (s.exclusiveMinimum !== undefined) out.push(["exclusiveMinimum", fc.constant(s.exclusiveMinimum)]);
    if (s.exclusiveMaximum !== undefined) out.push(["exclusiveMaximum", fc.constant(s.exclusiveMaximum)]);
    if (s.multipleOf !== undefined) {
      const m = s.multipleOf as number;
      const off = Number.isInteger(m) && m > 1 ? 1 : m / 2;
      out.push([
        "multipleOf",
        this.validNumber({ ...s, multipleOf: undefined }, !types.includes("number")).map(
          (n) => Math.round((n as number) / m) * m + off,
        ),
      ]);
    }
    return out;
  }

  private arrayMisses(s: Schema, depth: number): Miss[] {
    const items = s.items === undefined ? ANY : this.valid(s.items, depth + 1);
    const out: Miss[] = [];
    const local = (kind: string, arbitrary: fc.Arbitrary<unknown>) => out.push({ arbitrary, kind, via: [] });
    const min = s.minItems ?? 0;
    if (min > 0) local("minItems", fc.array(items, { minLength: min - 1, maxLength: min - 1 }));
    if (s.maxItems !== undefined)
      local("maxItems", fc.array(items, { minLength: s.maxItems + 1, maxLength: s.maxItems + 1 }));
    if (s.uniqueItems)
      local(
        "uniqueItems",
        fc.tuple(items, fc.array(items, { maxLength: Math.max(0, min - 2) }), fc.nat()).map(([twice, rest, at]) => {
          const out = [...rest];
          out.splice(at % (out.length + 1), 0, twice, structuredClone(twice));
          return out;
        }),
      );
    if (s.items !== undefined)
      out.push(
        ...this.deeper(s.items, depth, "items", (miss) =>
          fc
            .tuple(this.validArray({ ...s, minItems: Math.max(1, min) }, depth), miss, fc.nat())
            .map(([array, m, at]) => {
              array[at % array.length] = m;
              return array;
            }),
        ),
      );
    return out;
  }

  private objectMisses(s: Schema, depth: number): Miss[] {
    const valid = this.validObject(s, depth);
    const out: Miss[] = [];
    const local = (kind: string, arbitrary: fc.Arbitrary<unknown>) => out.push({ arbitrary, kind, via: [] });
    const withEntry = (key: fc.Arbitrary<string>) => (miss: fc.Arbitrary<unknown>) =>
      fc.tuple(valid, key, miss).map(([object, k, value]) => ({ ...object, [k]: value }));
    for (const key of (s.required ?? []) as string[])
      local(
        "required",
        valid.map((object) => {
          delete object[key];
          return object;
        }),
      );
    for (const [key, p] of Object.entries((s.properties ?? {}) as Record<string, Schema>))
      out.push(...this.deeper(p, depth, "properties", withEntry(fc.constant(key))));
    const named = (key: string) => key === "__proto__" || Object.hasOwn(s.properties ?? {}, key);
    const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>);
    const unmatched = fc.string().filter((key) => !named(key) && !patterns.some(([p]) => new RegExp(p, "u").test(key)));
    if (s.additionalProperties === false) local("additionalProperties", withEntry(unmatched)(ANY));
    else if (typeof s.additionalProperties === "object")
      out.push(...this.deeper(s.additionalProperties, depth, "additionalProperties", withEntry(unmatched)));
    for (const [pattern, p] of patterns)
      out.push(
        ...this.deeper(
          p,
          depth,
          "patternProperties",
          withEntry(fc.stringMatching(new RegExp(pattern, "u")).filter((k) => !named(k))),
        ),
      );
    if (s.minProperties > 0)
      local(
        "minProperties",
        valid.map((object) => {
          for (const key of Object.keys(object).slice(s.minProperties - 1)) delete object[key];
          return object;
        }),
      );
    if (s.maxProperties !== undefined && s.additionalProperties !== false)
      local(
        "maxProperties",
        fc
          .tuple(
            valid,
            fc.uniqueArray(unmatched, { minLength: s.maxProperties + 1, maxLength: s.maxProperties + 1 }),
            // Values the other keys allow, so that only the count is wrong.
            typeof s.additionalProperties === "object" ? this.valid(s.additionalProperties, depth + 1) : ANY,
          )
          .map(([object, keys, value]) => {
            for (const key of keys) if (Object.keys(object).length <= s.maxProperties) object[key] = value;
            return object;
          }),
      );
    return out;
  }
}

/**
 * One of the arbitraries, each as likely as the others at any depth (fc.oneof leans towards its
 * first one as values nest, which would leave deep keywords unbroken).
 */
function choose<T>(arbitraries: fc.Arbitrary<T>[]): fc.Arbitrary<T> {
  return arbitraries.length === 1 ? arbitraries[0]! : fc.nat(arbitraries.length - 1).chain((i) => arbitraries[i]!);
}

/** One way to break a value: a whole value with one place broken, the keyword broken, and the keywords on the way. */
interface Miss {
  arbitrary: fc.Arbitrary<unknown>;
  kind: string;
  via: readonly string[];
}

export interface NearMiss {
  value: unknown;
  kind: string;
  via: readonly string[];
}

/** For a list of allowed values, a function giving one of the same type that the list lacks. */
function otherThan(listed: unknown[]): (value: unknown) => unknown {
  return (value) => {
    let other: unknown =
      typeof value === "string"
        ? `${value}?`
        : typeof value === "number"
          ? value + 1
          : typeof value === "boolean"
            ? !value
            : "null";
    while (listed.some((v) => canonical(v) === canonical(other)))
      other = typeof other === "number" ? other + 1 : `${other}?`;
    return other;
  };
}
