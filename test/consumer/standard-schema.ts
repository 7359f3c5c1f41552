// Type-checked by test/typecheck.test.ts: the package's schemas are Standard Schema v1 as its own package defines it.
import type { StandardSchemaV1 } from "@standard-schema/spec";
import {
  BatchFailedWebhookEventSchema,
  WebhookEventSchema,
  type BatchFailedWebhookEvent,
  type WebhookEvent,
} from "../../generated/index.js";

export const union: StandardSchemaV1<unknown, WebhookEvent> = WebhookEventSchema;
export const one: StandardSchemaV1<unknown, BatchFailedWebhookEvent> = BatchFailedWebhookEventSchema;
export type Output = StandardSchemaV1.InferOutput<typeof WebhookEventSchema>;
export const check: Output extends WebhookEvent ? true : false = true;
