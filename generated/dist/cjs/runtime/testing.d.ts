/**
 * Signs payloads as the sender does, so handlers can be tested with real signed requests.
 * For tests only: a production sender keeps its secret on its own side.
 */
import { type Scheme } from "./schemes.js";
export interface SignedWebhook<H extends string = string> {
    /** The body that was signed, exactly. */
    body: string;
    /** The headers the sender adds, by the catalogue's signing scheme. */
    headers: Record<H, string>;
    /** A POST `Request` carrying the body and headers, for Fetch-style handlers. */
    request(url?: string): Request;
}
export interface SignOptions {
    /** The message id (Standard Webhooks' `webhook-id`); a fresh one by default. */
    id?: string;
    /** When it was sent (a Date, or Unix seconds); now by default. */
    timestamp?: Date | number;
}
/** Signs an event (serialized as JSON) or a raw body with `secret`, like the sender would. */
export type Signer<H extends string = string> = (payload: object | string, secret: string, options?: SignOptions) => Promise<SignedWebhook<H>>;
/** Where a header-named catalogue's sender puts an event's name and ID. */
export interface HeaderLayout {
    nameHeader: string;
    idHeader?: string;
}
/**
 * A signer for a scheme; the package exports the one of its catalogue as `signWebhookPayload`.
 * With a header layout, an event `{ id?, name, payload }` is sent as its payload, named by headers.
 */
export declare function createSigner<H extends string>(scheme: Scheme, layout?: HeaderLayout): Signer<H>;
