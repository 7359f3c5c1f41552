/**
 * Signature verification by the Standard Webhooks scheme: HMAC-SHA256 over
 * `${webhook-id}.${webhook-timestamp}.${body}`, base64, each signature prefixed `v1,`.
 * Runs on Node 20+ (node:crypto, found at run time, for speed) and on runtimes that have only
 * WebCrypto; it loads no module at run time and uses no Node-only global.
 */
import type { ValidationIssue } from "./validation.js";
/** What went wrong, stable across versions: branch on this, not on the message. */
export type WebhookVerificationErrorCode = "invalid_options" | "payload_not_raw" | "missing_secret" | "malformed_secret" | "missing_header" | "malformed_header" | "malformed_timestamp" | "timestamp_too_old" | "timestamp_too_new" | "no_matching_signature" | "body_not_json" | "invalid_payload" | "unknown_event_type";
/** Every failure of verification or unwrapping. Its message never holds a secret or a signature. */
export declare class WebhookVerificationError extends Error {
    readonly name = "WebhookVerificationError";
    readonly code: WebhookVerificationErrorCode;
    /** With `invalid_payload`: where the payload does not match its event's shape. */
    readonly issues?: readonly ValidationIssue[];
    constructor(code: WebhookVerificationErrorCode, message: string, issues?: readonly ValidationIssue[]);
    /** True for an error of this kind from any copy of the package. */
    static is(error: unknown): error is WebhookVerificationError;
}
/** The raw request body, exactly as received. */
export type WebhookPayload = string | Uint8Array | ArrayBuffer;
/** Request headers as Fetch (`Headers`), Node (`req.headers`) or a list of pairs give them. */
export type WebhookHeaders = {
    get(name: string): string | null;
} | Readonly<Record<string, string | readonly string[] | undefined>> | Iterable<readonly [string, string]>;
export interface VerifyOptions {
    /** How far the timestamp may be from now, either way, in seconds. */
    toleranceSeconds?: number;
    /** The current time (a Date, or Unix seconds), for tests. */
    now?: Date | number;
    /** More secrets to try, for rotation: a signature by any of them is accepted. */
    secrets?: readonly string[];
}
export interface UnwrapOptions extends VerifyOptions {
    /** Refuse events whose `type` the package does not know, instead of returning them as unknown. */
    strict?: boolean;
}
/** A verified event of a type this package does not know: newer than the package, safe to acknowledge. */
export interface UnknownWebhookEvent {
    readonly unknown: true;
    readonly type: string;
    /** The parsed body, unchecked. */
    readonly payload: Readonly<Record<string, unknown>>;
}
/**
 * True for what {@link createVerifier}'s unwrap returns for an event type the package does not know.
 * The mark is a symbol no JSON payload can carry: a payload with `unknown: true` is not taken for one.
 */
export declare function isUnknownWebhookEvent(event: unknown): event is UnknownWebhookEvent;
/** The most a tolerance may be: a day. A larger one would disable replay protection in all but name. */
export declare const MAX_TOLERANCE_SECONDS = 86400;
export interface SigningConfig {
    /** The environment variable that holds the secret when none is passed. */
    secretEnv: string;
    toleranceSeconds: number;
}
type ParseOutcome<E> = {
    ok: true;
    event: E;
} | {
    ok: false;
    errors: ValidationIssue[];
    unknownType?: string;
};
/** What {@link createVerifier} gives: the two functions the package exports. */
export interface Verifier<E> {
    verifyWebhookSignature(payload: WebhookPayload, headers: WebhookHeaders, secret?: string | readonly string[], options?: VerifyOptions): Promise<void>;
    unwrapWebhookEvent(payload: WebhookPayload, headers: WebhookHeaders, secret?: string | readonly string[], options?: UnwrapOptions): Promise<E | UnknownWebhookEvent>;
}
/** The verifier bound to a catalogue's settings and parser; the package exports its two functions. */
export declare function createVerifier<E>(config: SigningConfig, parse: (value: unknown) => ParseOutcome<E>): Verifier<E>;
/** `whsec_…` is the base64 of the key; any other secret is used as its UTF-8 bytes, as the official SDKs do. */
export declare function secretKey(secret: string): Uint8Array;
/** The `v1,…` signature of a message, as the sender computes it. */
export declare function sign(key: Uint8Array, id: string, timestamp: string, body: string | Uint8Array): Promise<Uint8Array>;
interface Subtle {
    importKey(format: "raw", key: Uint8Array, algorithm: {
        name: "HMAC";
        hash: "SHA-256";
    }, extractable: false, usages: ["sign"]): Promise<unknown>;
    sign(algorithm: "HMAC", key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}
export declare const webCrypto: () => {
    subtle: Subtle;
    randomUUID(): string;
};
export declare function encodeBase64(bytes: Uint8Array): string;
export {};
