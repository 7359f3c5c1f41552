import { type Scheme } from "./schemes.js";
import { type WebhookHeaders, type WebhookPayload } from "./signing.js";
import type { ValidationIssue } from "./validation.js";
export { WebhookVerificationError, type WebhookVerificationErrorCode } from "./errors.js";
export type { WebhookHeaders, WebhookPayload } from "./signing.js";
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
    scheme: Scheme;
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
export declare function createVerifier<E>(config: SigningConfig, parse: (value: unknown, context: {
    headers: WebhookHeaders;
}) => ParseOutcome<E>): Verifier<E>;
