/**
 * Sent when an eval run has been canceled.
 */
export interface EvalRunCanceledWebhookEvent {
    /**
     * The unique ID of the event. Starts with `evt_`.
     */
    id: string;
    /**
     * The Unix timestamp (in seconds) of when the eval run was canceled.
     */
    created_at: number;
    /**
     * The object of the event. Always `event`.
     */
    object?: "event";
    /**
     * The type of the event. Always `eval.run.canceled`.
     */
    type: "eval.run.canceled";
    data: EvalRunCanceledWebhookEventData;
}
/**
 * Event data payload.
 */
export interface EvalRunCanceledWebhookEventData {
    /**
     * The unique ID of the eval run. Starts with `evalrun_`.
     */
    id: string;
}
