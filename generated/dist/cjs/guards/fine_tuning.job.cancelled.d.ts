import type { FineTuningJobCancelledWebhookEvent } from "../events/fine_tuning.job.cancelled.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link FineTuningJobCancelledWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateFineTuningJobCancelledWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is FineTuningJobCancelledWebhookEvent;
/** Checks the fields of a {@link FineTuningJobCancelledWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateFineTuningJobCancelledWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link FineTuningJobCancelledWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isFineTuningJobCancelledWebhookEvent(value: unknown): value is FineTuningJobCancelledWebhookEvent;
/** {@link validateFineTuningJobCancelledWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const FineTuningJobCancelledWebhookEventSchema: StandardSchemaV1<unknown, FineTuningJobCancelledWebhookEvent>;
