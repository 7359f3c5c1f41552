import { compile } from "json-schema-to-typescript";
import type { CatalogueModel, EventModel } from "../model.js";
import type { ShapeSpec } from "../spec.js";
import { docText, stringLiteral } from "./code.js";
import { renderModule, type GeneratedFile } from "./module.js";

/** `events/<name>.ts`: the event's interface and its data interface, from the event's JSON Schema. */
export async function emitTypes(model: CatalogueModel): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const event of model.events) {
    const aliases = new Map<string, string>();
    const declarations = await compile(schemaForTypes(model, event, aliases), event.typeName, {
      bannerComment: "",
      additionalProperties: false, // objects are open at run time, but an index signature would hide typos
      declareExternallyReferenced: true,
      format: false,
      unknownAny: true,
    });
    files.push({
      path: `events/${event.fileName}.ts`,
      contents: renderModule(model.source, [restoreNames(declarations, aliases)]),
    });
  }
  return files;
}

/** The event's schema as json-schema-to-typescript should see it: names on the types we export, safe docs, ID prefixes. */
function schemaForTypes(model: CatalogueModel, event: EventModel, aliases: Map<string, string>): object {
  const schema = structuredClone(event.schema);
  const properties = schema.properties!;
  properties.id = withNote(properties.id, `Starts with \`${model.eventIdPrefix}\`.`);
  const data = properties.data!;
  data.properties![event.idField] = withNote(data.properties![event.idField], `Starts with \`${event.idPrefix}\`.`);
  Object.assign(data, { title: event.dataTypeName });
  return { ...sanitize(schema, aliases), title: event.typeName };
}

function withNote(shape: ShapeSpec | undefined, note: string): ShapeSpec {
  const description = shape?.description?.trim();
  return {
    ...shape,
    description: description ? `${description}${/[.!?]$/.test(description) ? "" : "."} ${note}` : note,
  };
}

function sanitize(shape: ShapeSpec, aliases: Map<string, string>): ShapeSpec {
  const out: ShapeSpec & { title?: string } = { ...shape };
  if (out.description !== undefined) out.description = docText(out.description);
  if (out.properties)
    out.properties = Object.fromEntries(
      Object.entries(out.properties).map(([k, v]) => [alias(k, aliases), sanitize(v, aliases)]),
    );
  if (out.required) out.required = out.required.map((name) => alias(name, aliases));
  if (out.items) out.items = sanitize(out.items, aliases);
  if (out.additionalProperties) out.additionalProperties = sanitize(out.additionalProperties, aliases);
  return out;
}

// json-schema-to-typescript calls methods such as `hasOwnProperty` on the `properties` object, so a
// property with such a name breaks it. Those names go in as placeholders and come back quoted.
function alias(name: string, aliases: Map<string, string>): string {
  if (!(name in Object.prototype)) return name;
  const quoted = stringLiteral(name);
  for (const [placeholder, original] of aliases) if (original === quoted) return placeholder;
  const placeholder = `wec_inherited_name_${aliases.size}`;
  aliases.set(placeholder, quoted);
  return placeholder;
}

function restoreNames(declarations: string, aliases: Map<string, string>): string {
  return aliases.size === 0
    ? declarations
    : declarations.replace(/\bwec_inherited_name_\d+\b/g, (placeholder) => aliases.get(placeholder) ?? placeholder);
}
