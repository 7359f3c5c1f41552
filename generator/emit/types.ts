import { compile } from "json-schema-to-typescript";
import type { CatalogueModel, EventModel } from "../model.js";
import type { ShapeSpec } from "../spec.js";
import { docText } from "./code.js";
import { renderModule, type GeneratedFile } from "./module.js";

/** `events/<name>.ts`: the event's interface and its data interface, from the event's JSON Schema. */
export async function emitTypes(model: CatalogueModel): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const event of model.events) {
    const declarations = await compile(schemaForTypes(model, event), event.typeName, {
      bannerComment: "",
      additionalProperties: false, // objects are open at run time, but an index signature would hide typos
      declareExternallyReferenced: true,
      format: false,
      unknownAny: true,
    });
    files.push({ path: `events/${event.fileName}.ts`, contents: renderModule(model.source, [declarations]) });
  }
  return files;
}

/** The event's schema as json-schema-to-typescript should see it: names on the types we export, safe docs, ID prefixes. */
function schemaForTypes(model: CatalogueModel, event: EventModel): object {
  const schema = structuredClone(event.schema);
  const properties = schema.properties!;
  properties.id = withNote(properties.id, `Starts with \`${model.eventIdPrefix}\`.`);
  const data = properties.data!;
  data.properties![event.idField] = withNote(data.properties![event.idField], `Starts with \`${event.idPrefix}\`.`);
  Object.assign(data, { title: event.dataTypeName });
  return { ...sanitize(schema), title: event.typeName };
}

function withNote(shape: ShapeSpec | undefined, note: string): ShapeSpec {
  const description = shape?.description?.trim();
  return { ...shape, description: description ? `${description}${/[.!?]$/.test(description) ? "" : "."} ${note}` : note };
}

function sanitize(shape: ShapeSpec): ShapeSpec {
  const out: ShapeSpec & { title?: string } = { ...shape };
  if (out.description !== undefined) out.description = docText(out.description);
  if (out.properties) out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, sanitize(v)]));
  if (out.items) out.items = sanitize(out.items);
  if (out.additionalProperties) out.additionalProperties = sanitize(out.additionalProperties);
  return out;
}
