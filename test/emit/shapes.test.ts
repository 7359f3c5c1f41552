import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv } from "ajv";
import ts from "typescript";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitAll } from "../../generator/pipeline.js";
import { composeEventSchema } from "../../generator/spec.js";
import { loadSpec } from "../../generator/load.js";
import { validateSpec } from "../../generator/validate.js";
import { buildModel } from "../../generator/model.js";

// Every kind of shape the spec format allows, including names that are not identifiers and
// names objects inherit. The guards run here for real and must agree with ajv on each value.
const SPEC = `package: { name: shapes, version: 1.0.0 }
envelope:
  id_prefix: evt_
  required: [id, created_at]
  properties:
    id: { type: string }
    created_at: { type: integer }
events:
  - name: order.shipped
    description: "Sent when an order ships. Hostile text: */ \${x} \` \\u2028 </script>"
    id_prefix: ord_
    data:
      type: object
      required: [id, status, weight, count, flags, labels, meta, content-type, maybe]
      properties:
        id: { type: string, description: "ends a comment */ on purpose" }
        status: { enum: [pending, shipped, 3, null] }
        note: { type: [string, "null"] }
        weight: { type: number }
        count: { type: integer }
        flags: { type: array, items: { type: boolean } }
        address:
          type: object
          required: [line1]
          properties:
            line1: { type: string }
            zip: { type: [string, integer] }
        labels: { type: object, additionalProperties: { type: string } }
        meta: {}
        content-type: { const: json }
        constructor: { type: string }
        __proto__: { type: object, properties: { polluted: { type: boolean } } }
        maybe: { type: [object, "null"], required: [x], properties: { x: { type: integer } } }
    example:
      id: evt_1
      type: order.shipped
      created_at: 1
      data:
        id: ord_1
        status: shipped
        note: null
        weight: 1.5
        count: 2
        flags: [true, false]
        labels: { a: x }
        meta: { anything: [1] }
        content-type: json
        maybe: { x: 1 }
`;

type Pkg = Record<string, any>;
let pkg: Pkg;
let ajvValidate: (value: unknown) => boolean;
let example: Record<string, any>;

beforeAll(async () => {
  const spec = validateSpec(loadSpec("spec.yaml", SPEC));
  const model = buildModel(spec, "spec.yaml");
  example = model.events[0]!.example as Record<string, any>;
  ajvValidate = new Ajv({ strict: false, allErrors: true, ownProperties: true, strictNumbers: true }).compile(composeEventSchema(spec.envelope, spec.events[0]!));
  // Compile the generated TypeScript to JS as a consumer's build would, then import it.
  const dir = mkdtempSync(join(tmpdir(), "wec-shapes-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const file of await emitAll(model)) {
    const path = join(dir, file.path.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(path), { recursive: true });
    if (file.path.endsWith(".ts")) writeFileSync(join(dir, file.path), file.contents);
    const js = file.path.endsWith(".ts") ? ts.transpileModule(file.contents, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText : file.contents;
    writeFileSync(path, js);
  }
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
  pkg = await import(pathToFileURL(join(dir, "index.js")).href);
  packageDir = dir;
});
let packageDir: string;

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
  ["__proto__ own and valid", (d) => Object.defineProperty(d, "__proto__", { value: { polluted: true }, enumerable: true })],
  // ajv 8 does not check a property named __proto__ at all.
  ["__proto__ own and invalid", (d) => Object.defineProperty(d, "__proto__", { value: { polluted: "yes" }, enumerable: true }), false],
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
      { path: "data.labels[\"b c\"]", message: "expected string, got number" },
      { path: 'data["content-type"]', message: 'expected "json", got string "xml"' },
    ]);
  });

  it("reads inherited names only as own properties", () => {
    // Without the own check, every object's inherited `constructor` (a function) would fail it.
    expect(pkg.isOrderShippedWebhookEvent(structuredClone(example))).toBe(true);
    const parsed = JSON.parse(JSON.stringify({ ...example, data: { ...example.data } }).replace('"id":"ord_1"', '"id":"ord_1","__proto__":{"polluted":1}'));
    expect(pkg.parseWebhookEvent(parsed).errors).toEqual([{ path: "data.__proto__.polluted", message: "expected boolean, got number" }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("type-checks under strict settings", () => {
    const options = { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, types: [] };
    const program = ts.createProgram([join(packageDir, "index.ts")], options);
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });

  it("keeps hostile descriptions inside their comments", () => {
    expect(Object.keys(pkg).sort()).toEqual([
      "WEBHOOK_EVENT_TYPES",
      "fixtures",
      "isOrderShippedWebhookEvent",
      "isWebhookEvent",
      "parseWebhookEvent",
      "validateOrderShippedWebhookEvent",
    ]);
  });
});
