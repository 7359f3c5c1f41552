/**
 * An OpenAPI document in the catalogue form, for docs:check and docs:sync: read by the same reader
 * as `import` (so a spec imported from a document agrees with it), fields flattened from each body
 * and from each shared shape, with their lines in the document.
 */
import { readFileSync } from "node:fs";
import { toShape } from "../shape.js";
import { fieldsOfShape, schemaPathOf, type Catalogue, type CatalogueEvent } from "./catalogue.js";
import { readOpenApiDocument } from "./openapi-document.js";

export function readOpenApi(file: string, text: string = readFileSync(file, "utf8")): Catalogue {
  const document = readOpenApiDocument(text, file);
  const { lineOf } = document;
  const entry = (
    name: string,
    description: string | undefined,
    body: CatalogueEvent["body"] & object,
    pointer: string,
  ): CatalogueEvent => {
    const fields = fieldsOfShape(toShape(body));
    for (const [path, field] of fields) {
      const line = lineOf(`${pointer}/${schemaPathOf(path).join("/")}`);
      if (line !== undefined) field.line = line;
    }
    const line = lineOf(pointer);
    return {
      name,
      ...(description !== undefined && { description }),
      fields,
      body,
      ...(line !== undefined && { line }),
    };
  };
  const events = document.webhooks.map((webhook) => {
    const event = entry(webhook.name, webhook.description, webhook.body, webhook.bodyPointer);
    if (webhook.example !== undefined) {
      event.example = webhook.example;
      event.exampleLine = lineOf(webhook.examplePointer!) ?? 0;
    }
    return event;
  });
  const types = Object.entries(document.defs).map(([name, shape]) =>
    entry(name, shape.description, shape, document.defPointers[name]!),
  );
  const notes = [
    ...document.notes,
    // What the reader could not map is not compared: said, never dropped silently.
    ...document.losses.map((loss) => `not compared: ${file}#${loss.pointer} ${loss.reason}`),
  ];
  return { file, events, types, notes };
}
