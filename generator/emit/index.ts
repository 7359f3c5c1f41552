import type { CatalogueModel } from "../model.js";
import { exportFrom } from "../print/declarations.js";
import { moduleOf, type Emitted } from "./module.js";
import { WEBHOOKS_EXPORTS } from "./webhooks.js";

/** `index.ts`: the package's public surface, every name listed so a reviewer sees what is exported. */
export function emitIndex(model: CatalogueModel): Emitted[] {
  const statements = [
    ...model.events.map((e) => exportFrom(`./events/${e.fileName}.js`, [e.typeName, e.dataTypeName], true)),
    ...model.events.map((e) =>
      exportFrom(`./guards/${e.fileName}.js`, [e.guardName, e.validatorName, e.standardSchemaName]),
    ),
    ...model.defModels.map((d) =>
      exportFrom(`./defs/${d.fileName}.js`, [`type ${d.typeName}`, d.guardName, d.validatorName]),
    ),
    exportFrom("./unions.js", [
      ...model.resources.map((r) => `type ${r.typeName}`),
      "type WebhookEvent",
      "type WebhookEventMap",
      "type WebhookEventType",
      ...(model.layout ? ["type WebhookEventName"] : []),
      "WEBHOOK_EVENT_TYPES",
    ]),
    exportFrom("./parse.js", [
      "isWebhookEvent",
      "parseWebhookEvent",
      "validateWebhookEvent",
      "WebhookEventSchema",
      "type ParseResult",
    ]),
    exportFrom("./runtime/validation.js", ["ValidationIssue", "Validator"], true),
    exportFrom("./runtime/standard-schema.js", ["StandardSchemaV1"], true),
    exportFrom("./fixtures/index.js", ["fixtures"]),
    ...(model.signing
      ? [
          exportFrom("./webhooks.js", WEBHOOKS_EXPORTS),
          exportFrom("./testing.js", ["signWebhookPayload", "type SignedWebhook", "type SignOptions"]),
        ]
      : []),
  ];
  return [moduleOf("index", model.source, statements)];
}
