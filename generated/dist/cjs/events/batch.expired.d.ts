/**
 * Sent when a batch API request has expired.
 */
export interface BatchExpiredWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the batch API request expired.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `batch.expired`.
     */
    type: "batch.expired";
    data: BatchExpiredWebhookEventData;
}
/**
 * Event data payload.
 */
export interface BatchExpiredWebhookEventData {
    /**
     * The unique ID of the batch API request. Starts with `batch_`.
     */
    id: string;
}
