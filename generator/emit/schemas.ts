import { KEYWORDS } from "../keywords/index.js";
import type { CatalogueModel, EventModel, Shape } from "../model.js";
import { childrenOf } from "../shape.js";
import { jsonText } from "./code.js";
import type { GeneratedFile } from "./module.js";

const DRAFT = "https://json-schema.org/draft/2020-12/schema";

/**
 * `schemas/<name>.json` for every event and `schemas/webhook-event.json` for the union: JSON Schema
 * (draft 2020-12) of exactly what the guards check, for tools in other ecosystems. Written from
 * the model's shapes by the same keyword modules the guards are compiled by; the shared shapes an
 * event uses travel with it under `$defs`.
 */
export function emitSchemas(model: CatalogueModel): GeneratedFile[] {
  const id = (name: string) => `urn:${model.package.name}:${name}`;
  const files = model.events.map((event) =>
    json(`schemas/${event.fileName}.json`, {
      $schema: DRAFT,
      $id: id(event.name),
      ...eventSchema(event),
      ...defsOf([event.shape], model),
    }),
  );
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
    $defs: {
      ...Object.fromEntries(model.events.map((e) => [e.name, eventSchema(e)])),
      ...defsOf(
        model.events.map((e) => e.shape),
        model,
      ).$defs,
    },
  };
  return [...files, json("schemas/webhook-event.json", union)];
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
function defsOf(shapes: readonly Shape[], model: CatalogueModel): { $defs?: Record<string, unknown> } {
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
  return { path, contents: `${jsonText(value)}\n` };
}
