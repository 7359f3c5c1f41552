/**
 * The programmatic API: what the CLI's commands do, as functions that return their outcome
 * instead of printing it. They never exit the process and never write to the console; a spec
 * the generator refuses throws SpecError (each problem with file, line, column and path), an
 * input refused for another reason (a spec that exists, an unknown upstream) throws InputError.
 *
 *     import { generate } from "webhook-event-codegen";
 *     const { upToDate } = await generate({ spec: "spec/events.yaml", out: "generated", check: true });
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { stringify } from "yaml";
import { SpecError, type SpecProblem } from "./errors.js";
import { loadSpec } from "./load.js";
import { didYouMean } from "./suggest.js";
import { generateStream } from "./pipeline.js";
import { acceptEvent, type Acceptance } from "./upstream/accept.js";
import { checkUpstreams, formatReport, type CheckResult } from "./upstream/check.js";
import type { Loss } from "./upstream/import.js";
import { importOpenApi } from "./upstream/import.js";
import { syncSpec } from "./upstream/sync.js";
import { SPEC_SCHEMA_PATH, validateSpec } from "./validate.js";
import { diffOutput, isUpToDate, OutputError, writeOutput, type OutputDiff } from "./write.js";

export { SpecError, OutputError };
export type { SpecProblem, OutputDiff, CheckResult, Loss, Acceptance };

/** An input refused before anything was written: a spec that exists, an upstream the spec does not name. */
export class InputError extends Error {
  override name = "InputError";
}

export interface GenerateOptions {
  /** The catalogue to read. Default: `spec/events.yaml`. */
  spec?: string;
  /** The folder the package goes to. Default: `generated`. */
  out?: string;
  /** Write nothing; only compare the folder with what the spec gives. */
  check?: boolean;
  /** Called with each warning (a problem that does not stop generation). */
  onWarning?: (problem: SpecProblem) => void;
}

export interface GenerateResult {
  /** How many files the package has (its manifest included). */
  files: number;
  /** What differs between the folder (as it was) and the package. */
  diff: OutputDiff;
  /** True when the folder held the package already: nothing was (or, with `check`, would be) written. */
  upToDate: boolean;
}

/** Generates the package of a spec into `out`, or with `check` only compares. Throws SpecError, OutputError. */
export async function generate(options: GenerateOptions = {}): Promise<GenerateResult> {
  const { spec = "spec/events.yaml", out = "generated" } = options;
  // Each file is written (or compared) as it is printed, and let go.
  const files = await generateStream(spec, out, options.onWarning);
  const { added, changed, removed, unchanged, foreign } = options.check
    ? diffOutput(out, files)
    : writeOutput(out, files);
  const diff = { added, changed, removed, unchanged, foreign };
  return {
    files: added.length + changed.length + unchanged.length,
    diff,
    upToDate: isUpToDate({ ...diff, foreign: options.check ? diff.foreign : [] }),
  };
}

export interface ImportOptions {
  /** The OpenAPI document (3.1 `webhooks`, or 3.0 `x-webhooks`), YAML or JSON. */
  document: string;
  /** The new spec file; it must not exist. */
  spec: string;
  /** Write the spec even when parts of the document cannot be carried into it (they are in `losses`). */
  allowLoss?: boolean;
}

export interface ImportResult {
  /** True when the spec file was written. */
  written: boolean;
  /** The spec's text (also when not written). */
  text: string;
  events: number;
  /** The parts of the document that cannot be carried into the spec, by JSON pointer. */
  losses: Loss[];
  notes: string[];
  /** Why the spec would not be valid (nothing is written then). */
  problems: string[];
}

/** Writes a new spec from an OpenAPI document's webhooks; never over an existing file. */
export function importDocument(options: ImportOptions): ImportResult {
  const { document, spec: specFile } = options;
  if (existsSync(specFile))
    throw new InputError(
      `${specFile} exists; import writes a new spec: choose another --spec (or docs sync an existing one)`,
    );
  const specDir = dirname(resolve(specFile));
  const slashes = (path: string) => path.split("\\").join("/");
  const source = slashes(relative(specDir, resolve(document)));
  let documentText;
  try {
    documentText = readFileSync(document, "utf8");
  } catch (error) {
    throw new InputError(`${document} cannot be read: ${(error as Error).message}`);
  }
  const { spec, losses, notes, problems } = plainErrorsAsInput(() => importOpenApi(documentText, source));
  const text = `# yaml-language-server: $schema=${slashes(relative(specDir, SPEC_SCHEMA_PATH))}
#
# Imported from ${document} by webhook-event-codegen import. Review the package name, descriptions and examples,
# ${spec.signing ? "and signing: (found from the headers the document declares)" : "add signing: if the sender signs its requests"}, then generate.
${stringify(spec, { lineWidth: 0 })}`;
  const events = (spec.events as unknown[]).length;
  // Import validated the spec (events it refused are losses); what is left is not one event's.
  const write = problems.length === 0 && (losses.length === 0 || options.allowLoss === true);
  if (write) {
    mkdirSync(specDir, { recursive: true });
    writeFileSync(specFile, text, { flag: "wx" });
  }
  return { written: write, text, events, losses, notes, problems };
}

