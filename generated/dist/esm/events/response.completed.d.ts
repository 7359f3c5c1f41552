/**
 * Sent when a background response has been completed.
 */
export interface ResponseCompletedWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the model response was completed.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `response.completed`.
     */
    type: "response.completed";
    data: ResponseCompletedWebhookEventData;
}
/**
 * Event data payload.
 */
export interface ResponseCompletedWebhookEventData {
    /**
     * The unique ID of the model response. Starts with `resp_`.
     */
    id: string;
}
