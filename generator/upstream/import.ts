/**
 * A new spec from a published OpenAPI 3.1 document's `webhooks` (or OpenAPI 3.0's `x-webhooks`):
 * one event per webhook operation, named by its body's `type` constant, else by the operation's
 * key; shared components become `$defs` under their own names; every keyword the shape language
 * does not have, and every part that cannot be mapped, is listed by JSON pointer as a loss.
 */
import { parseDocument } from "yaml";
import { KEYWORDS, SUPPORTED_KEYWORDS } from "../keywords/index.js";
import { typeNameOfTitle } from "../named-shapes.js";
import { defTypeName } from "../names.js";
import { REFUSED_KEYWORDS } from "../keywords/refused.js";
import { mismatches, toShape } from "../shape.js";
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
      } else if (key === "example") {
        // OpenAPI's one example is JSON Schema's list of examples.
        if ((schema as Json).examples === undefined) out.examples = [value];
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
    // A keyword for another type than the schema's has no effect in JSON Schema; the spec refuses it.
    if (out.type !== undefined) {
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
    // `type: ["null"]` beside allOf/anyOf/oneOf matches no value in JSON Schema; documents that write
    // it mean "null, or the members": said so, and written that way.
    const combinators = (["allOf", "anyOf", "oneOf"] as const).filter((k) => out[k] !== undefined);
    if (combinators.length > 0 && [out.type].flat().every((t) => t === "null") && out.type !== undefined) {
      const { type: _null, description, ...rest } = out;
      notes.push(`${pointer}: type null beside ${combinators.join(", ")} read as "null, or ${combinators.join(", ")}"`);
      return {
        ...(description !== undefined && { description: description as string }),
        anyOf: [rest as ShapeSpec, { type: "null" }],
      };
    }
    // OpenAPI 3.0's nullable: null joins the types, or (a reference, a union) becomes an alternative.
    if (out.__nullable) {
      delete out.__nullable;
      if (out.type !== undefined) out.type = [...new Set([out.type].flat().concat("null"))];
      else {
        const { description, ...rest } = out;
        return {
          ...(description !== undefined && { description: description as string }),
          anyOf: [rest as ShapeSpec, { type: "null" }],
        };
      }
    }
    return out as ShapeSpec;
  };

  const events: Json[] = [];
  const headerLayout: { nameHeader?: string; idHeader?: string; actionField?: string; signatureHeader?: string } = {};
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
      // The body is the payload: named by a header (GitHub's X-GitHub-Event), with an action field.
      const parameters = ((operation?.parameters ?? []) as Json[]).filter((p) => p.in === "header");
      const nameHeader = parameters.find((p) => /-event$/i.test(String(p.name)));
      if (!nameHeader) {
        losses.push({
          pointer: `${pointer}/post/requestBody`,
          reason: "the body has no data field and no header parameter names the event (such as X-GitHub-Event)",
        });
        continue;
      }
      headerLayout.nameHeader ??= String(nameHeader.name);
      headerLayout.idHeader ??= parameters.map((p) => String(p.name)).find((n) => /-delivery$/i.test(n));
      const signature = parameters.find((p) => /signature-256$/i.test(String(p.name)));
      if (signature && typeof signature.example === "string" && signature.example.startsWith("sha256="))
        headerLayout.signatureHeader ??= String(signature.name);
      const actionShape = resolveRef(properties.action, components);
      const action =
        actionShape.const ??
        (Array.isArray(actionShape.enum) && actionShape.enum.length === 1 ? actionShape.enum[0] : undefined);
      const base = String(operation?.operationId ?? key)
        .split("/")[0]!
        .replace(/[-\s]+/g, "_")
        .toLowerCase();
      const name = typeof action === "string" ? `${base}.${action.replace(/[-\s]+/g, "_")}` : base;
      if (typeof action === "string") headerLayout.actionField = "action";
      const bodyAt =
        typeof (media.schema as Json).$ref === "string"
          ? `/components/schemas/${String((media.schema as Json).$ref)
              .split("/")
              .pop()}`
          : `${pointer}/post/requestBody/content/application~1json/schema`;
      const data = convert(body, bodyAt);
      const example = exampleOf(body, media, name);
      if (example.note) notes.push(`${name}: ${example.note}`);
      events.push({
        name,
        description: String(operation?.description ?? operation?.summary ?? name)
          .replace(/\s+/g, " ")
          .trim(),
        data: { type: "object", ...data },
        example: example.value,
        ...(example.value === undefined && { __payload: data }),
        __pointer: `${pointer}/post/requestBody`,
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
    const bodyFields = {
      name,
      properties: converted.properties ?? {},
      required: (body.required as string[] | undefined)?.filter((r) => r !== "type" && r !== "data") ?? [],
    };
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
      __envelope: bodyFields,
      __pointer: `${pointer}/post/requestBody`,
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
    if (event.__payload !== undefined) {
      const payload = event.__payload as ShapeSpec;
      delete event.__payload;
      event.example = sampleOf(payload, defs);
      // A document's shapes can be stricter than a made-up value: then the event needs a real example.
      const defShapes = new Map(Object.entries(defs).map(([k, v]) => [k, toShape(v)]));
      if (mismatches(toShape(payload), event.example, defShapes).length > 0) {
        losses.push({
          pointer: String(event.__pointer),
          reason: "has no example, and none could be made from its shape; write one",
        });
        event.__drop = true;
      }
      continue;
    }
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
  // One event per name: a second operation that maps to a taken name (or to a header value whose
  // actions are events of their own) is listed as a loss, not merged.
  const taken = new Set<string>();
  const withActions = new Set(
    events
      .map((e) => String(e.name))
      .filter((n) => n.includes("."))
      .map((n) => n.split(".")[0]),
  );
  for (const event of events) {
    const name = String(event.name);
    const clash = taken.has(name)
      ? "maps to the same event name as another operation"
      : headerLayout.nameHeader && !name.includes(".") && withActions.has(name)
        ? `has no single action, but other ${name} events have one`
        : undefined;
    if (clash && !event.__drop) {
      losses.push({ pointer: String(event.__pointer ?? name), reason: `${clash} (${name}); left out` });
      event.__drop = true;
    }
    taken.add(name);
  }
  for (let i = events.length - 1; i >= 0; i--) {
    if (events[i]!.__drop) events.splice(i, 1);
    else delete events[i]!.__pointer;
  }
  dropAmbiguousTitles(defs, [...Object.values(defs), ...events.map((e) => e.data as ShapeSpec)], notes);
  const enveloped = events.filter((e) => e.__envelope !== undefined);
  const envelope = commonEnvelope(
    enveloped.map((e) => e.__envelope as Json),
    enveloped,
    notes,
  );
  for (const event of events) delete event.__envelope;
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
    ...(headerLayout.nameHeader && {
      layout: {
        name_header: headerLayout.nameHeader,
        ...(headerLayout.actionField && { action_field: headerLayout.actionField }),
        ...(headerLayout.idHeader && { id_header: headerLayout.idHeader }),
      },
    }),
    ...(headerLayout.signatureHeader && {
      signing: {
        scheme: "hmac-sha256",
        secret_env: `${packageName(root, source)
          .replace(/-webhook-events$/, "")
          .replace(/[^a-z0-9]+/gi, "_")
          .toUpperCase()}_WEBHOOK_SECRET`,
        header: headerLayout.signatureHeader,
        prefix: "sha256=",
      },
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

/**
 * Titles name nested types in the spec; a document may give one title to different shapes (as
 * annotations). Those titles are left out, and said so; a title with one shape stays a name.
 */
function dropAmbiguousTitles(
  defs: Readonly<Record<string, ShapeSpec>>,
  roots: readonly ShapeSpec[],
  notes: string[],
): void {
  // Grouped by the type name a title gives (`Repo Ref` and `RepoRef` are one), shared shapes included.
  const shapes = new Map<string, Set<string>>();
  for (const [key, def] of Object.entries(defs)) shapes.set(defTypeName(key), new Set([JSON.stringify(def)]));
  const all: ShapeSpec[] = [];
  const walk = (shape: ShapeSpec, root: boolean): void => {
    const name = !root && typeof shape.title === "string" ? typeNameOfTitle(shape.title) : undefined;
    if (name !== undefined) {
      all.push(shape);
      const { title: _title, ...rest } = shape;
      shapes.set(name, (shapes.get(name) ?? new Set()).add(JSON.stringify({ ...rest, title: undefined })));
    }
    for (const child of [
      ...Object.values(shape.properties ?? {}),
      ...Object.values(shape.patternProperties ?? {}),
      ...(typeof shape.additionalProperties === "object" ? [shape.additionalProperties] : []),
      ...(shape.items ? [shape.items] : []),
      ...(shape.anyOf ?? []),
      ...(shape.oneOf ?? []),
      ...(shape.allOf ?? []),
    ])
      walk(child, false);
  };
  for (const root of roots) walk(root, true);
  const ambiguous = new Set([...shapes].filter(([, variants]) => variants.size > 1).map(([name]) => name));
  for (const shape of all) if (ambiguous.has(typeNameOfTitle(shape.title!)!)) delete shape.title;
  if (ambiguous.size > 0)
    notes.push(
      `titles given to different shapes, left out (the shapes stay inline): ${[...ambiguous].sort().join(", ")}`,
    );
}

/** A small value that fits a shape: required fields only, the first listed value, the lower limits. */
function sampleOf(shape: ShapeSpec, defs: Record<string, ShapeSpec>, depth = 0): unknown {
  if (depth > 16) return null;
  if (shape.$ref) return sampleOf(defs[shape.$ref.slice("#/$defs/".length)] ?? {}, defs, depth + 1);
  if (shape.const !== undefined) return shape.const;
  if (shape.enum) return shape.enum[0];
  const branch = shape.anyOf?.[0] ?? shape.oneOf?.[0];
  if (branch && !shape.type) return sampleOf(branch, defs, depth + 1);
  if (shape.allOf && !shape.type)
    return Object.assign({}, ...shape.allOf.map((m) => sampleOf(m, defs, depth + 1) as object));
  // With a union or allOf beside it, a type list's null is not what the branches describe.
  const types = [shape.type ?? (shape.properties ? "object" : "null")].flat();
  const type = (branch || shape.allOf ? types.find((t) => t !== "null") : undefined) ?? types[0];
  if (branch && type !== "object") return sampleOf(branch, defs, depth + 1);
  switch (type) {
    case "object": {
      const own = Object.fromEntries(
        (shape.required ?? []).map((name) => [name, sampleOf(shape.properties?.[name] ?? {}, defs, depth + 1)]),
      );
      // A union or an allOf beside the properties adds its members' required fields.
      const more = [...(branch ? [branch] : []), ...(shape.allOf ?? [])].map((m) => sampleOf(m, defs, depth + 1));
      return Object.assign(own, ...more.filter((m) => typeof m === "object" && m !== null && !Array.isArray(m)));
    }
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
