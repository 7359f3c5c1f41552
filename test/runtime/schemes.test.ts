import { sign as githubSign, verify as githubVerify } from "@octokit/webhooks-methods";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { buildPackage, edit, MINIMAL_SPEC, problemsOf } from "../helpers.js";

// The one-header signing schemes, held to the official verifiers of services that use them
// (GitHub's @octokit/webhooks-methods, Stripe's SDK) both ways, to a published test vector, and
// to tampering; each fails closed with the verifier's error codes.
const withSigning = (signing: string) => edit("envelope:\n", `signing:\n${signing}envelope:\n`, MINIMAL_SPEC);
const GITHUB = withSigning(
  "  scheme: hmac-sha256\n  secret_env: GITHUB_WEBHOOK_SECRET\n  header: X-Hub-Signature-256\n  prefix: sha256=\n",
);
const STRIPE = withSigning(
  "  scheme: timestamped-hmac-sha256\n  secret_env: STRIPE_WEBHOOK_SECRET\n  header: Stripe-Signature\n  tolerance_seconds: 300\n",
);
const event = { id: "evt_1", type: "thing.created", created_at: 1, data: { id: "thing_1" } };
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "accepted",
    (e: { code: string }) => e.code,
  );

describe("hmac-sha256 (GitHub's X-Hub-Signature-256)", () => {
  const built = buildPackage(GITHUB, "github.yaml");

  it("matches GitHub's published example", async () => {
    const { pkg } = await built;
    const secret = "It's a Secret to Everybody";
    const signed = await pkg.signWebhookPayload("Hello, World!", secret);
    expect(signed.headers).toEqual({
      "X-Hub-Signature-256": "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    });
    await expect(pkg.verifyWebhookSignature("Hello, World!", signed.headers, secret)).resolves.toBeUndefined();
  });

  it("accepts what GitHub's library signs, and signs what it verifies", async () => {
    const { pkg } = await built;
    const body = JSON.stringify(event);
    const theirs = await githubSign("s3cret", body);
    await expect(pkg.unwrapWebhookEvent(body, { "x-hub-signature-256": theirs }, "s3cret")).resolves.toEqual(event);
    const ours = await pkg.signWebhookPayload(event, "s3cret");
    expect(await githubVerify("s3cret", ours.body, ours.headers["X-Hub-Signature-256"])).toBe(true);
  });

  it("refuses a tampered body, another secret, a missing or malformed header", async () => {
    const { pkg } = await built;
    const { body, headers } = await pkg.signWebhookPayload(event, "s3cret");
    expect(await codeOf(pkg.verifyWebhookSignature(`${body} `, headers, "s3cret"))).toBe("no_matching_signature");
    expect(await codeOf(pkg.verifyWebhookSignature(body, headers, "other"))).toBe("no_matching_signature");
    expect(await codeOf(pkg.verifyWebhookSignature(body, {}, "s3cret"))).toBe("missing_header");
    expect(await codeOf(pkg.verifyWebhookSignature(body, { "X-Hub-Signature-256": "sha1=abc" }, "s3cret"))).toBe(
      "no_matching_signature",
    );
  });
});

describe("timestamped-hmac-sha256 (Stripe-Signature: t=…,v1=…)", () => {
  const built = buildPackage(STRIPE, "stripe.yaml");
  const stripe = new Stripe("sk_test_unused");
  const secret = "whsec_test_secret";

  it("accepts what Stripe's SDK signs, and signs what it verifies", async () => {
    const { pkg } = await built;
    const body = JSON.stringify(event);
    const header = stripe.webhooks.generateTestHeaderString({ payload: body, secret });
    await expect(pkg.unwrapWebhookEvent(body, { "stripe-signature": header }, secret)).resolves.toEqual(event);
    const ours = await pkg.signWebhookPayload(event, secret);
    expect(stripe.webhooks.constructEvent(ours.body, ours.headers["Stripe-Signature"], secret)).toEqual(event);
  });

  it("accepts any of several v1 signatures, and refuses old, tampered or malformed ones", async () => {
    const { pkg } = await built;
    const now = Math.floor(Date.now() / 1000);
    const { body, headers } = await pkg.signWebhookPayload(event, secret, { timestamp: now });
    const [t, v1] = headers["Stripe-Signature"].split(",");
    const several = { "Stripe-Signature": `${t},v1=${"0".repeat(64)},${v1}` };
    await expect(pkg.verifyWebhookSignature(body, several, secret)).resolves.toBeUndefined();
    const old = await pkg.signWebhookPayload(event, secret, { timestamp: now - 3600 });
    expect(await codeOf(pkg.verifyWebhookSignature(old.body, old.headers, secret))).toBe("timestamp_too_old");
    expect(await codeOf(pkg.verifyWebhookSignature(`${body} `, headers, secret))).toBe("no_matching_signature");
    expect(await codeOf(pkg.verifyWebhookSignature(body, { "Stripe-Signature": v1! }, secret))).toBe(
      "malformed_header",
    );
    expect(await codeOf(pkg.verifyWebhookSignature(body, headers, secret, { toleranceSeconds: Number.NaN }))).toBe(
      "invalid_options",
    );
  });
});

describe("the signing section of a spec", () => {
  it("needs a header for the one-header schemes, and refuses fields a scheme has no use for", () => {
    expect(problemsOf(withSigning("  scheme: hmac-sha256\n  secret_env: S\n"))).toEqual([
      "spec/events.yaml:3:3 signing uses hmac-sha256, which needs header: the name of the header that holds the signature",
    ]);
    expect(
      problemsOf(withSigning("  scheme: hmac-sha256\n  secret_env: S\n  header: X-Sig\n  tolerance_seconds: 60\n")),
    ).toEqual([
      "spec/events.yaml:6:3 signing.tolerance_seconds has nothing to check: hmac-sha256 signs no time (requests can be replayed; say so to the sender's owners)",
    ]);
    expect(problemsOf(withSigning("  scheme: standard-webhooks\n  secret_env: S\n  prefix: v1=\n"))).toEqual([
      "spec/events.yaml:5:3 signing.prefix applies to hmac-sha256 only; standard-webhooks has its own format",
    ]);
  });
});
