import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { SpecError, formatProblem } from "../generator/errors.js";
import { loadSpec } from "../generator/load.js";
import { validateSpec } from "../generator/validate.js";
import { parse } from "yaml";
import { buildPackage, tempDir, typecheck } from "./helpers.js";

// Specs made to break the generator, each with the outcome a user should get.
const CORPUS = "test/corpus";

// Bounded work is shown by counts, not timing: the bytes the loader reads from a spec file and
// the YAML text it parses (in characters), counted through the two modules it reads them with.
const work = vi.hoisted(() => ({ bytesRead: 0, parsed: 0 }));
vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  const readSync = ((...args: Parameters<typeof fs.readSync>) => {
    const n = (fs.readSync as (...a: unknown[]) => number)(...args);
    work.bytesRead += n;
    return n;
  }) as typeof fs.readSync;
  return { ...fs, readSync, default: { ...fs, readSync } };
});
vi.mock("yaml", async (original) => {
  const yaml = await original<typeof import("yaml")>();
  const parseDocument = ((...args: Parameters<typeof yaml.parseDocument>) => {
    work.parsed += String(args[0]).length;
    return yaml.parseDocument(...args);
  }) as typeof yaml.parseDocument;
  return { ...yaml, parseDocument };
});

/** The problems a spec file gets, as the CLI prints them, and the work it took: bytes read, characters parsed. */
function refusal(file: string): { problems: string[]; bytesRead: number; parsed: number } {
  work.bytesRead = 0;
  work.parsed = 0;
  try {
    validateSpec(loadSpec(file));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return { problems: error.problems.map(formatProblem), ...work };
  }
  throw new Error(`${file} was accepted`);
}

const REFUSED: Record<string, string> = {
  "alias-bomb.yaml":
    "1:1 Excessive alias count indicates a resource exhaustion attack; write the value out instead of using aliases",
  "comments-only.yaml": "1:1 the spec is empty; start from the example in the README",
  "duplicate-keys.yaml": "12:5 Map keys must be unique (YAML DUPLICATE_KEY): keep one of them",
  "empty.yaml": "1:1 the spec is empty; start from the example in the README",
  "example-mismatch.yaml":
    "17:75 events[0] (thing.created).example.data.id expected string, got number (the example does not match the event's shape)",
  "invalid-utf8.yaml": "10:41 is not valid UTF-8 (byte 0xe9 at offset 244); save the file as UTF-8",
  "leading-digit.yaml":
    '9:11 events[0] (2fa.enabled).name "2fa.enabled" is not allowed: use two or more dot-separated segments',
  "no-data.yaml": "9:5 events[0] (thing.created).data is required",
  "not-a-mapping.yaml": "1:1 expected object, got array",
  "prefix-mismatch.yaml":
    '17:75 events[0] (thing.created).example.data.id should start with the event\'s id_prefix "thing_"',
  "proto-event-name.yaml": '9:11 events[0] (__proto__.created).name "__proto__.created" is not allowed',
  "ref-cycle.yaml":
    '16:21 events[0] (thing.created).data.properties.id.$ref "#/events/0/data" is not allowed: point at a shared shape',
  "ref-file.yaml":
    '16:21 events[0] (thing.created).data.properties.id.$ref "./other.yaml" is not allowed: point at a shared shape',
  "ref-outside.yaml":
    '16:21 events[0] (thing.created).data.properties.id.$ref "../../../etc/passwd" is not allowed: point at a shared shape',
  "ref-url.yaml":
    '16:21 events[0] (thing.created).data.properties.id.$ref "https://example.com/schema.json" is not allowed: point at a shared shape',
  "separator-collision.yaml":
    "18:11 events[1] (a_b.c).name gives the identifier ABCWebhookEvent, ABCWebhookEventData, isABCWebhookEvent, validateABCWebhookEvent, validateABCWebhookEventOwnFields, ABCWebhookEventSchema, which event a.b_c already gives",
  "tab-indented.yaml":
    "3:1 Tabs are not allowed as indentation (YAML TAB_AS_INDENT): indent with spaces; the same on 13 more lines",
  "unsupported-keyword.yaml":
    "16:29 events[0] (thing.created).data.properties.id.not is not supported: describe what is allowed (enum, anyOf) rather than what is not",
  "const-contradicts-type.yaml":
    "17:40 events[0] (thing.created).data.properties.ratio.const 1.5 contradicts the rest of the shape: expected integer, got number 1.5",
  "const-with-enum.yaml":
    "17:27 events[0] (thing.created).data.properties.kind.enum cannot be combined with const: keep const for one value, enum for several",
  "enum-wrong-type.yaml":
    "17:45 events[0] (thing.created).data.properties.size.enum[1] 3 contradicts the rest of the shape: expected string, got number",
  "ref-missing.yaml":
    '17:24 events[0] (thing.created).data.properties.owner.$ref points at "User", which $defs does not declare; declared: none',
  "allof-conflict.yaml":
    "17:43 events[0] (thing.created).data.properties.both.allOf[1] has type integer, but allOf[0] has type string: no value can be both",
  "allof-closed-member.yaml":
    '19:53 events[0] (thing.created).data.properties.merged.allOf[0].additionalProperties closes this member, so "b", which another part names, could never be present',
  "limits-impossible.yaml":
    "17:16 events[0] (thing.created).data.properties.score has limits no number can meet (from 10 to 1); check minimum and maximum",
  "bad-pattern.yaml": "16:38 events[0] (thing.created).data.properties.id.pattern is not a valid regular expression",
  "title-collision.yaml":
    "18:26 events[0] (thing.created).data.properties.editor.title names the type Person, which events[0] (thing.created).data.properties.owner already gives to a different shape",
  "def-hides-global.yaml": "19:3 $defs.Map would be exported as Map, which hides a global of the same name; rename it",
  "ref-loop-without-value.yaml":
    "7:21 $defs.Loop.anyOf[1].allOf[0].$ref refers back to its own shape with no value in between, so it never says what a value is; put the reference under properties or items, or remove it",
};

