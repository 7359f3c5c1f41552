// A minimal spec is small: without package or envelope it takes the defaults generator/spec.ts
// names, and the spec format's JSON Schema (the editors' completion) agrees.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { DEFAULT_PACKAGE } from "../generator/spec.js";
import { SPEC_SCHEMA_PATH } from "../generator/validate.js";
import { parse } from "yaml";
import { buildPackage, modelOf, problemsOf } from "./helpers.js";

const MINIMAL = `events:
  - { name: order.created, description: An order was placed., data: { type: object, properties: { id: { type: string } } },
      example: { type: order.created, data: { id: ord_1 } } }
`;

describe("a spec without package or envelope", () => {
  it("is valid, and takes the default package name and version", () => {
    expect(problemsOf(MINIMAL)).toEqual([]);
    expect(modelOf(MINIMAL).package).toMatchObject(DEFAULT_PACKAGE);
  });

  it("gives events that are { type, data } and nothing more", async () => {
    const { dir, pkg } = await buildPackage(MINIMAL);
    const schema = JSON.parse(readFileSync(join(dir, "schemas/order.created.json"), "utf8"));
    expect(Object.keys(schema.properties)).toEqual(["type", "data"]);
    expect(pkg.isWebhookEvent({ type: "order.created", data: { id: "ord_1" } })).toBe(true);
    expect(pkg.isWebhookEvent({ data: { id: "ord_1" } })).toBe(false);
    expect(schema.required).toEqual(["type", "data"]);
  });

  it("defaults only what is left out: a package with a name keeps it and gets the version", () => {
    const spec = `package: { name: shop-events }\nenvelope: { id_prefix: evt_ }\n${MINIMAL}`;
    expect(problemsOf(spec)).toEqual([]);
    expect(modelOf(spec).package).toMatchObject({ name: "shop-events", version: DEFAULT_PACKAGE.version });
  });

  it("still refuses a spec without events, and a package that is not a map, with their paths", () => {
    expect(problemsOf("package: { name: x }\n")).toEqual(["spec/events.yaml:1:1 events is required"]);
    expect(problemsOf(`package: shop\n${MINIMAL}`)).toEqual([
      expect.stringMatching(/^spec\/events\.yaml:1:10 package /),
    ]);
  });

  it("is what the format's JSON Schema (the editors' completion) accepts, with the same defaults", () => {
    const schema = JSON.parse(readFileSync(SPEC_SCHEMA_PATH, "utf8"));
    const ajv = new Ajv({ strict: false, allowUnionTypes: true });
    expect(ajv.validate(schema, parse(MINIMAL)), ajv.errorsText()).toBe(true);
    expect(schema.required).toEqual(["events"]);
    expect(schema.properties.package.properties.name.default).toBe(DEFAULT_PACKAGE.name);
    expect(schema.properties.package.properties.version.default).toBe(DEFAULT_PACKAGE.version);
  });
});
