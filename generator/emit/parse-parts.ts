import type { CatalogueModel } from "../model.js";
import { ownFieldsValidatorName } from "../names.js";
import { importFrom, type Declaration } from "../print/declarations.js";
import { array, id, newExpr, pure, str } from "../print/expressions.js";
import { arrayOf, functionType, objectType, ref, t, union } from "../print/types.js";
import { guardFunction, standardSchemaConstant } from "./guards.js";

type Event = CatalogueModel["events"][number];

/**
 * What both catalogue-wide parsers (names in the body, names in a header) say alike: the imports,
 * the one lookup from an event's name to its validator, the result type, the guard and the
 * Standard Schema around the validator.
 */
export function parseHead(
  model: CatalogueModel,
  extra: readonly Declaration[],
  unknownDoc: string,
  /**
   * Set when the envelope is checked once: the lookup gives each event's own checks (`owner`: whose
   * function checks them), and these helpers are used too.
   */
  envelopeOnce?: { helpers: readonly string[]; owner: ReadonlyMap<string, Event> },
): Declaration[] {
  const validatorOf = (e: Event) =>
    envelopeOnce ? ownFieldsValidatorName(envelopeOnce.owner.get(e.name)!.name) : e.validatorName;
  const importing = envelopeOnce ? [...new Set(envelopeOnce.owner.values())] : model.events;
  const validator = envelopeOnce
    ? functionType(
        [
          { name: "value", type: ref("Record", [t("string"), t("unknown")]) },
          { name: "issues", type: arrayOf(t("ValidationIssue")), optional: true },
        ],
        t("boolean"),
      )
    : ref("Validator", [t("WebhookEvent")]);
  const helpers = [
    ...new Set(["fail", "isObject", "issuesOf", "report", "unknownName", ...(envelopeOnce?.helpers ?? [])]),
  ].sort();
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
    ...(envelopeOnce
      ? [
          {
            k: "comment",
            lines: [
              "Each event's own fields (the envelope is checked once); events whose own fields are checked",
              "alike share one function, so this call site sees few and the engine can inline them.",
            ],
          } as const,
        ]
      : []),
    // A Map, not a chain of comparisons: the cost of finding the validator does not grow with the catalogue.
    {
      k: "const",
      name: "VALIDATORS",
      exported: false,
      type: ref("ReadonlyMap", [t("string"), validator]),
      init: pure(
        newExpr(
          "Map",
          [array(model.events.map((e) => array([str(e.name), id(validatorOf(e))])))],
          [t("string"), validator],
        ),
      ),
    },
    {
      k: "type",
      name: "ParseResult",
      exported: true,
      doc: "The outcome of {@link parseWebhookEvent}.",
      type: union([
        objectType(
          [
            { name: "ok", optional: false, type: t("true") },
            { name: "event", optional: false, type: t("WebhookEvent") },
          ],
          false,
        ),
        objectType([
          { name: "ok", optional: false, type: t("false") },
          {
            name: "errors",
            optional: false,
            type: arrayOf(t("ValidationIssue")),
            doc: "Every mismatch (the first 100), in the order of the event's shape.",
          },
          { name: "unknownType", optional: true, type: t("string"), doc: unknownDoc },
        ]),
      ]),
    },
  ];
}

/** `isWebhookEvent`: the guard around `validateWebhookEvent`. */
export const isWebhookEvent = (): Declaration =>
  guardFunction(
    "isWebhookEvent",
    "validateWebhookEvent",
    "WebhookEvent",
    "True when `value` is one of the catalogue's events, checked in full against its own shape. Never throws.",
  );

/** `WebhookEventSchema`: `validateWebhookEvent` as a Standard Schema. */
export const webhookEventSchema = (): Declaration =>
  standardSchemaConstant("WebhookEventSchema", "validateWebhookEvent", "WebhookEvent");
