import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { onTestFinished } from "vitest";
import type { GeneratedFile } from "../generator/emit/module.js";
import { formatProblem, SpecError } from "../generator/errors.js";
import { loadSpec } from "../generator/load.js";
import { buildModel, type CatalogueModel } from "../generator/model.js";
import { generate } from "../generator/pipeline.js";
import { validateSpec } from "../generator/validate.js";

export const SPEC = "spec/events.yaml";
/** A frozen copy of the OpenAI catalogue: the generator's own tests use it, not the user's spec. */
export const OPENAI_SPEC = "test/fixtures/openai/events.yaml";

let openai: ReturnType<typeof buildPackage> | undefined;
/** The package generated from the frozen OpenAI catalogue, built once per test file. */
export function openaiPackage(): ReturnType<typeof buildPackage> {
  return (openai ??= buildPackage(readFileSync(OPENAI_SPEC, "utf8"), OPENAI_SPEC));
}

let catalogue: Promise<GeneratedFile[]> | undefined;
/** The package generated from the repo's spec, in memory; generated once per test file. */
export function generatedFiles(): Promise<GeneratedFile[]> {
  return (catalogue ??= generate(SPEC, "generated"));
}

/** The model of a spec given as YAML text. */
export function modelOf(yaml: string): CatalogueModel {
  return buildModel(validateSpec(loadSpec("spec.yaml", yaml)), "../spec.yaml");
}

/** The problems validation finds in a spec given as YAML text, formatted as the CLI prints them. */
export function problemsOf(yaml: string): string[] {
  try {
    validateSpec(loadSpec("spec/events.yaml", yaml));
  } catch (error) {
    if (error instanceof SpecError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

// Every scratch folder is removed when the test process ends, whatever made it (a test, a
// describe block, a module's top level): nothing is left behind in the system's temp folder.
const scratch = new Set<string>();
process.once("exit", () => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder, removed when the test ends (or, made outside a test, when the process does). */
export function scratchDir(prefix = "wec-test-"): string {
  // Named after the test run, whose global teardown removes them all (test/global-setup.ts).
  const run = process.env.WEC_TEST_RUN;
  const dir = mkdtempSync(join(tmpdir(), run ? prefix.replace(/^wec-/, `wec-${run}-`) : prefix));
  scratch.add(dir);
  return dir;
}

/** A temporary folder, removed when the test ends. */
export function tempDir(): string {
  const dir = scratchDir();
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeTree(root: string, files: readonly GeneratedFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.contents);
  }
}

/** The smallest valid spec: one event. Tests change one line of it at a time. */
export const MINIMAL_SPEC = `package: { name: things, version: 1.0.0 }
envelope:
  id_prefix: evt_
  required: [id, created_at]
  properties:
    id: { type: string }
    created_at: { type: integer }
events:
  - name: thing.created
    description: Sent when a thing is created.
    id_prefix: thing_
    data:
      type: object
      required: [id]
      properties:
        id: { type: string }
    example: { id: evt_1, type: thing.created, created_at: 1, data: { id: thing_1 } }
`;

/** MINIMAL_SPEC with `from` replaced by `to`; fails loudly if `from` is not there, so a test cannot pass vacuously. */
export function edit(from: string, to: string, spec = MINIMAL_SPEC): string {
  if (!spec.includes(from)) throw new Error(`test setup: ${JSON.stringify(from)} is not in the spec`);
  return spec.replace(from, to);
}

/**
 * Generates a package from spec text into a fresh folder, sources and `dist/` as `generate` writes
 * them, and imports its printed JavaScript (`dist/esm`, or `dist/cjs` with `format: "cjs"`): the
 * behaviour tests judge the code consumers run. The folder lives until the test file ends.
 */
export async function buildPackage(
  specYaml: string,
  name = "spec.yaml",
  format: "esm" | "cjs" = "esm",
): Promise<{ dir: string; model: CatalogueModel; pkg: Record<string, any> }> {
  const { packageFiles } = await import("../generator/pipeline.js");
  const model = buildModel(validateSpec(loadSpec(name, specYaml)), name);
  const dir = scratchDir("wec-pkg-");
  writeTree(dir, packageFiles(model));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  const entry = join(dir, "dist", format, "index.js");
  const pkg = format === "esm" ? await import(pathToFileURL(entry).href) : createRequire(import.meta.url)(entry);
  return { dir, model, pkg };
}

/**
 * Type-checks TypeScript files the way a strict consumer would; returns the messages. `extra`
 * overrides options (libraries, types); `replace` reads one file as other text.
 */
export async function typecheck(
  rootNames: string[],
  extra: Record<string, unknown> = {},
  replace?: { file: string; text: string },
): Promise<string[]> {
  const ts = (await import("typescript")).default;
  const options = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitReturns: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    verbatimModuleSyntax: true,
    types: [],
    lib: ["lib.es2022.d.ts"],
    ...extra,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  if (replace) host.readFile = (name) => (resolve(name) === replace.file ? replace.text : readFile(name));
  const program = ts.createProgram(rootNames, options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}
