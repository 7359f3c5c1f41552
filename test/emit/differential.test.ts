import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackage } from "../helpers.js";
import { SchemaValues, type NearMiss } from "../oracle/arbitrary.js";
import { extensionsIn, readWritten, type Schema, type WrittenEvent } from "../oracle/spec-as-written.js";

// Differential: the generated guards against ajv, both judging values drawn from each event's
// shape as the spec writes it. The oracle is independent of the generator: ajv (2020-12, strict)
// is compiled on the YAML's own JSON Schema (`$defs` and all, read with the yaml package), and the
// values are drawn from that same reading (test/oracle/), so a keyword the generator reads wrongly
// shows as a disagreement. Seeded, so a failure reproduces.
const SEED = 20261124;
/** Values per distinct shape (valid, then near misses); an event whose shape another already had gets fewer. */
const RUNS = 300;
const RUNS_REPEATED_SHAPE = 25;

// Every accepted spec of the corpus and the OpenAI catalogue: the catalogues are data, read here.
const CORPUS = "test/corpus/accepted";
const SPECS = [
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join(CORPUS, f)),
  "test/fixtures/openai/events.yaml",
];

interface Case {
  spec: string;
  event: WrittenEvent;
  /** False when an event before it had the same shape. */
  firstOfShape: boolean;
  values: SchemaValues;
  guard: (value: unknown) => boolean;
  validate: (value: unknown, issues?: { path: string; message: string }[]) => boolean;
  /** Body layout: the package's parser, which picks the event by `type`; and ajv for every event of the spec, by name. */
  parse?: (value: unknown) => { ok: boolean };
  ajvByName?: ReadonlyMap<string, ValidateFunction>;
  ajv: ValidateFunction;
  /** ajv stopping at its first error, for the place it names first. */
  ajvFirst: ValidateFunction;
}
const cases: Case[] = [];
const specEvents = new Map<string, { written: string[]; exported: string[] }>();
const figures = { valid: 0, invalid: 0, firstPlaceSame: 0, firstPlaceCompared: 0 };
/** The keywords near misses aimed at or went through, those aimed at, and those ajv then named as failing. */
const reachedKeywords = new Set<string>();
const aimedKeywords = new Set<string>();
const failedKeywords = new Set<string>();
/** The validation keywords the specs use: every one must be reached. */
const usedKeywords = new Set<string>();

beforeAll(async () => {
  const shapes = new Set<string>();
  for (const file of SPECS) {
    const written = readWritten(readFileSync(file, "utf8"));
    const ajv = strictAjv(written.checkFormats, true, written.events);
    const ajvFirst = strictAjv(written.checkFormats, false, written.events);
    const { pkg, model } = await buildPackage(written.text, file);
    specEvents.set(file, {
      written: written.events.map((e) => e.name).sort(),
      exported: [...(pkg.WEBHOOK_EVENT_TYPES as string[])].sort(),
    });
    const values = new SchemaValues(written.events[0]?.schema.$defs ?? {}, written.checkFormats);
    const compiled = written.events.map((event) => {
      const { $defs, ...rest } = event.schema;
      keywordsIn(rest, usedKeywords, written.checkFormats);
      for (const def of Object.values(($defs ?? {}) as Schema)) keywordsIn(def, usedKeywords, written.checkFormats);
      return [event, ajv.compile(event.schema), ajvFirst.compile(event.schema)] as const;
    });
    const ajvByName = new Map(compiled.map(([event, validate]) => [event.name, validate]));
    for (const [event, validate, firstAjv] of compiled) {
      // The generated package names its functions; which event each is comes from the spec's name.
      const names = model.events.find((e) => e.name === event.name)!;
      cases.push({
        spec: file,
        event,
        firstOfShape: !shapes.has(event.shapeKey),
        values,
        guard: pkg[names.guardName],
        validate: pkg[names.validatorName],
        ...(!written.layout && { parse: pkg.parseWebhookEvent, ajvByName }),
        ajv: validate,
        ajvFirst: firstAjv,
      });
      shapes.add(event.shapeKey);
    }
  }
});

