/**
 * A new spec from a published OpenAPI document, as the one reader (`openapi-document.ts`) reads it:
 * one event per webhook operation, shared components as `$defs` under their own names, the
 * envelope declared once, the layout and signing the document's headers show. What the reader
 * could not map comes back as losses, by JSON pointer.
 */
import { typeNameOfTitle } from "../named-shapes.js";
import { defTypeName } from "../names.js";
import { mismatches, toShape } from "../shape.js";
import type { SchemaSpec, ShapeSpec } from "../spec.js";
import { refusedEvents } from "./import-check.js";
import { signingOf } from "./signing-scheme.js";
import { readOpenApiDocument, type OpenApiDocument, type OpenApiWebhook } from "./openapi-document.js";
import type { Loss } from "./openapi-schema.js";
import { MAX_SAMPLE_VALUES, SampleTooLarge, sampleOf } from "./sample.js";

type Json = Record<string, unknown>;

export type { Loss } from "./openapi-schema.js";

export interface Imported {
  /** The spec as data, ready to write. */
  spec: Json;
  losses: Loss[];
  notes: string[];
  /** What the generator's validation refuses outside any event (the spec cannot be written then). */
  problems: string[];
}

export function importOpenApi(text: string, source: string): Imported {
  const document = readOpenApiDocument(text, source);
  const { defs, losses } = document;
  const notes = [...document.notes];
  const defShapes = new Map(Object.entries(defs).map(([k, v]) => [k, toShape(v)]));
  // Formats are not checked here (the checker knows few); a made-up string of a format is one of its own samples.
  const fits = (shape: SchemaSpec, value: unknown) => mismatches(toShape(shape), value, defShapes).length === 0;
  let events: Json[] = [];
  for (const webhook of document.webhooks) {
    const { name, body } = webhook;
    const { type: _type, data: bodyData, ...fields } = body.properties ?? {};
    const data = webhook.namedBy === "header" ? body : (bodyData ?? {});
    if (data === false) {
      losses.push({
        pointer: webhook.pointer,
        reason: "has data: false, which no payload matches; the event can never arrive",
      });
      continue;
    }
    let example = webhook.example;
    if (example === undefined) {
      const made = madeExample(webhook, defs, fits);
      // Where no value meets the shape, the event is left out and said; the others come in.
      if ("loss" in made) {
        losses.push({ pointer: webhook.pointer, reason: made.loss });
        continue;
      }
      notes.push(
        `${name}: the document has no example; one was made from the shape (type ${name}): replace it with a real one`,
      );
      example = made.value;
    }
    events.push({
      __pointer: webhook.pointer,
      ...(webhook.example !== undefined && { __examplePointer: webhook.examplePointer }),
      name,
      description: webhook.description ?? name,
      data: { type: "object", ...(data !== true && data) },
      example,
      ...(webhook.namedBy === "body" && {
        __envelope: {
          name,
          properties: fields,
          required: (body.required ?? []).filter((r) => r !== "type" && r !== "data"),
        },
      }),
    });
  }
  // An event the spec would refuse (its example, a shape of its own) is left out and said, not the whole import.
  for (;;) {
    const assembled = assemble(document, events, source);
    const { refused, others } = refusedEvents(assembled.spec);
    if (refused.size === 0)
      return { spec: assembled.spec, losses, notes: [...notes, ...assembled.notes], problems: others };
    for (const [index, problems] of refused) {
      const event = events[index]!;
      const atExample = problems.every((p) => p.startsWith("example")) && event.__examplePointer !== undefined;
      losses.push({
        pointer: String(atExample ? event.__examplePointer : event.__pointer),
        reason: `the spec would refuse this event (${event.name}): ${problems.join("; ")}; left out`,
      });
    }
    events = events.filter((_, i) => !refused.has(i));
  }
}

