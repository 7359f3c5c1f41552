/**
 * Sent when a fine-tuning job has succeeded.
 */
export interface FineTuningJobSucceededWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the fine-tuning job succeeded.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `fine_tuning.job.succeeded`.
     */
    type: "fine_tuning.job.succeeded";
    data: FineTuningJobSucceededWebhookEventData;
}
/**
 * Event data payload.
 */
export interface FineTuningJobSucceededWebhookEventData {
    /**
     * The unique ID of the fine-tuning job. Starts with `ftjob_`.
     */
    id: string;
}