afterAll(() => {
  const distinct = cases.filter((c) => c.firstOfShape).length;
  console.info(
    `differential: ${SPECS.length} specs, ${cases.length} events, ${distinct} distinct shapes; ` +
      `${figures.valid + figures.invalid} values judged (${figures.valid} valid, ${figures.invalid} refused); ` +
      `the guard's first error at ajv's first place in ${figures.firstPlaceSame} of ${figures.firstPlaceCompared}; ` +
      `keywords aimed at but never refused (unions can hide them): ${[...aimedKeywords].filter((k) => k !== "any" && !failedKeywords.has(k)).join(", ") || "none"}`,
  );
});

describe("generated guards against ajv on the spec as written", () => {
  it("cover every event of every spec, as the package lists them", () => {
    for (const [file, { written, exported }] of specEvents) expect(exported, file).toEqual(written);
    const all = [...specEvents.values()].flatMap((s) => s.written);
    expect(cases.map((c) => c.event.name).sort()).toEqual(all.sort());
    expect(cases.length).toBeGreaterThan(0);
  });

  it("answer as ajv does on values drawn from each shape, most of them valid", () => {
    for (const c of cases) {
      const runs = c.firstOfShape ? RUNS : RUNS_REPEATED_SHAPE;
      let valid = 0;
      let judged = 0;
      fc.assert(
        fc.property(c.values.valid(c.event.schema), (value) => {
          const expected = c.ajv(value);
          judge(c, value, expected);
          judged++;
          if (expected) valid++;
        }),
        { seed: SEED, numRuns: runs },
      );
      // Every run reached the comparison, and most drawn values are valid, or the agreement would say little.
      expect(judged, c.event.name).toBe(runs);
      expect(valid, `${c.spec} ${c.event.name}: valid values`).toBeGreaterThan(runs * 0.8);
      figures.valid += valid;
      figures.invalid += runs - valid;
    }
  });

  it("agree with ajv on near misses and locate what they refuse where ajv does", () => {
    for (const c of cases) {
      const runs = c.firstOfShape ? RUNS : RUNS_REPEATED_SHAPE;
      let refused = 0;
      let judged = 0;
      const values = fc.oneof(
        { arbitrary: c.values.nearMiss(c.event.schema), weight: 3 },
        { arbitrary: anyPlaceChanged(c.values.valid(c.event.schema)), weight: 1 },
      );
      fc.assert(
        fc.property(values, ({ value }) => {
          const expected = c.ajv(value);
          const issues = judge(c, value, expected);
          judged++;
          if (expected) return;
          refused++;
          const wrong = ajvPlaces(c.ajv.errors ?? []);
          expect(issues.length, JSON.stringify(value)).toBeGreaterThan(0);
          for (const issue of issues)
            expect(wrong, `${c.event.name} ${issue.path}: ${issue.message}`).toContain(pointer(issue.path));
          // The first place each names, where ajv stops at one: how often they agree is reported.
          c.ajvFirst(value);
          figures.firstPlaceCompared++;
          if (ajvPlaces(c.ajvFirst.errors ?? [])[0] === pointer(issues[0]!.path)) figures.firstPlaceSame++;
        }),
        { seed: SEED, numRuns: runs },
      );
      expect(judged, c.event.name).toBe(runs);
      expect(refused, `${c.spec} ${c.event.name}: refused near misses`).toBeGreaterThan(runs * 0.6);
      figures.valid += runs - refused;
      figures.invalid += refused;
    }
    // Where ajv stops at its first error, the guard's first issue is mostly at the same place (the
    // two may check an object's keywords in another order, so not always).
    expect(figures.firstPlaceSame).toBeGreaterThan(figures.firstPlaceCompared * 0.9);
  });

  it("aimed near misses at every validation keyword the specs use", () => {
    // The same near misses as above (same seed and runs), drawn again: what each aimed at, and
    // through which keywords it got there; and which keywords ajv then named as failing.
    for (const c of cases) {
      const runs = c.firstOfShape ? RUNS : RUNS_REPEATED_SHAPE;
      for (const { value, kind, via } of fc.sample(c.values.nearMiss(c.event.schema), { seed: SEED, numRuns: runs })) {
        for (const k of [kind, ...via]) reachedKeywords.add(k);
        aimedKeywords.add(kind);
        if (!c.ajv(value)) for (const e of c.ajv.errors ?? []) failedKeywords.add(e.keyword);
      }
    }
    expect(usedKeywords.size).toBeGreaterThan(0);
    expect([...usedKeywords].filter((k) => !reachedKeywords.has(k))).toEqual([]);
    // Most keywords, broken, make a value invalid (inside a union another branch may still take it).
    expect(failedKeywords.size).toBeGreaterThan(usedKeywords.size / 2);
  });
});

