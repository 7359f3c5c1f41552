import { describe, expect, it } from "vitest";
import { syntheticOpenApi, syntheticSpec } from "../../bench/synthetic.js";
import { readOpenApi } from "../../generator/upstream/openapi.js";
import { scratchDir } from "../helpers.js";
import { parseTolerantJson, readReferencePage } from "../../generator/upstream/page.js";

describe("readReferencePage", () => {
  const page = readReferencePage("test/fixtures/openai/upstream/openai-webhook-events.txt");

  it("reads all 15 events with their descriptions, fields and examples", () => {
    expect(page.events.map((e) => e.name)).toHaveLength(15);
    const event = page.events.find((e) => e.name === "fine_tuning.job.succeeded")!;
    expect(event).toMatchObject({ description: "Sent when a fine-tuning job has succeeded.", line: 318 });
    expect(event.fields.get("created_at")).toEqual({
      type: "integer",
      description: "The Unix timestamp (in seconds) of when the fine-tuning job succeeded.",
      line: 321,
    });
    expect([...event.fields.keys()]).toEqual(["created_at", "data", "id", "object", "type", "data.id"]);
    expect(event.example).toEqual({
      id: "evt_abc123",
      type: "fine_tuning.job.succeeded",
      created_at: 1719168000,
      data: { id: "ftjob_abc123" },
    });
  });

  it("reads the example with a trailing comma, and says so", () => {
    const event = page.events.find((e) => e.name === "realtime.call.incoming")!;
    expect((event.example as { data: { sip_headers: unknown[] } }).data.sip_headers).toHaveLength(3);
    expect(page.notes).toEqual([
      "realtime.call.incoming: the example (test/fixtures/openai/upstream/openai-webhook-events.txt:583) is not valid JSON: it has a trailing comma; read without it",
    ]);
    expect([...event.fields.keys()].filter((k) => k.startsWith("data."))).toEqual([
      "data.call_id",
      "data.sip_headers",
      "data.sip_headers[].name",
      "data.sip_headers[].value",
    ]);
  });

  it("leaves out an example that is not JSON at all, and says so", () => {
    expect(parseTolerantJson("{ nope")).toMatchObject({ ok: false, note: expect.stringMatching(/^is not JSON/) });
  });
});

describe("readOpenApi", () => {
  it("reads the webhooks of the OpenAI description, names from type enums, shapes through $refs", () => {
    const doc = readOpenApi("test/fixtures/openai/upstream/openai-openapi-webhooks.yaml");
    expect(doc.events.map((e) => e.name)).toContain("live.call.incoming");
    expect(doc.events).toHaveLength(16);
    const event = doc.events.find((e) => e.name === "realtime.call.incoming")!;
    expect(event.fields.get("data.sip_headers[].value")).toMatchObject({
      type: "string",
      required: true,
      description: "Value of the SIP Header.",
    });
    expect(event.fields.get("object")).toMatchObject({ type: "string", required: false });
    expect(event.body?.properties?.data).toMatchObject({ type: "object", required: ["call_id", "sip_headers"] });
  });

  it("reads any OpenAPI 3.1 document with a webhooks section", async () => {
    const { writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const file = join(scratchDir("wec-openapi-"), "openapi.yaml");
    writeFileSync(file, syntheticOpenApi(12));
    const doc = readOpenApi(file);
    expect(doc.events).toHaveLength(12);
    // The same catalogue written as a spec says which fields each event's data has, and which are required.
    const { parse } = await import("yaml");
    const spec = parse(syntheticSpec(12)) as {
      events: { name: string; data: { properties: Record<string, unknown>; required?: string[] } }[];
    };
    let compared = 0;
    for (const event of spec.events) {
      const read = doc.events.find((e) => e.name === event.name)!;
      for (const name of Object.keys(event.data.properties)) {
        expect(read.fields.get(`data.${name}`), `${event.name} data.${name}`).toMatchObject({
          required: (event.data.required ?? []).includes(name),
        });
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(12);
  });

  it("reports references outside the document by pointer, as not compared", async () => {
    const { writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const file = join(scratchDir("wec-openapi-"), "openapi.yaml");
    writeFileSync(
      file,
      "openapi: 3.1.0\nwebhooks:\n  a:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: { $ref: 'https://example.com/x.json' }\n",
    );
    expect(readOpenApi(file).notes).toContain(
      `not compared: ${file}#/webhooks/a/post/requestBody/content/application~1json/schema/$ref https://example.com/x.json is not a component schema of this document; only local references are read`,
    );
  });
});
