import type { ResponseFailedWebhookEvent } from "../events/response.failed.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link ResponseFailedWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateResponseFailedWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is ResponseFailedWebhookEvent;
/** Checks the fields of a {@link ResponseFailedWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateResponseFailedWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link ResponseFailedWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isResponseFailedWebhookEvent(value: unknown): value is ResponseFailedWebhookEvent;
/** {@link validateResponseFailedWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const ResponseFailedWebhookEventSchema: StandardSchemaV1<unknown, ResponseFailedWebhookEvent>;
