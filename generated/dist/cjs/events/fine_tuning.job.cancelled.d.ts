/**
 * Sent when a fine-tuning job has been cancelled.
 */
export interface FineTuningJobCancelledWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the fine-tuning job was cancelled.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `fine_tuning.job.cancelled`.
     */
    type: "fine_tuning.job.cancelled";
    data: FineTuningJobCancelledWebhookEventData;
}
/**
 * Event data payload.
 */
export interface FineTuningJobCancelledWebhookEventData {
    /**
     * The unique ID of the fine-tuning job. Starts with `ftjob_`.
     */
    id: string;
}