/** The spec from the events read: shared envelope, layout, shared shapes; and what was noted on the way. */
function assemble(document: OpenApiDocument, events: Json[], source: string): { spec: Json; notes: string[] } {
  const { defs } = document;
  const signing = signingOf(document.headers.declared, secretEnvOf(document));
  const notes: string[] = signing.note ? [signing.note] : [];
  dropAmbiguousTitles(defs, [...Object.values(defs), ...events.map((e) => e.data as ShapeSpec)], notes);
  const enveloped = events.filter((e) => e.__envelope !== undefined).map((e) => ({ ...e }));
  const envelope = commonEnvelope(
    enveloped.map((e) => e.__envelope as Json),
    enveloped,
    notes,
  );
  const own = new Map(enveloped.map((e) => [e.name, e]));
  const ordered = events.map(({ name, description, data, example }) => {
    const { envelope: theirs, envelope_required } = own.get(name) ?? {};
    return {
      name,
      description,
      ...(theirs !== undefined && { envelope: theirs }),
      ...(envelope_required !== undefined && { envelope_required }),
      data,
      example,
    };
  });
  const spec: Json = {
    package: {
      name: packageName(document),
      version: "0.1.0",
      description: `Webhook events of ${document.title}.`,
    },
    ...(Object.keys(defs).length > 0 && {
      $defs: Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : 1))),
    }),
    ...layoutOf(document),
    ...(signing.signing && { signing: signing.signing }),
    envelope,
    upstream: [{ name: "openapi", format: "openapi", file: source }],
    events: ordered,
  };
  return { spec, notes };
}

/**
 * An example made from a webhook's whole body (for a body-named event, with its `type` the name),
 * checked against that body; or why none could be made.
 */
function madeExample(
  webhook: OpenApiWebhook,
  defs: Readonly<Record<string, ShapeSpec>>,
  fits: (shape: SchemaSpec, value: unknown) => boolean,
): { value: unknown } | { loss: string } {
  const { body, name } = webhook;
  const shape: ShapeSpec =
    webhook.namedBy === "header"
      ? body
      : {
          ...body,
          properties: { ...body.properties, type: { const: name } },
          required: [...new Set([...(body.required ?? []), "type", "data"])],
        };
  try {
    const { value, failedAt } = sampleOf(shape, defs, fits);
    if (value !== undefined && fits(shape, value)) return { value };
    return {
      loss: `has no example, and none could be made that meets its shape${failedAt ? ` (no value fits ${failedAt})` : ""}; write one`,
    };
  } catch (error) {
    if (!(error instanceof SampleTooLarge)) throw error;
    return {
      loss: `has no example, and its shape fans out too far to make one (over ${MAX_SAMPLE_VALUES} values); write one`,
    };
  }
}

/** Header-named catalogues: where the name, action and delivery ID are. */
function layoutOf(document: OpenApiDocument): Json {
  const { headers } = document;
  if (!headers.name) return {};
  return {
    layout: {
      name_header: headers.name,
      ...(headers.action && { action_field: headers.action }),
      ...(headers.id && { id_header: headers.id }),
    },
  };
}

/**
 * The secret's variable, named after the sender: as the name header says it (X-GitHub-Event:
 * GITHUB_WEBHOOK_SECRET), else as the document's title does.
 */
function secretEnvOf(document: OpenApiDocument): string {
  const sender =
    /^X-(.+)-Event$/i.exec(document.headers.name ?? "")?.[1] ?? packageName(document).replace(/-webhook-events$/, "");
  return `${sender.replace(/[^a-z0-9]+/gi, "_").toUpperCase()}_WEBHOOK_SECRET`;
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

/**
 * Titles name nested types in the spec; a document may give one title to different shapes (as
 * annotations). Those titles are left out, and said so; a title with one shape stays a name.
 */
function dropAmbiguousTitles(
  defs: Readonly<Record<string, SchemaSpec>>,
  roots: readonly ShapeSpec[],
  notes: string[],
): void {
  // Grouped by the type name a title gives (`Repo Ref` and `RepoRef` are one), shared shapes included.
  const shapes = new Map<string, Set<string>>();
  for (const [key, def] of Object.entries(defs)) shapes.set(defTypeName(key), new Set([JSON.stringify(def)]));
  const all: ShapeSpec[] = [];
  const walk = (shape: SchemaSpec, root: boolean): void => {
    if (typeof shape === "boolean") return;
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

function packageName(document: OpenApiDocument): string {
  const base =
    document.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "webhooks";
  return `${base}-webhook-events`;
}
