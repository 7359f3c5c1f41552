/**
 * Signature verification by the Standard Webhooks scheme: HMAC-SHA256 over
 * `${webhook-id}.${webhook-timestamp}.${body}`, base64, each signature prefixed `v1,`.
 * Runs on Node 20+ (node:crypto, found at run time, for speed) and on runtimes that have only
 * WebCrypto; it loads no module at run time and uses no Node-only global.
 */
import type { ValidationIssue } from "./validation.js";

/** What went wrong, stable across versions: branch on this, not on the message. */
export type WebhookVerificationErrorCode =
  | "invalid_options"
  | "payload_not_raw"
  | "missing_secret"
  | "malformed_secret"
  | "missing_header"
  | "malformed_header"
  | "malformed_timestamp"
  | "timestamp_too_old"
  | "timestamp_too_new"
  | "no_matching_signature"
  | "body_not_json"
  | "invalid_payload"
  | "unknown_event_type";

// A brand shared by every copy of the package (ESM and CommonJS builds loaded side by side), so
// `instanceof` and `WebhookVerificationError.is` recognise errors from either copy.
const ERROR_BRAND = Symbol.for("webhook-event-codegen.WebhookVerificationError");
// Marks unknown events: JSON cannot hold a symbol-keyed property, so no payload can forge it.
const UNKNOWN_BRAND = Symbol.for("webhook-event-codegen.UnknownWebhookEvent");

/** Every failure of verification or unwrapping. Its message never holds a secret or a signature. */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
  readonly code: WebhookVerificationErrorCode;
  /** With `invalid_payload`: where the payload does not match its event's shape. */
  readonly issues?: readonly ValidationIssue[];

  constructor(code: WebhookVerificationErrorCode, message: string, issues?: readonly ValidationIssue[]) {
    super(message);
    this.code = code;
    if (issues) this.issues = issues;
    Object.defineProperty(this, ERROR_BRAND, { value: true });
  }

  /** True for an error of this kind from any copy of the package. */
  static is(error: unknown): error is WebhookVerificationError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[ERROR_BRAND] === true;
  }
}
// Set here rather than declared in the class: declaration files then stay plain for every TypeScript.
Object.defineProperty(WebhookVerificationError, Symbol.hasInstance, {
  value: (value: unknown): boolean => WebhookVerificationError.is(value),
});

/** The raw request body, exactly as received. */
export type WebhookPayload = string | Uint8Array | ArrayBuffer;

/** Request headers as Fetch (`Headers`), Node (`req.headers`) or a list of pairs give them. */
export type WebhookHeaders =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | Iterable<readonly [string, string]>;

export interface VerifyOptions {
  /** How far the timestamp may be from now, either way, in seconds. */
  toleranceSeconds?: number;
  /** The current time (a Date, or Unix seconds), for tests. */
  now?: Date | number;
  /** More secrets to try, for rotation: a signature by any of them is accepted. */
  secrets?: readonly string[];
}

export interface UnwrapOptions extends VerifyOptions {
  /** Refuse events whose `type` the package does not know, instead of returning them as unknown. */
  strict?: boolean;
}

/** A verified event of a type this package does not know: newer than the package, safe to acknowledge. */
export interface UnknownWebhookEvent {
  readonly unknown: true;
  readonly type: string;
  /** The parsed body, unchecked. */
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * True for what {@link createVerifier}'s unwrap returns for an event type the package does not know.
 * The mark is a symbol no JSON payload can carry: a payload with `unknown: true` is not taken for one.
 */
export function isUnknownWebhookEvent(event: unknown): event is UnknownWebhookEvent {
  try {
    return typeof event === "object" && event !== null && (event as Record<symbol, unknown>)[UNKNOWN_BRAND] === true;
  } catch {
    return false;
  }
}

/** The most a tolerance may be: a day. A larger one would disable replay protection in all but name. */
export const MAX_TOLERANCE_SECONDS = 86_400;
const OPTION_NAMES = new Set(["toleranceSeconds", "now", "secrets", "strict"]);

/** Refuses options that would weaken verification: a tolerance or clock that is not a finite number in range, unknown names. */
function checkOptions(options: UnwrapOptions): void {
  const bad = (message: string) => new WebhookVerificationError("invalid_options", message);
  if (typeof options !== "object" || options === null) throw bad("options must be an object");
  for (const name of Object.keys(options))
    if (!OPTION_NAMES.has(name))
      throw bad(`unknown option ${JSON.stringify(name)}; expected one of: ${[...OPTION_NAMES].join(", ")}`);
  const { toleranceSeconds: tolerance, now, secrets, strict } = options;
  if (
    tolerance !== undefined &&
    (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0 || tolerance > MAX_TOLERANCE_SECONDS)
  )
    throw bad(
      `toleranceSeconds must be a number of seconds from 0 to ${MAX_TOLERANCE_SECONDS}, got ${describe(tolerance)}`,
    );
  if (now !== undefined) {
    const seconds = now instanceof Date ? now.getTime() / 1000 : now;
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0)
      throw bad(`now must be a valid Date or Unix seconds, got ${describe(now)}`);
  }
  if (secrets !== undefined && (!Array.isArray(secrets) || secrets.some((x) => typeof x !== "string")))
    throw bad("secrets must be an array of strings");
  if (strict !== undefined && typeof strict !== "boolean")
    throw bad(`strict must be true or false, got ${describe(strict)}`);
}

