import nodeCrypto from "node:crypto";
import fc from "fast-check";
import { Webhook } from "standardwebhooks";
import { describe, expect, it, vi } from "vitest";
import {
  fixtures,
  isUnknownWebhookEvent,
  signWebhookPayload,
  unwrapWebhookEvent,
  verifyWebhookSignature,
  WebhookVerificationError,
  type WebhookEventType,
  type WebhookVerificationErrorCode,
  WEBHOOK_EVENT_TYPES,
} from "../../generated/index.js";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const NOW = 1_719_168_000;
// The catalogue is data: events are picked from it, never named.
const [FIRST, SECOND = FIRST, THIRD = FIRST] = WEBHOOK_EVENT_TYPES as readonly [
  WebhookEventType,
  ...WebhookEventType[],
];
/** A type the catalogue does not hold. */
const NEWER = `${WEBHOOK_EVENT_TYPES.join("_")}.newer`;

/** The error code a promise rejects with, after checking it leaks no secret or signature. */
async function codeOf(promise: Promise<unknown>, leaks: string[] = []): Promise<WebhookVerificationErrorCode> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    const text = `${(error as Error).message} ${JSON.stringify(error)}`;
    for (const secret of [SECRET, SECRET.slice(6), ...leaks]) expect(text).not.toContain(secret);
    return (error as WebhookVerificationError).code;
  }
  throw new Error("expected a rejection");
}

/**
 * Counts the HMACs computed from now on (the package uses node:crypto where Node has it) and the
 * bytes they cover: bounded work is shown by counts, not by timing. Reading the count stops it.
 */
function countHmacs(): () => { hmacs: number; bytes: number } {
  const original = nodeCrypto.createHmac.bind(nodeCrypto);
  let hmacs = 0;
  let bytes = 0;
  const spy = vi.spyOn(nodeCrypto, "createHmac").mockImplementation(((algorithm: string, key: Uint8Array) => {
    hmacs++;
    const hmac = original(algorithm, key);
    const update = hmac.update.bind(hmac);
    hmac.update = ((data: string | Uint8Array) => {
      bytes += typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
      update(data);
      return hmac;
    }) as typeof hmac.update;
    return hmac;
  }) as typeof nodeCrypto.createHmac);
  return () => {
    spy.mockRestore();
    return { hmacs, bytes };
  };
}

async function signed(
  event: object = fixtures[FIRST],
  options: { timestamp?: number; id?: string; secret?: string } = {},
) {
  return signWebhookPayload(event, options.secret ?? SECRET, {
    timestamp: options.timestamp ?? NOW,
    id: options.id ?? "msg_1",
  });
}

