/**
 * Sent when a batch API request has been completed.
 */
export interface BatchCompletedWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the batch API request was completed.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `batch.completed`.
     */
    type: "batch.completed";
    data: BatchCompletedWebhookEventData;
}
/**
 * Event data payload.
 */
export interface BatchCompletedWebhookEventData {
    /**
     * The unique ID of the batch API request. Starts with `batch_`.
     */
    id: string;
}
