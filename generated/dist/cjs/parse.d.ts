import { type StandardSchemaV1 } from "./runtime/standard-schema.js";
import { type ValidationIssue } from "./runtime/validation.js";
import type { WebhookEvent } from "./unions.js";
/** The outcome of {@link parseWebhookEvent}. */
export type ParseResult = {
    ok: true;
    event: WebhookEvent;
} | {
    ok: false;
    /** Every mismatch (the first 100), in the order of the event's shape. */
    errors: ValidationIssue[];
    /** Set when `type` is a string this package does not know: an event newer than the package, safe to ignore. */
    unknownType?: string;
};
/**
 * Checks that `value` is one of the catalogue's events, against the shape its `type` names.
 * Without `issues` it stops at the first mismatch; with `issues` it records every mismatch there.
 */
export declare function validateWebhookEvent(value: unknown, issues?: ValidationIssue[]): value is WebhookEvent;
/** True when `value` is one of the catalogue's events, checked in full against its own shape. Never throws. */
export declare function isWebhookEvent(value: unknown): value is WebhookEvent;
/**
 * Checks `value` (a parsed JSON body) against the shape of the event its `type` names.
 * Returns the typed event, or every mismatch with its path; never throws.
 * An event whose `type` this package does not know comes back with `unknownType` set.
 */
export declare function parseWebhookEvent(value: unknown): ParseResult;
/** {@link validateWebhookEvent} as a Standard Schema v1, for libraries that accept one. */
export declare const WebhookEventSchema: StandardSchemaV1<unknown, WebhookEvent>;
