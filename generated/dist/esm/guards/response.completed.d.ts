import type { ResponseCompletedWebhookEvent } from "../events/response.completed.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link ResponseCompletedWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateResponseCompletedWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is ResponseCompletedWebhookEvent;
/** Checks the fields of a {@link ResponseCompletedWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateResponseCompletedWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link ResponseCompletedWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isResponseCompletedWebhookEvent(value: unknown): value is ResponseCompletedWebhookEvent;
/** {@link validateResponseCompletedWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const ResponseCompletedWebhookEventSchema: StandardSchemaV1<unknown, ResponseCompletedWebhookEvent>;
