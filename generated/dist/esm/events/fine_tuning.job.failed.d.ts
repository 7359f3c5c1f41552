/**
 * Sent when a fine-tuning job has failed.
 */
export interface FineTuningJobFailedWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the fine-tuning job failed.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `fine_tuning.job.failed`.
     */
    type: "fine_tuning.job.failed";
    data: FineTuningJobFailedWebhookEventData;
}
/**
 * Event data payload.
 */
export interface FineTuningJobFailedWebhookEventData {
    /**
     * The unique ID of the fine-tuning job. Starts with `ftjob_`.
     */
    id: string;
}
