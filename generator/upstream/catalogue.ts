/**
 * The form every source of the catalogue is read into, so any two can be compared: the spec,
 * the reference page, an OpenAPI document.
 */
import { jsonTypeOf, type Shape } from "../shape.js";
import type { ShapeSpec } from "../spec.js";

export interface CatalogueField {
  /** Base JSON types, `string` or `string or null`; consts and enums count as their type. */
  type: string;
  /** Unknown when the source does not say (a field seen only in an example). */
  required?: boolean;
  description?: string;
  line?: number;
}

export interface CatalogueEvent {
  name: string;
  description?: string;
  /** Every field by path: `created_at`, `data.call_id`, `data.sip_headers[].name`. */
  fields: Map<string, CatalogueField>;
  /** True when `data`'s fields were inferred from the example rather than declared. */
  inferredData?: boolean;
  example?: unknown;
  line?: number;
  exampleLine?: number;
  /** The body's shape (a shared type's shape) where the source declares one, for docs:sync. */
  body?: ShapeSpec;
}

export interface Catalogue {
  file: string;
  events: CatalogueEvent[];
  /**
   * Shared shapes by name (`$defs` in the spec, components in an OpenAPI document). A field that
   * refers to one has its name as type; the shape's own fields are compared once, here.
   */
  types?: CatalogueEvent[];
  /** What was tolerated while reading (upstream's doing): said in the report, never a failure. */
  notes: string[];
}

/**
 * Fields of a normalized shape, flattened to paths. Members of `allOf` and branches of `anyOf` /
 * `oneOf` add their fields (the first to name a path wins); references to shared shapes are not
 * followed: their fields belong to the shared shape.
 */
export function fieldsOfShape(
  shape: Shape,
  prefix = "",
  out = new Map<string, CatalogueField>(),
): Map<string, CatalogueField> {
  for (const p of shape.properties ?? []) {
    const path = prefix + p.name;
    if (out.has(path)) continue;
    out.set(path, {
      type: baseType(p.shape),
      required: p.required,
      ...(p.shape.description !== undefined && { description: p.shape.description }),
    });
    fieldsOfShape(p.shape, `${path}.`, out);
    if (p.shape.items) fieldsOfShape(p.shape.items, `${path}[].`, out);
  }
  for (const member of [...(shape.allOf ?? []), ...(shape.anyOf ?? []), ...(shape.oneOf ?? [])])
    fieldsOfShape(member, prefix, out);
  return out;
}

/** A field's type as a reader sees it: JSON types, a shared shape's name, or a union's. */
function baseType(shape: Shape): string {
  if (shape.ref !== undefined) return shape.ref;
  if (shape.types) return shape.types.join(" or ");
  if (shape.values) return [...new Set(shape.values.map(jsonTypeOf))].join(" or ");
  const branches = shape.anyOf ?? shape.oneOf;
  if (branches) return [...new Set(branches.flatMap((b) => baseType(b).split(" or ")))].join(" or ");
  return "any";
}

/** Fields seen in an example value, for sources that give no shape; arrays by their first item. */
export function fieldsOfExample(value: unknown, prefix: string, out: Map<string, CatalogueField>): void {
  if (typeof value !== "object" || value === null) return;
  const object = Array.isArray(value) ? value[0] : value;
  if (typeof object !== "object" || object === null || Array.isArray(object)) return;
  for (const [key, child] of Object.entries(object)) {
    const path = `${prefix}${Array.isArray(value) ? "[]." : "."}${key}`.replace(/^\./, "");
    out.set(path, { type: jsonTypeOf(child) });
    fieldsOfExample(child, path, out);
  }
}

/** `sip_headers[].name` → `["properties", "sip_headers", "items", "properties", "name"]`: where a field sits in a shape. */
export function schemaPathOf(fieldPath: string): string[] {
  return fieldPath
    .split(".")
    .flatMap((p) => (p.endsWith("[]") ? ["properties", p.slice(0, -2), "items"] : ["properties", p]));
}

/** Text compared without formatting: code ticks and runs of white space do not count. */
export function normalizeText(text: string | undefined): string | undefined {
  return text?.replace(/`/g, "").replace(/\s+/g, " ").trim();
}