describe("specs that are refused", () => {
  it.each(Object.entries(REFUSED))("%s: %s", (name, expected) => {
    const file = join(CORPUS, "refused", name);
    const { problems, bytesRead, parsed } = refusal(file);
    expect(problems[0]!.startsWith(`${file}:${expected}`), problems.join("\n")).toBe(true);
    // Read once, and parsed at most twice, whatever is wrong with it: in parts (load-parts.ts; the
    // top level holds an empty line for each line of the events), then whole to say where.
    const size = statSync(file).size;
    expect(bytesRead).toBe(size);
    expect(parsed).toBeLessThanOrEqual(2 * size + readFileSync(file, "utf8").split("\n").length);
  });

  it("covers every file in the corpus", async () => {
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(join(CORPUS, "refused")).sort()).toEqual(Object.keys(REFUSED).sort());
  });

  it("refuses a 50 MB file at once, without parsing it", () => {
    const file = join(tempDir(), "huge.yaml");
    writeFileSync(file, `# ${"x".repeat(50 * 2 ** 20)}\n`);
    const { problems, bytesRead, parsed } = refusal(file);
    expect(problems).toEqual([`${file}:1:1 is 50.0 MiB; specs over 32 MiB are refused to bound time and memory`]);
    // Refused from its size alone: not a byte read, nothing parsed.
    expect({ bytesRead, parsed }).toEqual({ bytesRead: 0, parsed: 0 });
  });

  it("refuses deep nesting with the place it goes too deep, reading and parsing it once", () => {
    const deepFlow = join(tempDir(), "deep-flow.yaml");
    writeFileSync(deepFlow, `${"[".repeat(100_000)}${"]".repeat(100_000)}\n`);
    const flow = refusal(deepFlow);
    expect(flow.problems[0]).toMatch(/:1:\d+ is nested too deeply to parse; flatten it \(YAML RESOURCE_EXHAUSTION\)$/);
    expect({ bytesRead: flow.bytesRead, parsed: flow.parsed }).toEqual({ bytesRead: 200_001, parsed: 200_001 });

    const deepShape = join(tempDir(), "deep-shape.yaml");
    let shape = "{ type: string }";
    for (let i = 0; i < 40; i++) shape = `{ type: object, properties: { a: ${shape} } }`;
    writeFileSync(
      deepShape,
      readFileSync(join(CORPUS, "accepted/inherited-names.yaml"), "utf8").replace(
        'valueOf: { type: [string, "null"] }',
        `valueOf: ${shape}`,
      ),
    );
    expect(refusal(deepShape).problems[0]).toMatch(
      /deep-shape\.yaml:\d+:\d+ events\[0\] \(constructor\.prototype\)\.data\.properties\.valueOf(\.properties\.a)+.* is nested more than 64 levels deep; flatten the spec$/,
    );
  });

  it("refuses a file that cannot be read, saying why", () => {
    expect(refusal("no/such/spec.yaml").problems).toEqual([
      "no/such/spec.yaml:1:1 cannot be read: there is no such file; pass the spec with --spec FILE",
    ]);
  });
});