function describe(value: unknown): string {
  if (value instanceof Date) return "an invalid Date";
  return typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : String(value);
}

export interface SigningConfig {
  /** The environment variable that holds the secret when none is passed. */
  secretEnv: string;
  toleranceSeconds: number;
}

type ParseOutcome<E> = { ok: true; event: E } | { ok: false; errors: ValidationIssue[]; unknownType?: string };

/** What {@link createVerifier} gives: the two functions the package exports. */
export interface Verifier<E> {
  verifyWebhookSignature(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    secret?: string | readonly string[],
    options?: VerifyOptions,
  ): Promise<void>;
  unwrapWebhookEvent(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    secret?: string | readonly string[],
    options?: UnwrapOptions,
  ): Promise<E | UnknownWebhookEvent>;
}

/** The verifier bound to a catalogue's settings and parser; the package exports its two functions. */
export function createVerifier<E>(config: SigningConfig, parse: (value: unknown) => ParseOutcome<E>): Verifier<E> {
  async function verifyWebhookSignature(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    secret?: string | readonly string[],
    options: VerifyOptions = {},
  ): Promise<void> {
    checkOptions(options);
    const body = rawBody(payload);
    // Svix delivers Standard Webhooks under svix-* names; either set is accepted.
    const prefix =
      allValues(headers, "webhook-id").length === 0 && allValues(headers, "svix-id").length > 0 ? "svix" : "webhook";
    const id = single(headers, `${prefix}-id`);
    const timestamp = single(headers, `${prefix}-timestamp`);
    // Several signatures are separated by spaces; a header sent twice is joined with ", " (Fetch, Node),
    // so a comma ending a signature is that separator: any listed signature may match.
    const signatures = allValues(headers, `${prefix}-signature`).join(" ");
    if (!signatures) throw missing(`${prefix}-signature`);
    checkTimestamp(timestamp, options.toleranceSeconds ?? config.toleranceSeconds, options.now);

    const candidates = signatures
      .split(/\s+/)
      .map((s) => s.replace(/,$/, ""))
      .filter((s) => s.startsWith("v1,"))
      .map((s) => decodeBase64(s.slice(3)))
      .filter((s): s is Uint8Array => s?.length === 32);
    let matched = false;
    for (const key of keys(secret, options.secrets)) {
      const expected = await sign(key, id, timestamp, body);
      // Compare with every candidate, each in constant time, so timing says nothing about which bytes differ.
      for (const candidate of candidates) matched = constantTimeEqual(candidate, expected) || matched;
    }
    if (!matched) {
      throw new WebhookVerificationError(
        "no_matching_signature",
        candidates.length === 0
          ? "webhook-signature holds no v1 signature; the request was not signed with this scheme"
          : "no signature matches: the body, webhook-id or webhook-timestamp was changed, or the secret is not the one the sender uses",
      );
    }
  }

  async function unwrapWebhookEvent(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    secret?: string | readonly string[],
    options: UnwrapOptions = {},
  ): Promise<E | UnknownWebhookEvent> {
    checkOptions(options);
    const { strict, ...verifyOptions } = options;
    await verifyWebhookSignature(payload, headers, secret, verifyOptions);
    let value: unknown;
    try {
      // A leading byte-order mark is signed like any byte but is not JSON: it is skipped for parsing
      // (TextDecoder skips it in bytes already).
      const text = typeof payload === "string" ? payload : new TextDecoder().decode(rawBody(payload) as Uint8Array);
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      throw new WebhookVerificationError("body_not_json", "the body is signed but is not JSON");
    }
    const result = parse(value);
    if (result.ok) return result.event;
    if (result.unknownType !== undefined) {
      if (strict) {
        throw new WebhookVerificationError(
          "unknown_event_type",
          `the event type ${JSON.stringify(result.unknownType)} is not in this package`,
        );
      }
      const unknown = { unknown: true as const, type: result.unknownType, payload: value as Record<string, unknown> };
      return Object.defineProperty(unknown, UNKNOWN_BRAND, { value: true });
    }
    const shown = result.errors.slice(0, 3).map((e) => `${e.path || "(event)"}: ${e.message}`);
    const more = result.errors.length > 3 ? `; and ${result.errors.length - 3} more` : "";
    throw new WebhookVerificationError(
      "invalid_payload",
      `the event does not match its shape: ${shown.join("; ")}${more}`,
      result.errors,
    );
  }

  function keys(secret: string | readonly string[] | undefined, more: readonly string[] = []): Uint8Array[] {
    const given = secret === undefined ? [] : typeof secret === "string" ? [secret] : [...secret];
    if (given.length === 0) {
      const fromEnv = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[
        config.secretEnv
      ];
      if (fromEnv) given.push(fromEnv);
    }
    const all = [...given, ...more];
    if (all.length === 0 || all.some((s) => typeof s !== "string" || s === "")) {
      throw new WebhookVerificationError(
        "missing_secret",
        `no secret: pass one, or set the environment variable ${config.secretEnv}`,
      );
    }
    return all.map(secretKey);
  }

  return { verifyWebhookSignature, unwrapWebhookEvent };
}

