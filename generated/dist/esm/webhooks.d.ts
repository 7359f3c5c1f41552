import type { WebhookEvent } from "./unions.js";
import type { Verifier } from "./runtime/verify.js";
export { isUnknownWebhookEvent, WebhookVerificationError, type UnknownWebhookEvent, type UnwrapOptions, type VerifyOptions, type WebhookHeaders, type WebhookPayload, type WebhookVerificationErrorCode, } from "./runtime/verify.js";
/**
 * Proves that a request came from the sender (Standard Webhooks: HMAC-SHA256 of
 * `webhook-id.webhook-timestamp.body`). Resolves when a signature matches; otherwise rejects with a
 * {@link WebhookVerificationError} whose `code` says why.
 *
 * @param payload the raw body, exactly as received (a string or bytes), never a parsed object
 * @param headers the request's headers: Fetch `Headers`, Node's `req.headers`, or pairs
 * @param secret the secret, or several (rotation); defaults to the environment variable `OPENAI_WEBHOOK_SECRET`
 * @param options `toleranceSeconds` (default 300), `now` for tests, more `secrets`
 */
export declare const verifyWebhookSignature: Verifier<WebhookEvent>["verifyWebhookSignature"];
/**
 * Verifies the request, parses its JSON and checks it against its event's shape: resolves to a typed
 * {@link WebhookEvent}, or to an {@link UnknownWebhookEvent} for a type this package does not know
 * (with `strict: true`, rejects instead). Every failure is a {@link WebhookVerificationError}.
 */
export declare const unwrapWebhookEvent: Verifier<WebhookEvent>["unwrapWebhookEvent"];
