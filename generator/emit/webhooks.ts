import type { CatalogueModel } from "../model.js";
import { docText, stringLiteral } from "./code.js";
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
  const { secretEnv, toleranceSeconds } = model.signing;
  const env = docText(secretEnv);
  const statements = [
    importFrom("./parse.js", ["parseWebhookEvent"]),
    importFrom("./runtime/verify.js", ["createVerifier"]),
    importFrom("./unions.js", ["WebhookEvent"], true),
    importFrom("./runtime/verify.js", ["UnknownWebhookEvent", "Verifier", "WebhookVerificationError"], true),
    exportFrom("./runtime/verify.js", VERIFY_EXPORTS),
    `const verifier: Verifier<WebhookEvent> = createVerifier<WebhookEvent>({ secretEnv: ${stringLiteral(secretEnv)}, toleranceSeconds: ${toleranceSeconds} }, parseWebhookEvent);`,
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
  return [{ path: "webhooks.ts", contents: renderModule(model.source, statements) }];
}
