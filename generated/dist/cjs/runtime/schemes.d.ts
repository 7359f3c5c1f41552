import { type WebhookHeaders } from "./signing.js";
export type SchemeName = "standard-webhooks" | "hmac-sha256" | "timestamped-hmac-sha256";
export interface Scheme {
    name: SchemeName;
    /** The signature header, for the one-header schemes. */
    header?: string;
    /** What stands before the hex signature (`sha256=`), for `hmac-sha256`. */
    prefix?: string;
}
/** What a request says about its signature. */
export interface Claim {
    /** Signed before the body. */
    signedPrefix: string;
    /** Whole Unix seconds, where the scheme signs a time. */
    timestamp?: string;
    /** Where the time was read, in the scheme's own terms (`svix-timestamp`, `the t= of Stripe-Signature`), for messages. */
    timestampName?: string;
    candidates: Uint8Array[];
    /** The header that holds the signatures, for messages. */
    header: string;
}
export declare function readClaim(scheme: Scheme, headers: WebhookHeaders): Claim;
/** The key of a secret: Standard Webhooks' `whsec_` secrets are base64, the others' are their UTF-8 bytes. */
export declare function keyOf(scheme: Scheme, secret: string): Uint8Array;
/** The text a sender signs before the body, for a message id and timestamp. */
export declare function signedPrefix(scheme: Scheme, id: string, timestamp: string): string;
/** The headers a sender writes for a signature. */
export declare function signatureHeaders(scheme: Scheme, id: string, timestamp: string, mac: Uint8Array): Record<string, string>;
