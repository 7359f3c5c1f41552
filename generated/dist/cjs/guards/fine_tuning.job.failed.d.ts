import type { FineTuningJobFailedWebhookEvent } from "../events/fine_tuning.job.failed.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link FineTuningJobFailedWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateFineTuningJobFailedWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is FineTuningJobFailedWebhookEvent;
/** Checks the fields of a {@link FineTuningJobFailedWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateFineTuningJobFailedWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link FineTuningJobFailedWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isFineTuningJobFailedWebhookEvent(value: unknown): value is FineTuningJobFailedWebhookEvent;
/** {@link validateFineTuningJobFailedWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const FineTuningJobFailedWebhookEventSchema: StandardSchemaV1<unknown, FineTuningJobFailedWebhookEvent>;
