import type { SipHeader } from "../defs/SipHeader.js";
/**
 * Sent when Realtime API Receives a incoming SIP call.
 */
export interface RealtimeCallIncomingWebhookEvent {
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
     * The type of the event. Always `realtime.call.incoming`.
     */
    type: "realtime.call.incoming";
    data: RealtimeCallIncomingWebhookEventData;
}
/**
 * Event data payload.
 */
export interface RealtimeCallIncomingWebhookEventData {
    /**
     * The Transceiver `rtc_...` ID of the pending SIP session. Starts with `rtc_`.
     */
    call_id: string;
    /**
     * Headers from the SIP Invite.
     */
    sip_headers: SipHeader[];
}
