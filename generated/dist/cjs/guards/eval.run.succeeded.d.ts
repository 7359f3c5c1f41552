import type { EvalRunSucceededWebhookEvent } from "../events/eval.run.succeeded.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link EvalRunSucceededWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateEvalRunSucceededWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is EvalRunSucceededWebhookEvent;
/** Checks the fields of a {@link EvalRunSucceededWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateEvalRunSucceededWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link EvalRunSucceededWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isEvalRunSucceededWebhookEvent(value: unknown): value is EvalRunSucceededWebhookEvent;
/** {@link validateEvalRunSucceededWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const EvalRunSucceededWebhookEventSchema: StandardSchemaV1<unknown, EvalRunSucceededWebhookEvent>;
