// Type-checked by test/typecheck.test.ts: the package's schemas are Standard Schema v1 as its own package
// defines it (each event's schema is checked in the handler the test writes from the spec).
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { WebhookEventSchema, type WebhookEvent } from "../../generated/index.js";

export const union: StandardSchemaV1<unknown, WebhookEvent> = WebhookEventSchema;
export type Output = StandardSchemaV1.InferOutput<typeof WebhookEventSchema>;
export const check: Output extends WebhookEvent ? true : false = true;
