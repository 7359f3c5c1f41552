/**
 * Sent when a background response has been interrupted.
 */
export interface ResponseIncompleteWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the model response was interrupted.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `response.incomplete`.
     */
    type: "response.incomplete";
    data: ResponseIncompleteWebhookEventData;
}
/**
 * Event data payload.
 */
export interface ResponseIncompleteWebhookEventData {
    /**
     * The unique ID of the model response. Starts with `resp_`.
     */
    id: string;
}
