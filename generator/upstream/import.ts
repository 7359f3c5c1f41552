/**
 * A new spec from a published OpenAPI 3.1 document's `webhooks` (or OpenAPI 3.0's `x-webhooks`):
 * one event per webhook operation, named by its body's `type` constant, else by the operation's
 * key; shared components become `$defs` under their own names; every keyword the shape language
 * does not have, and every part that cannot be mapped, is listed by JSON pointer as a loss.
 */
import { parseDocument } from "yaml";
import { SUPPORTED_KEYWORDS } from "../keywords/index.js";
import { REFUSED_KEYWORDS } from "../keywords/refused.js";
import type { ShapeSpec } from "../spec.js";
import { parseTolerantJson } from "./page.js";

type Json = Record<string, unknown>;

export interface Loss {
  pointer: string;
  reason: string;
}

export interface Imported {
  /** The spec as data, ready to write. */
  spec: Json;
  losses: Loss[];
  notes: string[];
}

const ANNOTATIONS_DROPPED_SILENTLY = /^x-/;
const SHAPE_KEYWORDS = new Set(SUPPORTED_KEYWORDS);

export function importOpenApi(text: string, source: string): Imported {
  const root = parseDocument(text).toJS() as Json;
  const losses: Loss[] = [];
  const notes: string[] = [];
  const webhooks = (root.webhooks ?? root["x-webhooks"]) as Json | undefined;
  if (!webhooks || typeof webhooks !== "object")
    throw new Error(`${source} has no webhooks (OpenAPI 3.1) or x-webhooks (OpenAPI 3.0) section`);
  const components = ((root.components as Json | undefined)?.schemas ?? {}) as Json;
  const defs: Record<string, ShapeSpec> = {};
  const wanted = new Set<string>();

  /** A JSON Schema as a shape: supported keywords kept, refs to components renamed, the rest listed as losses. */
  const convert = (schema: unknown, pointer: string): ShapeSpec => {
    if (typeof schema !== "object" || schema === null) {
      losses.push({ pointer, reason: "is not a schema object" });
      return {};
    }
    const out: Json = {};
    for (const [key, value] of Object.entries(schema as Json)) {
      const at = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (key === "$ref" && typeof value === "string") {
        const name = /^#\/components\/schemas\/(.+)$/.exec(value)?.[1];
        if (name === undefined || !(name in components))
          losses.push({ pointer: at, reason: `${value} is not a component schema of this document` });
        else {
          out.$ref = `#/$defs/${defName(name)}`;
          wanted.add(name);
        }
      } else if (key === "nullable") {
        if (value === true) out.__nullable = true;
      } else if (ANNOTATIONS_DROPPED_SILENTLY.test(key) || key === "discriminator") {
        // Extensions belong to other tools; a discriminator is implied by const properties.
      } else if (!SHAPE_KEYWORDS.has(key)) {
        losses.push({
          pointer: at,
          reason: `${key} is not in the shape language${REFUSED_KEYWORDS[key] ? `: ${REFUSED_KEYWORDS[key]}` : ""}`,
        });
      } else if (key === "properties" || key === "patternProperties") {
        out[key] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, convert(v, `${at}/${k}`)]));
      } else if (key === "items" || (key === "additionalProperties" && typeof value === "object")) {
        out[key] = convert(value, at);
      } else if (key === "anyOf" || key === "oneOf" || key === "allOf") {
        out[key] = (value as unknown[]).map((v, i) => convert(v, `${at}/${i}`));
      } else if (key === "description" && typeof value === "string") {
        out.description = value.replace(/\s+/g, " ").trim();
      } else out[key] = value;
    }
    // OpenAPI 3.0's nullable: null joins the types.
    if (out.__nullable) {
      delete out.__nullable;
      if (out.type !== undefined) out.type = [...new Set([out.type].flat().concat("null"))];
      else if (out.$ref !== undefined) return { anyOf: [{ $ref: out.$ref as string }, { type: "null" }] };
    }
    return out as ShapeSpec;
  };

  const events: Json[] = [];
  const envelopes: Json[] = [];
  for (const [key, item] of Object.entries(webhooks)) {
    const pointer = `/${root.webhooks ? "webhooks" : "x-webhooks"}/${key}`;
    const operation = ((item as Json)?.post ?? Object.values(item as Json)[0]) as Json | undefined;
    const media = ((operation?.requestBody as Json | undefined)?.content as Json | undefined)?.["application/json"] as
      Json | undefined;
    if (!media?.schema) {
      losses.push({ pointer, reason: "has no application/json request body" });
      continue;
    }
    const body = resolveRef(media.schema, components);
    const properties = (body.properties ?? {}) as Json;
    const typeShape = resolveRef(properties.type, components);
    const typeValue =
      typeShape.const ?? (Array.isArray(typeShape.enum) && typeShape.enum.length === 1 ? typeShape.enum[0] : undefined);
    const name = typeof typeValue === "string" ? typeValue : key;
    if (properties.data === undefined) {
      losses.push({
        pointer: `${pointer}/post/requestBody`,
        reason:
          "the body has no data field: events whose body is the payload (named by a header) need the header layout, which the spec format does not have yet",
      });
      continue;
    }
    const bodyPointer =
      typeof (media.schema as Json).$ref === "string"
        ? `/components/schemas/${String((media.schema as Json).$ref)
            .split("/")
            .pop()}`
        : `${pointer}/post/requestBody/content/application~1json/schema`;
    const converted = convert(
      {
        ...body,
        properties: Object.fromEntries(Object.entries(properties).filter(([k]) => k !== "type" && k !== "data")),
      },
      bodyPointer,
    );
    envelopes.push({
      name,
      properties: converted.properties ?? {},
      required: (body.required as string[] | undefined)?.filter((r) => r !== "type" && r !== "data") ?? [],
    });
    const data = convert(properties.data, `${bodyPointer}/properties/data`);
    const example = exampleOf(body, media, name);
    if (example.note) notes.push(`${name}: ${example.note}`);
    events.push({
      name,
      description: String(operation?.description ?? operation?.summary ?? body.description ?? name)
        .replace(/\s+/g, " ")
        .trim(),
      data: { type: "object", ...data },
      example: example.value,
      // Made from the shape once the shared shapes are known, where the document has no example.
      ...(example.value === undefined && { __bodyShape: converted, __data: data }),
    });
  }
  // Components a kept event refers to, and those they refer to in turn.
  for (let grew = true; grew;) {
    grew = false;
    for (const name of [...wanted]) {
      if (defs[defName(name)] !== undefined) continue;
      defs[defName(name)] = convert(components[name], `/components/schemas/${name}`);
      grew = true;
    }
  }
  for (const event of events) {
    if (event.example !== undefined) continue;
    const body = event.__bodyShape as ShapeSpec;
    const made = sampleOf(
      {
        ...body,
        properties: { ...body.properties, type: { const: String(event.name) }, data: event.__data as ShapeSpec },
        required: [...(body.required ?? []), "type", "data"],
      },
      defs,
    );
    event.example = made;
    delete event.__bodyShape;
    delete event.__data;
  }
  const envelope = commonEnvelope(envelopes, events, notes);
  const ordered = events.map(({ name, description, envelope: own, envelope_required, data, example }) => ({
    name,
    description,
    ...(own !== undefined && { envelope: own }),
    ...(envelope_required !== undefined && { envelope_required }),
    data,
    example,
  }));
  const spec: Json = {
    package: {
      name: packageName(root, source),
      version: "0.1.0",
      description: `Webhook events of ${title(root, source)}.`,
    },
    ...(Object.keys(defs).length > 0 && {
      $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : 1))),
    }),
    envelope,
    upstream: [{ name: "openapi", format: "openapi", file: source }],
    events: ordered,
  };
  return { spec, losses, notes };
}

