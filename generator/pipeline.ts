import { emitDefs } from "./emit/defs.js";
import { emitDocs } from "./emit/docs.js";
import { emitFixtures, eventFixture } from "./emit/fixtures.js";
import { eventGuards } from "./emit/guards.js";
import { emitIndex } from "./emit/index.js";
import type { Emitted, GeneratedFile } from "./emit/module.js";
import { emitPackageJson } from "./emit/package.js";
import { emitParse } from "./emit/parse.js";
import { emitReadme } from "./emit/readme.js";
import { emitRuntime } from "./emit/runtime.js";
import { emitSchemas, eventSchemaFile } from "./emit/schemas.js";
import { eventTypes } from "./emit/types.js";
import { emitUnions } from "./emit/unions.js";
import { emitWebhooks } from "./emit/webhooks.js";
import type { SpecProblem } from "./errors.js";
import { inputsFingerprint, sourceName } from "./fingerprint.js";
import { loadSpec } from "./load.js";
import { buildModel, compareNames, type CatalogueContext, type CatalogueModel, type EventModel } from "./model.js";
import { packageSupport, printModules } from "./print-package.js";
import { eventKeys, previousRun, recall, type EventRecord, type PreviousRun } from "./reuse.js";
import { validateSpec } from "./validate.js";
import { streamWithManifest } from "./manifest.js";

/**
 * load → validate → model → emit → print. Returns the files of the package, sorted by path, and
 * its manifest; writing them is the caller's choice (see write.ts). Throws SpecError on a bad spec.
 */
export async function generate(
  specFile: string,
  outDir: string,
  warn?: (problem: SpecProblem) => void,
  progress?: Progress,
  reuse = true,
): Promise<GeneratedFile[]> {
  const files = [...(await generateStream(specFile, outDir, warn, progress, reuse))];
  const manifest = files.pop()!;
  return [...files.sort((a, b) => compareNames(a.path, b.path)), manifest];
}

/**
 * The same files, printed as they are asked for (the manifest last), so that a writer can let each
 * go before the next: the spec is read, checked and modelled first, so a bad spec throws here.
 * An event whose inputs are those of the run that wrote `outDir` keeps that run's files (reuse.ts);
 * `reuse: false` emits every event.
 */
export async function generateStream(
  specFile: string,
  outDir: string,
  warn: (problem: SpecProblem) => void = () => {},
  progress: Progress = () => {},
  reuse = true,
): Promise<Iterable<GeneratedFile>> {
  progress("reading the spec");
  const model = readModel(specFile, outDir, warn);
  progress("writing the code");
  const events: Record<string, EventRecord> = {};
  const files = packageStream(model, reuse ? previousRun(outDir) : undefined, events);
  return streamWithManifest(files, inputsFingerprint(specFile, outDir), events);
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

/** The package's files, printed and sorted by path: what `generate` writes, without the manifest. */
export function packageFiles(model: CatalogueModel): GeneratedFile[] {
  return [...packageStream(model, undefined, {})].sort((a, b) => compareNames(a.path, b.path));
}

/**
 * The package's files, as they are asked for, and what each event wrote (into `events`). Each
 * event's modules are printed as soon as they are described, and each whole-catalogue emitter's
 * as soon as it returns, so the trees of one event (or one emitter) are held at a time (a
 * 1,000-event catalogue's guards alone are hundreds of MB of trees). An event the previous run
 * wrote under the same key keeps its files.
 */
function* packageStream(
  model: CatalogueModel,
  previous: PreviousRun | undefined,
  events: Record<string, EventRecord>,
): Generator<GeneratedFile> {
  const keyOf = eventKeys(model);
  for (const event of model.events) {
    const key = keyOf(event);
    const own = recall(previous, event, key) ?? printModules(emitEvent(model, event));
    events[event.name] = { key, files: own.map((f) => f.path).sort(compareNames) };
    yield* own;
  }
  for (const emit of CATALOGUE_EMITTERS) yield* printModules(emit(model));
  yield* packageSupport();
}

/** Where a run is, for a progress line: a stage, and for long stages how far it got. */
export type Progress = (stage: string, done?: number, total?: number) => void;

/** The emitters of an event's own files: each a function of the event and the catalogue around it. */
const EVENT_EMITTERS: readonly ((context: CatalogueContext, event: EventModel) => Emitted[])[] = [
  eventTypes,
  eventGuards,
  eventFixture,
  eventSchemaFile,
];

/** The emitters of whole-catalogue files (index, unions, docs): functions of the whole model. */
const CATALOGUE_EMITTERS: readonly ((model: CatalogueModel) => Emitted[])[] = [
  emitDefs,
  emitUnions,
  emitParse,
  emitRuntime,
  emitFixtures,
  emitSchemas,
  emitWebhooks,
  emitIndex,
  emitDocs,
  emitPackageJson, // after emitDocs: it lists docs/ when the reference was split into pages
  emitReadme,
];

function emitEvent(context: CatalogueContext, event: EventModel): Emitted[] {
  return EVENT_EMITTERS.flatMap((emit) => emit(context, event));
}

/** Every file of the package as the emitters describe it (modules not yet printed). */
export function emitAll(model: CatalogueModel): Emitted[] {
  return [
    ...model.events.flatMap((event) => emitEvent(model, event)),
    ...CATALOGUE_EMITTERS.flatMap((emit) => emit(model)),
  ];
}
