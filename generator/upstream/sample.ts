/**
 * A small value that fits a shape, for imported events whose document gives no example. A shape
 * is read as the parts it is the intersection of (itself, its `allOf` members, what references
 * point at); a union is tried one branch at a time. Each level makes a few candidates that meet
 * every part's constraints (`sample-scalars.ts` for strings and numbers), and keeps the first that
 * `fits` every part; a field no candidate fits leaves its object without a value, and the path
 * is said (`failedAt`). The importer checks the result against the event's whole shape again.
 */
import { isDeepStrictEqual } from "node:util";
import { refName } from "../shape.js";
import type { JsonType, SchemaSpec, ShapeSpec } from "../spec.js";
import { stringsMatching } from "./regex-sample.js";
import { numbersWithin, stringsWithin } from "./sample-scalars.js";

const MAX_DEPTH = 16;
/** Values a made-up example may hold: shapes whose references fan out would otherwise multiply without end. */
export const MAX_SAMPLE_VALUES = 100_000;
/** Candidates made per shape: enough to find one that fits, or distinct ones for `uniqueItems`. */
const WANT = 8;
const TYPES: JsonType[] = ["null", "boolean", "integer", "number", "string", "object", "array"];

type Fits = (shape: SchemaSpec, value: unknown) => boolean;
type Json = Record<string, unknown>;

/** Thrown when a shape would need more than MAX_SAMPLE_VALUES values to make an example of. */
export class SampleTooLarge extends Error {}

/** A value that fits `shape` as `fits` judges it; undefined, with the place that failed, when none was made. */
export function sampleOf(
  shape: ShapeSpec,
  defs: Readonly<Record<string, SchemaSpec>>,
  fits: Fits = () => true,
): { value?: unknown; failedAt?: string } {
  const maker = new Maker(defs, fits);
  const value = maker.candidates([shape], 0, "").find((v) => fits(shape, v));
  // Copied through JSON: variants share their other fields, which YAML would write as aliases.
  return value === undefined ? { failedAt: maker.failedAt ?? "" } : { value: JSON.parse(JSON.stringify(value)) };
}

class Maker {
  private left = MAX_SAMPLE_VALUES;
  /** The first field for which no value fit, as a dotted path. */
  failedAt: string | undefined;

  constructor(
    private readonly defs: Readonly<Record<string, SchemaSpec>>,
    private readonly fits: Fits,
  ) {}

  /** Values meant to meet every part, most plain first; the caller keeps those that fit. */
  candidates(shapes: SchemaSpec[], depth: number, path: string, want = WANT, distinct = false): unknown[] {
    if (--this.left < 0) throw new SampleTooLarge(`more than ${MAX_SAMPLE_VALUES} values`);
    if (depth > MAX_DEPTH) return [null];
    const parts = this.partsOf(shapes, depth);
    // A `false` part: no value fits.
    if (parts === undefined) return [];
    // A union: one branch at a time, beside the other parts.
    const u = parts.findIndex((p) => p.anyOf !== undefined || p.oneOf !== undefined);
    if (u >= 0) {
      const { anyOf, oneOf, ...rest } = parts[u]!;
      const kept = anyOf && oneOf ? { ...rest, oneOf } : rest;
      const others = [...parts.slice(0, u), kept, ...parts.slice(u + 1)];
      const out: unknown[] = [];
      for (const branch of anyOf ?? oneOf!) {
        out.push(...this.candidates([...others, branch], depth + 1, path, want, distinct));
        if (out.length >= want * 2) break;
      }
      return out;
    }
    const listed = parts.find((p) => p.const !== undefined || p.enum !== undefined);
    if (listed) {
      const values = listed.const !== undefined ? [listed.const] : (listed.enum ?? []);
      return values.filter((v) => parts.every((p) => this.fits(p, v)));
    }
    const out: unknown[] = [];
    for (const type of typesOf(parts)) {
      if (out.length >= want) break;
      out.push(...this.ofType(type, parts, depth, path, want, distinct));
    }
    return out;
  }

  /**
   * The shapes a value must match: each one, its `allOf` members, what references point at;
   * undefined when one is `false`, which no value matches (`true` adds nothing).
   */
  private partsOf(shapes: SchemaSpec[], depth: number): ShapeSpec[] | undefined {
    const parts: ShapeSpec[] = [];
    for (const shape of shapes) {
      if (typeof shape === "boolean") {
        if (!shape) return undefined;
        continue;
      }
      const resolved = shape.$ref ? (this.defs[refName(shape.$ref)] ?? {}) : shape;
      if (typeof resolved === "boolean" || (resolved.$ref !== undefined && depth < MAX_DEPTH)) {
        const deeper = this.partsOf([resolved], depth + 1);
        if (deeper === undefined) return undefined;
        parts.push(...deeper);
        continue;
      }
      const { allOf, $ref: _ref, ...own } = resolved;
      const members = allOf && depth < MAX_DEPTH ? this.partsOf(allOf, depth + 1) : [];
      if (members === undefined) return undefined;
      parts.push(own, ...members);
    }
    return parts;
  }

