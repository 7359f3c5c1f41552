import { emitDefs } from "./emit/defs.js";
import { emitDocs } from "./emit/docs.js";
import { emitFixtures } from "./emit/fixtures.js";
import { emitGuards } from "./emit/guards.js";
import { emitIndex } from "./emit/index.js";
import type { Emitted, GeneratedFile } from "./emit/module.js";
import { emitPackageJson } from "./emit/package.js";
import { emitParse } from "./emit/parse.js";
import { emitReadme } from "./emit/readme.js";
import { emitRuntime } from "./emit/runtime.js";
import { emitSchemas } from "./emit/schemas.js";
import { emitTypes } from "./emit/types.js";
import { emitUnions } from "./emit/unions.js";
import { emitWebhooks } from "./emit/webhooks.js";
import type { SpecProblem } from "./errors.js";
import { inputsFingerprint, sourceName } from "./fingerprint.js";
import { loadSpec } from "./load.js";
import { buildModel, compareNames, type CatalogueModel } from "./model.js";
import { packageSupport, printModules } from "./print-package.js";
import { validateSpec } from "./validate.js";
import { withManifest } from "./write.js";

/**
 * load → validate → model → emit → print. Returns the files of the package, sorted by path, and
 * its manifest; writing them is the caller's choice (see write.ts). Throws SpecError on a bad spec.
 */
export async function generate(
  specFile: string,
  outDir: string,
  warn: (problem: SpecProblem) => void = () => {},
  progress: Progress = () => {},
): Promise<GeneratedFile[]> {
  progress("reading the spec");
  const model = readModel(specFile, outDir, warn);
  progress("writing the code");
  return withManifest(packageFiles(model), inputsFingerprint(specFile, outDir));
}

/**
 * load → validate → model. A function of its own so that the parsed YAML (with every node's
 * position, many times the spec's size) is garbage once the model exists, before the emitters run.
 */
function readModel(specFile: string, outDir: string, warn: (problem: SpecProblem) => void): CatalogueModel {
  const loaded = loadSpec(specFile);
  loaded.warnings.forEach(warn);
  const spec = validateSpec(loaded);
  // Headers name the spec relative to the output, so the bytes do not depend on where the repo lives.
  return buildModel(spec, sourceName(specFile, outDir));
}

/**
 * The package's files, printed: what `generate` writes, without the manifest. Each emitter's
 * modules are printed as soon as they are described, so only one emitter's descriptions are held
 * at a time (a 1,000-event catalogue's guards alone are hundreds of MB of trees).
 */
export function packageFiles(model: CatalogueModel): GeneratedFile[] {
  const files = [...EMITTERS.flatMap((emit) => printModules(emit(model))), ...packageSupport()];
  return files.sort((a, b) => compareNames(a.path, b.path));
}

/** Where a run is, for a progress line: a stage, and for long stages how far it got. */
export type Progress = (stage: string, done?: number, total?: number) => void;

/** Every emitter, each a function of the model; whole-catalogue files and per-event files alike. */
const EMITTERS: readonly ((model: CatalogueModel) => Emitted[])[] = [
  emitTypes,
  emitDefs,
  emitGuards,
  emitUnions,
  emitParse,
  emitRuntime,
  emitFixtures,
  emitSchemas,
  emitWebhooks,
  emitIndex,
  emitPackageJson,
  emitReadme,
  emitDocs,
];

/** Every file of the package as the emitters describe it (modules not yet printed). */
export function emitAll(model: CatalogueModel): Emitted[] {
  return EMITTERS.flatMap((emit) => emit(model));
}
