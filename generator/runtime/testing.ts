/**
 * Signs payloads as the sender does, so handlers can be tested with real signed requests.
 * For tests only: a production sender keeps its secret on its own side.
 */
import { encodeBase64, secretKey, sign, webCrypto } from "./verify.js";

export interface SignedWebhook {
  /** The body that was signed, exactly. */
  body: string;
  headers: { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };
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
export async function signWebhookPayload(
  payload: object | string,
  secret: string,
  options: SignOptions = {},
): Promise<SignedWebhook> {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const id = options.id ?? `msg_${webCrypto().randomUUID().replace(/-/g, "")}`;
  const when = options.timestamp ?? new Date();
  const timestamp = String(Math.floor(when instanceof Date ? when.getTime() / 1000 : when));
  const signature = `v1,${encodeBase64(await sign(secretKey(secret), id, timestamp, body))}`;
  const headers = { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature };
  return {
    body,
    headers,
    request: (url = "http://localhost/webhook") =>
      new Request(url, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body }),
  };
}
