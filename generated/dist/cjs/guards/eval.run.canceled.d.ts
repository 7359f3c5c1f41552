import type { EvalRunCanceledWebhookEvent } from "../events/eval.run.canceled.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link EvalRunCanceledWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateEvalRunCanceledWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is EvalRunCanceledWebhookEvent;
/** Checks the fields of a {@link EvalRunCanceledWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateEvalRunCanceledWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link EvalRunCanceledWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isEvalRunCanceledWebhookEvent(value: unknown): value is EvalRunCanceledWebhookEvent;
/** {@link validateEvalRunCanceledWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const EvalRunCanceledWebhookEventSchema: StandardSchemaV1<unknown, EvalRunCanceledWebhookEvent>;
