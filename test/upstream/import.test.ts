import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadSpec } from "../../generator/load.js";
import { buildModel } from "../../generator/model.js";
import { packageFiles } from "../../generator/pipeline.js";
import { checkUpstreams } from "../../generator/upstream/check.js";
import { importOpenApi } from "../../generator/upstream/import.js";
import { validateSpec } from "../../generator/validate.js";
import { OPENAI_SPEC, tempDir, typecheck, writeTree } from "../helpers.js";

// Starting from a published document: npm run import writes a valid spec, or lists what it cannot
// carry (by JSON pointer) and writes nothing unless --allow-loss.
const TSX = ["--import", resolve("node_modules/tsx/dist/loader.mjs")];
const OPENAPI = resolve("test/fixtures/openai/upstream/openai-openapi-webhooks.yaml");
const importer = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [...TSX, resolve("scripts/import.ts"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe("npm run import", () => {
  it("writes a spec from the OpenAI document whose event types match the catalogue's, both ways", async () => {
    const dir = tempDir();
    const result = importer(dir, OPENAPI, "--spec", "events.yaml");
    expect(result.err).toBe("");
    expect(result.out).toMatch(/Wrote events\.yaml: 16 events\./);
    // The next step names a folder of its own: never the generated/ that holds another catalogue.
    expect(result.out).toContain("Next: npm run generate -- --spec events.yaml --out events-package");
    const imported = buildModel(validateSpec(loadSpec(join(dir, "events.yaml"))), "x");
    const ours = buildModel(validateSpec(loadSpec(OPENAI_SPEC)), "x");
    writeTree(join(dir, "imported"), packageFiles(imported));
    writeTree(join(dir, "ours"), packageFiles(ours));
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
    const lines = ours.events.flatMap((e, i) => [
      `import type { ${e.typeName} as A${i} } from "./ours/index.js";`,
      `import type { ${e.typeName} as B${i} } from "./imported/index.js";`,
      `export const ab${i}: A${i} = null as unknown as B${i};`,
      `export const ba${i}: B${i} = null as unknown as A${i};`,
    ]);
    writeFileSync(join(dir, "same.ts"), lines.join("\n"));
    expect(await typecheck([join(dir, "same.ts")], { lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] })).toEqual([]);
    expect(imported.events.map((e) => e.name)).toEqual(expect.arrayContaining(ours.events.map((e) => e.name)));
  });

  it("lists what it cannot carry by JSON pointer, and writes nothing without --allow-loss", () => {
    const dir = tempDir();
    const document = join(dir, "doc.yaml");
    writeFileSync(
      document,
      `openapi: 3.1.0
info: { title: Shop, version: "1" }
webhooks:
  order_paid:
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/OrderPaid" }
  push:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { ref: { type: string } } }
components:
  schemas:
    Money: { type: object, required: [cents], properties: { cents: { type: integer, not: { const: 0 } }, currency: { type: string, nullable: true } } }
    OrderPaid:
      type: object
      required: [id, type, data]
      properties:
        id: { type: string }
        type: { type: string, enum: [order.paid] }
        data: { type: object, required: [total], properties: { total: { $ref: "#/components/schemas/Money" } } }
`,
    );
    const refused = importer(dir, document, "--spec", "events.yaml");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `lost: ${document}#/components/schemas/Money/properties/cents/not not is not in the shape language: describe what is allowed (enum, anyOf) rather than what is not`,
    );
    expect(refused.err).toContain(`lost: ${document}#/webhooks/push/post/requestBody the body has no data field`);
    expect(() => readFileSync(join(dir, "events.yaml"))).toThrow();

    const allowed = importer(dir, document, "--spec", "events.yaml", "--allow-loss");
    expect(allowed.code).toBe(0);
    const spec = readFileSync(join(dir, "events.yaml"), "utf8");
    expect(spec).toContain('$ref: "#/$defs/Money"');
    expect(spec).toMatch(/currency:\n {8}type:\n {10}- string\n {10}- "null"/);
    const model = buildModel(validateSpec(loadSpec(join(dir, "events.yaml"))), "x");
    expect(model.events.map((e) => e.name)).toEqual(["order.paid"]);
    expect(model.defNames).toEqual(["Money"]);
  });

  it("never overwrites an existing spec", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "events.yaml"), "mine");
    const result = importer(dir, OPENAPI, "--spec", "events.yaml");
    expect(result.code).toBe(1);
    expect(result.err).toContain("events.yaml exists; import writes a new spec");
    expect(readFileSync(join(dir, "events.yaml"), "utf8")).toBe("mine");
  });

  it("reads a header-named document (GitHub's convention): layout, names from header and action, signing", () => {
    const dir = tempDir();
    const document = join(dir, "github.yaml");
    const parameters = `      parameters:
        - { name: X-GitHub-Event, in: header, example: issues, schema: { type: string } }
        - { name: X-GitHub-Delivery, in: header, schema: { type: string } }
        - { name: X-Hub-Signature-256, in: header, example: "sha256=6dcb09b5", schema: { type: string } }`;
    writeFileSync(
      document,
      `openapi: 3.1.0
info: { title: GitHub, version: "1" }
webhooks:
  issues-opened:
    post:
      operationId: issues/opened
${parameters}
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [action, issue]
              properties:
                action: { type: string, enum: [opened] }
                issue: { type: object, required: [number], properties: { number: { type: integer, minItems: 1 } } }
  push:
    post:
      operationId: push
${parameters}
      requestBody:
        content:
          application/json:
            schema: { type: object, required: [ref], properties: { ref: { type: string } } }
`,
    );
    const result = importer(dir, document, "--spec", "events.yaml", "--allow-loss");
    expect(result.err).toContain(
      `lost: ${document}#/webhooks/issues-opened/post/requestBody/content/application~1json/schema/properties/issue/properties/number/minItems applies only to array values, but the type is integer (it has no effect)`,
    );
    expect(result.code).toBe(0);
    const spec = validateSpec(loadSpec(join(dir, "events.yaml")));
    expect(spec.layout).toEqual({
      name_header: "X-GitHub-Event",
      action_field: "action",
      id_header: "X-GitHub-Delivery",
    });
    expect(spec.signing).toMatchObject({ scheme: "hmac-sha256", header: "X-Hub-Signature-256", prefix: "sha256=" });
    expect(spec.events.map((e) => e.name).sort()).toEqual(["issues.opened", "push"]);
  });
});

