/**
 * What the signing schemes share: reading headers and raw bodies, keys, HMAC-SHA256 (node:crypto
 * found at run time where it exists, WebCrypto elsewhere), encodings, constant-time comparison,
 * and each scheme's headers (`schemes.ts`). It loads no module and uses no Node-only global.
 */
import { WebhookVerificationError } from "./errors.js";
import { allValues, type WebhookHeaders } from "./headers.js";

export { allValues, type WebhookHeaders } from "./headers.js";

/** The raw request body, exactly as received. */
export type WebhookPayload = string | Uint8Array | ArrayBuffer;

// Decoding a secret costs as much as checking a small request; a process uses a few secrets.
const decodedSecrets = new Map<string, Uint8Array>();

/** `whsec_…` is the base64 of the key; any other secret is used as its UTF-8 bytes, as the official SDKs do. */
export function secretKey(secret: string, whsecIsBase64 = true): Uint8Array {
  const cacheKey = `${whsecIsBase64 ? "b" : "u"}${secret}`;
  let key = decodedSecrets.get(cacheKey);
  if (key) return key;
  // A secret pasted with its quotes or a line break would never match: say so instead.
  if (/^\s|\s$/.test(secret) || /^(["']).*\1$/s.test(secret)) {
    throw new WebhookVerificationError(
      "malformed_secret",
      `the secret ${/^["']/.test(secret) ? "is wrapped in quotes" : "starts or ends with white space or a line break"}; set it without them (as copied from the dashboard)`,
    );
  }
  key = whsecIsBase64 && secret.startsWith("whsec_") ? decodeBase64(secret.slice(6)) : new TextEncoder().encode(secret);
  if (!key || key.length === 0) {
    throw new WebhookVerificationError(
      "malformed_secret",
      "the secret starts with whsec_ but the rest is not base64; copy it again from the dashboard",
    );
  }
  if (decodedSecrets.size >= 16) decodedSecrets.delete(decodedSecrets.keys().next().value!);
  decodedSecrets.set(cacheKey, key);
  return key;
}

/** HMAC-SHA256 of `prefix` followed by the body, as raw bytes. */
export async function hmac(key: Uint8Array, prefix: string, body: string | Uint8Array): Promise<Uint8Array> {
  if (nodeCrypto) return nodeCrypto.createHmac("sha256", key).update(prefix).update(body).digest();
  const encoder = new TextEncoder();
  const head = encoder.encode(prefix);
  const tail = typeof body === "string" ? encoder.encode(body) : body;
  const message = new Uint8Array(head.length + tail.length);
  message.set(head);
  message.set(tail, head.length);
  const cryptoKey = await importKey(key);
  return new Uint8Array(await webCrypto().subtle.sign("HMAC", cryptoKey, message));
}

// Node's own HMAC is many times faster than WebCrypto's per call; found at run time, so the code
// still loads where there is no Node (process.getBuiltinModule: Node 20.16+).
interface NodeHmac {
  update(data: string | Uint8Array): NodeHmac;
  digest(): Uint8Array;
}
const nodeCrypto = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.("node:crypto") as
  { createHmac(algorithm: string, key: Uint8Array): NodeHmac } | undefined;

// Only what is used of WebCrypto, declared here so the package type-checks with the DOM library
// or with Node's types, under any TypeScript 5.
interface Subtle {
  importKey(
    format: "raw",
    key: Uint8Array,
    algorithm: { name: "HMAC"; hash: "SHA-256" },
    extractable: false,
    usages: ["sign"],
  ): Promise<unknown>;
  sign(algorithm: "HMAC", key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}
export const webCrypto = (): { subtle: Subtle; randomUUID(): string } =>
  (globalThis as unknown as { crypto: { subtle: Subtle; randomUUID(): string } }).crypto;

// Importing a WebCrypto key costs more than a signature; a few keys are kept per process.
const importedKeys = new Map<string, Promise<unknown>>();
function importKey(key: Uint8Array): Promise<unknown> {
  const id = encodeBase64(key);
  let imported = importedKeys.get(id);
  if (!imported) {
    if (importedKeys.size >= 16) importedKeys.delete(importedKeys.keys().next().value!);
    imported = webCrypto().subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    importedKeys.set(id, imported);
  }
  return imported;
}

export function rawBody(payload: WebhookPayload): string | Uint8Array {
  // isView and the tag, not instanceof: bytes may come from another realm (a worker, a vm context).
  if (typeof payload === "string") return payload;
  if (ArrayBuffer.isView(payload)) return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  if (Object.prototype.toString.call(payload) === "[object ArrayBuffer]") return new Uint8Array(payload as ArrayBuffer);
  if (typeof payload === "object" && payload !== null)
    throw new WebhookVerificationError(
      "payload_not_raw",
      "the body was already parsed (express.json() or another body parser ran before this route): the signature covers the exact bytes sent. " +
        "Mount express.raw({ type: 'application/json' }) on the webhook route, before any JSON parser, and pass req.body (the raw bytes); " +
        "with Fetch, pass `await request.text()`.",
    );
  throw new WebhookVerificationError(
    "payload_not_raw",
    "the payload must be the raw request body (a string or bytes), not a parsed object: the signature covers the exact bytes sent. " +
      "Read it with `await request.text()` (Fetch), `express.raw({ type: 'application/json' })` (Express), or by collecting the request's chunks (Node http).",
  );
}

export function missing(name: string): WebhookVerificationError {
  return new WebhookVerificationError(
    "missing_header",
    `the ${name} header is missing; pass the request's headers as received`,
  );
}

export function single(headers: WebhookHeaders, name: string): string {
  const values = allValues(headers, name);
  if (values.length === 0 || values[0] === "") throw missing(name);
  if (values.length > 1 && values.some((v) => v !== values[0])) {
    throw new WebhookVerificationError(
      "malformed_header",
      `the ${name} header appears more than once with different values`,
    );
  }
  return values[0]!;
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

export function decodeBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) return undefined;
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

/** Lower-case hex of bytes. */
export function encodeHex(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i++) text += bytes[i]!.toString(16).padStart(2, "0");
  return text;
}

/** Bytes of a hex string, or undefined when it is not one. */
export function decodeHex(text: string): Uint8Array | undefined {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) return undefined;
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}
