import { createRequire } from "node:module";
import { Webhook } from "standardwebhooks";
import { Webhook as SvixWebhook } from "svix";
import { describe, expect, it } from "vitest";
import {
  fixtures,
  isUnknownWebhookEvent,
  signWebhookPayload,
  unwrapWebhookEvent,
  verifyWebhookSignature,
  WebhookVerificationError,
  WEBHOOK_EVENT_TYPES,
} from "../../generated/index.js";

// Verification fails closed: every option that guards it is checked, markers cannot be forged,
// and the test signer signs nothing a verifier should accept. Events come from the catalogue.
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const NOW = 1_719_168_000;
const event = fixtures[WEBHOOK_EVENT_TYPES[0]!];

async function errorOf(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return error as WebhookVerificationError;
  }
  throw new Error("expected a rejection");
}

describe("a tolerance or clock that would switch replay protection off", () => {
  const hourOld = () => signWebhookPayload(event, SECRET, { timestamp: NOW - 3600, id: "msg_1" });

  it.each([
    ["NaN", { toleranceSeconds: Number.NaN }, "toleranceSeconds must be a number of seconds from 0 to 86400, got NaN"],
    [
      "Infinity",
      { toleranceSeconds: Infinity },
      "toleranceSeconds must be a number of seconds from 0 to 86400, got Infinity",
    ],
    [
      "a string",
      { toleranceSeconds: "abc" },
      'toleranceSeconds must be a number of seconds from 0 to 86400, got "abc"',
    ],
    ["negative", { toleranceSeconds: -1 }, "toleranceSeconds must be a number of seconds from 0 to 86400, got -1"],
    [
      "over a day",
      { toleranceSeconds: 86_401 },
      "toleranceSeconds must be a number of seconds from 0 to 86400, got 86401",
    ],
    ["a NaN clock", { now: Number.NaN }, "now must be a valid Date or Unix seconds, got NaN"],
    ["an Invalid Date", { now: new Date("nope") }, "now must be a valid Date or Unix seconds, got an invalid Date"],
    [
      "an unknown option",
      { tolerance: 5 },
      'unknown option "tolerance"; expected one of: toleranceSeconds, now, secrets, strict',
    ],
  ])("is refused up front: %s", async (_, options, message) => {
    const { body, headers } = await hourOld();
    for (const call of [
      verifyWebhookSignature(body, headers, SECRET, { now: NOW, ...options } as never),
      unwrapWebhookEvent(body, headers, SECRET, { now: NOW, ...options } as never),
    ]) {
      const error = await errorOf(call);
      expect({ code: error.code, message: error.message }).toEqual({ code: "invalid_options", message });
    }
  });

  it("still refuses an hour-old request with the default tolerance", async () => {
    const { body, headers } = await hourOld();
    expect((await errorOf(verifyWebhookSignature(body, headers, SECRET, { now: NOW }))).code).toBe("timestamp_too_old");
  });
});

describe("unknown events", () => {
  it("cannot be forged by a payload that says unknown: true", async () => {
    const forged = { unknown: true, type: "x.y", payload: {} };
    expect(isUnknownWebhookEvent(forged)).toBe(false);
    expect(isUnknownWebhookEvent(JSON.parse(JSON.stringify(forged)))).toBe(false);
  });

  it("are recognised when the package returns one", async () => {
    const type = `${WEBHOOK_EVENT_TYPES.join("_")}.not_in_catalogue`;
    const { body, headers } = await signWebhookPayload({ ...event, type }, SECRET, { timestamp: NOW, id: "msg_1" });
    const result = await unwrapWebhookEvent(body, headers, SECRET, { now: NOW });
    expect(isUnknownWebhookEvent(result)).toBe(true);
    expect(result).toMatchObject({ unknown: true, type });
  });
});

