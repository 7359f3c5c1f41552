import type { ResponseIncompleteWebhookEvent } from "../events/response.incomplete.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link ResponseIncompleteWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateResponseIncompleteWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is ResponseIncompleteWebhookEvent;
/** Checks the fields of a {@link ResponseIncompleteWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateResponseIncompleteWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link ResponseIncompleteWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isResponseIncompleteWebhookEvent(value: unknown): value is ResponseIncompleteWebhookEvent;
/** {@link validateResponseIncompleteWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const ResponseIncompleteWebhookEventSchema: StandardSchemaV1<unknown, ResponseIncompleteWebhookEvent>;
