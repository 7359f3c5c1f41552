/**
 * An OpenAPI document's JSON Schema as a shape: the keywords the shape language has are kept,
 * references to components become `$defs` references under the component's name, OpenAPI 3.0's
 * `nullable` and `example` are translated, and every other keyword is a loss with its pointer.
 */
import { unescapePointer } from "../errors.js";
import { KEYWORDS, SUPPORTED_KEYWORDS } from "../keywords/index.js";
import { REFUSED_KEYWORDS } from "../keywords/refused.js";
import { defTypeName } from "../names.js";
import type { SchemaSpec, ShapeSpec } from "../spec.js";

type Json = Record<string, unknown>;

export interface Loss {
  pointer: string;
  reason: string;
}

const SHAPE_KEYWORDS = new Set(SUPPORTED_KEYWORDS);
/**
 * How deep schemas may nest in an imported shape: each level is two levels of YAML (`properties`,
 * the name) and the spec is refused past 64, so the part of a document that goes deeper is listed
 * here, at its place, rather than refused as a whole spec.
 */
const MAX_SCHEMA_DEPTH = 30;
// Extensions belong to other tools; a discriminator is implied by const properties.
const IGNORED = (key: string) => key.startsWith("x-") || key === "discriminator";

export interface SchemaReader {
  convert(schema: unknown, pointer: string): ShapeSpec;
  /** Components referenced so far, by their name in the document. */
  readonly referenced: Set<string>;
  /** The `$defs` key a component gets: its name made valid, and unique where two would give one type name. */
  defNameOf(component: string): string;
  readonly losses: Loss[];
  readonly notes: string[];
}

export function schemaReader(components: Json): SchemaReader {
  const referenced = new Set<string>();
  const keys = new Map<string, string>();
  const taken = new Set<string>();
  // Unique by the type name a key gives (`a-b` and `a_b` would both export `AB`).
  const defNameOf = (component: string): string => {
    let key = keys.get(component);
    if (key === undefined) {
      const base = defName(component);
      key = base;
      for (let n = 2; taken.has(defTypeName(key)); n++) key = `${base}_${n}`;
      keys.set(component, key);
      taken.add(defTypeName(key));
    }
    return key;
  };
  const losses: Loss[] = [];
  const notes: string[] = [];

  const convert = (schema: unknown, pointer: string, depth = 0): ShapeSpec => {
    if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
      losses.push({ pointer, reason: "is not a schema object" });
      return {};
    }
    // The spec refuses shapes nested deeper than this; the document's part is listed instead.
    if (depth > MAX_SCHEMA_DEPTH) {
      losses.push({ pointer, reason: `is nested more than ${MAX_SCHEMA_DEPTH} schemas deep` });
      return {};
    }
    // `true` and `false` stand for schemas in 3.1 documents (JSON Schema's), and in the spec.
    const child = (value: unknown, at: string): SchemaSpec =>
      typeof value === "boolean" ? value : convert(value, at, depth + 1);
    const isMapping = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);
    const out: Json = {};
    let nullable = false;
    for (const [key, value] of Object.entries(schema as Json)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (key === "$ref" && typeof value === "string") {
        const name = componentName(value);
        if (name === undefined || !Object.hasOwn(components, name))
          losses.push({ pointer: at, reason: `${value} is not a component schema of this document` });
        else {
          out.$ref = `#/$defs/${defNameOf(name)}`;
          referenced.add(name);
        }
      } else if (key === "nullable") nullable = value === true;
      else if (key === "example") {
        // OpenAPI's one example is JSON Schema's list of examples.
        if ((schema as Json).examples === undefined) out.examples = [value];
      } else if (IGNORED(key)) continue;
      else if (!SHAPE_KEYWORDS.has(key))
        losses.push({
          pointer: at,
          reason: `${key} is not in the shape language${REFUSED_KEYWORDS[key] ? `: ${REFUSED_KEYWORDS[key]}` : ""}`,
        });
      else if ((key === "properties" || key === "patternProperties") && !isMapping(value))
        losses.push({ pointer: at, reason: "is not a mapping of names to schemas" });
      else if ((key === "anyOf" || key === "oneOf" || key === "allOf") && !Array.isArray(value))
        losses.push({ pointer: at, reason: "is not a list of schemas" });
      else if (key === "properties" || key === "patternProperties")
        out[key] = Object.fromEntries(
          Object.entries(value as Json).map(([k, v]) => [k, child(v, `${at}/${escapePointer(k)}`)]),
        );
      else if (key === "items" || key === "additionalProperties") out[key] = child(value, at);
      else if (key === "anyOf" || key === "oneOf" || key === "allOf")
        out[key] = (value as unknown[]).map((v, i) => child(v, `${at}/${i}`));
      else if (key === "description" && typeof value === "string") out.description = value.replace(/\s+/g, " ").trim();
      else out[key] = value;
    }
    dropInapplicable(out, pointer, losses);
    // `type: ["null"]` beside allOf/anyOf/oneOf matches no value in JSON Schema; documents that write
    // it mean "null, or the members": said so, and written that way.
    const combinators = (["allOf", "anyOf", "oneOf"] as const).filter((k) => out[k] !== undefined);
    if (combinators.length > 0 && out.type !== undefined && [out.type].flat().every((t) => t === "null")) {
      const { type: _null, ...rest } = out;
      notes.push(`${pointer}: type null beside ${combinators.join(", ")} read as "null, or ${combinators.join(", ")}"`);
      return orNull(rest);
    }
    // OpenAPI 3.0's nullable: null joins the types, or (a reference, a union) becomes an alternative.
    if (nullable) {
      if (out.type === undefined) return orNull(out);
      out.type = [...new Set([out.type].flat().concat("null"))];
    }
    return out as ShapeSpec;
  };
  return { convert, referenced, defNameOf, losses, notes };
}

/** A keyword for another type than the schema's has no effect in JSON Schema; the spec refuses it. */
function dropInapplicable(out: Json, pointer: string, losses: Loss[]): void {
  if (out.type === undefined) return;
  const types = [out.type].flat() as string[];
  for (const keyword of KEYWORDS) {
    const wanted = keyword.appliesTo;
    if (!wanted || types.some((t) => t === wanted || (wanted === "number" && t === "integer"))) continue;
    for (const name of keyword.names.filter((n) => n in out)) {
      losses.push({
        pointer: `${pointer}/${name}`,
        reason: `applies only to ${wanted} values, but the type is ${types.join(" or ")} (it has no effect)`,
      });
      delete out[name];
    }
  }
}

function orNull(shape: Json): ShapeSpec {
  const { description, ...rest } = shape;
  return {
    ...(description !== undefined && { description: description as string }),
    anyOf: [rest as ShapeSpec, { type: "null" }],
  };
}

/** `#/components/schemas/Name` → `Name`; anything else is not a component. */
export function componentName(ref: string): string | undefined {
  const name = /^#\/components\/schemas\/([^/]+)$/.exec(ref)?.[1];
  return name === undefined ? undefined : String(unescapePointer(name));
}

/** A component's name as a `$defs` key the spec accepts. */
export function defName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, "_");
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `S${cleaned}`;
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