describe("signature headers", () => {
  it("accept a valid signature when the header is sent twice (joined, or as an array), as standardwebhooks does", async () => {
    // Signed now: the standardwebhooks package checks against the real clock.
    const { body, headers } = await signWebhookPayload(event, SECRET, { id: "msg_1" });
    const wrong = "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    for (const signature of [
      `${headers["webhook-signature"]}, ${wrong}`,
      `${wrong}, ${headers["webhook-signature"]}`,
      [headers["webhook-signature"], wrong],
    ]) {
      const twice = { ...headers, "webhook-signature": signature };
      await expect(verifyWebhookSignature(body, twice as never, SECRET)).resolves.toBeUndefined();
      if (typeof signature === "string")
        expect(new Webhook(SECRET).verify(body, { ...headers, "webhook-signature": signature })).toBeTruthy();
    }
    const headersObject = new Headers(headers);
    headersObject.append("webhook-signature", wrong);
    await expect(verifyWebhookSignature(body, headersObject, SECRET)).resolves.toBeUndefined();
  });

  it("accept the svix-* names Svix delivers under, both ways with the svix package", async () => {
    const body = JSON.stringify(event);
    const svix = new SvixWebhook(SECRET);
    const signature = svix.sign("msg_svix", new Date(NOW * 1000), body);
    const headers = { "svix-id": "msg_svix", "svix-timestamp": String(NOW), "svix-signature": signature };
    await expect(verifyWebhookSignature(body, headers, SECRET, { now: NOW })).resolves.toBeUndefined();
    const ours = await signWebhookPayload(event, SECRET);
    const renamed = Object.fromEntries(
      Object.entries(ours.headers).map(([k, v]) => [k.replace("webhook-", "svix-"), v]),
    );
    expect(svix.verify(ours.body, renamed)).toEqual(event);
  });
});

describe("the test signer", () => {
  it.each([
    [{ timestamp: -1 }, "timestamp must be a valid Date or Unix seconds, got -1"],
    [{ timestamp: Number.NaN }, "timestamp must be a valid Date or Unix seconds, got NaN"],
    [
      { timestamp: NOW * 1000 },
      `timestamp ${NOW * 1000} looks like milliseconds: seconds expected (Math.floor(Date.now() / 1000))`,
    ],
    [{ id: "" }, "id must be a non-empty message id without spaces or dots, such as msg_123"],
  ])("refuses %j", async (options, message) => {
    await expect(signWebhookPayload(event, SECRET, options)).rejects.toThrow(message);
  });
});

describe("bodies and secrets", () => {
  it("accept a body that starts with a byte-order mark, as a string or as bytes", async () => {
    const { body, headers } = await signWebhookPayload(`\ufeff${JSON.stringify(event)}`, SECRET, {
      timestamp: NOW,
      id: "msg_1",
    });
    await expect(unwrapWebhookEvent(body, headers, SECRET, { now: NOW })).resolves.toEqual(event);
    await expect(unwrapWebhookEvent(new TextEncoder().encode(body), headers, SECRET, { now: NOW })).resolves.toEqual(
      event,
    );
  });

  it.each([
    [`"${SECRET}"`, "the secret is wrapped in quotes; set it without them (as copied from the dashboard)"],
    [
      `${SECRET}\n`,
      "the secret starts or ends with white space or a line break; set it without them (as copied from the dashboard)",
    ],
    [
      ` ${SECRET}`,
      "the secret starts or ends with white space or a line break; set it without them (as copied from the dashboard)",
    ],
  ])("refuse a pasted secret %j, saying why", async (secret, message) => {
    const { body, headers } = await signWebhookPayload(event, SECRET, { timestamp: NOW, id: "msg_1" });
    const error = await errorOf(verifyWebhookSignature(body, headers, secret, { now: NOW }));
    expect({ code: error.code, message: error.message }).toEqual({ code: "malformed_secret", message });
  });
});

describe("errors across copies of the package", () => {
  it("are recognised by instanceof and WebhookVerificationError.is when ESM and CommonJS copies meet", async () => {
    const require = createRequire(import.meta.url);
    const cjs = require("../../generated/dist/cjs/index.js");
    const esm = await import("../../generated/dist/esm/index.js");
    const fromCjs = await cjs.verifyWebhookSignature("{}", {}, SECRET).catch((e: unknown) => e);
    expect(fromCjs).toBeInstanceOf(esm.WebhookVerificationError);
    expect(esm.WebhookVerificationError.is(fromCjs)).toBe(true);
    expect(fromCjs).toBeInstanceOf(cjs.WebhookVerificationError);
    expect(esm.WebhookVerificationError.is(new Error("x"))).toBe(false);
  });
});
