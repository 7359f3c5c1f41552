import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { loadSpec } from "../../generator/load.js";
import { importOpenApi } from "../../generator/upstream/import.js";
import { validateSpec } from "../../generator/validate.js";
import { tempDir } from "../helpers.js";

// Import never writes an example that fails its own schema, and never stops the whole import for
// one event. Every made-up example is checked by ajv (with ajv-formats), against the document's
// own schema of the event: ajv is the oracle here, not part of import.

/** One field's schema (flow YAML) per form: each becomes an event whose data requires that field. */
const FIELDS: [string, string][] = [
  ["an anchored pattern", '{ type: string, pattern: "^[a-z]{3}$" }'],
  ["a prefix and a counted class", '{ type: string, pattern: "^evt_[A-Za-z0-9]{24}$" }'],
  ["digits and separators", '{ type: string, pattern: "^\\\\d{4}-\\\\d{2}-\\\\d{2}$" }'],
  ["alternation and an optional group", '{ type: string, pattern: "^(foo|bar)(-[0-9]+)?$" }'],
  ["an unanchored pattern and a minimum length", '{ type: string, pattern: "ab+", minLength: 6 }'],
  ["a negated class", '{ type: string, pattern: "^[^x]+$" }'],
  ["a pattern and a length range", '{ type: string, pattern: "^[0-9]+$", minLength: 5, maxLength: 8 }'],
  ["escapes and a word class", '{ type: string, pattern: "^\\\\w+\\\\.\\\\w+@[a-z]+\\\\.(com|org)$" }'],
  ["an exact length", "{ type: string, minLength: 4, maxLength: 4 }"],
  ["the empty string only", "{ type: string, maxLength: 0 }"],
  ["format date-time", "{ type: string, format: date-time }"],
  ["format date", "{ type: string, format: date }"],
  ["format time", "{ type: string, format: time }"],
  ["format email", "{ type: string, format: email }"],
  ["format uri", "{ type: string, format: uri }"],
  ["format uri-reference", "{ type: string, format: uri-reference }"],
  ["format uuid", "{ type: string, format: uuid }"],
  ["format hostname", "{ type: string, format: hostname }"],
  ["format ipv4", "{ type: string, format: ipv4 }"],
  ["format ipv6", "{ type: string, format: ipv6 }"],
  ["format duration", "{ type: string, format: duration }"],
  ["a format and a pattern", '{ type: string, format: email, pattern: "@example\\\\.com$" }'],
  ["a format and a minimum length", "{ type: string, format: uri, minLength: 30 }"],
  ["an enum whose first value another part makes too short", "{ allOf: [{ enum: [a, bcd] }, { minLength: 2 }] }"],
  ["an enum whose first value another part makes the wrong type", '{ allOf: [{ enum: [1, "x"] }, { type: string }] }'],
  ["a minimum", "{ type: integer, minimum: 5 }"],
  ["an exclusive minimum", "{ type: number, exclusiveMinimum: 0.5, maximum: 0.75 }"],
  ["a negative maximum", "{ type: integer, maximum: -3 }"],
  ["an exclusive maximum", "{ type: integer, exclusiveMaximum: 0 }"],
  ["a multipleOf above a minimum", "{ type: integer, minimum: 10, multipleOf: 7 }"],
  ["a fractional multipleOf", "{ type: number, minimum: 0.2, multipleOf: 0.25 }"],
  ["format int32 in a range", "{ type: integer, format: int32, minimum: -5, maximum: -1 }"],
  ["unique items", "{ type: array, minItems: 3, uniqueItems: true, items: { type: string } }"],
  ["unique items from an enum", "{ type: array, minItems: 2, uniqueItems: true, items: { enum: [a, b] } }"],
  [
    "unique items with a pattern",
    '{ type: array, minItems: 3, uniqueItems: true, items: { type: string, pattern: "^[A-Z]{2}$" } }',
  ],
  [
    "unique numbers",
    "{ type: array, minItems: 3, uniqueItems: true, items: { type: integer, minimum: 1, maximum: 3 } }",
  ],
  ["too few items below a maximum", "{ type: array, minItems: 1, maxItems: 1, items: { type: boolean } }"],
  [
    "minProperties from optional fields",
    "{ type: object, minProperties: 2, properties: { a: { type: string }, b: { type: integer } } }",
  ],
  ["minProperties of a map", "{ type: object, minProperties: 1, additionalProperties: { type: integer, minimum: 3 } }"],
  [
    "patternProperties only",
    '{ type: object, minProperties: 1, additionalProperties: false, patternProperties: { "^x-[a-z]+$": { type: boolean } } }',
  ],
  ["a oneOf whose branches overlap", "{ oneOf: [{ type: string, minLength: 1 }, { type: string }] }"],
  [
    "an anyOf whose first branch is narrow",
    '{ anyOf: [{ type: integer, minimum: 10 }, { type: string, pattern: "^z" }] }',
  ],
  ["allOf of string constraints", '{ allOf: [{ type: string, minLength: 5 }, { pattern: "^a" }] }'],
  ["a nullable pattern", '{ type: [string, "null"], pattern: "^q[0-9]$" }'],
  ["a nested format", "{ type: object, required: [at], properties: { at: { type: string, format: date-time } } }"],
  ["a shared shape with a pattern", '{ $ref: "#/components/schemas/Code" }'],
];

const webhook = (key: string, name: string, field: string) => `  ${key}:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [id, type, data]
              properties:
                id: { type: string, pattern: "^evt_[0-9a-f]{8}$" }
                type: { const: ${name} }
                data: { type: object, required: [field], properties: { field: ${field} } }
`;
const documentOf = (fields: [string, string][]) => `openapi: 3.1.0
info: { title: Forms, version: "1" }
webhooks:
${fields.map(([, field], i) => webhook(`w${i}`, `form.f${i}`, field)).join("")}components:
  schemas:
    Code: { type: string, pattern: "^[A-Z]{3}-[0-9]{3}$" }
`;

