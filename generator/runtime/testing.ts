/**
 * Signs payloads as the sender does, so handlers can be tested with real signed requests.
 * For tests only: a production sender keeps its secret on its own side.
 */
import { keyOf, signatureHeaders, signedPrefix, type Scheme } from "./schemes.js";
import { hmac, webCrypto } from "./signing.js";

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
export type Signer<H extends string = string> = (
  payload: object | string,
  secret: string,
  options?: SignOptions,
) => Promise<SignedWebhook<H>>;

/** Where a header-named catalogue's sender puts an event's name and ID. */
export interface HeaderLayout {
  nameHeader: string;
  idHeader?: string;
}

/**
 * A signer for a scheme; the package exports the one of its catalogue as `signWebhookPayload`.
 * With a header layout, an event `{ id?, name, payload }` is sent as its payload, named by headers.
 */
export function createSigner<H extends string>(scheme: Scheme, layout?: HeaderLayout): Signer<H> {
  return async (payload, secret, options = {}) => {
    const wrapped = layout !== undefined && typeof payload === "object" && payload !== null && "payload" in payload;
    const event = payload as { id?: unknown; name?: unknown; payload?: unknown };
    const body = typeof payload === "string" ? payload : JSON.stringify(wrapped ? event.payload : payload);
    const id =
      options.id ??
      (wrapped && typeof event.id === "string" ? event.id : `msg_${webCrypto().randomUUID().replace(/-/g, "")}`);
    if (typeof id !== "string" || !/^[^\s.]+$/.test(id))
      throw new TypeError("id must be a non-empty message id without spaces or dots, such as msg_123");
    const when = options.timestamp ?? new Date();
    const seconds = when instanceof Date ? when.getTime() / 1000 : when;
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0)
      throw new TypeError(`timestamp must be a valid Date or Unix seconds, got ${String(when)}`);
    // Milliseconds (Date.now()) would sign a time thousands of years ahead, which every verifier refuses.
    if (!(when instanceof Date) && seconds > 1e11)
      throw new TypeError(
        `timestamp ${seconds} looks like milliseconds: seconds expected (Math.floor(Date.now() / 1000))`,
      );
    const timestamp = String(Math.floor(seconds));
    const mac = await hmac(keyOf(scheme, secret), signedPrefix(scheme, id, timestamp), body);
    const named = wrapped
      ? { [layout.nameHeader]: String(event.name), ...(layout.idHeader !== undefined && { [layout.idHeader]: id }) }
      : {};
    const headers = { ...named, ...signatureHeaders(scheme, id, timestamp, mac) } as Record<H, string>;
    return {
      body,
      headers,
      request: (url = "http://localhost/webhook") =>
        new Request(url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body }),
    };
  };
}
