import type { CatalogueModel } from "../model.js";
import { stringLiteral } from "./code.js";
import { importFrom, renderModule, type GeneratedFile } from "./module.js";

/** `parse.ts`: the catalogue-wide guard and parser, dispatching on `type` through one lookup. */
export function emitParse(model: CatalogueModel): GeneratedFile[] {
  const statements = [
    ...model.events.map((e) => importFrom(`./guards/${e.fileName}.js`, [e.validatorName])),
    importFrom("./runtime/validation.js", ["fail", "isObject", "type ValidationIssue", "type Validator"]),
    importFrom("./unions.js", ["WebhookEvent"], true),
    // A Map, not a chain of comparisons: the cost of finding the validator does not grow with the catalogue.
    `const VALIDATORS: ReadonlyMap<string, Validator<WebhookEvent>> = new Map<string, Validator<WebhookEvent>>([\n${model.events
      .map((e) => `  [${stringLiteral(e.name)}, ${e.validatorName}],`)
      .join("\n")}\n]);`,
    `/** The outcome of {@link parseWebhookEvent}. */
export type ParseResult =
  | { ok: true; event: WebhookEvent }
  | {
      ok: false;
      /** Every mismatch (the first 100), in the order of the event's shape. */
      errors: ValidationIssue[];
      /** Set when \`type\` is a string this package does not know: an event newer than the package, safe to ignore. */
      unknownType?: string;
    };`,
    `function validatorFor(value: unknown): Validator<WebhookEvent> | undefined {
  if (!isObject(value)) return undefined;
  const type = value.type;
  return typeof type === "string" ? VALIDATORS.get(type) : undefined;
}`,
    `/** True when \`value\` is one of the catalogue's events, checked in full against its own shape. Never throws. */
export function isWebhookEvent(value: unknown): value is WebhookEvent {
  try {
    const validate = validatorFor(value);
    return validate !== undefined && validate(value);
  } catch {
    return false; // a getter or Proxy that throws is not a webhook payload
  }
}`,
    `/**
 * Checks \`value\` (a parsed JSON body) against the shape of the event its \`type\` names.
 * Returns the typed event, or every mismatch with its path; never throws.
 * An event whose \`type\` this package does not know comes back with \`unknownType\` set.
 */
export function parseWebhookEvent(value: unknown): ParseResult {
  const issues: ValidationIssue[] = [];
  try {
    const validate = validatorFor(value);
    if (validate === undefined) return unknownShape(value);
    // The fast path first: most payloads are valid, and only an invalid one needs its issues collected.
    if (validate(value) || validate(value, issues)) return { ok: true, event: value as WebhookEvent };
  } catch (error) {
    issues.push({ path: "", message: \`could not be read: \${error instanceof Error ? error.message : String(error)}\` });
  }
  return { ok: false, errors: issues };
}`,
    `function unknownShape(value: unknown): ParseResult {
  const errors: ValidationIssue[] = [];
  if (!isObject(value)) {
    fail(errors, "", "object", value);
    return { ok: false, errors };
  }
  const type = value.type;
  if (typeof type !== "string") {
    fail(errors, "type", "string", type);
    return { ok: false, errors };
  }
  errors.push({ path: "type", message: \`unknown event type \${JSON.stringify(type.length > 60 ? \`\${type.slice(0, 57)}...\` : type)}\` });
  return { ok: false, errors, unknownType: type };
}`,
  ];
  return [{ path: "parse.ts", contents: renderModule(model.source, statements) }];
}
