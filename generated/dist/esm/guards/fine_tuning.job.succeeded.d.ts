import type { FineTuningJobSucceededWebhookEvent } from "../events/fine_tuning.job.succeeded.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link FineTuningJobSucceededWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateFineTuningJobSucceededWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is FineTuningJobSucceededWebhookEvent;
/** Checks the fields of a {@link FineTuningJobSucceededWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateFineTuningJobSucceededWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link FineTuningJobSucceededWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isFineTuningJobSucceededWebhookEvent(value: unknown): value is FineTuningJobSucceededWebhookEvent;
/** {@link validateFineTuningJobSucceededWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const FineTuningJobSucceededWebhookEventSchema: StandardSchemaV1<unknown, FineTuningJobSucceededWebhookEvent>;
