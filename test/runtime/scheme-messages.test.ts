import { describe, expect, it } from "vitest";
import type { Scheme } from "../../generator/runtime/schemes.js";
import { createSigner } from "../../generator/runtime/testing.js";
import { createVerifier } from "../../generator/runtime/verify.js";

// Each scheme's errors name that scheme's own headers: a Stripe-style t=,v1= signature whose time
// is off talks about its header's t=, a Svix delivery about svix-timestamp; never another
// scheme's webhook-timestamp.
const NOW = 1_700_000_000;
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const parse = (value: unknown) => ({ ok: true as const, event: value });

async function messagesOf(
  scheme: Scheme,
  rename: (headers: Record<string, string>) => Record<string, string> = (h) => h,
) {
  const verifier = createVerifier({ scheme, secretEnv: "S", toleranceSeconds: 300 }, parse);
  const sign = createSigner(scheme);
  const failure = async (timestamp: number, edit = (h: Record<string, string>) => h) => {
    const signed = await sign({ a: 1 }, SECRET, { timestamp, id: "msg_1" });
    const error = await verifier
      .verifyWebhookSignature(signed.body, edit(rename(signed.headers)), SECRET, { now: NOW })
      .then(
        () => undefined,
        (e: Error & { code: string }) => `${e.code}: ${e.message}`,
      );
    return error;
  };
  return {
    old: await failure(NOW - 3600),
    future: await failure(NOW + 3600),
    malformed: await failure(NOW, (h) =>
      Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v.replace(String(NOW), "17e8")])),
    ),
  };
}

describe("the timestamp errors of each scheme name its own headers", () => {
  it("timestamped-hmac-sha256: the t= of its header (Stripe-Signature)", async () => {
    const messages = await messagesOf({ name: "timestamped-hmac-sha256", header: "Stripe-Signature" });
    expect(messages.old).toMatch(/^timestamp_too_old: the t= of Stripe-Signature is 3600 s old/);
    expect(messages.future).toMatch(/^timestamp_too_new: the t= of Stripe-Signature is 3600 s in the future/);
    expect(messages.malformed).toMatch(/^malformed_timestamp: the t= of Stripe-Signature must be whole Unix seconds/);
    for (const message of Object.values(messages)) expect(message).not.toMatch(/webhook-|svix-/);
  });

  it("standard-webhooks under the webhook-* names: webhook-timestamp", async () => {
    const messages = await messagesOf({ name: "standard-webhooks" });
    expect(messages.old).toMatch(/^timestamp_too_old: webhook-timestamp is 3600 s old/);
    expect(messages.future).toMatch(/^timestamp_too_new: webhook-timestamp is 3600 s in the future/);
    expect(messages.malformed).toMatch(/^malformed_timestamp: webhook-timestamp must be whole Unix seconds/);
  });

  it("standard-webhooks under the svix-* names Svix delivers: svix-timestamp", async () => {
    const svix = (headers: Record<string, string>) =>
      Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.replace(/^webhook-/, "svix-"), v]));
    const messages = await messagesOf({ name: "standard-webhooks" }, svix);
    expect(messages.old).toMatch(/^timestamp_too_old: svix-timestamp is 3600 s old/);
    expect(messages.future).toMatch(/^timestamp_too_new: svix-timestamp is 3600 s in the future/);
    expect(messages.malformed).toMatch(/^malformed_timestamp: svix-timestamp must be whole Unix seconds/);
    for (const message of Object.values(messages)) expect(message).not.toMatch(/webhook-/);
  });

  it("hmac-sha256 signs no time: its errors name its header", async () => {
    const scheme: Scheme = { name: "hmac-sha256", header: "X-Hub-Signature-256", prefix: "sha256=" };
    const verifier = createVerifier({ scheme, secretEnv: "S", toleranceSeconds: 300 }, parse);
    const message = await verifier.verifyWebhookSignature("{}", {}, SECRET).catch((e: Error) => e.message);
    expect(message).toMatch(/X-Hub-Signature-256/);
  });
});
