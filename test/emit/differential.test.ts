import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { EventModel, Shape } from "../../generator/model.js";
import { emitSchemas } from "../../generator/emit/schemas.js";
import { buildPackage } from "../helpers.js";

// Property-based and differential: values drawn from each event's shape, valid and then mutated,
// must get the same answer from the generated guard as from ajv in strict mode, and every rejection
// must come with errors at places ajv also finds wrong. Seeded, so a failure reproduces.
const SEED = 20261124;
const RUNS_PER_EVENT = 400; // valid and mutated each: 2 × 400 × 19 events ≈ 15,000 cases a run

// ajv 8 does not check a property named __proto__ at all, so the specs are compared without
// such properties; how the guards treat them is tested in shapes.test.ts and corpus.test.ts.
const SPECS = [
  "test/fixtures/openai/events.yaml",
  "test/corpus/accepted/every-shape.yaml",
  "test/corpus/accepted/inherited-names.yaml",
  "test/corpus/accepted/keywords.yaml",
];

interface Case {
  event: EventModel;
  shape: Shape;
  defs: ReadonlyMap<string, Shape>;
  guard: (value: unknown) => boolean;
  parse: (value: unknown) => { ok: boolean; errors?: { path: string; message: string }[] };
  ajv: ReturnType<Ajv2020["compile"]>;
}
const cases: Case[] = [];

beforeAll(async () => {
  // ajv reads the package's own exported JSON Schemas (schemas/<name>.json): the export, the guards
  // and the parser are all held to the same answers.
  const ajv = new Ajv2020({
    strict: true,
    allowUnionTypes: true,
    allErrors: true,
    ownProperties: true,
    strictNumbers: true,
    // Formats are documentation unless a spec turns checking on, as in the generated guards.
    validateFormats: false,
  });
  for (const file of SPECS) {
    const text = withoutProto(readFileSync(file, "utf8"));
    const { pkg, model } = await buildPackage(text, file);
    const schemas = new Map(emitSchemas(model).map((f) => [f.path, JSON.parse(f.contents) as object]));
    for (const event of model.events) {
      cases.push({
        event,
        shape: event.shape,
        defs: model.defs,
        guard: pkg[event.guardName],
        parse: pkg.parseWebhookEvent,
        ajv: ajv.compile(schemas.get(`schemas/${event.fileName}.json`)!),
      });
    }
  }
});

describe("generated guards against ajv", () => {
  it("cover every event of every spec", async () => {
    let events = 0;
    for (const file of SPECS)
      events += (await buildPackage(withoutProto(readFileSync(file, "utf8")), file)).model.events.length;
    expect(cases.length).toBe(events);
  });

  it("answer as ajv does on values drawn from a shape, most of them valid", () => {
    for (const c of cases) {
      let valid = 0;
      fc.assert(
        fc.property(arbitrary(c.shape, c.defs), (value) => {
          const expected = c.ajv(value);
          if (expected) valid++;
          expect(c.guard(value), JSON.stringify(c.ajv.errors)).toBe(expected);
          expect(c.parse(value).ok).toBe(expected);
        }),
        { seed: SEED, numRuns: RUNS_PER_EVENT },
      );
      // The drawn values must mostly be valid, or the agreement above would say little.
      expect(valid, c.event.name).toBeGreaterThan(RUNS_PER_EVENT / 2);
    }
  });

  it("agree with ajv on mutated values, and locate what they reject", () => {
    for (const c of cases) {
      fc.assert(
        fc.property(mutated(c.shape, c.defs), (value) => {
          const expected = c.ajv(value);
          expect(c.guard(value)).toBe(expected);
          const parsed = c.parse(value);
          expect(parsed.ok).toBe(expected);
          if (expected) return;
          expect(parsed.errors!.length).toBeGreaterThan(0);
          const wrong = ajvPlaces(c.ajv.errors ?? []);
          for (const error of parsed.errors!)
            expect(wrong, `${error.path}: ${error.message}`).toContain(pointer(error.path));
        }),
        { seed: SEED, numRuns: RUNS_PER_EVENT },
      );
    }
  });
});

