// Boolean schemas (`true`: any value, `false`: none) wherever JSON Schema 2020-12 allows a schema:
// ajv on the spec as written is the oracle for every payload; the types, the messages and the
// exported schema say the same.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadSpec } from "../../generator/load.js";
import { importOpenApi } from "../../generator/upstream/import.js";
import { validateSpec } from "../../generator/validate.js";
import { buildPackage, edit, problemsOf } from "../helpers.js";

const SPEC = "test/corpus/accepted/boolean-schemas.yaml";
const text = readFileSync(SPEC, "utf8");
const written = parse(text) as {
  $defs: Record<string, unknown>;
  events: { name: string; data: Record<string, unknown>; example: Record<string, unknown> }[];
};
const event = written.events[0]!;
const data = event.example.data as Record<string, unknown>;
const built = buildPackage(text);

describe("boolean schemas", () => {
  it("accept and refuse what ajv accepts and refuses", async () => {
    const { pkg } = await built;
    const ajv = new Ajv2020({ strict: false }).compile({ ...event.data, $defs: written.$defs });
    const variants: unknown[] = [
      data,
      { ...data, legacy: 1 },
      { ...data, legacy: null },
      { ...data, extra: undefined },
      { ...data, extra: null },
      { ...data, settings: { mode: [1], "x-a": 1 } },
      { ...data, settings: { mode: {}, other: 2 } },
      { ...data, settings: { other: "2" } },
      { ...data, none: [1] },
      { ...data, none: [] },
      { ...data, any_items: [1, "a", null, [{}]] },
      { ...data, either: 1 },
      { ...data, one: true },
      { ...data, one: 1.5 },
      { ...data, one: "a" },
      { ...data, both: "2" },
      { ...data, shared: null },
      { ...data, gone: 0 },
    ];
    const answers = variants.map((variant) => {
      const payload = { ...event.example, data: variant };
      const ours = pkg.isWebhookEvent(payload);
      expect(ours, JSON.stringify(variant)).toBe(ajv(variant));
      // The validator agrees with the guard and says where.
      expect((pkg.parseWebhookEvent(payload).errors?.length ?? 0) > 0, JSON.stringify(variant)).toBe(!ours);
      return ours;
    });
    // Both answers occur, so the comparison can fail either way.
    expect(new Set(answers)).toEqual(new Set([true, false]));
  });

  it("say where a value is not allowed, in the validator's words", async () => {
    const { pkg } = await built;
    const errors = pkg.parseWebhookEvent({ ...event.example, data: { ...data, legacy: 1, none: [0] } }).errors;
    expect(errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`)).toEqual([
      "data.legacy: is not allowed here (its schema is false)",
      "data.none[0]: is not allowed here (its schema is false)",
    ]);
  });

  it("type true as unknown and false as never, simplified as TypeScript reads them", async () => {
    const { dir } = await built;
    const types = readFileSync(join(dir, "events", `${event.name}.ts`), "utf8");
    for (const line of [
      "legacy?: never;",
      "extra: unknown;",
      "mode?: unknown;",
      "[key: string]: unknown;",
      "none?: never[];",
      "any_items?: unknown[];",
      "either?: string;",
      "both?: number;",
      "gone?: Nothing;",
    ])
      expect(types).toContain(line);
    expect(readFileSync(join(dir, "defs", "Nothing.ts"), "utf8")).toContain("export type Nothing = never;");
    expect(readFileSync(join(dir, "defs", "Anything.ts"), "utf8")).toContain("export type Anything = unknown;");
  });

  it("read in EVENTS.md as the types read: never, empty array, and unions without their false branches", async () => {
    const { dir } = await built;
    const reference = readFileSync(join(dir, "EVENTS.md"), "utf8");
    for (const row of [
      "| `data.legacy` | never (must be absent) | no |",
      "| `data.extra` | any | yes |",
      "| `data.none` | empty array | no |",
      "| `data.either` | string | no |",
      "| `data.one` | string or integer | no |",
      "| `data.both` | integer | no |",
    ])
      expect(reference).toContain(row);
  });

  it("export `false` as { not: {} } and `true` as {}, which ajv reads the same", async () => {
    const { dir } = await built;
    const schema = JSON.parse(readFileSync(join(dir, "schemas", `${event.name}.json`), "utf8"));
    const properties = schema.properties.data.properties;
    expect(properties.legacy).toEqual({ not: {} });
    expect(properties.extra).toEqual({});
    expect(properties.none.items).toEqual({ not: {} });
  });

  it("check the spec's own example: a property whose schema is false is refused there", () => {
    const spec = text.replace("data: { rule: strict,", "data: { legacy: 1, rule: strict,");
    expect(problemsOf(spec).join("\n")).toMatch(/data\.legacy.*is not allowed here \(its schema is false\)/);
  });

  it("stand wherever a schema does, but an event's data and an envelope field stay shapes", () => {
    const hint = "write a shape here, such as type: object or type: string";
    expect(
      problemsOf(edit("    data:\n      type: object\n", "    data: true\n    unused:\n      type: object\n")),
    ).toContain(
      `spec/events.yaml:12:11 events[0] (thing.created).data expected object, got boolean; ${hint}; true and false stand for schemas only inside a shape (a property, items, a member of anyOf)`,
    );
    expect(
      problemsOf(edit("    id: { type: string }\n    created_at", "    id: true\n    created_at")).join("\n"),
    ).toContain(`envelope.properties.id expected object, got boolean; ${hint}`);
    // The ID field may not be false: it is required, and a string.
    expect(problemsOf(edit("        id: { type: string }\n    example", "        id: false\n    example"))).toEqual([
      "spec/events.yaml:16:13 events[0] (thing.created).data.properties.id is the ID field, so it must be a required string",
    ]);
  });

  it("come through import from an OpenAPI 3.1 document, and an event whose data is false is a loss", () => {
    const document = `openapi: 3.1.0
info: { title: Bools, version: "1" }
webhooks:
  done:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [type, data]
              properties:
                type: { const: thing.done }
                data:
                  type: object
                  properties: { old: false, any: true, list: { type: array, items: false } }
  never:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [type, data]
              properties:
                type: { const: thing.never }
                data: false
`;
    const { spec, losses } = importOpenApi(document, "bools.yaml");
    const events = spec.events as { name: string; data: { properties: Record<string, unknown> } }[];
    expect(events.map((e) => e.name)).toEqual(["thing.done"]);
    expect(events[0]!.data.properties).toEqual({ old: false, any: true, list: { type: "array", items: false } });
    expect(losses.map((l) => l.reason).join("\n")).toMatch(/data: false/);
    expect(() => validateSpec(loadSpec("bools.yaml", stringify(spec)))).not.toThrow();
  });
});
