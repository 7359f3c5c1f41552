import { type Signer } from "./runtime/testing.js";
export type { SignedWebhook, SignOptions } from "./runtime/testing.js";
/**
 * Signs an event (serialized as JSON) or a raw body like the sender does (standard-webhooks), so a handler
 * can be tested with a real signed request: `{ body, headers, request(url?) }`. For tests only.
 */
export declare const signWebhookPayload: Signer<"webhook-id" | "webhook-timestamp" | "webhook-signature">;
