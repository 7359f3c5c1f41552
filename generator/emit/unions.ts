import type { CatalogueModel } from "../model.js";
import { importFrom, type Declaration } from "../print/declarations.js";
import { array, call, member, str } from "../print/expressions.js";
import { docText, stringLiteral } from "../print/literals.js";
import { arrayOf, readonlyOf, t, union } from "../print/types.js";
import { moduleOf, type Emitted } from "./module.js";

/** `unions.ts`: the union of all events, one union per resource, the names, and the name → type map. */
export function emitUnions(model: CatalogueModel): Emitted[] {
  const imports = model.events.map((e) => importFrom(`./events/${e.fileName}.js`, [e.typeName], true));
  // A catalogue with no events yet still compiles: its unions are `never`.
  const unionOf = (names: readonly string[]) => (names.length === 0 ? t("never") : union(names.map(t)));
  const layout = model.layout;
  const discriminant = layout ? "name" : "type";
  const action = layout?.actionField ? `, then \`event.payload.${docText(layout.actionField)}\`,` : "";
  const declarations: Declaration[] = [
    ...imports,
    {
      k: "type",
      name: "WebhookEvent",
      exported: true,
      doc: `Every event of the catalogue, discriminated on \`${discriminant}\`: a \`switch (event.${discriminant})\` narrows${action} to one event.`,
      type: unionOf(model.events.map((e) => e.typeName)),
    },
    ...model.resources.map((r): Declaration => ({
      k: "type",
      name: r.typeName,
      exported: true,
      doc: `The events of \`${docText(r.name)}\`.`,
      type: unionOf(r.events.map((e) => e.typeName)),
    })),
    {
      k: "type",
      name: "WebhookEventType",
      exported: true,
      doc: `The name of every event${layout ? `: the \`${docText(layout.nameHeader)}\` header's value and the action, as in \`issues.opened\`` : ": the `type` of a {@link WebhookEvent}"}.`,
      type: unionOf(model.events.map((e) => stringLiteral(e.name))),
    },
    {
      k: "const",
      name: "WEBHOOK_EVENT_TYPES",
      exported: true,
      doc: "Every {@link WebhookEventType}, sorted.",
      type: readonlyOf(arrayOf(t("WebhookEventType"))),
      init: call(member("Object", "freeze"), [array(model.events.map((e) => str(e.name)))]),
    },
    {
      k: "interface",
      name: "WebhookEventMap",
      exported: true,
      doc: 'Each event\'s interface by name: `WebhookEventMap["response.completed"]`.',
      members: model.events.map((e) => ({ name: e.name, optional: false, type: t(e.typeName) })),
    },
    ...(layout
      ? [
          {
            k: "type",
            name: "WebhookEventName",
            exported: true,
            doc: `The values of the \`${docText(layout.nameHeader)}\` header: the \`name\` of a {@link WebhookEvent}.`,
            type: unionOf([...new Set(model.events.map((e) => stringLiteral(e.headerValue!)))]),
          } as const,
        ]
      : []),
  ];
  return [moduleOf("unions", model.source, declarations)];
}
