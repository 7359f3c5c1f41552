/**
 * The signing schemes a catalogue may declare, each as what a request claims (the text signed
 * before the body, a timestamp to check, the signatures to compare) and what a sender writes:
 * - `standard-webhooks`: `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>` (or the
 *   `svix-*` names Svix delivers under); HMAC-SHA256 of `id.timestamp.body`; `whsec_` secrets are base64;
 * - `hmac-sha256`: one header, `<prefix><hex>` (GitHub: `X-Hub-Signature-256: sha256=…`), HMAC of the body;
 * - `timestamped-hmac-sha256`: one header, `t=<unix>,v1=<hex>[,v1=…]` (Stripe), HMAC of `t.body`.
 */
import { WebhookVerificationError } from "./errors.js";
import {
  allValues,
  decodeBase64,
  decodeHex,
  encodeBase64,
  encodeHex,
  missing,
  secretKey,
  single,
  type WebhookHeaders,
} from "./signing.js";

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

const HMAC_BYTES = 32;

export function readClaim(scheme: Scheme, headers: WebhookHeaders): Claim {
  if (scheme.name === "standard-webhooks") {
    const ids = allValues(headers, "webhook-id");
    const names = ids.length === 0 && allValues(headers, "svix-id").length > 0 ? "svix" : "webhook";
    const id = names === "webhook" && ids.length === 1 && ids[0] !== "" ? ids[0]! : single(headers, `${names}-id`);
    const timestamp = single(headers, `${names}-timestamp`);
    // Signatures are separated by spaces; a header sent twice is joined with ", " (Fetch, Node),
    // so a comma ending a signature is that separator: any listed signature may match.
    const listed = allValues(headers, `${names}-signature`).join(" ");
    if (!listed) throw missing(`${names}-signature`);
    const candidates = listed
      .split(/\s+/)
      .map((s) => s.replace(/,$/, ""))
      .filter((s) => s.startsWith("v1,"))
      .map((s) => decodeBase64(s.slice(3)))
      .filter((s): s is Uint8Array => s?.length === HMAC_BYTES);
    return {
      signedPrefix: `${id}.${timestamp}.`,
      timestamp,
      timestampName: `${names}-timestamp`,
      candidates,
      header: `${names}-signature`,
    };
  }
  const header = scheme.header!.toLowerCase();
  const values = allValues(headers, header);
  if (values.length === 0 || values.every((v) => v.trim() === "")) throw missing(scheme.header!);
  if (scheme.name === "hmac-sha256") {
    const prefix = scheme.prefix ?? "";
    const candidates = values
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter((v) => v.startsWith(prefix))
      .map((v) => decodeHex(v.slice(prefix.length)))
      .filter((s): s is Uint8Array => s?.length === HMAC_BYTES);
    return { signedPrefix: "", candidates, header: scheme.header! };
  }
  const items = values.flatMap((v) => v.split(",")).map((item) => item.trim().split("=") as [string, string?]);
  const times = [...new Set(items.filter(([k]) => k === "t").map(([, v]) => v ?? ""))];
  const timestamp = times[0];
  if (times.length !== 1 || timestamp === undefined)
    throw new WebhookVerificationError("malformed_header", `${scheme.header} must hold one t=<unix seconds>`);
  const candidates = items
    .filter(([k]) => k === "v1")
    .map(([, v]) => decodeHex(v ?? ""))
    .filter((s): s is Uint8Array => s?.length === HMAC_BYTES);
  return {
    signedPrefix: `${timestamp}.`,
    timestamp,
    timestampName: `the t= of ${scheme.header}`,
    candidates,
    header: scheme.header!,
  };
}

/** The key of a secret: Standard Webhooks' `whsec_` secrets are base64, the others' are their UTF-8 bytes. */
export function keyOf(scheme: Scheme, secret: string): Uint8Array {
  return secretKey(secret, scheme.name === "standard-webhooks");
}

/** The text a sender signs before the body, for a message id and timestamp. */
export function signedPrefix(scheme: Scheme, id: string, timestamp: string): string {
  return scheme.name === "standard-webhooks"
    ? `${id}.${timestamp}.`
    : scheme.name === "hmac-sha256"
      ? ""
      : `${timestamp}.`;
}

/** The headers a sender writes for a signature. */
export function signatureHeaders(
  scheme: Scheme,
  id: string,
  timestamp: string,
  mac: Uint8Array,
): Record<string, string> {
  if (scheme.name === "standard-webhooks")
    return { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${encodeBase64(mac)}` };
  if (scheme.name === "hmac-sha256") return { [scheme.header!]: `${scheme.prefix ?? ""}${encodeHex(mac)}` };
  return { [scheme.header!]: `t=${timestamp},v1=${encodeHex(mac)}` };
}