/**
 * The envelope: every body field besides `type` and `data`, declared once. A field worded
 * differently by some events keeps its shape there and gets their wording per event; a field
 * shaped differently gets its own shape per event; `required` differing per event is kept per event.
 */
function commonEnvelope(envelopes: Json[], events: Json[], notes: string[]): Json {
  const names = [...new Set(envelopes.flatMap((e) => Object.keys(e.properties as Json)))];
  const withoutDescription = (shape: unknown) => JSON.stringify({ ...(shape as Json), description: undefined });
  const properties: Json = {};
  for (const name of names) {
    const first = envelopes.map((e) => (e.properties as Json)[name]).find((s) => s !== undefined) as Json;
    properties[name] = first;
    const missing = envelopes.filter((e) => (e.properties as Json)[name] === undefined).map((e) => e.name);
    if (missing.length > 0)
      notes.push(`${name} is not in the bodies of ${missing.join(", ")}; the envelope allows it there too`);
  }
  const required = names.filter((k) => envelopes.every((e) => (e.required as string[]).includes(k)));
  envelopes.forEach((e, i) => {
    const own: Json = {};
    for (const [name, shape] of Object.entries(e.properties as Json)) {
      const common = properties[name] as Json;
      if (JSON.stringify(shape) === JSON.stringify(common)) continue;
      const description = (shape as Json).description;
      own[name] =
        withoutDescription(shape) === withoutDescription(common) && typeof description === "string"
          ? description
          : shape;
    }
    if (Object.keys(own).length > 0) events[i]!.envelope = own;
    const eventRequired = names.filter((k) => (e.required as string[]).includes(k));
    if (eventRequired.join() !== required.join()) events[i]!.envelope_required = eventRequired;
  });
  return { required, properties };
}