/** What a hostile spec must still give: exactly these exports and nothing smuggled in. */
const ACCEPTED: Record<string, string[]> = {
  "hostile-text.yaml": [
    "ThingCreatedWebhookEventSchema",
    "isThingCreatedWebhookEvent",
    "validateThingCreatedWebhookEvent",
  ],
  "inherited-names.yaml": [
    "ClassNewDefaultWebhookEventSchema",
    "ConstructorPrototypeWebhookEventSchema",
    "ToStringHasOwnPropertyWebhookEventSchema",
    "isClassNewDefaultWebhookEvent",
    "isConstructorPrototypeWebhookEvent",
    "isToStringHasOwnPropertyWebhookEvent",
    "validateClassNewDefaultWebhookEvent",
    "validateConstructorPrototypeWebhookEvent",
    "validateToStringHasOwnPropertyWebhookEvent",
  ],
  "no-events.yaml": [],
  "keywords.yaml": [
    "CallEndedWebhookEventSchema",
    "CallIncomingWebhookEventSchema",
    "isCallEndedWebhookEvent",
    "isCallIncomingWebhookEvent",
    "validateCallEndedWebhookEvent",
    "validateCallIncomingWebhookEvent",
    ...["Caller", "Circle", "SipHeader", "Square", "TreeNode"].flatMap((name) => [`is${name}`, `validate${name}`]),
  ],
  "every-shape.yaml": [
    "OrderShippedWebhookEventSchema",
    "isOrderShippedWebhookEvent",
    "validateOrderShippedWebhookEvent",
  ],
};
const ALWAYS = [
  "WEBHOOK_EVENT_TYPES",
  "WebhookEventSchema",
  "fixtures",
  "isWebhookEvent",
  "parseWebhookEvent",
  "validateWebhookEvent",
];

describe.each(Object.entries(ACCEPTED))("the package generated from %s", (name, exports) => {
  const text = readFileSync(join(CORPUS, "accepted", name), "utf8");
  const built = buildPackage(text, name);
  // The spec as written, read with the yaml package: what the package is judged against.
  const written = parse(text) as { events: { name: string; data: { properties?: object; required?: string[] } }[] };

  it("exports exactly the expected names", async () => {
    const { pkg } = await built;
    expect(Object.keys(pkg).sort()).toEqual([...exports, ...ALWAYS].sort());
  });

  it("compiles under strict settings", async () => {
    const { dir } = await built;
    expect(await typecheck([join(dir, "index.ts")])).toEqual([]);
  });

  it("carries every example through unchanged, and its guards accept each", async () => {
    const { pkg, model } = await built;
    // The events are the spec's, read here from the YAML; with none, the package accepts no event.
    const names = written.events.map((e) => e.name).sort();
    expect([...pkg.WEBHOOK_EVENT_TYPES].sort()).toEqual(names);
    expect(model.events.map((e) => e.name).sort()).toEqual(names);
    for (const event of model.events) {
      expect(pkg.fixtures[event.name]).toEqual(event.example);
      expect(pkg[event.guardName](structuredClone(event.example)), event.name).toBe(true);
      expect(pkg.parseWebhookEvent(structuredClone(event.example))).toEqual({ ok: true, event: event.example });
    }
    const stranger = { id: "evt_1", type: `${names.join("_")}.other`, created_at: 1, data: {} };
    expect(pkg.isWebhookEvent(stranger)).toBe(false);
    expect(pkg.parseWebhookEvent(stranger).ok).toBe(false);
  });

  it("keeps required fields required whatever their names", async () => {
    const { dir, model } = await built;
    // Read with the TypeScript checker, so that names that need quoting or escaping are found
    // too, and each event's data interface is read, not the first line that names the field.
    const typeNames = written.events.map((e) => model.events.find((m) => m.name === e.name)!.typeName);
    const declared = await dataProperties(dir, typeNames);
    let checked = 0;
    for (const [i, event] of written.events.entries()) {
      const required = new Set(event.data.required ?? []);
      const expected = Object.keys(event.data.properties ?? {}).map((name) => [name, required.has(name) ? "" : "?"]);
      expect([...declared[i]!].sort(), event.name).toEqual(expected.sort());
      checked += expected.length;
    }
    // Every property of the spec was compared; a spec with no events has none, and says so.
    expect(checked).toBe(written.events.reduce((n, e) => n + Object.keys(e.data.properties ?? {}).length, 0));
    if (written.events.length === 0) expect(declared).toEqual([]);
  });

  it("puts no spec text outside comments and string literals", async () => {
    const { dir } = await built;
    // `pwned` appears in the hostile spec only inside text; as code it would be a declaration or a call.
    for (const file of ["index.ts", "unions.ts", "parse.ts", "fixtures/index.ts"]) {
      const code = readFileSync(join(dir, file), "utf8");
      expect(code).not.toMatch(/^\s*export const pwned|^\s*throw 1|^\s*alert\(/m);
    }
  });
});

/** Each event's data properties as the generated types declare them: [name, "?" when optional]. */
async function dataProperties(dir: string, typeNames: readonly string[]): Promise<[string, string][][]> {
  const ts = (await import("typescript")).default;
  const probe = join(dir, "probe-data.ts");
  writeFileSync(
    probe,
    [
      `import type * as pkg from "./index.js";`,
      ...typeNames.map((t, i) => `export type D${i} = pkg.${t}["data"];`),
    ].join("\n"),
  );
  const program = ts.createProgram([probe], {
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
  });
  const checker = program.getTypeChecker();
  return program
    .getSourceFile(probe)!
    .statements.filter(ts.isTypeAliasDeclaration)
    .map((alias) =>
      checker
        .getPropertiesOfType(checker.getTypeAtLocation(alias.name))
        .map((p): [string, string] => [ts.symbolName(p), p.flags & ts.SymbolFlags.Optional ? "?" : ""]),
    );
}
