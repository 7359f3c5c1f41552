import type { CatalogueModel } from "../model.js";
import { jsonText, stringLiteral, valueLiteral } from "./code.js";
import { importFrom, renderModule, type GeneratedFile } from "./module.js";

/** `fixtures/<name>.json`, each event's example as sent, and `fixtures/index.ts`, all of them typed. */
export function emitFixtures(model: CatalogueModel): GeneratedFile[] {
  const json = model.events.map((e) => ({
    path: `fixtures/${e.fileName}.json`,
    contents: `${jsonText(e.example)}\n`,
  }));
  const entries = model.events.map((e) => `  ${stringLiteral(e.name)}: ${valueLiteral(e.example)},`);
  const statements = [
    importFrom("../unions.js", ["WebhookEventMap", "WebhookEventType"], true),
    `const examples = {\n${entries.join("\n")}\n};`,
    // One cast instead of a checked annotation: TypeScript gives every object literal an inherited
    // \`constructor\`, so a spec with such a field name could not type its own example. The
    // generator has already checked each example against its event's shape.
    `/** One example payload per event, from the spec; the same as \`fixtures/<name>.json\`. */
export const fixtures = examples as unknown as { readonly [K in WebhookEventType]: WebhookEventMap[K] };`,
  ];
  return [...json, { path: "fixtures/index.ts", contents: renderModule(model.source, statements) }];
}
