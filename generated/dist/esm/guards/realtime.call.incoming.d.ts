import type { RealtimeCallIncomingWebhookEvent } from "../events/realtime.call.incoming.js";
import { type StandardSchemaV1 } from "../runtime/standard-schema.js";
import { type ValidationIssue } from "../runtime/validation.js";
/**
 * Checks that `value` is a {@link RealtimeCallIncomingWebhookEvent}. Without `issues` it stops at the first
 * mismatch; with `issues` it records every mismatch there. Properties the shape does not name are allowed.
 */
export declare function validateRealtimeCallIncomingWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is RealtimeCallIncomingWebhookEvent;
/** Checks the fields of a {@link RealtimeCallIncomingWebhookEvent} besides the envelope and `type`: the catalogue's validator checks the envelope once, finds this by `type`, and calls it. */
export declare function validateRealtimeCallIncomingWebhookEventOwnFields(value: Record<string, unknown>, issues?: ValidationIssue[]): boolean;
/** True when `value` is a {@link RealtimeCallIncomingWebhookEvent}: the whole shape is checked, not only `type`. Never throws. */
export declare function isRealtimeCallIncomingWebhookEvent(value: unknown): value is RealtimeCallIncomingWebhookEvent;
/** {@link validateRealtimeCallIncomingWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const RealtimeCallIncomingWebhookEventSchema: StandardSchemaV1<unknown, RealtimeCallIncomingWebhookEvent>;