/** The command that generates an imported spec into a folder of its own, never the repository's generated/. */
export function nextGenerateCommand(specFile: string): string {
  const stem = basename(specFile).replace(/\.[^.]*$/, "") || "catalogue";
  return `npm run generate -- --spec ${specFile} --out ${stem}-package`;
}

export interface DocsOptions {
  /** Default: `spec/events.yaml`. */
  spec?: string;
  /** Only the upstream of this name (as the spec's `upstream:` names it). */
  from?: string;
}

/** Compares the spec with its upstream documents; `ok` is false on a difference neither accepted nor synced. */
export function checkDocs(options: DocsOptions = {}): CheckResult & { report: string } {
  const check = upstreamCheck(options.spec ?? "spec/events.yaml", options.from);
  return { ...check, report: formatReport(check) };
}

export interface SyncResult {
  /** True when the spec was rewritten. */
  written: boolean;
  applied: string[];
  /** What the sync could not decide: for a maintainer to look at. */
  forHumans: string[];
  /** Set when the synced spec would not be valid: nothing was written; change the spec by hand (or accept). */
  invalid?: SpecError;
}

/**
 * Brings one upstream's unaccepted differences into the spec, keeping its comments and order.
 * Writes nothing when the spec would not be valid afterwards (`invalid` says why).
 */
export function syncDocs(options: DocsOptions & { from: string }): SyncResult {
  const specFile = options.spec ?? "spec/events.yaml";
  const check = upstreamCheck(specFile, options.from);
  const outcome = syncSpec(readFileSync(specFile, "utf8"), check.spec, check.results[0]!);
  if (outcome.applied.length === 0 && outcome.forHumans.length === 0)
    return { written: false, applied: [], forHumans: [] };
  // Checked before it is written: a sync never leaves a spec that generate would refuse.
  try {
    validateSpec(loadSpec(specFile, outcome.text));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    return { written: false, applied: outcome.applied, forHumans: outcome.forHumans, invalid: error };
  }
  replaceFile(specFile, outcome.text);
  return { written: true, applied: outcome.applied, forHumans: outcome.forHumans };
}

export interface AcceptOptions extends DocsOptions {
  /** The event whose differences were reviewed. */
  event: string;
  /** Why they are kept; may be left out only when each renews an acceptance that has a reason. */
  reason?: string;
}

export interface AcceptResult {
  recorded: Acceptance[];
  /** True when the spec's formatting could not be kept around the change (it was printed anew). */
  reprinted: boolean;
}

/** Records the event's unaccepted differences under every upstream that has them (see upstream/accept.ts). */
export function acceptDocs(options: AcceptOptions): AcceptResult {
  const specFile = options.spec ?? "spec/events.yaml";
  const check = upstreamCheck(specFile, options.from);
  const unaccepted = check.results.flatMap((r) => r.unaccepted);
  if (!unaccepted.some((d) => d.event === options.event)) {
    const names = [...new Set(unaccepted.map((d) => d.event))];
    const known = new Set([
      ...check.spec.events.map((e) => e.name),
      ...check.results.flatMap((r) => r.differences.map((d) => d.event)),
    ]);
    if (!known.has(options.event))
      throw new InputError(
        `${options.event} is neither an event of ${specFile} nor one its upstream documents name${didYouMean(options.event, [...known])}`,
      );
    throw new InputError(
      `${options.event} has no difference to accept${options.from ? ` from ${options.from}` : ""}; ${
        names.length > 0 ? `these have: ${names.join(", ")}` : "every difference is accepted already"
      }`,
    );
  }
  const outcome = acceptEvent(readFileSync(specFile, "utf8"), check, options.event, options.reason);
  if ("missingReason" in outcome)
    throw new InputError(`say why the difference is kept with --reason TEXT (for ${outcome.missingReason.join("; ")})`);
  validateSpec(loadSpec(specFile, outcome.text));
  replaceFile(specFile, outcome.text);
  return { recorded: outcome.recorded, reprinted: outcome.reprinted };
}

function upstreamCheck(specFile: string, from: string | undefined): CheckResult {
  return plainErrorsAsInput(() => checkUpstreams(specFile, from));
}

/**
 * The upstream readers say what is wrong with a document (no webhooks section, an unknown
 * upstream, an unreadable copy) with a plain Error: an input refused. Any other error is a bug.
 */
function plainErrorsAsInput<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof Error) || error.constructor !== Error) throw error;
    throw new InputError(error.message);
  }
}

/** Written whole or not at all. */
function replaceFile(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
