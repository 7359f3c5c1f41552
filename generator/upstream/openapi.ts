import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { toShape } from "../shape.js";
import type { ShapeSpec } from "../spec.js";
import { fieldsOfShape, schemaPathOf, type Catalogue, type CatalogueEvent } from "./catalogue.js";
import { parseTolerantJson } from "./page.js";

type Json = Record<string, unknown>;
const MAX_EXPANDED_NODES = 1_000_000;
const MAX_REF_DEPTH = 256;
const KEPT = [
  "description",
  "type",
  "enum",
  "const",
  "properties",
  "required",
  "items",
  "additionalProperties",
] as const;

/**
 * Reads the `webhooks` section of any OpenAPI 3.1 document: per webhook, the request body's
 * schema (local `$ref`s resolved) gives the event's name (its `type` enum, else `x-oaiMeta.name`),
 * fields and `data` shape; `x-oaiMeta.example` gives the example.
 */
export function readOpenApi(file: string, text: string = readFileSync(file, "utf8")): Catalogue {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const root = doc.toJS() as Json;
  const notes: string[] = [];
  const lineOf = (path: (string | number)[]) => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
  if (!root || typeof root !== "object" || typeof root.webhooks !== "object") {
    throw new Error(`${file} has no webhooks section; is it an OpenAPI 3.1 document?`);
  }

  // A document may fan references out (each shape using others many times): expansion is capped
  // in total nodes and depth, and the pointer that hit the cap is named.
  let expanded = 0;
  const resolve = (value: unknown, seen: string[] = [], depth = 0): unknown => {
    if (++expanded > MAX_EXPANDED_NODES || depth > MAX_REF_DEPTH)
      throw new Error(
        `${file}: expanding $ref ${seen.at(-1) ?? "(none)"} goes past ${depth > MAX_REF_DEPTH ? `${MAX_REF_DEPTH} levels` : `${MAX_EXPANDED_NODES} nodes`}; the document's references fan out too far to compare`,
      );
    if (Array.isArray(value)) return value.map((v) => resolve(v, seen, depth + 1));
    if (typeof value !== "object" || value === null) return value;
    const ref = (value as Json).$ref;
    if (typeof ref === "string") {
      if (!ref.startsWith("#/"))
        throw new Error(`${file}: $ref ${ref} points outside the document; only local references are read`);
      if (seen.includes(ref)) throw new Error(`${file}: $ref ${ref} refers to itself`);
      const target = ref
        .slice(2)
        .split("/")
        .reduce<unknown>(
          (node, key) => (node as Json | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")],
          root,
        );
      if (target === undefined) throw new Error(`${file}: $ref ${ref} points at nothing`);
      return resolve(target, [...seen, ref], depth + 1);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, seen, depth + 1)]));
  };

  const events: CatalogueEvent[] = [];
  for (const [key, webhook] of Object.entries(root.webhooks as Json)) {
    const operation = (webhook as Json)?.post as Json | undefined;
    const content = (operation?.requestBody as Json | undefined)?.content as Json | undefined;
    const rawSchema = (content?.["application/json"] as Json | undefined)?.schema as Json | undefined;
    if (!rawSchema) {
      notes.push(`webhook ${key} has no application/json request body; left out`);
      continue;
    }
    const ref =
      typeof rawSchema.$ref === "string"
        ? rawSchema.$ref.slice(2).split("/")
        : ["webhooks", key, "post", "requestBody", "content", "application/json", "schema"];
    const schema = resolve(rawSchema) as Json;
    const properties = (schema.properties ?? {}) as Json;
    const typeEnum = (properties.type as Json | undefined)?.enum;
    const meta = (schema["x-oaiMeta"] ?? {}) as Json;
    const name =
      Array.isArray(typeEnum) && typeof typeEnum[0] === "string"
        ? typeEnum[0]
        : typeof meta.name === "string"
          ? meta.name
          : undefined;
    if (!name) {
      notes.push(`webhook ${key} names no event (no type enum, no x-oaiMeta.name); left out`);
      continue;
    }
    const shape = toShape(toShapeSpec(schema));
    const event: CatalogueEvent = {
      name,
      fields: fieldsOfShape(shape),
      ...(typeof (operation?.description ?? schema.description) === "string" && {
        description: String(operation?.description ?? schema.description).trim(),
      }),
      ...(lineOf(ref) !== undefined && { line: lineOf(ref)! }),
      ...(properties.data !== undefined && { data: toShapeSpec(properties.data as Json) }),
    };
    for (const [path, field] of event.fields) {
      const line = lineOf([...ref, ...schemaPathOf(path)]);
      if (line !== undefined) field.line = line;
    }
    if (typeof meta.example === "string") {
      const parsed = parseTolerantJson(meta.example);
      event.exampleLine = lineOf([...ref, "x-oaiMeta", "example"]) ?? 0;
      if (parsed.note) notes.push(`${name}: the example (${file}:${event.exampleLine}) ${parsed.note}`);
      if (parsed.ok) event.example = parsed.value;
    }
    events.push(event);
  }
  return { file, events, notes };
}

/** A JSON Schema as the spec's shape subset: the keywords the generator checks, the rest (format, x-…) left out. */
export function toShapeSpec(schema: Json): ShapeSpec {
  const out: Json = {};
  for (const key of KEPT) {
    const value = schema[key];
    if (value === undefined) continue;
    if (key === "description" && typeof value === "string") out.description = value.replace(/\s+/g, " ").trim();
    else if (key === "properties")
      out.properties = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, toShapeSpec(v as Json)]));
    else if (key === "items" || (key === "additionalProperties" && typeof value === "object"))
      out[key] = toShapeSpec(value as Json);
    else if (key !== "additionalProperties") out[key] = value;
  }
  if (Array.isArray(out.enum) && out.enum.length === 1 && schema["x-stainless-const"] === true) {
    out.const = out.enum[0];
    delete out.enum;
  }
  return out as ShapeSpec;
}
