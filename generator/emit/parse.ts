import type { CatalogueModel } from "../model.js";
import { defValidatorName, ownFieldsValidatorName } from "../names.js";
import { envelopeOnce } from "./envelope-guard.js";
import { GuardModule, RUNTIME_HELPERS } from "./guard-code.js";
import { defImports } from "./guards.js";
import { importFrom, renderModule, type GeneratedFile } from "./module.js";
import { emitHeaderParse } from "./parse-header.js";
import { IS_WEBHOOK_EVENT, parseHead, WEBHOOK_EVENT_SCHEMA } from "./parse-parts.js";

/** What parse.ts declares: the envelope's checks may not take these names. */
const RESERVED = [
  "VALIDATORS",
  "ParseResult",
  "validateWebhookEvent",
  "isWebhookEvent",
  "parseWebhookEvent",
  "unknownTypeOf",
  "WebhookEventSchema",
  "WebhookEvent",
  "standardSchema",
  "StandardSchemaV1",
  "ValidationIssue",
  "FORMATS",
  "validate",
  "type",
];

/** `parse.ts`: the catalogue-wide validator, guard, parser and Standard Schema, dispatching on `type` through one lookup. */
export function emitParse(model: CatalogueModel): GeneratedFile[] {
  if (model.layout) return emitHeaderParse(model);
  const plan = envelopeOnce(model);
  const module = new GuardModule(
    model.defs,
    model.checkFormats,
    [
      ...RESERVED,
      ...model.events.map((e) => ownFieldsValidatorName(e.name)),
      ...model.events.map((e) => e.validatorName),
      ...model.defNames.map(defValidatorName),
    ],
    defValidatorName,
  );
  const envelopeChecks = plan ? module.fieldChecks(plan.envelope) : undefined;
  const statements = [
    ...parseHead(
      model,
      defImports(module, "./defs/"),
      "Set when `type` is a string this package does not know: an event newer than the package, safe to ignore.",
      plan && {
        helpers: [...module.helpers].filter((h) => RUNTIME_HELPERS.includes(h)),
        owner: plan.owner,
      },
    ),
    ...(module.helpers.has("FORMATS") ? [importFrom("./runtime/formats.js", ["FORMATS"])] : []),
    ...module.statements,
    `/**
 * Checks that \`value\` is one of the catalogue's events, against the shape its \`type\` names.
 * Without \`issues\` it stops at the first mismatch; with \`issues\` it records every mismatch there.
 */
export function validateWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is WebhookEvent {
  if (!isObject(value)) {
    fail(issues, "", "object", value);
    return false;
  }
  const type = value.type;
  const validate = typeof type === "string" ? VALIDATORS.get(type) : undefined;
  if (validate === undefined) {
    if (typeof type !== "string") fail(issues, "type", "string", type);
    else issues?.push({ path: "type", message: \`unknown event type \${JSON.stringify(type.length > 60 ? \`\${type.slice(0, 57)}...\` : type)}\` });
    return false;
  }${
    envelopeChecks
      ? `
  // Every event's envelope is checked alike: once here; \`type\` found the event's own checks.
  const start = issues?.length ?? 0;
  ${envelopeChecks.join("\n")}
  return validate(value, issues) && (issues === undefined || issues.length === start);`
      : `
  return validate(value, issues);`
  }
}`,
    IS_WEBHOOK_EVENT,
    `/**
 * Checks \`value\` (a parsed JSON body) against the shape of the event its \`type\` names.
 * Returns the typed event, or every mismatch with its path; never throws.
 * An event whose \`type\` this package does not know comes back with \`unknownType\` set.
 */
export function parseWebhookEvent(value: unknown): ParseResult {
  const errors = issuesOf(validateWebhookEvent, value);
  if (errors === undefined) return { ok: true, event: value as WebhookEvent };
  const unknownType = unknownTypeOf(value);
  return unknownType === undefined ? { ok: false, errors } : { ok: false, errors, unknownType };
}`,
    `/** The \`type\` of an event this package does not know, read without throwing. */
function unknownTypeOf(value: unknown): string | undefined {
  try {
    const type = isObject(value) ? value.type : undefined;
    return typeof type === "string" && !VALIDATORS.has(type) ? type : undefined;
  } catch {
    return undefined;
  }
}`,
    WEBHOOK_EVENT_SCHEMA,
  ];
  return [{ path: "parse.ts", contents: renderModule(model.source, statements) }];
}
