/** The failures of verification, shared by the verifier and the signing schemes. */
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
