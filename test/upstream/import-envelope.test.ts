import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadSpec } from "../../generator/load.js";
import { checkUpstreams } from "../../generator/upstream/check.js";
import { importOpenApi } from "../../generator/upstream/import.js";
import { validateSpec } from "../../generator/validate.js";
import { tempDir } from "../helpers.js";

// The usual envelope pattern: each event's body is allOf of a shared envelope and the event's own
// part, which narrows fields the envelope declares. A narrowing is a merge; only a contradiction
// is refused, where it is, naming what it contradicts.

/** A document whose one event body is `allOf: [Envelope, own]`; `own` and the envelope's fields as flow YAML. */
const document = (own: string, envelope = "type: { type: string }, created: { type: number }") => `openapi: 3.1.0
info: { title: Pay, version: "1" }
webhooks:
  paymentSucceeded:
    post:
      description: A payment succeeded.
      requestBody:
        content:
          application/json:
            schema:
              allOf:
                - $ref: "#/components/schemas/Envelope"
                - ${own}
            example: { id: evt_1, created: 1, type: payment.succeeded, data: { id: pay_1, amount: 5 } }
components:
  schemas:
    Envelope:
      type: object
      required: [id, type, created]
      properties: { id: { type: string, description: The event's ID. }, ${envelope} }
    Payment:
      type: object
      required: [id, amount]
      properties: { id: { type: string }, amount: { type: integer } }
`;
const DATA = 'data: { $ref: "#/components/schemas/Payment" }';
const OWN_PART = "/webhooks/paymentSucceeded/post/requestBody/content/application~1json/schema/allOf/1";

function imported(text: string) {
  const result = importOpenApi(text, "pay.yaml");
  const events = result.spec.events as { name: string; data: Record<string, unknown> }[];
  return { ...result, events };
}

describe("a body written allOf: [Envelope, the event's part]", () => {
  it.each([
    ["const", "type: { const: payment.succeeded }"],
    ["enum", "type: { type: string, enum: [payment.succeeded] }"],
    ["const beside type: string", "type: { type: string, const: payment.succeeded }"],
  ])("reads a part that narrows the envelope's type to a %s as one event", (_form, narrowed) => {
    const { events, losses, spec } = imported(
      document(`{ type: object, required: [data], properties: { ${narrowed}, ${DATA} } }`),
    );
    expect(losses).toEqual([]);
    expect(events.map((e) => e.name)).toEqual(["payment.succeeded"]);
    expect(events[0]!.data).toMatchObject({ $ref: "#/$defs/Payment" });
    expect(Object.keys((spec.envelope as { properties: object }).properties)).toEqual(["id", "created"]);
    expect(() => validateSpec(loadSpec("pay.yaml", stringify(spec)))).not.toThrow();
  });

  it("reads a tighter shape the envelope admits as the merge of both (number narrowed to a non-negative integer)", () => {
    const { losses, spec } = imported(
      document(
        `{ required: [data], properties: { type: { const: payment.succeeded }, created: { type: integer, minimum: 0, description: When it was paid. }, ${DATA} } }`,
      ),
    );
    expect(losses).toEqual([]);
    expect((spec.envelope as { properties: Record<string, unknown> }).properties.created).toEqual({
      type: "integer",
      minimum: 0,
      description: "When it was paid.",
    });
  });

  it("reads a data shape narrowed by the event's part (envelope: any object; part: its fields)", () => {
    const { events, losses } = imported(
      document(
        "{ properties: { type: { const: payment.succeeded }, data: { type: object, required: [id, amount], properties: { id: { type: string }, amount: { type: integer } } } } }",
        "type: { type: string }, created: { type: number }, data: { type: object, description: The payload. }",
      ),
    );
    expect(losses).toEqual([]);
    expect(events[0]!.data).toMatchObject({ type: "object", description: "The payload.", required: ["id", "amount"] });
  });

  it("agrees with docs:check: no difference between the imported spec and its document", () => {
    const dir = tempDir();
    const text = document(`{ required: [data], properties: { type: { const: payment.succeeded }, ${DATA} } }`);
    writeFileSync(join(dir, "pay.yaml"), text);
    const { spec, losses } = importOpenApi(text, "pay.yaml");
    expect(losses).toEqual([]);
    writeFileSync(join(dir, "events.yaml"), stringify(spec, { lineWidth: 0 }));
    expect(checkUpstreams(join(dir, "events.yaml")).results[0]!.differences).toEqual([]);
  });

  it.each([
    [
      "a constant of another type",
      "type: { const: 5 }",
      `${OWN_PART}/properties/type/const`,
      '5, but /components/schemas/Envelope/properties/type allows type: "string"',
    ],
    [
      "a type with no value in common",
      "type: { type: integer }",
      `${OWN_PART}/properties/type/type`,
      "is integer, but /components/schemas/Envelope/properties/type says string",
    ],
    [
      "bounds that cross",
      "type: { const: payment.succeeded }, created: { type: number, maximum: -1 }",
      `${OWN_PART}/properties/created/maximum`,
      "is at most -1, but /components/schemas/Envelope/properties/created says at least 0",
    ],
  ])("refuses %s, at its pointer, naming what it contradicts; other events still come in", (_f, own, pointer, what) => {
    const text = document(
      `{ required: [data], properties: { ${own}, ${DATA} } }`,
      "type: { type: string }, created: { type: number, minimum: 0 }",
    ).replace(
      "components:",
      `  other:
    post:
      requestBody:
        content:
          application/json:
            schema:
              allOf:
                - $ref: "#/components/schemas/Envelope"
                - { required: [data], properties: { type: { const: payment.failed }, ${DATA} } }
            example: { id: evt_2, created: 1, type: payment.failed, data: { id: pay_2, amount: 5 } }
components:`,
    );
    const { events, losses } = imported(text);
    expect(losses).toEqual([{ pointer, reason: expect.stringContaining(what) }]);
    expect(losses[0]!.reason).toMatch(/no value can match both.*\/webhooks\/paymentSucceeded is left out/);
    expect(events.map((e) => e.name)).toEqual(["payment.failed"]);
  });
});
