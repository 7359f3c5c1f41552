export type {
  BatchCancelledWebhookEvent,
  BatchCancelledWebhookEventData,
} from "./events/batch.cancelled.js";
export type {
  BatchCompletedWebhookEvent,
  BatchCompletedWebhookEventData,
} from "./events/batch.completed.js";
export type {
  BatchExpiredWebhookEvent,
  BatchExpiredWebhookEventData,
} from "./events/batch.expired.js";
export type {
  BatchFailedWebhookEvent,
  BatchFailedWebhookEventData,
} from "./events/batch.failed.js";
export type {
  EvalRunCanceledWebhookEvent,
  EvalRunCanceledWebhookEventData,
} from "./events/eval.run.canceled.js";
export type {
  EvalRunFailedWebhookEvent,
  EvalRunFailedWebhookEventData,
} from "./events/eval.run.failed.js";
export type {
  EvalRunSucceededWebhookEvent,
  EvalRunSucceededWebhookEventData,
} from "./events/eval.run.succeeded.js";
export type {
  FineTuningJobCancelledWebhookEvent,
  FineTuningJobCancelledWebhookEventData,
} from "./events/fine_tuning.job.cancelled.js";
export type {
  FineTuningJobFailedWebhookEvent,
  FineTuningJobFailedWebhookEventData,
} from "./events/fine_tuning.job.failed.js";
export type {
  FineTuningJobSucceededWebhookEvent,
  FineTuningJobSucceededWebhookEventData,
} from "./events/fine_tuning.job.succeeded.js";
export type {
  RealtimeCallIncomingWebhookEvent,
  RealtimeCallIncomingWebhookEventData,
} from "./events/realtime.call.incoming.js";
export type {
  ResponseCancelledWebhookEvent,
  ResponseCancelledWebhookEventData,
} from "./events/response.cancelled.js";
export type {
  ResponseCompletedWebhookEvent,
  ResponseCompletedWebhookEventData,
} from "./events/response.completed.js";
export type {
  ResponseFailedWebhookEvent,
  ResponseFailedWebhookEventData,
} from "./events/response.failed.js";
export type {
  ResponseIncompleteWebhookEvent,
  ResponseIncompleteWebhookEventData,
} from "./events/response.incomplete.js";
export {
  isBatchCancelledWebhookEvent,
  validateBatchCancelledWebhookEvent,
  BatchCancelledWebhookEventSchema,
} from "./guards/batch.cancelled.js";
export {
  isBatchCompletedWebhookEvent,
  validateBatchCompletedWebhookEvent,
  BatchCompletedWebhookEventSchema,
} from "./guards/batch.completed.js";
export {
  isBatchExpiredWebhookEvent,
  validateBatchExpiredWebhookEvent,
  BatchExpiredWebhookEventSchema,
} from "./guards/batch.expired.js";
export {
  isBatchFailedWebhookEvent,
  validateBatchFailedWebhookEvent,
  BatchFailedWebhookEventSchema,
} from "./guards/batch.failed.js";
export {
  isEvalRunCanceledWebhookEvent,
  validateEvalRunCanceledWebhookEvent,
  EvalRunCanceledWebhookEventSchema,
} from "./guards/eval.run.canceled.js";
export {
  isEvalRunFailedWebhookEvent,
  validateEvalRunFailedWebhookEvent,
  EvalRunFailedWebhookEventSchema,
} from "./guards/eval.run.failed.js";
export {
  isEvalRunSucceededWebhookEvent,
  validateEvalRunSucceededWebhookEvent,
  EvalRunSucceededWebhookEventSchema,
} from "./guards/eval.run.succeeded.js";
export {
  isFineTuningJobCancelledWebhookEvent,
  validateFineTuningJobCancelledWebhookEvent,
  FineTuningJobCancelledWebhookEventSchema,
} from "./guards/fine_tuning.job.cancelled.js";
export {
  isFineTuningJobFailedWebhookEvent,
  validateFineTuningJobFailedWebhookEvent,
  FineTuningJobFailedWebhookEventSchema,
} from "./guards/fine_tuning.job.failed.js";
export {
  isFineTuningJobSucceededWebhookEvent,
  validateFineTuningJobSucceededWebhookEvent,
  FineTuningJobSucceededWebhookEventSchema,
} from "./guards/fine_tuning.job.succeeded.js";
export {
  isRealtimeCallIncomingWebhookEvent,
  validateRealtimeCallIncomingWebhookEvent,
  RealtimeCallIncomingWebhookEventSchema,
} from "./guards/realtime.call.incoming.js";
export {
  isResponseCancelledWebhookEvent,
  validateResponseCancelledWebhookEvent,
  ResponseCancelledWebhookEventSchema,
} from "./guards/response.cancelled.js";
export {
  isResponseCompletedWebhookEvent,
  validateResponseCompletedWebhookEvent,
  ResponseCompletedWebhookEventSchema,
} from "./guards/response.completed.js";
export {
  isResponseFailedWebhookEvent,
  validateResponseFailedWebhookEvent,
  ResponseFailedWebhookEventSchema,
} from "./guards/response.failed.js";
export {
  isResponseIncompleteWebhookEvent,
  validateResponseIncompleteWebhookEvent,
  ResponseIncompleteWebhookEventSchema,
} from "./guards/response.incomplete.js";
export {
  type BatchWebhookEvent,
  type EvalRunWebhookEvent,
  type FineTuningJobWebhookEvent,
  type RealtimeCallWebhookEvent,
  type ResponseWebhookEvent,
  type WebhookEvent,
  type WebhookEventMap,
  type WebhookEventType,
  WEBHOOK_EVENT_TYPES,
} from "./unions.js";
export {
  isWebhookEvent,
  parseWebhookEvent,
  validateWebhookEvent,
  WebhookEventSchema,
  type ParseResult,
} from "./parse.js";
export type { ValidationIssue, Validator } from "./runtime/validation.js";
export type { StandardSchemaV1 } from "./runtime/standard-schema.js";
export { fixtures } from "./fixtures/index.js";
export {
  isUnknownWebhookEvent,
  unwrapWebhookEvent,
  verifyWebhookSignature,
  WebhookVerificationError,
  type UnknownWebhookEvent,
  type UnwrapOptions,
  type VerifyOptions,
  type WebhookHeaders,
  type WebhookPayload,
  type WebhookVerificationErrorCode,
} from "./webhooks.js";
export { signWebhookPayload, type SignedWebhook, type SignOptions } from "./runtime/testing.js";
