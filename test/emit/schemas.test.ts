import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { eventSchemaFile, UNION_INLINE_LIMIT, unionSchema } from "../../generator/emit/schemas.js";
import type { CatalogueModel } from "../../generator/model.js";
import { buildPackage, openaiPackage } from "../helpers.js";

// The exported schemas, tested on the frozen OpenAI catalogue.
const openai = await openaiPackage();
const { pkg, dir } = openai;
const { fixtures, isWebhookEvent, WebhookEventSchema } = pkg;
const WEBHOOK_EVENT_TYPES = pkg.WEBHOOK_EVENT_TYPES as readonly string[];

// The exported JSON Schemas describe exactly what the guards check: ajv (draft 2020-12) and the
// guards agree on the fixtures and on targeted changes to them.
const ajv = new Ajv2020({
  strict: true,
  allowUnionTypes: true,
  discriminator: true,
  strictNumbers: true,
  ownProperties: true,
});
const union = ajv.compile(JSON.parse(readFileSync(join(dir, "schemas/webhook-event.json"), "utf8")));
const perEvent = new Map(
  WEBHOOK_EVENT_TYPES.map((type) => [
    type,
    new Ajv2020({ strict: true, allowUnionTypes: true }).compile(
      JSON.parse(readFileSync(join(dir, `schemas/${type}.json`), "utf8")),
    ),
  ]),
);

const changes: [string, (e: any) => void][] = [
  ["as written", () => {}],
  ["with an extra field", (e) => (e.extra = { a: 1 })],
  ["without data", (e) => delete e.data],
  ["with a string created_at", (e) => (e.created_at = "1")],
  ["with a fractional created_at", (e) => (e.created_at = 1.5)],
  ["with another object", (e) => (e.object = "thing")],
  ["with an unknown type", (e) => (e.type = "thing.happened")],
  ["with an empty data", (e) => (e.data = {})],
  ["with data an array", (e) => (e.data = [])],
  ["with a numeric header value", (e) => e.data.sip_headers && (e.data.sip_headers[0].value = 63)],
];

describe("schemas/", () => {
  it("has one schema per event and one for the union, each with an $id, a title and descriptions", () => {
    expect(readdirSync(join(dir, "schemas")).sort()).toEqual(
      [...WEBHOOK_EVENT_TYPES.map((t) => `${t}.json`), "webhook-event.json"].sort(),
    );
    const schema = JSON.parse(readFileSync(join(dir, "schemas/response.completed.json"), "utf8"));
    expect(schema).toMatchObject({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "urn:webhook-event-codegen:openai-webhook-events:response.completed",
      title: "ResponseCompletedWebhookEvent",
      description: "Sent when a background response has been completed.",
      required: ["id", "created_at", "type", "data"],
    });
  });

  it.each(WEBHOOK_EVENT_TYPES)("agrees with the guards on %s and changes to it", (type) => {
    for (const [name, change] of changes) {
      const event = structuredClone(fixtures[type]) as any;
      change(event);
      const guard = (pkg as unknown as Record<string, (v: unknown) => boolean>)[
        `is${type
          .split(/[._]/)
          .map((w) => w[0]!.toUpperCase() + w.slice(1))
          .join("")}WebhookEvent`
      ]!;
      expect(perEvent.get(type)!(event), name).toBe(guard(event));
      expect(union(event), name).toBe(isWebhookEvent(event));
    }
  });
});

describe("the union schema", () => {
  const all = (model: CatalogueModel) => {
    const checker = new Ajv2020({ strict: true, allowUnionTypes: true, discriminator: true });
    for (const file of model.events.flatMap((event) => eventSchemaFile(model, event)))
      checker.addSchema(JSON.parse(file.contents));
    return checker;
  };

  it("past its size limit, refers to each event's own file by $id, and means the same", () => {
    const { model } = openai;
    const byReference = unionSchema(model, 0);
    expect(byReference.$defs).toBeUndefined();
    expect(byReference.oneOf).toEqual(
      model.events.map((e) => ({ $ref: `urn:webhook-event-codegen:${model.package.name}:${e.name}` })),
    );
    const validate = all(model).compile(byReference);
    for (const type of WEBHOOK_EVENT_TYPES)
      for (const [name, change] of changes) {
        const event = structuredClone(fixtures[type]) as any;
        change(event);
        expect(validate(event), `${type} ${name}`).toBe(isWebhookEvent(event));
      }
  });

  it("tells header-named events apart by name and action, without a type field", async () => {
    const spec = "test/corpus/accepted/header-named.yaml";
    const header = await buildPackage(readFileSync(spec, "utf8"), spec);
    for (const limit of [UNION_INLINE_LIMIT, 0]) {
      const schema = unionSchema(header.model, limit);
      expect(schema).not.toHaveProperty("discriminator");
      const validate = all(header.model).compile(schema);
      for (const [type, event] of Object.entries(header.pkg.fixtures as Record<string, any>)) {
        expect(validate(event), type).toBe(true);
        const other = { ...event, payload: { ...event.payload, action: "renamed" } };
        expect(validate(other), `${type} renamed`).toBe(header.pkg.isWebhookEvent(other));
      }
    }
  });
});

describe("Standard Schema", () => {
  it("validates to the value, or to issues with paths as key lists", () => {
    const valid = WebhookEventSchema["~standard"].validate(fixtures["realtime.call.incoming"]);
    expect(valid).toEqual({ value: fixtures["realtime.call.incoming"] });
    const event = structuredClone(fixtures["realtime.call.incoming"]) as any;
    event.data.sip_headers[1].value = 63;
    expect(pkg.RealtimeCallIncomingWebhookEventSchema["~standard"].validate(event)).toEqual({
      issues: [{ message: "expected string, got number", path: ["data", "sip_headers", 1, "value"] }],
    });
    expect(WebhookEventSchema["~standard"]).toMatchObject({ version: 1, vendor: "webhook-event-codegen" });
  });
});
