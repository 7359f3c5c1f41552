/**
 * Sent when a background response has been cancelled.
 */
export interface ResponseCancelledWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the model response was cancelled.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `response.cancelled`.
     */
    type: "response.cancelled";
    data: ResponseCancelledWebhookEventData;
}
/**
 * Event data payload.
 */
export interface ResponseCancelledWebhookEventData {
    /**
     * The unique ID of the model response. Starts with `resp_`.
     */
    id: string;
}
