import { resolve } from "node:path";
import { createContext, runInContext } from "node:vm";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { fixtures, WEBHOOK_EVENT_TYPES } from "../../generated/index.js";

const EVENT = fixtures[WEBHOOK_EVENT_TYPES[0]!];

// The package as an edge runtime sees it: WebCrypto and the encoding globals, and no `process`,
// `Buffer` or `require`. Bundled with esbuild and run in a fresh V8 context.
async function loadWithoutNode(): Promise<Record<string, any>> {
  const bundle = await build({
    entryPoints: [resolve("generated/index.ts")],
    bundle: true,
    format: "iife",
    globalName: "pkg",
    platform: "neutral",
    write: false,
    logLevel: "silent",
  });
  const context = createContext({ crypto: globalThis.crypto, TextEncoder, TextDecoder, atob, btoa });
  runInContext(bundle.outputFiles[0]!.text, context);
  expect(runInContext("typeof process + typeof Buffer + typeof require", context)).toBe("undefinedundefinedundefined");
  return context.pkg;
}

describe("verification where only WebCrypto exists", () => {
  it("signs, verifies and unwraps, and interoperates with the Node path", async () => {
    const pkg = await loadWithoutNode();
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const signed = await pkg.signWebhookPayload(EVENT, secret, {
      id: "msg_1",
      timestamp: 1_719_168_000,
    });
    const event = await pkg.unwrapWebhookEvent(signed.body, signed.headers, secret, { now: 1_719_168_000 });
    expect(JSON.parse(JSON.stringify(event))).toEqual(EVENT);

    // The published test vector, through WebCrypto.
    const headers = {
      "webhook-id": "msg_p5jXN8AQM9LWM0D4loKWxJek",
      "webhook-timestamp": "1614265330",
      "webhook-signature": "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    };
    await pkg.verifyWebhookSignature('{"test": 2432232314}', headers, secret, { now: 1614265330 });
    const error = await pkg
      .verifyWebhookSignature('{"test": 1}', headers, secret, { now: 1614265330 })
      .catch((e: unknown) => e);
    expect(error.code).toBe("no_matching_signature");

    // Same signature from the Node path.
    const { signWebhookPayload } = await import("../../generated/index.js");
    const fromNode = await signWebhookPayload(EVENT, secret, {
      id: "msg_1",
      timestamp: 1_719_168_000,
    });
    expect(fromNode.headers["webhook-signature"]).toBe(signed.headers["webhook-signature"]);
  });
});
