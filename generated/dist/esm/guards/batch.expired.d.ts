import type { BatchExpiredWebhookEvent } from "../events/batch.expired.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link BatchExpiredWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateBatchExpiredWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is BatchExpiredWebhookEvent;
/** Checks the fields of a {@link BatchExpiredWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateBatchExpiredWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link BatchExpiredWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isBatchExpiredWebhookEvent(value: unknown): value is BatchExpiredWebhookEvent;
/** {@link validateBatchExpiredWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const BatchExpiredWebhookEventSchema: StandardSchemaV1<unknown, BatchExpiredWebhookEvent>;
