/**
 * Sent when a batch API request has been cancelled.
 */
export interface BatchCancelledWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the batch API request was cancelled.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `batch.cancelled`.
     */
    type: "batch.cancelled";
    data: BatchCancelledWebhookEventData;
}
/**
 * Event data payload.
 */
export interface BatchCancelledWebhookEventData {
    /**
     * The unique ID of the batch API request. Starts with `batch_`.
     */
    id: string;
}
