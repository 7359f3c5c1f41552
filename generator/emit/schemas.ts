import type { CatalogueModel, EventModel, Shape } from "../model.js";
import type { GeneratedFile } from "./module.js";

const DRAFT = "https://json-schema.org/draft/2020-12/schema";

/**
 * `schemas/<name>.json` for every event and `schemas/webhook-event.json` for the union: JSON Schema
 * (draft 2020-12) of exactly what the guards check, for tools in other ecosystems. Written from
 * the model's normalized shapes, the same ones the guards are compiled from.
 */
export function emitSchemas(model: CatalogueModel): GeneratedFile[] {
  const id = (name: string) => `urn:${model.package.name}:${name}`;
  const files = model.events.map((event) => json(`schemas/${event.fileName}.json`, eventSchema(event, id(event.name))));
  const union = {
    $schema: DRAFT,
    $id: id("webhook-event"),
    title: "WebhookEvent",
    description: `Any event of ${model.package.name}, told apart by its \`type\`.`,
    // Not a 2020-12 keyword: an annotation OpenAPI tools and ajv understand, and others ignore.
    discriminator: { propertyName: "type" },
    type: "object",
    required: ["type"],
    properties: { type: { type: "string", enum: model.events.map((e) => e.name) } },
    oneOf: model.events.map((e) => ({ $ref: `#/$defs/${e.name}` })),
    $defs: Object.fromEntries(model.events.map((e) => [e.name, eventSchema(e)])),
  };
  return [...files, json("schemas/webhook-event.json", union)];
}

function eventSchema(event: EventModel, $id?: string): object {
  return { ...($id && { $schema: DRAFT, $id }), title: event.typeName, ...shapeSchema(event.shape) };
}

function shapeSchema(shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (shape.description !== undefined) out.description = shape.description;
  if (shape.types) out.type = shape.types.length === 1 ? shape.types[0] : shape.types;
  if (shape.values) {
    if (shape.values.length === 1) out.const = shape.values[0];
    else out.enum = shape.values;
  }
  if (shape.properties) {
    // defineProperty keeps a `__proto__` property an own key of the written JSON.
    const properties: Record<string, unknown> = {};
    for (const p of shape.properties)
      Object.defineProperty(properties, p.name, { value: shapeSchema(p.shape), enumerable: true });
    out.properties = properties;
    const required = shape.properties.filter((p) => p.required).map((p) => p.name);
    if (required.length > 0) out.required = required;
  }
  if (shape.mapValues) out.additionalProperties = shapeSchema(shape.mapValues);
  if (shape.items) out.items = shapeSchema(shape.items);
  return out;
}

function json(path: string, value: unknown): GeneratedFile {
  return { path, contents: `${JSON.stringify(value, null, 2)}\n` };
}
