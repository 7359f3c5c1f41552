import type { CatalogueModel } from "../model.js";
import { docText, stringLiteral, valueLiteral } from "./code.js";
import { exportFrom, importFrom, renderModule, type GeneratedFile } from "./module.js";

/** What runtime/verify.ts gives a handler beside the two functions; `webhooks.ts` passes it on. */
const VERIFY_EXPORTS = [
  "isUnknownWebhookEvent",
  "WebhookVerificationError",
  "type UnknownWebhookEvent",
  "type UnwrapOptions",
  "type VerifyOptions",
  "type WebhookHeaders",
  "type WebhookPayload",
  "type WebhookVerificationErrorCode",
];

/** Everything `webhooks.ts` exports: the `/webhooks` entry point, re-exported by name from the root. */
export const WEBHOOKS_EXPORTS = ["unwrapWebhookEvent", "verifyWebhookSignature", ...VERIFY_EXPORTS];

/**
 * `webhooks.ts`: verification and unwrapping bound to the spec's signing settings and the
 * catalogue's parser, with everything a handler needs beside them (the `/webhooks` subpath).
 */
export function emitWebhooks(model: CatalogueModel): GeneratedFile[] {
  if (!model.signing) return [];
  const { secretEnv, toleranceSeconds, scheme } = model.signing;
  const env = docText(secretEnv);
  const statements = [
    importFrom("./parse.js", ["parseWebhookEvent"]),
    importFrom("./runtime/verify.js", ["createVerifier"]),
    importFrom("./unions.js", ["WebhookEvent"], true),
    importFrom("./runtime/verify.js", ["UnknownWebhookEvent", "Verifier", "WebhookVerificationError"], true),
    exportFrom("./runtime/verify.js", VERIFY_EXPORTS),
    `const verifier: Verifier<WebhookEvent> = createVerifier<WebhookEvent>({ scheme: ${schemeLiteral(scheme)}, secretEnv: ${stringLiteral(secretEnv)}, toleranceSeconds: ${toleranceSeconds} }, parseWebhookEvent);`,
    `/**
 * Proves that a request came from the sender (Standard Webhooks: HMAC-SHA256 of
 * \`webhook-id.webhook-timestamp.body\`). Resolves when a signature matches; otherwise rejects with a
 * {@link WebhookVerificationError} whose \`code\` says why.
 *
 * @param payload the raw body, exactly as received (a string or bytes), never a parsed object
 * @param headers the request's headers: Fetch \`Headers\`, Node's \`req.headers\`, or pairs
 * @param secret the secret, or several (rotation); defaults to the environment variable \`${env}\`
 * @param options \`toleranceSeconds\` (default ${toleranceSeconds}), \`now\` for tests, more \`secrets\`
 */
export const verifyWebhookSignature: Verifier<WebhookEvent>["verifyWebhookSignature"] = verifier.verifyWebhookSignature;`,
    `/**
 * Verifies the request, parses its JSON and checks it against its event's shape: resolves to a typed
 * {@link WebhookEvent}, or to an {@link UnknownWebhookEvent} for a type this package does not know
 * (with \`strict: true\`, rejects instead). Every failure is a {@link WebhookVerificationError}.
 */
export const unwrapWebhookEvent: Verifier<WebhookEvent>["unwrapWebhookEvent"] = verifier.unwrapWebhookEvent;`,
  ];
  const testing = [
    importFrom("./runtime/testing.js", ["createSigner", "type Signer"]),
    exportFrom("./runtime/testing.js", ["SignedWebhook", "SignOptions"], true),
    `/**
 * Signs an event (serialized as JSON) or a raw body like the sender does (${docText(scheme.name)}), so a handler
 * can be tested with a real signed request: \`{ body, headers, request(url?) }\`. For tests only.
 */
export const signWebhookPayload: Signer<${headerNames(scheme, model.layout)}> = createSigner(${schemeLiteral(scheme)}${model.layout ? `, ${valueLiteral({ nameHeader: model.layout.nameHeader, ...(model.layout.idHeader && { idHeader: model.layout.idHeader }) })}` : ""});`,
  ];
  return [
    { path: "webhooks.ts", contents: renderModule(model.source, statements) },
    { path: "testing.ts", contents: renderModule(model.source, testing) },
  ];
}

/** The headers the scheme's sender writes, as a union of literals. */
function headerNames(
  scheme: NonNullable<CatalogueModel["signing"]>["scheme"],
  layout: CatalogueModel["layout"],
): string {
  const names =
    scheme.name === "standard-webhooks" ? ["webhook-id", "webhook-timestamp", "webhook-signature"] : [scheme.header!];
  if (layout) names.unshift(...[layout.nameHeader, layout.idHeader].filter((n): n is string => n !== undefined));
  return names.map(stringLiteral).join(" | ");
}

function schemeLiteral(scheme: NonNullable<CatalogueModel["signing"]>["scheme"]): string {
  return valueLiteral(scheme);
}
