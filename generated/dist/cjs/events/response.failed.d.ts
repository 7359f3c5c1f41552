/**
 * Sent when a background response has failed.
 */
export interface ResponseFailedWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the model response failed.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `response.failed`.
     */
    type: "response.failed";
    data: ResponseFailedWebhookEventData;
}
/**
 * Event data payload.
 */
export interface ResponseFailedWebhookEventData {
    /**
     * The unique ID of the model response. Starts with `resp_`.
     */
    id: string;
}
