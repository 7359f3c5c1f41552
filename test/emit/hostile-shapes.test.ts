import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageFiles } from "../../generator/pipeline.js";
import { buildPackage, modelOf, problemsOf, typecheck } from "../helpers.js";

// Specs that pass validation must generate packages that compile and format: names that shadow
// globals, shapes with keywords of several types, huge objects and enums, invisible characters,
// recursive shapes and cyclic payloads.

/** A spec with one event whose envelope gets `envelope` and whose data is `data` (YAML, indented). */
function spec(data: string, envelope = "", defs = ""): string {
  return `package: { name: hostile, version: 1.0.0 }
${defs}envelope:
  required: [id]
  properties:
    id: { type: string }
${envelope}events:
  - name: thing.created
    description: A thing.
    data:
${data}
    example: { id: a, type: thing.created, data: {} }
`;
}

async function compiles(yaml: string): Promise<string[]> {
  const { dir } = await buildPackage(yaml);
  return typecheck([join(dir, "index.ts")]);
}

describe("specs that used to break the generated code", () => {
  it("compiles envelope and data properties named like the globals the checks use", async () => {
    const globals = ["Number", "Array", "Object", "String", "Boolean", "Symbol", "Map", "Promise", "JSON", "Set"];
    const envelope = globals.map((name) => `    ${name}: { type: integer }\n`).join("");
    const data =
      "      type: object\n      properties: { Number: { type: integer, minimum: 1 }, Array: { type: array } }";
    expect(await compiles(spec(data, envelope))).toEqual([]);
  });

  it("compiles a shape with object and array keywords but no type, and checks each on its own type", async () => {
    const data =
      "      type: object\n      properties:\n        both: { properties: { a: { type: string } }, items: { type: integer } }";
    const { dir, pkg } = await buildPackage(spec(data));
    expect(await typecheck([join(dir, "index.ts")])).toEqual([]);
    const event = (both: unknown) => ({ id: "a", type: "thing.created", data: { both } });
    expect(pkg.isThingCreatedWebhookEvent(event({ a: "x" }))).toBe(true);
    expect(pkg.isThingCreatedWebhookEvent(event([1, 2]))).toBe(true);
    expect(pkg.parseWebhookEvent(event(["x"])).errors).toEqual([
      { path: "data.both[0]", message: 'expected integer, got string "x"' },
    ]);
    expect(pkg.isThingCreatedWebhookEvent(event("anything else"))).toBe(true);
  });

  it("compiles an event with thousands of checks (split so TypeScript's flow analysis copes)", async () => {
    const properties = Array.from(
      { length: 1200 },
      (_, i) => `        p${i}: { type: object, properties: { a: { type: string }, b: { type: integer } } }\n`,
    ).join("");
    const { dir, pkg } = await buildPackage(spec(`      type: object\n      properties:\n${properties}`));
    expect(await typecheck([join(dir, "index.ts")])).toEqual([]);
    const data = { p1199: { b: "x" } };
    expect(pkg.parseWebhookEvent({ id: "a", type: "thing.created", data }).errors).toEqual([
      { path: "data.p1199.b", message: 'expected integer, got string "x"' },
    ]);
  });

  it("prints an enum of thousands of values", async () => {
    const values = Array.from({ length: 1500 }, (_, i) => `v${i}`).join(", ");
    const model = modelOf(spec(`      type: object\n      properties:\n        e: { enum: [${values}] }`));
    const files = packageFiles(model);
    expect(files.find((f) => f.path === "guards/thing.created.ts")!.contents).toContain("new Set<unknown>([");
  });
});

describe("invisible and bidirectional characters", () => {
  const trojan = "admin\u202e\u2066 // \u2069\u2066";

  it("are escaped in comments, strings and JSON, so a reviewer sees them", async () => {
    const data = `      type: object\n      properties:\n        role: { enum: ["${trojan}"], description: "${trojan}" }`;
    const files = packageFiles(modelOf(spec(data)));
    for (const file of files)
      expect(file.contents, file.path).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200d\ufeff]/);
    const types = files.find((f) => f.path === "events/thing.created.ts")!.contents;
    expect(types).toContain("admin\\u202e\\u2066");
  });

  it("are refused in names, with the code points", () => {
    const data = `      type: object\n      properties:\n        "is\u202eadmin": { type: boolean }`;
    expect(problemsOf(spec(data))).toEqual([
      'spec/events.yaml:12:9 events[0] (thing.created).data.properties["is\\u202eadmin"] contains an invisible or bidirectional control character (U+202E); remove it: names must read as they are',
    ]);
  });
});

describe("shared and recursive shapes", () => {
  const tree = `$defs:
  Node:
    type: object
    required: [label]
    properties:
      label: { type: string }
      children: { type: array, items: { $ref: "#/$defs/Node" } }
`;

  it("end on a cyclic payload with a mismatch, not a stack overflow", async () => {
    const { pkg } = await buildPackage(
      spec('      type: object\n      properties: { root: { $ref: "#/$defs/Node" } }', "", tree),
    );
    const node: Record<string, unknown> = { label: "loop" };
    node.children = [node];
    const event = { id: "a", type: "thing.created", data: { root: node } };
    expect(pkg.isThingCreatedWebhookEvent(event)).toBe(false);
    expect(pkg.isNode(node)).toBe(false);
    const errors = pkg.parseWebhookEvent(event).errors;
    expect(errors[0].message).toBe("is nested more than 256 levels deep");
    expect(errors[0].path).toMatch(/^data\.root(\.children\[0\])+$/);
  });

  it("are emitted once, however many events use them", async () => {
    const events = Array.from(
      { length: 100 },
      (_, i) => `  - name: thing.e${i}
    description: Event ${i}.
    data: { type: object, properties: { owner: { $ref: "#/$defs/Owner" } } }
    example: { id: a, type: thing.e${i}, data: {} }
`,
    ).join("");
    const owner = Array.from({ length: 40 }, (_, i) => `      f${i}: { type: string }\n`).join("");
    const yaml = `package: { name: shared, version: 1.0.0 }
$defs:
  Owner:
    type: object
    properties:
${owner}envelope:
  properties:
    id: { type: string }
events:
${events}`;
    const { dir } = await buildPackage(yaml);
    expect(readdirSync(join(dir, "defs")).filter((f) => f.endsWith(".ts"))).toEqual(["Owner.ts"]);
    const guard = readFileSync(join(dir, "guards/thing.e0.ts"), "utf8");
    const ownerFile = readFileSync(join(dir, "defs/Owner.ts"), "utf8");
    // Each event refers to the shared shape: its files do not grow with the shape's size.
    expect(guard).toContain("validateOwner(");
    expect(guard).not.toContain("f39");
    expect(ownerFile).toContain("f39");
  });
});
