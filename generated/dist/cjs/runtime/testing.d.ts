export interface SignedWebhook {
    /** The body that was signed, exactly. */
    body: string;
    headers: {
        "webhook-id": string;
        "webhook-timestamp": string;
        "webhook-signature": string;
    };
    /** A POST `Request` carrying the body and headers, for Fetch-style handlers. */
    request(url?: string): Request;
}
export interface SignOptions {
    /** The `webhook-id`; a fresh one by default. */
    id?: string;
    /** When it was sent (a Date, or Unix seconds); now by default. */
    timestamp?: Date | number;
}
/** Signs an event (serialized as JSON) or a raw body with `secret`, like the sender would. */
export declare function signWebhookPayload(payload: object | string, secret: string, options?: SignOptions): Promise<SignedWebhook>;
