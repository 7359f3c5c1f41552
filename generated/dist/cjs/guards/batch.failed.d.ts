import type { BatchFailedWebhookEvent } from "../events/batch.failed.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link BatchFailedWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateBatchFailedWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is BatchFailedWebhookEvent;
/** Checks the fields of a {@link BatchFailedWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateBatchFailedWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link BatchFailedWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isBatchFailedWebhookEvent(value: unknown): value is BatchFailedWebhookEvent;
/** {@link validateBatchFailedWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const BatchFailedWebhookEventSchema: StandardSchemaV1<unknown, BatchFailedWebhookEvent>;