/** ajv's verdict on each value against the document's schema at a pointer. */
function oracle(document: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...parse(document), $id: "https://example.com/doc" });
  return (pointer: string, value: unknown) => {
    const validate = ajv.getSchema(`https://example.com/doc#${pointer}`)!;
    return validate(value) ? [] : validate.errors!.map((e) => `${e.instancePath} ${e.message}`);
  };
}

describe("a made-up example", () => {
  it("satisfies its event's own schema (ajv), for every form: patterns, formats, limits, enums, unions", () => {
    const document = documentOf(FIELDS);
    const { spec, losses } = importOpenApi(document, "forms.yaml");
    expect(losses).toEqual([]);
    const check = oracle(document);
    const events = spec.events as { name: string; example: unknown }[];
    const failing = FIELDS.flatMap(([form], i) => {
      const event = events.find((e) => e.name === `form.f${i}`);
      if (!event) return [`${form}: no event`];
      const errors = check(`/webhooks/w${i}/post/requestBody/content/application~1json/schema`, event.example);
      return errors.length > 0 ? [`${form}: ${JSON.stringify(event.example)} ${errors.join("; ")}`] : [];
    });
    expect(failing).toEqual([]);
    // And the spec it writes is one the generator accepts, examples included.
    expect(() => validateSpec(loadSpec("forms.yaml", stringify(spec, { lineWidth: 0 })))).not.toThrow();
  });

  it.each([
    ["a pattern no string matches", '{ type: string, pattern: "^(?=a)b$" }'],
    ["a format longer than its maximum length", "{ type: string, format: email, maxLength: 3 }"],
    ["bounds with no multiple between them", "{ type: integer, minimum: 1, maximum: 3, multipleOf: 5 }"],
    ["more unique items than values", "{ type: array, minItems: 3, uniqueItems: true, items: { enum: [a, b] } }"],
  ])("that cannot be made for %s is a loss by pointer; the other events are written", (_form, field) => {
    const document = documentOf([
      ["impossible", field],
      ["fine", "{ type: string }"],
    ]);
    const { spec, losses } = importOpenApi(document, "forms.yaml");
    expect(losses).toEqual([
      {
        pointer: "/webhooks/w0/post/requestBody",
        reason: expect.stringMatching(/^has no example, and none could be made/),
      },
    ]);
    expect((spec.events as { name: string }[]).map((e) => e.name)).toEqual(["form.f1"]);
  });
});

describe("one event the spec would refuse", () => {
  it.each([
    [
      "its document's own example does not match its shape",
      "{ type: string }",
      "            example: { id: evt_0000000a, type: form.f0, data: { field: 5 } }\n",
      "/webhooks/w0/post/requestBody/content/application~1json/example",
      "example.data.field expected string, got number",
    ],
    [
      "an enum value its own shape refuses",
      "{ type: string, enum: [a, bcd], minLength: 2 }",
      "",
      "/webhooks/w0/post/requestBody",
      'data.properties.field.enum[0] "a" contradicts the rest of the shape',
    ],
  ])("is a loss by pointer when %s; the other events are written", (_form, field, example, pointer, problem) => {
    const document = documentOf([
      ["refused", field],
      ["fine", "{ type: string }"],
    ]);
    const withExample = example
      ? document.replace(/(properties: \{ field: \{ type: string \} \} \}\n)/, `$1${example}`)
      : document;
    const { spec, losses } = importOpenApi(withExample, "forms.yaml");
    expect(losses).toEqual([{ pointer, reason: expect.stringContaining(problem) }]);
    expect(losses[0]!.reason).toMatch(/^the spec would refuse this event \(form\.f0\): .*; left out$/);
    expect((spec.events as { name: string }[]).map((e) => e.name)).toEqual(["form.f1"]);
    expect(() => validateSpec(loadSpec("forms.yaml", stringify(spec, { lineWidth: 0 })))).not.toThrow();
  });
});

describe("npm run import with an event whose example cannot be made", () => {
  const TSX = ["--import", resolve("node_modules/tsx/dist/loader.mjs")];
  const importer = (cwd: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [...TSX, resolve("scripts/import.ts"), ...args], { cwd, encoding: "utf8" });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it("lists it by pointer and writes nothing; with --allow-loss writes the rest, with valid examples", () => {
    const dir = tempDir();
    const document = join(dir, "doc.yaml");
    const text = documentOf([
      ["impossible", '{ type: string, pattern: "^(?=a)b$" }'],
      ["the issue's pattern", '{ type: string, pattern: "^[a-z]{3}$" }'],
    ]);
    writeFileSync(document, text);
    const refused = importer(dir, document, "--spec", "events.yaml");
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `lost: ${document}#/webhooks/w0/post/requestBody has no example, and none could be made`,
    );
    expect(refused.err).not.toMatch(/events\.yaml:\d+/);
    expect(() => readFileSync(join(dir, "events.yaml"))).toThrow();

    const allowed = importer(dir, document, "--spec", "events.yaml", "--allow-loss");
    expect(allowed.err).not.toMatch(/Nothing was written/);
    expect(allowed.code).toBe(0);
    const spec = validateSpec(loadSpec(join(dir, "events.yaml")));
    expect(spec.events.map((e) => e.name)).toEqual(["form.f1"]);
    expect(
      oracle(text)("/webhooks/w1/post/requestBody/content/application~1json/schema", spec.events[0]!.example),
    ).toEqual([]);
  });
});
