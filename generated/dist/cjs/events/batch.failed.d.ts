/**
 * Sent when a batch API request has failed.
 */
export interface BatchFailedWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the batch API request failed.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `batch.failed`.
     */
    type: "batch.failed";
    data: BatchFailedWebhookEventData;
}
/**
 * Event data payload.
 */
export interface BatchFailedWebhookEventData {
    /**
     * The unique ID of the batch API request. Starts with `batch_`.
     */
    id: string;
}
