import { KEYWORDS } from "../keywords/index.js";
import type { CatalogueContext, CatalogueModel, EventModel, Shape } from "../model.js";
import { childrenOf } from "../shape.js";
import { printJson } from "../print/json.js";
import type { GeneratedFile } from "./module.js";

const DRAFT = "https://json-schema.org/draft/2020-12/schema";

/**
 * `schemas/<name>.json`: JSON Schema (draft 2020-12) of exactly what the event's guard checks, for
 * tools in other ecosystems. Written from the model's shapes by the same keyword modules the
 * guards are compiled by; the shared shapes the event uses travel with it under `$defs`.
 */
export function eventSchemaFile(model: CatalogueContext, event: EventModel): GeneratedFile[] {
  return [
    json(`schemas/${event.fileName}.json`, {
      $schema: DRAFT,
      $id: schemaId(model, event.name),
      ...eventSchema(event),
      ...defsOf([event.shape], model),
    }),
  ];
}

/** `schemas/webhook-event.json`: the union of every event's schema. */
export function emitSchemas(model: CatalogueModel): GeneratedFile[] {
  return [{ path: "schemas/webhook-event.json", contents: chooseUnion(model, UNION_INLINE_LIMIT).text }];
}

/** Past this size the union refers to the event files by `$id` instead of carrying their schemas (no file over 2 MB). */
export const UNION_INLINE_LIMIT = 1_000_000;

/**
 * The union: self-contained while small; past the limit, a `oneOf` of references to each event's
 * own file by `$id` (a validator loads them with it). Body-named events are told apart by `type`
 * (the `discriminator` annotation says so); header-named ones by their name and action, which
 * make exactly one branch match.
 */
export function unionSchema(model: CatalogueModel, limit = UNION_INLINE_LIMIT): Record<string, unknown> {
  return chooseUnion(model, limit).schema;
}

/** The union as a value and as its file: the self-contained schema, or the one that refers to the event files. */
function chooseUnion(model: CatalogueModel, limit: number): { schema: Record<string, unknown>; text: string } {
  const head = {
    $schema: DRAFT,
    $id: schemaId(model, "webhook-event"),
    title: "WebhookEvent",
    ...(model.layout
      ? { description: `Any event of ${model.package.name}, told apart by its name and action.`, type: "object" }
      : {
          description: `Any event of ${model.package.name}, told apart by its \`type\`.`,
          // Not a 2020-12 keyword: an annotation OpenAPI tools and ajv understand, and others ignore.
          discriminator: { propertyName: "type" },
          type: "object",
          required: ["type"],
          properties: { type: { type: "string", enum: model.events.map((e) => e.name) } },
        }),
  };
  // The printed text is never shorter than the compact one: a schema too big compact is not
  // printed, and the events' schemas stop being made once their compact text alone is too big.
  const schemas: [string, Record<string, unknown>][] = [];
  let size = 0;
  for (const event of model.events) {
    if (size > limit) break;
    const schema = eventSchema(event);
    size += JSON.stringify(schema).length;
    schemas.push([event.name, schema]);
  }
  const inline = size <= limit && {
    ...head,
    oneOf: model.events.map((e) => ({ $ref: `#/$defs/${e.name}` })),
    $defs: {
      ...Object.fromEntries(schemas),
      ...defsOf(
        model.events.map((e) => e.shape),
        model,
      ).$defs,
    },
  };
  const text = inline && JSON.stringify(inline).length <= limit ? printJson(inline) : undefined;
  if (inline && text !== undefined && text.length <= limit) return { schema: inline, text };
  const byReference = { ...head, oneOf: model.events.map((e) => ({ $ref: schemaId(model, e.name) })) };
  return { schema: byReference, text: printJson(byReference) };
}

/**
 * A URN of the generator's namespace: a URN's namespace is at most 32 characters of letters, digits
 * and hyphens, which a package's name (long, or scoped: `@acme/events`) need not be; the name goes after it.
 */
export function schemaId(model: CatalogueContext, name: string): string {
  return `urn:webhook-event-codegen:${model.package.name}:${name}`;
}

function eventSchema(event: EventModel): Record<string, unknown> {
  return { title: event.typeName, ...shapeSchema(event.shape) };
}

/** The JSON Schema of a shape: each keyword module writes its own keywords. */
export function shapeSchema(shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const keyword of KEYWORDS) keyword.schema?.(shape, out, shapeSchema);
  return out;
}

/** `{ $defs }` with every shared shape the shapes reach, or nothing when they reach none. */
function defsOf(shapes: readonly Shape[], model: CatalogueContext): { $defs?: Record<string, unknown> } {
  const reached = new Set<string>();
  const visit = (shape: Shape): void => {
    if (shape.ref !== undefined && !reached.has(shape.ref) && model.defs.has(shape.ref)) {
      reached.add(shape.ref);
      visit(model.defs.get(shape.ref)!);
    }
    for (const child of childrenOf(shape)) visit(child);
  };
  shapes.forEach(visit);
  if (reached.size === 0) return {};
  return { $defs: Object.fromEntries([...reached].sort().map((name) => [name, shapeSchema(model.defs.get(name)!)])) };
}

function json(path: string, value: unknown): GeneratedFile {
  return { path, contents: printJson(value) };
}
