/**
 * Sent when an eval run has failed.
 */
export interface EvalRunFailedWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the eval run failed.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `eval.run.failed`.
     */
    type: "eval.run.failed";
    data: EvalRunFailedWebhookEventData;
}
/**
 * Event data payload.
 */
export interface EvalRunFailedWebhookEventData {
    /**
     * The unique ID of the eval run. Starts with `evalrun_`.
     */
    id: string;
}
