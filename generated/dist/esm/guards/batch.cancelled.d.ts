import type { BatchCancelledWebhookEvent } from "../events/batch.cancelled.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link BatchCancelledWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateBatchCancelledWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is BatchCancelledWebhookEvent;
/** Checks the fields of a {@link BatchCancelledWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateBatchCancelledWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link BatchCancelledWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isBatchCancelledWebhookEvent(value: unknown): value is BatchCancelledWebhookEvent;
/** {@link validateBatchCancelledWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const BatchCancelledWebhookEventSchema: StandardSchemaV1<unknown, BatchCancelledWebhookEvent>;
