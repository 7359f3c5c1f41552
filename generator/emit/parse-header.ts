import type { CatalogueModel } from "../model.js";
import { stringLiteral } from "./code.js";
import { importFrom, renderModule, type GeneratedFile } from "./module.js";
import { IS_WEBHOOK_EVENT, parseHead, WEBHOOK_EVENT_SCHEMA } from "./parse-parts.js";

/**
 * `parse.ts` for a catalogue whose events are named by a header: events are `{ id?, name, payload }`;
 * `parseWebhookEvent(payload, { headers })` builds the event from the request's headers and checks
 * it against the shape its name (and the payload's action) names, through one lookup.
 */
export function emitHeaderParse(model: CatalogueModel): GeneratedFile[] {
  const layout = model.layout!;
  const action = layout.actionField;
  const statements = [
    ...parseHead(
      model,
      [importFrom("./runtime/headers.js", ["headerValue", "type WebhookHeaders"])],
      "Set when the event's name is one this package does not know: newer than the package, safe to ignore.",
    ),
    `/** The event's full name: its \`name\`${action ? `, and the payload's \`${action}\` where the catalogue lists that action` : ""}. */
function fullName(value: Record<string, unknown>): string | undefined {
  const name = value.name;
  if (typeof name !== "string") return undefined;${
    action
      ? `
  const payload = value.payload;
  const action = isObject(payload) ? payload[${stringLiteral(action)}] : undefined;
  if (typeof action === "string" && !VALIDATORS.has(name)) return \`\${name}.\${action}\`;`
      : ""
  }
  return name;
}`,
    `/**
 * Checks that \`value\` is one of the catalogue's events, \`{ ${layout.idHeader ? "id, " : ""}name, payload }\`, against the shape its name names.
 * Without \`issues\` it stops at the first mismatch; with \`issues\` it records every mismatch there.
 */
export function validateWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is WebhookEvent {
  if (!isObject(value)) {
    fail(issues, "", "object", value);
    return false;
  }
  const name = fullName(value);
  const validate = name === undefined ? undefined : VALIDATORS.get(name);
  if (validate !== undefined) return validate(value, issues);
  if (name === undefined) fail(issues, "name", "string", value.name);
  else issues?.push({ path: "name", message: \`unknown event \${JSON.stringify(name.length > 60 ? \`\${name.slice(0, 57)}...\` : name)}\` });
  return false;
}`,
    IS_WEBHOOK_EVENT,
    `/**
 * Builds the event from a request: \`payload\` is its parsed JSON body, \`headers\` its headers
 * (\`${layout.nameHeader}\` names the event${layout.idHeader ? `, \`${layout.idHeader}\` carries its ID` : ""}). Returns the typed event, or every mismatch
 * with its path; never throws. An event this package does not know comes back with \`unknownType\` set.
 */
export function parseWebhookEvent(payload: unknown, options: { headers: WebhookHeaders }): ParseResult {
  const event = {${layout.idHeader ? `\n    id: headerValue(options.headers, ${stringLiteral(layout.idHeader)}),` : ""}
    name: headerValue(options.headers, ${stringLiteral(layout.nameHeader)}),
    payload,
  };
  const errors = issuesOf(validateWebhookEvent, event);
  if (errors === undefined) return { ok: true, event: event as WebhookEvent };
  const name = fullName(event);
  return name !== undefined && !VALIDATORS.has(name) ? { ok: false, errors, unknownType: name } : { ok: false, errors };
}`,
    WEBHOOK_EVENT_SCHEMA,
  ];
  return [{ path: "parse.ts", contents: renderModule(model.source, statements) }];
}