/** The same question to every entry point of the package; the validator's issues are returned. */
function judge(c: Case, value: unknown, expected: boolean): { path: string; message: string }[] {
  const context = `${c.spec} ${c.event.name}: ${JSON.stringify(value)?.slice(0, 400)}\najv: ${JSON.stringify(c.ajv.errors)?.slice(0, 400)}`;
  expect(c.guard(value), context).toBe(expected);
  const issues: { path: string; message: string }[] = [];
  expect(c.validate(value, issues), context).toBe(expected);
  if (c.parse) {
    // The parser picks the event by `type`: it must accept exactly what that event's schema accepts.
    const type = (value as { type?: unknown } | null)?.type;
    const named = typeof type === "string" ? c.ajvByName!.get(type) : undefined;
    expect(c.parse(value).ok, context).toBe(named ? named(value) : false);
  }
  return issues;
}

function strictAjv(checkFormats: boolean, allErrors: boolean, events: WrittenEvent[]): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allowUnionTypes: true,
    allErrors,
    ownProperties: true,
    strictNumbers: true,
    // Formats are documentation unless a spec turns checking on, as in the generated guards.
    validateFormats: checkFormats,
  });
  if (checkFormats) addFormats.default(ajv, { mode: "full" });
  // Extensions (`x-*`) are annotations for other tools: ajv is told so, as strict mode asks.
  for (const keyword of extensionsIn(events.map((e) => e.schema))) ajv.addKeyword(keyword);
  return ajv;
}

const ANNOTATIONS = new Set(["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly"]);

/** The keywords of a schema that decide validity (not property names, annotations, extensions, unchecked formats). */
function keywordsIn(schema: unknown, out: Set<string>, checkFormats: boolean): void {
  if (Array.isArray(schema)) for (const s of schema) keywordsIn(s, out, checkFormats);
  else if (typeof schema === "object" && schema !== null)
    for (const [key, value] of Object.entries(schema)) {
      if (ANNOTATIONS.has(key) || key.startsWith("x-") || (key === "format" && !checkFormats)) continue;
      out.add(key);
      if (key === "properties" || key === "patternProperties")
        for (const child of Object.values(value as Schema)) keywordsIn(child, out, checkFormats);
      else if (key !== "const" && key !== "enum" && key !== "required") keywordsIn(value, out, checkFormats);
    }
}

/** A valid value with one place (any place) replaced by any JSON value, or removed: breaks no keyword in particular. */
function anyPlaceChanged(valid: fc.Arbitrary<unknown>): fc.Arbitrary<NearMiss> {
  return fc
    .tuple(valid, fc.jsonValue({ maxDepth: 2 }), fc.nat(), fc.boolean())
    .map(([value, replacement, pick, remove]) => {
      const copy = structuredClone(value);
      const places = placesIn(copy);
      const [parent, key] = places[pick % places.length]!;
      if (parent === undefined) return { value: replacement, kind: "any", via: [] };
      if (remove && !Array.isArray(parent)) delete (parent as Record<string, unknown>)[key];
      else (parent as Record<string | number, unknown>)[key] = replacement;
      return { value: copy, kind: "any", via: [] };
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

/** Where ajv found something wrong, as JSON pointers; a missing or extra property counts at its own place. */
function ajvPlaces(errors: readonly ErrorObject[]): string[] {
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
