import type { CatalogueModel } from "../model.js";
import { ownFieldsValidatorName } from "../names.js";
import { stringLiteral } from "./code.js";
import { importFrom, type Statement } from "./module.js";

/**
 * What both catalogue-wide parsers (names in the body, names in a header) say alike: the imports,
 * the one lookup from an event's name to its validator, the result type, the guard and the
 * Standard Schema around the validator.
 */
export function parseHead(
  model: CatalogueModel,
  extra: readonly Statement[],
  unknownDoc: string,
  /**
   * Set when the envelope is checked once: the lookup gives each event's own checks (`owner`: whose
   * function checks them), and these helpers are used too.
   */
  envelopeOnce?: { helpers: readonly string[]; owner: ReadonlyMap<string, CatalogueModel["events"][number]> },
): Statement[] {
  const validatorOf = (e: CatalogueModel["events"][number]) =>
    envelopeOnce ? ownFieldsValidatorName(envelopeOnce.owner.get(e.name)!.name) : e.validatorName;
  const importing = envelopeOnce ? [...new Set(envelopeOnce.owner.values())] : model.events;
  const type = envelopeOnce
    ? "(value: Record<string, unknown>, issues?: ValidationIssue[]) => boolean"
    : "Validator<WebhookEvent>";
  const helpers = [...new Set(["fail", "isObject", "issuesOf", ...(envelopeOnce?.helpers ?? [])])].sort();
  return [
    ...importing.map((e) => importFrom(`./guards/${e.fileName}.js`, [validatorOf(e)])),
    ...extra,
    importFrom("./runtime/standard-schema.js", ["standardSchema", "type StandardSchemaV1"]),
    importFrom("./runtime/validation.js", [
      ...helpers,
      "type ValidationIssue",
      ...(envelopeOnce ? [] : ["type Validator"]),
    ]),
    importFrom("./unions.js", ["WebhookEvent"], true),
    // A Map, not a chain of comparisons: the cost of finding the validator does not grow with the catalogue.
    ...(envelopeOnce
      ? [
          "// Each event's own fields (the envelope is checked once); events whose own fields are checked\n// alike share one function, so this call site sees few and the engine can inline them.",
        ]
      : []),
    `const VALIDATORS: ReadonlyMap<string, ${type}> = /* @__PURE__ */ new Map<string, ${type}>([\n${model.events
      .map((e) => `  [${stringLiteral(e.name)}, ${validatorOf(e)}],`)
      .join("\n")}\n]);`,
    `/** The outcome of {@link parseWebhookEvent}. */
export type ParseResult =
  | { ok: true; event: WebhookEvent }
  | {
      ok: false;
      /** Every mismatch (the first 100), in the order of the event's shape. */
      errors: ValidationIssue[];
      /** ${unknownDoc} */
      unknownType?: string;
    };`,
  ];
}

/** `isWebhookEvent`: the guard around `validateWebhookEvent`. */
export const IS_WEBHOOK_EVENT: string = `/** True when \`value\` is one of the catalogue's events, checked in full against its own shape. Never throws. */
export function isWebhookEvent(value: unknown): value is WebhookEvent {
  try {
    return validateWebhookEvent(value);
  } catch {
    return false; // a getter or Proxy that throws is not a webhook payload
  }
}`;

/** `WebhookEventSchema`: `validateWebhookEvent` as a Standard Schema. */
export const WEBHOOK_EVENT_SCHEMA: string = `/** {@link validateWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export const WebhookEventSchema: StandardSchemaV1<unknown, WebhookEvent> = /* @__PURE__ */ standardSchema(validateWebhookEvent);`;