function exampleOf(body: Json, media: Json, name: string): { value?: unknown; note?: string } {
  const meta = body["x-oaiMeta"] as Json | undefined;
  if (typeof meta?.example === "string") {
    const parsed = parseTolerantJson(meta.example);
    return parsed.ok
      ? { value: parsed.value, ...(parsed.note && { note: `the example ${parsed.note}` }) }
      : { note: "the example is not JSON; write one" };
  }
  if (media.example !== undefined) return { value: media.example };
  const examples = media.examples as Json | undefined;
  const firstExample = examples && (Object.values(examples)[0] as Json | undefined)?.value;
  if (firstExample !== undefined) return { value: firstExample };
  return {
    note: `the document has no example; one was made from the shape (type ${name}): replace it with a real one`,
  };
}

/** A small value that fits a shape: required fields only, the first listed value, the lower limits. */
function sampleOf(shape: ShapeSpec, defs: Record<string, ShapeSpec>, depth = 0): unknown {
  if (depth > 16) return null;
  if (shape.$ref) return sampleOf(defs[shape.$ref.slice("#/$defs/".length)] ?? {}, defs, depth + 1);
  if (shape.const !== undefined) return shape.const;
  if (shape.enum) return shape.enum[0];
  if (shape.examples?.length) return shape.examples[0];
  if (shape.default !== undefined) return shape.default;
  const branch = shape.anyOf?.[0] ?? shape.oneOf?.[0];
  if (branch && !shape.type) return sampleOf(branch, defs, depth + 1);
  if (shape.allOf && !shape.type)
    return Object.assign({}, ...shape.allOf.map((m) => sampleOf(m, defs, depth + 1) as object));
  const type = [shape.type ?? (shape.properties ? "object" : "null")].flat()[0];
  switch (type) {
    case "object":
      return Object.fromEntries(
        (shape.required ?? []).map((name) => [name, sampleOf(shape.properties?.[name] ?? {}, defs, depth + 1)]),
      );
    case "array":
      return Array.from({ length: shape.minItems ?? 0 }, () => sampleOf(shape.items ?? {}, defs, depth + 1));
    case "string":
      return "x".repeat(Math.max(1, shape.minLength ?? 1));
    case "integer":
    case "number":
      return shape.minimum ?? (shape.exclusiveMinimum !== undefined ? Math.floor(shape.exclusiveMinimum) + 1 : 0);
    case "boolean":
      return false;
    default:
      return null;
  }
}

function resolveRef(schema: unknown, components: Json, depth = 0): Json {
  const ref = (schema as Json | undefined)?.$ref;
  if (typeof ref !== "string" || depth > 32) return (schema ?? {}) as Json;
  return resolveRef(components[ref.split("/").pop()!], components, depth + 1);
}

/** A component's name as a `$defs` key the spec accepts. */
function defName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]/g, "_");
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `S${cleaned}`;
}

function title(root: Json, source: string): string {
  return String((root.info as Json | undefined)?.title ?? source);
}

function packageName(root: Json, source: string): string {
  const base =
    title(root, source)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "webhooks";
  return `${base}-webhook-events`;
}
