import type { BatchCompletedWebhookEvent } from "../events/batch.completed.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link BatchCompletedWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateBatchCompletedWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is BatchCompletedWebhookEvent;
/** Checks the fields of a {@link BatchCompletedWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateBatchCompletedWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link BatchCompletedWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isBatchCompletedWebhookEvent(value: unknown): value is BatchCompletedWebhookEvent;
/** {@link validateBatchCompletedWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const BatchCompletedWebhookEventSchema: StandardSchemaV1<unknown, BatchCompletedWebhookEvent>;
