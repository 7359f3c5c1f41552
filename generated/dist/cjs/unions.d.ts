import type { BatchCancelledWebhookEvent } from "./events/batch.cancelled.js";
import type { BatchCompletedWebhookEvent } from "./events/batch.completed.js";
import type { BatchExpiredWebhookEvent } from "./events/batch.expired.js";
import type { BatchFailedWebhookEvent } from "./events/batch.failed.js";
import type { EvalRunCanceledWebhookEvent } from "./events/eval.run.canceled.js";
import type { EvalRunFailedWebhookEvent } from "./events/eval.run.failed.js";
import type { EvalRunSucceededWebhookEvent } from "./events/eval.run.succeeded.js";
import type { FineTuningJobCancelledWebhookEvent } from "./events/fine_tuning.job.cancelled.js";
import type { FineTuningJobFailedWebhookEvent } from "./events/fine_tuning.job.failed.js";
import type { FineTuningJobSucceededWebhookEvent } from "./events/fine_tuning.job.succeeded.js";
import type { RealtimeCallIncomingWebhookEvent } from "./events/realtime.call.incoming.js";
import type { ResponseCancelledWebhookEvent } from "./events/response.cancelled.js";
import type { ResponseCompletedWebhookEvent } from "./events/response.completed.js";
import type { ResponseFailedWebhookEvent } from "./events/response.failed.js";
import type { ResponseIncompleteWebhookEvent } from "./events/response.incomplete.js";
/** Every event of the catalogue, discriminated on `type`: a `switch (event.type)` narrows to one event. */
export type WebhookEvent = BatchCancelledWebhookEvent | BatchCompletedWebhookEvent | BatchExpiredWebhookEvent | BatchFailedWebhookEvent | EvalRunCanceledWebhookEvent | EvalRunFailedWebhookEvent | EvalRunSucceededWebhookEvent | FineTuningJobCancelledWebhookEvent | FineTuningJobFailedWebhookEvent | FineTuningJobSucceededWebhookEvent | RealtimeCallIncomingWebhookEvent | ResponseCancelledWebhookEvent | ResponseCompletedWebhookEvent | ResponseFailedWebhookEvent | ResponseIncompleteWebhookEvent;
/** The events of `batch`. */
export type BatchWebhookEvent = BatchCancelledWebhookEvent | BatchCompletedWebhookEvent | BatchExpiredWebhookEvent | BatchFailedWebhookEvent;
/** The events of `eval.run`. */
export type EvalRunWebhookEvent = EvalRunCanceledWebhookEvent | EvalRunFailedWebhookEvent | EvalRunSucceededWebhookEvent;
/** The events of `fine_tuning.job`. */
export type FineTuningJobWebhookEvent = FineTuningJobCancelledWebhookEvent | FineTuningJobFailedWebhookEvent | FineTuningJobSucceededWebhookEvent;
/** The events of `realtime.call`. */
export type RealtimeCallWebhookEvent = RealtimeCallIncomingWebhookEvent;
/** The events of `response`. */
export type ResponseWebhookEvent = ResponseCancelledWebhookEvent | ResponseCompletedWebhookEvent | ResponseFailedWebhookEvent | ResponseIncompleteWebhookEvent;
/** The name of every event: the `type` of a {@link WebhookEvent}. */
export type WebhookEventType = "batch.cancelled" | "batch.completed" | "batch.expired" | "batch.failed" | "eval.run.canceled" | "eval.run.failed" | "eval.run.succeeded" | "fine_tuning.job.cancelled" | "fine_tuning.job.failed" | "fine_tuning.job.succeeded" | "realtime.call.incoming" | "response.cancelled" | "response.completed" | "response.failed" | "response.incomplete";
/** Every {@link WebhookEventType}, sorted. */
export declare const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[];
/** Each event's interface by name: `WebhookEventMap["response.completed"]`. */
export interface WebhookEventMap {
    "batch.cancelled": BatchCancelledWebhookEvent;
    "batch.completed": BatchCompletedWebhookEvent;
    "batch.expired": BatchExpiredWebhookEvent;
    "batch.failed": BatchFailedWebhookEvent;
    "eval.run.canceled": EvalRunCanceledWebhookEvent;
    "eval.run.failed": EvalRunFailedWebhookEvent;
    "eval.run.succeeded": EvalRunSucceededWebhookEvent;
    "fine_tuning.job.cancelled": FineTuningJobCancelledWebhookEvent;
    "fine_tuning.job.failed": FineTuningJobFailedWebhookEvent;
    "fine_tuning.job.succeeded": FineTuningJobSucceededWebhookEvent;
    "realtime.call.incoming": RealtimeCallIncomingWebhookEvent;
    "response.cancelled": ResponseCancelledWebhookEvent;
    "response.completed": ResponseCompletedWebhookEvent;
    "response.failed": ResponseFailedWebhookEvent;
    "response.incomplete": ResponseIncompleteWebhookEvent;
}
