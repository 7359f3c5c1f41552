/**
 * Sent when an eval run has succeeded.
 */
export interface EvalRunSucceededWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the eval run succeeded.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `eval.run.succeeded`.
     */
    type: "eval.run.succeeded";
    data: EvalRunSucceededWebhookEventData;
}
/**
 * Event data payload.
 */
export interface EvalRunSucceededWebhookEventData {
    /**
     * The unique ID of the eval run. Starts with `evalrun_`.
     */
    id: string;
}