describe("verifyWebhookSignature", () => {
  it("accepts the published Standard Webhooks test vector", async () => {
    const headers = {
      "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
      "webhook-timestamp": "1614265330",
      "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    };
    await expect(
      verifyWebhookSignature('{"test": 2432232314}', headers, SECRET, { now: 1614265330 }),
    ).resolves.toBeUndefined();
    expect(await codeOf(verifyWebhookSignature('{"test": 2432232315}', headers, SECRET, { now: 1614265330 }))).toBe(
      "no_matching_signature",
    );
  });

  it("takes the body as a string, bytes or an ArrayBuffer, and headers in every common form", async () => {
    const { body, headers } = await signed();
    const bytes = new TextEncoder().encode(body);
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    for (const payload of [body, bytes, bytes.buffer, Buffer.from(body)]) {
      for (const form of [
        headers,
        upper,
        new Headers(headers),
        Object.entries(headers),
        new Map(Object.entries(upper)),
      ]) {
        await expect(verifyWebhookSignature(payload, form, SECRET, { now: NOW })).resolves.toBeUndefined();
      }
    }
    // Node gives repeated headers as arrays.
    const nodeStyle = { ...headers, "webhook-signature": ["v1,AAAA", headers["webhook-signature"]!] };
    await expect(verifyWebhookSignature(body, nodeStyle, SECRET, { now: NOW })).resolves.toBeUndefined();
  });

  it("refuses a parsed object, saying how to get the raw body", async () => {
    const { headers } = await signed();
    const error = await verifyWebhookSignature(fixtures[FIRST] as never, headers, SECRET).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "payload_not_raw",
      message:
        "the body was already parsed (express.json() or another body parser ran before this route): the signature covers the exact bytes sent. " +
        "Mount express.raw({ type: 'application/json' }) on the webhook route, before any JSON parser, and pass req.body (the raw bytes); " +
        "with Fetch, pass `await request.text()`.",
    });
  });

  it("rejects a tampered body, id or timestamp", async () => {
    const { body, headers } = await signed();
    const code = (b: string, h: object) =>
      codeOf(verifyWebhookSignature(b, h as never, SECRET, { now: NOW }), [headers["webhook-signature"].slice(3)]);
    expect(await code(body.replace(/"id":"(.)/, '"id":"_$1'), headers)).toBe("no_matching_signature");
    expect(await code(`${body} `, headers)).toBe("no_matching_signature");
    expect(await code(body, { ...headers, "webhook-id": "msg_2" })).toBe("no_matching_signature");
    expect(await code(body, { ...headers, "webhook-timestamp": String(NOW + 1) })).toBe("no_matching_signature");
  });

  it("rejects a wrong secret, without saying the secret or the expected signature", async () => {
    const { body, headers } = await signed();
    const other = "whsec_" + Buffer.from("another secret of 32 bytes......").toString("base64");
    expect(
      await codeOf(verifyWebhookSignature(body, headers, other, { now: NOW }), [
        other,
        other.slice(6),
        headers["webhook-signature"],
      ]),
    ).toBe("no_matching_signature");
  });

  it("allows the timestamp exactly at the tolerance either way, and refuses it one second past", async () => {
    const { body, headers } = await signed();
    for (const now of [NOW - 300, NOW + 300])
      await expect(verifyWebhookSignature(body, headers, SECRET, { now })).resolves.toBeUndefined();
    expect(await codeOf(verifyWebhookSignature(body, headers, SECRET, { now: NOW + 301 }))).toBe("timestamp_too_old");
    expect(await codeOf(verifyWebhookSignature(body, headers, SECRET, { now: NOW - 301 }))).toBe("timestamp_too_new");
    await expect(
      verifyWebhookSignature(body, headers, SECRET, { now: NOW + 3600, toleranceSeconds: 3600 }),
    ).resolves.toBeUndefined();
    await expect(
      verifyWebhookSignature(body, headers, SECRET, { now: new Date((NOW + 10) * 1000) }),
    ).resolves.toBeUndefined();
  });

  it("accepts several signatures when one matches, and ignores versions it does not know", async () => {
    const { body, headers } = await signed();
    const signature = headers["webhook-signature"];
    const many = `v1,${"A".repeat(43)}= v1a,${signature.slice(3)} v2,xyz ${signature} v1,not-base64!`;
    await expect(
      verifyWebhookSignature(body, { ...headers, "webhook-signature": many }, SECRET, { now: NOW }),
    ).resolves.toBeUndefined();
    const onlyUnknown = `v1a,${signature.slice(3)} v2,${signature.slice(3)}`;
    expect(
      await codeOf(
        verifyWebhookSignature(body, { ...headers, "webhook-signature": onlyUnknown }, SECRET, { now: NOW }),
      ),
    ).toBe("no_matching_signature");
  });

  it("accepts a signature by any of several secrets (rotation)", async () => {
    const old = "whsec_" + Buffer.from("the old secret, 32 bytes long...").toString("base64");
    const { body, headers } = await signed(undefined, { secret: old });
    await expect(verifyWebhookSignature(body, headers, [SECRET, old], { now: NOW })).resolves.toBeUndefined();
    await expect(verifyWebhookSignature(body, headers, SECRET, { now: NOW, secrets: [old] })).resolves.toBeUndefined();
    expect(await codeOf(verifyWebhookSignature(body, headers, SECRET, { now: NOW }))).toBe("no_matching_signature");
  });

  it("uses a secret without whsec_ as its UTF-8 bytes, as the official SDKs do", async () => {
    const { body, headers } = await signed(undefined, { secret: "plain-text secret" });
    await expect(verifyWebhookSignature(body, headers, "plain-text secret", { now: NOW })).resolves.toBeUndefined();
  });

  it("reads the secret from OPENAI_WEBHOOK_SECRET when none is passed", async () => {
    const { body, headers } = await signed();
    const saved = process.env.OPENAI_WEBHOOK_SECRET;
    try {
      delete process.env.OPENAI_WEBHOOK_SECRET;
      expect(await codeOf(verifyWebhookSignature(body, headers, undefined, { now: NOW }))).toBe("missing_secret");
      process.env.OPENAI_WEBHOOK_SECRET = SECRET;
      await expect(verifyWebhookSignature(body, headers, undefined, { now: NOW })).resolves.toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.OPENAI_WEBHOOK_SECRET;
      else process.env.OPENAI_WEBHOOK_SECRET = saved;
    }
  });

  it("names what is malformed", async () => {
    const { body, headers } = await signed();
    const cases: [Record<string, unknown>, string | undefined, WebhookVerificationErrorCode][] = [
      [{ ...headers, "webhook-id": undefined }, SECRET, "missing_header"],
      [{ ...headers, "webhook-timestamp": undefined }, SECRET, "missing_header"],
      [{ ...headers, "webhook-signature": undefined }, SECRET, "missing_header"],
      [{ ...headers, "webhook-id": ["a", "b"] }, SECRET, "malformed_header"],
      [{ ...headers, "webhook-timestamp": "17e8" }, SECRET, "malformed_timestamp"],
      [{ ...headers, "webhook-timestamp": "-5" }, SECRET, "malformed_timestamp"],
      [{ ...headers, "webhook-timestamp": "9".repeat(400) }, SECRET, "malformed_timestamp"],
      [headers, "whsec_***", "malformed_secret"],
      [headers, "", "missing_secret"],
    ];
    for (const [h, secret, code] of cases)
      expect(await codeOf(verifyWebhookSignature(body, h as never, secret, { now: NOW })), JSON.stringify(h)).toBe(
        code,
      );
  });

  it("computes one HMAC of the body alone however many or large the signatures", async () => {
    const { body, headers } = await signed();
    const thousands = Array.from({ length: 5000 }, () => `v1,${Buffer.alloc(32, 7).toString("base64")}`).join(" ");
    const megabyte = "v1," + "A".repeat(2 ** 20);
    for (const signature of [thousands, megabyte]) {
      const hashed = countHmacs();
      expect(
        await codeOf(
          verifyWebhookSignature(body, { ...headers, "webhook-signature": signature }, SECRET, { now: NOW }),
        ),
      ).toBe("no_matching_signature");
      // Counted, not timed: one HMAC over the signed prefix and the body, whatever the header holds.
      expect(hashed()).toEqual({ hmacs: 1, bytes: Buffer.byteLength(`msg_1.${NOW}.`) + Buffer.byteLength(body) });
    }
  });
});

describe("interoperability with the standardwebhooks package", () => {
  it("verifies what it signs", async () => {
    const body = JSON.stringify(fixtures[SECOND]);
    const signature = new Webhook(SECRET).sign("msg_interop", new Date(NOW * 1000), body);
    const headers = { "webhook-id": "msg_interop", "webhook-timestamp": String(NOW), "webhook-signature": signature };
    await expect(verifyWebhookSignature(body, headers, SECRET, { now: NOW })).resolves.toBeUndefined();
  });

  it("signs what it verifies", async () => {
    const { body, headers } = await signWebhookPayload(fixtures[SECOND], SECRET);
    expect(new Webhook(SECRET).verify(body, headers)).toEqual(fixtures[SECOND]);
  });
});

describe("unwrapWebhookEvent", () => {
  it("returns the typed event of a signed request", async () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      const { body, headers } = await signed(fixtures[type]);
      const event = await unwrapWebhookEvent(body, headers, SECRET, { now: NOW });
      expect(isUnknownWebhookEvent(event)).toBe(false);
      expect(event).toEqual(fixtures[type]);
    }
  });

  it("works on a ready Request from the signer", async () => {
    const signedRequest = await signWebhookPayload(fixtures[THIRD], SECRET);
    const request = signedRequest.request();
    expect(request.method).toBe("POST");
    expect(await unwrapWebhookEvent(await request.text(), request.headers, SECRET)).toEqual(fixtures[THIRD]);
  });

  it("returns an event of an unknown type as unknown, or refuses it in strict mode", async () => {
    const newer = { ...fixtures[SECOND], type: NEWER };
    const { body, headers } = await signed(newer);
    const event = await unwrapWebhookEvent(body, headers, SECRET, { now: NOW });
    expect(isUnknownWebhookEvent(event) && event).toEqual({ unknown: true, type: NEWER, payload: newer });
    expect(await codeOf(unwrapWebhookEvent(body, headers, SECRET, { now: NOW, strict: true }))).toBe(
      "unknown_event_type",
    );
  });

  it("refuses a signed body that is not JSON, or not a known shape, with the issues", async () => {
    const text = await signWebhookPayload("{not json", SECRET, { timestamp: NOW, id: "msg_1" });
    expect(await codeOf(unwrapWebhookEvent(text.body, text.headers, SECRET, { now: NOW }))).toBe("body_not_json");
    const wrong = await signed({ ...fixtures[FIRST], data: "yesterday" });
    const error = (await unwrapWebhookEvent(wrong.body, wrong.headers, SECRET, { now: NOW }).catch(
      (e: unknown) => e,
    )) as WebhookVerificationError;
    expect(error.code).toBe("invalid_payload");
    expect(error.issues).toEqual([{ path: "data", message: "expected object, got string" }]);
  });

  it("verifies before it parses: a tampered body never reaches the parser", async () => {
    const { body, headers } = await signed();
    expect(await codeOf(unwrapWebhookEvent(body.replace("}", ', "x": 1}'), headers, SECRET, { now: NOW }))).toBe(
      "no_matching_signature",
    );
  });
});

