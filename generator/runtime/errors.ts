/** The failures of verification, shared by the verifier and the signing schemes. */
import type { ValidationIssue } from "./validation.js";

/** What went wrong, stable across versions: branch on this, not on the message. */
export type WebhookVerificationErrorCode =
  | "invalid_options"
  | "payload_not_raw"
  | "missing_secret"
  | "malformed_secret"
  | "missing_header"
  | "malformed_header"
  | "malformed_timestamp"
  | "timestamp_too_old"
  | "timestamp_too_new"
  | "no_matching_signature"
  | "body_not_json"
  | "invalid_payload"
  | "unknown_event_type";

// A brand shared by every copy of the package (ESM and CommonJS builds loaded side by side), so
// `instanceof` and `WebhookVerificationError.is` recognise errors from either copy.
const ERROR_BRAND = Symbol.for("webhook-event-codegen.WebhookVerificationError");
/** Every failure of verification or unwrapping. Its message never holds a secret or a signature. */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
  readonly code: WebhookVerificationErrorCode;
  /** With `invalid_payload`: where the payload does not match its event's shape. */
  readonly issues?: readonly ValidationIssue[];

  constructor(code: WebhookVerificationErrorCode, message: string, issues?: readonly ValidationIssue[]) {
    super(message);
    this.code = code;
    if (issues) this.issues = issues;
    Object.defineProperty(this, ERROR_BRAND, { value: true });
  }

  /** True for an error of this kind from any copy of the package. */
  static is(error: unknown): error is WebhookVerificationError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[ERROR_BRAND] === true;
  }
}
// Set here rather than declared in the class: declaration files then stay plain for every TypeScript.
Object.defineProperty(WebhookVerificationError, Symbol.hasInstance, {
  value: (value: unknown): boolean => WebhookVerificationError.is(value),
});
