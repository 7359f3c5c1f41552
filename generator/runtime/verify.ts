/**
 * Signature verification and unwrapping, for the scheme the catalogue declares (`schemes.ts`).
 * Runs on Node 20+ (node:crypto, found at run time, for speed) and on runtimes that have only
 * WebCrypto; it loads no module at run time and uses no Node-only global.
 */
import { WebhookVerificationError } from "./errors.js";
import { keyOf, readClaim, type Scheme } from "./schemes.js";
import { constantTimeEqual, hmac, rawBody, type WebhookHeaders, type WebhookPayload } from "./signing.js";
import type { ValidationIssue } from "./validation.js";

export { WebhookVerificationError, type WebhookVerificationErrorCode } from "./errors.js";
export type { WebhookHeaders, WebhookPayload } from "./signing.js";

// Marks unknown events: JSON cannot hold a symbol-keyed property, so no payload can forge it.
const UNKNOWN_BRAND = Symbol.for("webhook-event-codegen.UnknownWebhookEvent");

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
  // The common call passes no options: nothing to check.
  const names = Object.keys(options);
  if (names.length === 0) return;
  for (const name of names)
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
  scheme: Scheme;
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
export function createVerifier<E>(
  config: SigningConfig,
  // Header-named catalogues read the event's name from the headers as well.
  parse: (value: unknown, context: { headers: WebhookHeaders }) => ParseOutcome<E>,
): Verifier<E> {
  async function verifyWebhookSignature(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    secret?: string | readonly string[],
    options: VerifyOptions = {},
  ): Promise<void> {
    checkOptions(options);
    return verified(payload, headers, secret, options);
  }

  /** The verification itself, for options already checked. */
  async function verified(
    payload: WebhookPayload,
    headers: WebhookHeaders,
    secret: string | readonly string[] | undefined,
    options: VerifyOptions,
  ): Promise<void> {
    const body = rawBody(payload);
    const claim = readClaim(config.scheme, headers);
    if (claim.timestamp !== undefined)
      checkTimestamp(
        claim.timestamp,
        claim.timestampName ?? "the timestamp",
        options.toleranceSeconds ?? config.toleranceSeconds,
        options.now,
      );
    let matched = false;
    for (const key of keys(secret, options.secrets)) {
      const expected = await hmac(key, claim.signedPrefix, body);
      // Compare with every candidate, each in constant time, so timing says nothing about which bytes differ.
      for (const candidate of claim.candidates) matched = constantTimeEqual(candidate, expected) || matched;
    }
    if (!matched) {
      throw new WebhookVerificationError(
        "no_matching_signature",
        claim.candidates.length === 0
          ? `${claim.header} holds no signature of this scheme (${config.scheme.name}); the request was not signed with it`
          : "no signature matches: the body or a signed header was changed, or the secret is not the one the sender uses",
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
    await verified(payload, headers, secret, options);
    let value: unknown;
    try {
      // A leading byte-order mark is signed like any byte but is not JSON: it is skipped for parsing
      // (TextDecoder skips it in bytes already).
      const text = typeof payload === "string" ? payload : new TextDecoder().decode(rawBody(payload) as Uint8Array);
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      throw new WebhookVerificationError("body_not_json", "the body is signed but is not JSON");
    }
    const result = parse(value, { headers });
    if (result.ok) return result.event;
    if (result.unknownType !== undefined) {
      if (options.strict) {
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
    return all.map((s) => keyOf(config.scheme, s));
  }

  return { verifyWebhookSignature, unwrapWebhookEvent };
}

/** `name`: where the scheme carries its time (its own header, or part of one), as messages say it. */
function checkTimestamp(
  timestamp: string,
  name: string,
  toleranceSeconds: number,
  now: Date | number | undefined,
): void {
  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new WebhookVerificationError("malformed_timestamp", `${name} must be whole Unix seconds`);
  }
  const current = now === undefined ? Date.now() / 1000 : now instanceof Date ? now.getTime() / 1000 : now;
  const age = Math.floor(current) - Number(timestamp);
  if (age > toleranceSeconds) {
    throw new WebhookVerificationError(
      "timestamp_too_old",
      `${name} is ${age} s old, more than the ${toleranceSeconds} s allowed: a replay, or a clock that is wrong`,
    );
  }
  if (-age > toleranceSeconds) {
    throw new WebhookVerificationError(
      "timestamp_too_new",
      `${name} is ${-age} s in the future, more than the ${toleranceSeconds} s allowed: check the clock`,
    );
  }
}
