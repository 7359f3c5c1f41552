import type { CatalogueModel } from "../model.js";
import { docText, stringLiteral } from "./code.js";
import { importFrom, renderModule, type GeneratedFile } from "./module.js";

/** `unions.ts`: the union of all events, one union per resource, the names, and the name → type map. */
export function emitUnions(model: CatalogueModel): GeneratedFile[] {
  const imports = model.events.map((e) => importFrom(`./events/${e.fileName}.js`, [e.typeName], true));
  // A catalogue with no events yet still compiles: its unions are `never`.
  const union = (types: string[]) => (types.length === 0 ? " never" : types.map((t) => `\n  | ${t}`).join(""));
  const statements = [
    ...imports,
    `/** Every event of the catalogue, discriminated on \`${model.layout ? "name" : "type"}\`: a \`switch (event.${model.layout ? "name" : "type"})\` narrows${model.layout?.actionField ? `, then \`event.payload.${docText(model.layout.actionField)}\`,` : ""} to one event. */\nexport type WebhookEvent = ${union(model.events.map((e) => e.typeName))};`,
    ...model.resources.map(
      (r) =>
        `/** The events of \`${docText(r.name)}\`. */\nexport type ${r.typeName} = ${union(r.events.map((e) => e.typeName))};`,
    ),
    `/** The name of every event${model.layout ? `: the \`${docText(model.layout.nameHeader)}\` header's value and the action, as in \`issues.opened\`` : `: the \`type\` of a {@link WebhookEvent}`}. */\nexport type WebhookEventType = ${union(model.events.map((e) => stringLiteral(e.name)))};`,
    `/** Every {@link WebhookEventType}, sorted. */\nexport const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = Object.freeze([\n${model.events.map((e) => `  ${stringLiteral(e.name)},`).join("\n")}\n]);`,
    `/** Each event's interface by name: \`WebhookEventMap["response.completed"]\`. */\nexport interface WebhookEventMap {\n${model.events.map((e) => `  ${stringLiteral(e.name)}: ${e.typeName};`).join("\n")}\n}`,
    ...(model.layout
      ? [
          `/** The values of the \`${docText(model.layout.nameHeader)}\` header: the \`name\` of a {@link WebhookEvent}. */\nexport type WebhookEventName = ${union([...new Set(model.events.map((e) => stringLiteral(e.headerValue!)))])};`,
        ]
      : []),
  ];
  return [{ path: "unions.ts", contents: renderModule(model.source, statements) }];
}