  private ofType(
    type: JsonType,
    parts: ShapeSpec[],
    depth: number,
    path: string,
    want: number,
    distinct: boolean,
  ): unknown[] {
    const all = <K extends keyof ShapeSpec>(key: K) =>
      parts.flatMap((p) => (p[key] === undefined ? [] : [p[key] as NonNullable<ShapeSpec[K]>]));
    const formats = all("format");
    switch (type) {
      case "null":
        return [null];
      case "boolean":
        return [false, true];
      case "integer":
      case "number":
        return numbersWithin(
          {
            integer: type === "integer",
            minimum: Math.max(...all("minimum")),
            maximum: Math.min(...all("maximum")),
            exclusiveMinimum: Math.max(...all("exclusiveMinimum")),
            exclusiveMaximum: Math.min(...all("exclusiveMaximum")),
            multipleOf: all("multipleOf"),
            formats,
          },
          want,
        );
      case "string":
        return stringsWithin(
          {
            minLength: Math.max(0, ...all("minLength")),
            maxLength: Math.min(...all("maxLength")),
            patterns: all("pattern"),
            formats,
          },
          want,
        );
      case "array":
        return this.arrays(parts, depth, path, all);
      case "object":
        return this.objects(parts, depth, path, distinct);
    }
  }

  private arrays(
    parts: ShapeSpec[],
    depth: number,
    path: string,
    all: <K extends keyof ShapeSpec>(key: K) => NonNullable<ShapeSpec[K]>[],
  ): unknown[] {
    const count = Math.max(0, ...all("minItems"));
    if (count > Math.min(...all("maxItems"))) return [];
    if (count === 0) return [[]];
    const items = all("items");
    const unique = parts.some((p) => p.uniqueItems);
    const pool = this.candidates(items, depth + 1, `${path}[]`, Math.max(WANT, count), unique).filter((v) =>
      items.every((s) => this.fits(s, v)),
    );
    if (unique) {
      const distinct = pool.filter((v, i) => pool.findIndex((w) => isDeepStrictEqual(v, w)) === i);
      return distinct.length >= count ? [distinct.slice(0, count)] : [];
    }
    return pool.length > 0 ? [Array.from({ length: count }, () => structuredClone(pool[0]))] : [];
  }

  /** One object: the required fields, then optional and free ones up to minProperties; `distinct`: a few variants. */
  private objects(parts: ShapeSpec[], depth: number, path: string, distinct: boolean): unknown[] {
    const value: Json = {};
    let firstField: { name: string; options: unknown[] } | undefined;
    const add = (name: string, required: boolean): boolean => {
      const declarations = declarationsOf(parts, name);
      const at = path === "" ? name : `${path}.${name}`;
      // Checked lazily: a candidate can be a large value. For variants, the first required field keeps three.
      const varied = distinct && required && firstField === undefined;
      const keep = varied ? 3 : 1;
      const options: unknown[] = [];
      for (const v of declarations === undefined ? [] : this.candidates(declarations, depth + 1, at, WANT, varied)) {
        if (options.length >= keep) break;
        if (declarations!.every((d) => this.fits(d, v))) options.push(v);
      }
      if (options.length === 0) {
        if (required) this.failedAt ??= at;
        return false;
      }
      value[name] = options[0];
      if (required) firstField ??= { name, options };
      return true;
    };
    for (const name of new Set(parts.flatMap((p) => p.required ?? []))) if (!add(name, true)) return [];
    const minimum = Math.max(0, ...parts.map((p) => p.minProperties ?? 0));
    const optional = parts.flatMap((p) => Object.keys(p.properties ?? {}));
    const patterned = parts.flatMap((p) =>
      Object.keys(p.patternProperties ?? {}).flatMap((pattern) => stringsMatching(pattern, 1, Infinity, 3)),
    );
    const free = Array.from({ length: minimum }, (_, i) => `extra_${i + 1}`);
    for (const name of [...optional, ...patterned, ...free]) {
      if (Object.keys(value).length >= minimum) break;
      if (!(name in value)) add(name, false);
    }
    // Variants differ in the first required field, for arrays whose items must be unique.
    const { name, options } = firstField ?? { name: "", options: [] };
    return options.length > 1 ? options.map((v) => ({ ...value, [name]: v })) : [value];
  }
}

/**
 * The schemas a field of an object must match, one or more per part: its declaration, the
 * patternProperties its name matches, or else additionalProperties. Undefined when a part closes
 * the object to that name.
 */
function declarationsOf(parts: ShapeSpec[], name: string): SchemaSpec[] | undefined {
  const out: SchemaSpec[] = [];
  for (const part of parts) {
    const declared = part.properties?.[name];
    const patterned = Object.entries(part.patternProperties ?? {}).flatMap(([pattern, shape]) => {
      try {
        return new RegExp(pattern, "u").test(name) ? [shape] : [];
      } catch {
        return [];
      }
    });
    if (declared) out.push(declared);
    out.push(...patterned);
    if (declared || patterned.length > 0) continue;
    if (part.additionalProperties === false) return undefined;
    if (typeof part.additionalProperties === "object") out.push(part.additionalProperties);
  }
  return out;
}

/** The JSON types every part allows, in the order the first typed part lists them; hinted by keywords where none is declared. */
function typesOf(parts: ShapeSpec[]): JsonType[] {
  const declared = parts.flatMap((p) => (p.type === undefined ? [] : [[p.type].flat()]));
  if (declared.length > 0) {
    return declared.reduce((common, types) =>
      common.flatMap((t): JsonType[] =>
        types.includes(t)
          ? [t]
          : t === "number" && types.includes("integer")
            ? ["integer"]
            : t === "integer" && types.includes("number")
              ? [t]
              : [],
      ),
    );
  }
  const has = (...keys: (keyof ShapeSpec)[]) => parts.some((p) => keys.some((k) => p[k] !== undefined));
  const hinted: JsonType[] = [
    ...(has("properties", "required", "additionalProperties", "patternProperties", "minProperties")
      ? ["object" as const]
      : []),
    ...(has("items", "minItems") ? ["array" as const] : []),
    ...(has("pattern", "minLength", "format") ? ["string" as const] : []),
    ...(has("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf") ? ["number" as const] : []),
  ];
  return [...new Set([...hinted, ...TYPES])];
}