/** Values that match `shape` (nearly always: oneOf branches may overlap), extra properties and all. */
function arbitrary(shape: Shape, defs: ReadonlyMap<string, Shape>, depth = 0): fc.Arbitrary<unknown> {
  if (shape.ref)
    return depth > 3 && shape.ref === "TreeNode"
      ? fc.constant({ label: "leaf" })
      : arbitrary(defs.get(shape.ref)!, defs, depth + 1);
  if (shape.values) return fc.constantFrom(...shape.values);
  if (shape.openValues) return fc.oneof(fc.constantFrom(...shape.openValues), fc.string());
  const branches = shape.anyOf ?? shape.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => arbitrary(b, defs, depth + 1)));
  if (shape.allOf) return arbitrary(merge(shape.allOf, defs), defs, depth + 1);
  const types = shape.types ?? ["string", "integer", "number", "boolean", "null", "object", "array"];
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case "string":
          if (shape.pattern) return fc.stringMatching(new RegExp(shape.pattern, "u"));
          if (shape.minLength !== undefined || shape.maxLength !== undefined)
            return fc.string({ minLength: shape.minLength ?? 0, maxLength: shape.maxLength ?? 20 });
          return fc.oneof(fc.string(), fc.string({ unit: "binary" }));
        case "integer":
          if (shape.minimum !== undefined || shape.maximum !== undefined)
            return fc.integer({ min: shape.minimum ?? -1e6, max: shape.maximum ?? 1e6 });
          return fc.oneof(fc.integer(), fc.constantFrom(-0, 1e300, Number.MAX_SAFE_INTEGER));
        case "number":
          if (shape.multipleOf !== undefined)
            return fc.integer({ min: 0, max: 1000 }).map((k) => k * shape.multipleOf!);
          if (shape.exclusiveMinimum !== undefined)
            return fc.double({ min: shape.exclusiveMinimum, max: 1e6, noNaN: true, minExcluded: true });
          if (shape.minimum !== undefined) return fc.double({ min: shape.minimum, max: 1e6, noNaN: true });
          return fc.double({ noNaN: true, noDefaultInfinity: true });
        case "boolean":
          return fc.boolean();
        case "null":
          return fc.constant(null);
        case "array": {
          const items = shape.items ? arbitrary(shape.items, defs, depth + 1) : fc.jsonValue();
          const size = { minLength: shape.minItems ?? 0, maxLength: Math.min(shape.maxItems ?? 4, 4) };
          return shape.uniqueItems
            ? fc.uniqueArray(items, { ...size, selector: (v) => JSON.stringify(v) })
            : fc.array(items, size);
        }
        case "object":
          return objectArbitrary(shape, defs, depth);
      }
    }),
  );
}

/** The members of an allOf as one object shape. */
function merge(members: readonly Shape[], defs: ReadonlyMap<string, Shape>): Shape {
  const resolved = members.map((m) => (m.ref ? defs.get(m.ref)! : m));
  return { types: ["object"], properties: resolved.flatMap((m) => m.properties ?? []) };
}

function objectArbitrary(shape: Shape, defs: ReadonlyMap<string, Shape>, depth: number): fc.Arbitrary<unknown> {
  const properties = shape.properties ?? [];
  if (shape.mapValues && properties.length === 0)
    return fc.dictionary(fc.string(), arbitrary(shape.mapValues, defs, depth + 1), { maxKeys: 4 });
  const known = fc.record(Object.fromEntries(properties.map((p) => [p.name, arbitrary(p.shape, defs, depth + 1)])), {
    requiredKeys: properties.filter((p) => p.required).map((p) => p.name),
  });
  if (shape.closed) return known;
  const extra = fc.dictionary(
    fc.string().filter((k) => !properties.some((p) => p.name === k) && k !== "__proto__"),
    shape.mapValues ? arbitrary(shape.mapValues, defs, depth + 1) : fc.jsonValue(),
    { maxKeys: 2 },
  );
  return fc.tuple(known, extra).map(([k, e]) => Object.assign(e, k));
}

/** A valid value with one place changed: replaced by any JSON value, or removed. */
function mutated(shape: Shape, defs: ReadonlyMap<string, Shape>): fc.Arbitrary<unknown> {
  return fc
    .tuple(arbitrary(shape, defs), fc.jsonValue({ maxDepth: 2 }), fc.nat(), fc.boolean())
    .map(([value, replacement, pick, remove]) => {
      const copy = structuredClone(value);
      const places = placesIn(copy);
      const [parent, key] = places[pick % places.length]!;
      if (parent === undefined) return replacement;
      if (remove && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key];
      else (parent as Record<string | number, unknown>)[key] = replacement;
      return copy;
    });
}

function placesIn(value: unknown): [object | undefined, string | number][] {
  const out: [object | undefined, string | number][] = [[undefined, ""]];
  const walk = (node: unknown) => {
    if (typeof node !== "object" || node === null) return;
    for (const [key, child] of Object.entries(node)) {
      out.push([node, Array.isArray(node) ? Number(key) : key]);
      walk(child);
    }
  };
  walk(value);
  return out;
}

/** Where ajv found something wrong, as JSON pointers; a missing property counts at its own place. */
function ajvPlaces(
  errors: readonly { instancePath: string; keyword: string; params: Record<string, unknown> }[],
): string[] {
  return errors.map((e) =>
    e.keyword === "required"
      ? `${e.instancePath}/${escape(String(e.params.missingProperty))}`
      : e.keyword === "additionalProperties"
        ? `${e.instancePath}/${escape(String(e.params.additionalProperty))}`
        : e.instancePath,
  );
}

/** `data.sip_headers[1]["a b"]` → `/data/sip_headers/1/a b`. */
function pointer(path: string): string {
  let out = "";
  for (const [, name, index, quoted] of path.matchAll(/\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    out += `/${escape(name ?? index ?? JSON.parse(quoted!))}`;
  }
  return out;
}

function escape(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The spec's text with its `__proto__` properties taken out. */
function withoutProto(yaml: string): string {
  return yaml.replace(/^\s*__proto__:.*\n/gm, "").replace(/, __proto__(: \{[^}]*\})?/g, "");
}