describe("a body written as allOf of an envelope component and the event's own part", () => {
  it("is read as the one object it means, by import and docs:check alike (OpenAPI 3.0, x-webhooks)", () => {
    const dir = tempDir();
    const document = join(dir, "acme.yaml");
    writeFileSync(document, readFileSync("test/fixtures/openapi-30-allof.yaml", "utf8"));
    const result = importer(dir, document, "--spec", "events.yaml");
    expect(result.err).toBe("");
    const spec = validateSpec(loadSpec(join(dir, "events.yaml")));
    expect(spec.events.map((e) => e.name)).toEqual(["payment.succeeded"]);
    expect(Object.keys(spec.envelope.properties)).toEqual(["id", "created"]);
    expect(spec.events[0]!.data).toMatchObject({ $ref: "#/$defs/Payment" });
    expect(checkUpstreams(join(dir, "events.yaml")).results[0]!.differences).toEqual([]);
  });
});

describe("references to path items and request bodies, and JSON under other media type names", () => {
  it("are followed as OpenAPI 3.1 allows", () => {
    const document = `openapi: 3.1.0
info: { title: Refs, version: "1" }
webhooks:
  thing-made: { $ref: "#/components/pathItems/ThingMade" }
components:
  pathItems:
    ThingMade:
      post:
        description: A thing was made.
        requestBody: { $ref: "#/components/requestBodies/ThingMade" }
  requestBodies:
    ThingMade:
      content:
        "application/vnd.refs+json; charset=utf-8":
          schema:
            type: object
            required: [type, data]
            properties:
              type: { const: thing.made }
              data: { type: object, properties: { id: { type: string } } }
          example: { type: thing.made, data: { id: t_1 } }
`;
    const { spec, losses } = importOpenApi(document, "refs.yaml");
    expect(losses).toEqual([]);
    expect(spec.events).toEqual([
      expect.objectContaining({
        name: "thing.made",
        description: "A thing was made.",
        example: { type: "thing.made", data: { id: "t_1" } },
      }),
    ]);
  });
});

