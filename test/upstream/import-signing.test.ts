import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadSpec } from "../../generator/load.js";
import { importOpenApi } from "../../generator/upstream/import.js";
import { validateSpec } from "../../generator/validate.js";

// Import finds the signing scheme from the headers the document declares, for each scheme the
// package supports, or says in one line what to add and where. The secret is named after the sender,
// as the document's title says it.

/** A body-named document whose one webhook declares the given header parameters (flow YAML, one per line). */
const documentWith = (headers: string[], title = "Acme Pay", where: "operation" | "path" = "operation") => {
  const list = headers.map((h) => `        - ${h}\n`).join("");
  const parameters = list === "" ? "" : `      parameters:\n${list}`;
  return `openapi: 3.1.0
info: { title: ${title}, version: "1" }
webhooks:
  paid:
${where === "path" ? parameters.replace(/^ {2}/gm, "") : ""}    post:
${where === "operation" ? parameters : ""}      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [type, data]
              properties:
                type: { const: payment.succeeded }
                data: { type: object, properties: { id: { type: string } } }
            example: { type: payment.succeeded, data: { id: pay_1 } }
`;
};
const header = (name: string, extra = "") => `{ name: ${name}, in: header, schema: { type: string${extra} } }`;

function imported(text: string) {
  const result = importOpenApi(text, "acme.yaml");
  // The spec it writes is one the generator accepts, signing included.
  expect(() => validateSpec(loadSpec("acme.yaml", stringify(result.spec, { lineWidth: 0 })))).not.toThrow();
  return { ...result, signing: result.spec.signing };
}

describe("import finds the signing scheme from the declared headers", () => {
  it("webhook-id, webhook-timestamp, webhook-signature: standard-webhooks", () => {
    const { signing, notes } = imported(
      documentWith([header("webhook-id"), header("webhook-timestamp"), header("webhook-signature")]),
    );
    expect(signing).toEqual({ scheme: "standard-webhooks", secret_env: "ACME_PAY_WEBHOOK_SECRET" });
    expect(notes.join("\n")).not.toMatch(/signing/);
  });

  it("svix-id, svix-timestamp, svix-signature (declared on the path item): standard-webhooks", () => {
    const { signing } = imported(
      documentWith([header("svix-id"), header("svix-timestamp"), header("svix-signature")], "Acme Pay", "path"),
    );
    expect(signing).toEqual({ scheme: "standard-webhooks", secret_env: "ACME_PAY_WEBHOOK_SECRET" });
  });

  it("a hex HMAC header with a prefix in its example (X-Hub-Signature-256: sha256=…): hmac-sha256", () => {
    const { signing } = imported(
      documentWith([
        `{ name: X-Hub-Signature-256, in: header, example: "sha256=${"a1".repeat(32)}", schema: { type: string } }`,
      ]),
    );
    expect(signing).toEqual({
      scheme: "hmac-sha256",
      secret_env: "ACME_PAY_WEBHOOK_SECRET",
      header: "X-Hub-Signature-256",
      prefix: "sha256=",
    });
  });

  it("a hex HMAC header shown by its schema's pattern, without a prefix: hmac-sha256", () => {
    const { signing } = imported(documentWith([header("X-Acme-Signature", ', pattern: "^[a-f0-9]{64}$"')]));
    expect(signing).toEqual({
      scheme: "hmac-sha256",
      secret_env: "ACME_PAY_WEBHOOK_SECRET",
      header: "X-Acme-Signature",
      prefix: "",
    });
  });

  it("a t=…,v1=… header (Stripe-Signature): timestamped-hmac-sha256", () => {
    const { signing } = imported(
      documentWith([
        `{ name: Stripe-Signature, in: header, example: "t=1492774577,v1=${"5257a869".repeat(8)}", schema: { type: string } }`,
      ]),
    );
    expect(signing).toEqual({
      scheme: "timestamped-hmac-sha256",
      secret_env: "ACME_PAY_WEBHOOK_SECRET",
      header: "Stripe-Signature",
    });
  });

  it("a t=…,v1=… header described in words: timestamped-hmac-sha256", () => {
    const { signing } = imported(
      documentWith([
        "{ name: X-Acme-Signature, in: header, description: 'Signature, as t=<unix time>,v1=<hex HMAC-SHA256 of t.body>', schema: { type: string } }",
      ]),
    );
    expect(signing).toMatchObject({ scheme: "timestamped-hmac-sha256", header: "X-Acme-Signature" });
  });
});

describe("where no scheme is found, import says in one line what to add and where", () => {
  it("no signature header at all", () => {
    const { signing, notes } = imported(documentWith([]));
    expect(signing).toBeUndefined();
    const said = notes.filter((n) => /signing/.test(n));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^signing: .*declares no signature header.*add signing: \{ scheme: .*\} to the spec/);
    expect(said[0]).not.toMatch(/\n/);
  });

  it("a signature header of a form no scheme has: named, with its pointer", () => {
    const { signing, notes } = imported(documentWith([header("X-Acme-Signature", ', pattern: "^v9:[A-Z]+$"')]));
    expect(signing).toBeUndefined();
    const said = notes.filter((n) => /signing/.test(n));
    expect(said).toEqual([
      expect.stringMatching(
        /^signing: X-Acme-Signature \(\/webhooks\/paid\/post\/parameters\/0\) .*add signing: \{ scheme: .*header: X-Acme-Signature \} to the spec/,
      ),
    ]);
  });
});