describe("fuzzed requests", () => {
  const CODES = new Set([
    "missing_header",
    "malformed_header",
    "malformed_timestamp",
    "timestamp_too_old",
    "timestamp_too_new",
    "no_matching_signature",
    "body_not_json",
    "invalid_payload",
    "unknown_event_type",
  ]);
  const headerValue = fc.oneof(
    fc.string(),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.base64String(),
    fc
      .array(
        fc.base64String().map((b) => `v1,${b}`),
        { maxLength: 3000 },
      )
      .map((list) => list.join(" ")),
    fc.constantFrom(
      "",
      " ",
      "v1,",
      "v1,====",
      "9".repeat(40),
      "-1",
      "1e9",
      "NaN",
      String(NOW),
      "v1," + "A".repeat(2 ** 20),
    ),
  );

  it("fail only with WebhookVerificationError and a known code, with bounded work", async () => {
    const { body, headers } = await signed();
    let judged = 0;
    let verified = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { "webhook-id": headerValue, "webhook-timestamp": headerValue, "webhook-signature": headerValue },
          { requiredKeys: [] },
        ),
        fc.oneof(fc.constant(body), fc.string(), fc.uint8Array({ maxLength: 512 })),
        fc.boolean(),
        async (fuzzed, payload, keepSome) => {
          const request = keepSome ? { ...headers, ...fuzzed } : fuzzed;
          const hashed = countHmacs();
          try {
            await unwrapWebhookEvent(payload, request, SECRET, { now: NOW });
          } catch (error) {
            expect(error).toBeInstanceOf(WebhookVerificationError);
            expect(CODES.has((error as WebhookVerificationError).code), (error as Error).message).toBe(true);
          }
          // Bounded work, counted: at most one HMAC (one secret), over no more than the request holds.
          const { hmacs, bytes } = hashed();
          expect(hmacs).toBeLessThanOrEqual(1);
          const size = (v: unknown) => (typeof v === "string" ? Buffer.byteLength(v) : (v as Uint8Array).byteLength);
          expect(bytes).toBeLessThanOrEqual(
            size(payload) + Object.values(request).reduce((n, v) => n + size(v), 0) + 2,
          );
          judged++;
          if (hmacs === 1) verified++;
        },
      ),
      { seed: 20261124, numRuns: 300 },
    );
    // Every case reached the checks above; most fuzzed headers are refused before any HMAC (15
    // of 300 with this seed get that far), so a floor keeps the HMAC bound from going unexercised.
    expect(judged).toBe(300);
    expect(verified).toBeGreaterThanOrEqual(10);
  });
});