describe("a type shared by several events (an enum of their names)", () => {
  it("names each event by its example's type, where the operation's key is not a name", () => {
    const body = `
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/InvoiceEvent" }`;
    const document = `openapi: 3.1.0
info: { title: Multi, version: "1" }
webhooks:
  invoicePaid:${body}
            example: { id: e1, type: invoice.paid, data: { id: in_1 } }
  invoiceVoided:${body}
            example: { id: e2, type: invoice.voided, data: { id: in_2 } }
components:
  schemas:
    InvoiceEvent:
      type: object
      required: [id, type, data]
      properties:
        id: { type: string }
        type: { type: string, enum: [invoice.paid, invoice.voided] }
        data: { type: object, required: [id], properties: { id: { type: string } } }
`;
    const { spec, losses } = importOpenApi(document, "multi.yaml");
    expect(losses).toEqual([]);
    expect((spec.events as { name: string }[]).map((e) => e.name)).toEqual(["invoice.paid", "invoice.voided"]);
  });
});

it("names an event by x-oaiMeta.name where its type is not a constant (OpenAI's documents)", () => {
  const document = `openapi: 3.1.0
info: { title: Meta, version: "1" }
webhooks:
  done:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [type, data]
              x-oaiMeta: { name: thing.done }
              properties:
                type: { type: string }
                data: { type: object }
`;
  expect((importOpenApi(document, "meta.yaml").spec.events as { name: string }[]).map((e) => e.name)).toEqual([
    "thing.done",
  ]);
});

/** A document with one body-named webhook, `thing.done`, whose `data` has the given (flow YAML) schema. */
const oneWebhook = (data: string, components = "") => `openapi: 3.1.0
info: { title: One, version: "1" }
webhooks:
  x:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [type, data]
              properties:
                type: { const: thing.done }
                data: ${data}
            example: { type: thing.done, data: {} }
${components}`;

it("gives components whose type names would meet (a-b and a_b) keys of their own", () => {
  const document = oneWebhook(
    '{ type: object, properties: { dash: { $ref: "#/components/schemas/a-b" }, under: { $ref: "#/components/schemas/a_b" } } }',
    "components:\n  schemas:\n    a-b: { type: string }\n    a_b: { type: integer }\n",
  );
  const { spec } = importOpenApi(document, "meet.yaml");
  expect(spec.$defs).toEqual({ "a-b": { type: "string" }, a_b_2: { type: "integer" } });
  const data = (spec.events as { data: { properties: Record<string, unknown> } }[])[0]!.data;
  expect(data.properties).toEqual({ dash: { $ref: "#/$defs/a-b" }, under: { $ref: "#/$defs/a_b_2" } });
  expect(() => validateSpec(loadSpec("meet.yaml", stringify(spec)))).not.toThrow();
});

it("lists malformed and over-deep schema parts by pointer instead of failing on them", () => {
  let deep = "{ type: string }";
  for (let i = 0; i < 40; i++) deep = `{ type: object, properties: { a: ${deep} } }`;
  const document = oneWebhook(
    `{ type: object, properties: { odd: { properties: null, anyOf: { a: 1 } }, deep: ${deep} } }`,
  );
  const { spec, losses } = importOpenApi(document, "odd.yaml");
  const data = "/webhooks/x/post/requestBody/content/application~1json/schema/properties/data/properties";
  expect(losses).toEqual([
    { pointer: `${data}/odd/properties`, reason: "is not a mapping of names to schemas" },
    { pointer: `${data}/odd/anyOf`, reason: "is not a list of schemas" },
    { pointer: `${data}/deep${"/properties/a".repeat(29)}`, reason: "is nested more than 30 schemas deep" },
  ]);
  expect(() => validateSpec(loadSpec("odd.yaml", stringify(spec)))).not.toThrow();
});

it("lists a webhook's second operation and second JSON body by pointer, reading the first", () => {
  const document = oneWebhook("{ type: object }").replace(
    "            example: { type: thing.done, data: {} }\n",
    `            example: { type: thing.done, data: {} }
          application/vnd.x+json:
            schema: { type: object }
    put:
      requestBody: { content: { application/json: { schema: { type: object } } } }
`,
  );
  const { spec, losses } = importOpenApi(document, "two.yaml");
  expect(losses).toEqual([
    { pointer: "/webhooks/x/put", reason: "is a second operation of this webhook (post is read)" },
    {
      pointer: "/webhooks/x/post/requestBody/content/application~1vnd.x+json",
      reason: "is a second JSON body of this webhook (application/json is read)",
    },
  ]);
  expect((spec.events as { name: string }[]).map((e) => e.name)).toEqual(["thing.done"]);
});