// Decoding a secret costs as much as checking a small request; a process uses a few secrets.
const decodedSecrets = new Map<string, Uint8Array>();

/** `whsec_…` is the base64 of the key; any other secret is used as its UTF-8 bytes, as the official SDKs do. */
export function secretKey(secret: string): Uint8Array {
  let key = decodedSecrets.get(secret);
  if (key) return key;
  // A secret pasted with its quotes or a line break would never match: say so instead.
  if (/^\s|\s$/.test(secret) || /^(["']).*\1$/s.test(secret)) {
    throw new WebhookVerificationError(
      "malformed_secret",
      `the secret ${/^["']/.test(secret) ? "is wrapped in quotes" : "starts or ends with white space or a line break"}; set it without them (as copied from the dashboard)`,
    );
  }
  key = secret.startsWith("whsec_") ? decodeBase64(secret.slice(6)) : new TextEncoder().encode(secret);
  if (!key || key.length === 0) {
    throw new WebhookVerificationError(
      "malformed_secret",
      "the secret starts with whsec_ but the rest is not base64; copy it again from the dashboard",
    );
  }
  if (decodedSecrets.size >= 16) decodedSecrets.delete(decodedSecrets.keys().next().value!);
  decodedSecrets.set(secret, key);
  return key;
}

/** The `v1,…` signature of a message, as the sender computes it. */
export async function sign(
  key: Uint8Array,
  id: string,
  timestamp: string,
  body: string | Uint8Array,
): Promise<Uint8Array> {
  const prefix = `${id}.${timestamp}.`;
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

function rawBody(payload: WebhookPayload): string | Uint8Array {
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

function checkTimestamp(timestamp: string, toleranceSeconds: number, now: Date | number | undefined): void {
  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new WebhookVerificationError("malformed_timestamp", "webhook-timestamp must be whole Unix seconds");
  }
  const current = now === undefined ? Date.now() / 1000 : now instanceof Date ? now.getTime() / 1000 : now;
  const age = Math.floor(current) - Number(timestamp);
  if (age > toleranceSeconds) {
    throw new WebhookVerificationError(
      "timestamp_too_old",
      `webhook-timestamp is ${age} s old, more than the ${toleranceSeconds} s allowed: a replay, or a clock that is wrong`,
    );
  }
  if (-age > toleranceSeconds) {
    throw new WebhookVerificationError(
      "timestamp_too_new",
      `webhook-timestamp is ${-age} s in the future, more than the ${toleranceSeconds} s allowed: check the clock`,
    );
  }
}

function missing(name: string): WebhookVerificationError {
  return new WebhookVerificationError(
    "missing_header",
    `the ${name} header is missing; pass the request's headers as received`,
  );
}

function single(headers: WebhookHeaders, name: string): string {
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

/** Every value of a header, names compared without case. */
function allValues(headers: WebhookHeaders, name: string): string[] {
  if (headers === null || typeof headers !== "object") return [];
  if (
    typeof (headers as { get?: unknown }).get === "function" &&
    !(Symbol.iterator in headers && headers instanceof Map)
  ) {
    const value = (headers as { get(name: string): string | null }).get(name);
    return value === null || value === undefined ? [] : [String(value)];
  }
  // Node gives header names in lower case: look there first, before comparing every name.
  if (!(Symbol.iterator in headers)) {
    const direct = (headers as Record<string, unknown>)[name];
    if (typeof direct === "string") return [direct];
    if (Array.isArray(direct)) return direct.filter((v): v is string => typeof v === "string");
  }
  const out: string[] = [];
  const entries =
    Symbol.iterator in headers ? (headers as Iterable<readonly [string, string]>) : Object.entries(headers);
  for (const [key, value] of entries) {
    if (typeof key !== "string" || key.toLowerCase() !== name) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === "string") out.push(v);
  }
  return out;
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

function decodeBase64(text: string): Uint8Array | undefined {
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
