import type { EvalRunFailedWebhookEvent } from "../events/eval.run.failed.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link EvalRunFailedWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateEvalRunFailedWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is EvalRunFailedWebhookEvent;
/** Checks the fields of a {@link EvalRunFailedWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateEvalRunFailedWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link EvalRunFailedWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isEvalRunFailedWebhookEvent(value: unknown): value is EvalRunFailedWebhookEvent;
/** {@link validateEvalRunFailedWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const EvalRunFailedWebhookEventSchema: StandardSchemaV1<unknown, EvalRunFailedWebhookEvent>;
