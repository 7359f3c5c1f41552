import type { ResponseCancelledWebhookEvent } from "../events/response.cancelled.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link ResponseCancelledWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateResponseCancelledWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is ResponseCancelledWebhookEvent;
/** Checks the fields of a {@link ResponseCancelledWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateResponseCancelledWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link ResponseCancelledWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isResponseCancelledWebhookEvent(value: unknown): value is ResponseCancelledWebhookEvent;
/** {@link validateResponseCancelledWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const ResponseCancelledWebhookEventSchema: StandardSchemaV1<unknown, ResponseCancelledWebhookEvent>;
