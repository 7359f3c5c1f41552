import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { composeEventSchema } from "../../generator/spec.js";
import { loadSpec } from "../../generator/load.js";
import { validateSpec } from "../../generator/validate.js";
import { buildPackage } from "../helpers.js";

// Every kind of shape the spec format allows, including names that are not identifiers and
// names objects inherit. The guards run here for real and must agree with ajv on each value.
const FILE = "test/corpus/accepted/every-shape.yaml";

let pkg: Record<string, any>;
let ajvValidate: (value: unknown) => boolean;
let example: Record<string, any>;

beforeAll(async () => {
  const spec = validateSpec(loadSpec(FILE));
  ajvValidate = new Ajv({ strict: false, allErrors: true, ownProperties: true, strictNumbers: true }).compile(
    composeEventSchema(spec.envelope, spec.events[0]!),
  );
  const built = await buildPackage(readFileSync(FILE, "utf8"));
  pkg = built.pkg;
  example = built.model.events[0]!.example as Record<string, any>;
});

// The third element, where present, is the answer when ajv's differs from JSON Schema's.
const variants: [string, (d: Record<string, any>) => void, boolean?][] = [
  ["as written", () => {}],
  ["status another listed value", (d) => (d.status = 3)],
  ["status null, which is listed", (d) => (d.status = null)],
  ["status not listed", (d) => (d.status = "lost")],
  ["status the string of a listed number", (d) => (d.status = "3")],
  ["note a string", (d) => (d.note = "fragile")],
  ["note a number", (d) => (d.note = 1)],
  ["note absent", (d) => delete d.note],
  ["weight NaN", (d) => (d.weight = NaN)],
  ["weight Infinity", (d) => (d.weight = Infinity)],
  ["weight a numeric string", (d) => (d.weight = "1.5")],
  ["count -0", (d) => (d.count = -0)],
  ["count 1e300", (d) => (d.count = 1e300)],
  ["count 2.5", (d) => (d.count = 2.5)],
  ["flags empty", (d) => (d.flags = [])],
  ["flags with a string", (d) => (d.flags = [true, "false"])],
  ["flags an object", (d) => (d.flags = { 0: true })],
  ["address complete", (d) => (d.address = { line1: "1 Main St", zip: 12345 })],
  ["address zip a string", (d) => (d.address = { line1: "1 Main St", zip: "12345" })],
  ["address zip a boolean", (d) => (d.address = { line1: "1 Main St", zip: true })],
  ["address without line1", (d) => (d.address = { zip: "1" })],
  ["address null", (d) => (d.address = null)],
  ["labels with a number", (d) => (d.labels = { a: "x", "b c": 1 })],
  ["labels empty", (d) => (d.labels = {})],
  ["labels an array", (d) => (d.labels = ["x"])],
  ["meta anything", (d) => (d.meta = [null, "x"])],
  ["meta null", (d) => (d.meta = null)],
  ["meta absent", (d) => delete d.meta],
  ["content-type another value", (d) => (d["content-type"] = "xml")],
  ["constructor own and a string", (d) => Object.defineProperty(d, "constructor", { value: "c", enumerable: true })],
  ["constructor own and a number", (d) => Object.defineProperty(d, "constructor", { value: 1, enumerable: true })],
  [
    "__proto__ own and valid",
    (d) => Object.defineProperty(d, "__proto__", { value: { polluted: true }, enumerable: true }),
  ],
  // ajv 8 does not check a property named __proto__ at all.
  [
    "__proto__ own and invalid",
    (d) => Object.defineProperty(d, "__proto__", { value: { polluted: "yes" }, enumerable: true }),
    false,
  ],
  ["maybe null", (d) => (d.maybe = null)],
  ["maybe without x", (d) => (d.maybe = {})],
  ["maybe a string", (d) => (d.maybe = "x")],
];

describe("guards generated for every kind of shape", () => {
  it.each(variants)("agree with ajv: data %s", (_, change, answer) => {
    const event = structuredClone(example);
    change(event.data);
    const expected = answer ?? ajvValidate(event);
    expect(pkg.isOrderShippedWebhookEvent(event)).toBe(expected);
    expect(pkg.isWebhookEvent(event)).toBe(expected);
    const parsed = pkg.parseWebhookEvent(event);
    expect(parsed.ok).toBe(expected);
    if (!expected) expect(parsed.errors.length).toBeGreaterThan(0);
  });

  it("names non-identifier keys and map keys in paths, and shows listed values", () => {
    const event = structuredClone(example);
    event.data["content-type"] = "xml";
    event.data.labels = { "b c": 1 };
    event.data.status = "lost";
    expect(pkg.parseWebhookEvent(event).errors).toEqual([
      { path: "data.status", message: 'expected one of "pending", "shipped", 3, null, got string "lost"' },
      { path: 'data.labels["b c"]', message: "expected string, got number" },
      { path: 'data["content-type"]', message: 'expected "json", got string "xml"' },
    ]);
  });

  it("reads inherited names only as own properties", () => {
    // Without the own check, every object's inherited `constructor` (a function) would fail it.
    expect(pkg.isOrderShippedWebhookEvent(structuredClone(example))).toBe(true);
    const parsed = JSON.parse(
      JSON.stringify({ ...example, data: { ...example.data } }).replace(
        '"id":"ord_1"',
        '"id":"ord_1","__proto__":{"polluted":1}',
      ),
    );
    expect(pkg.parseWebhookEvent(parsed).errors).toEqual([
      { path: "data.__proto__.polluted", message: "expected boolean, got number" },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
