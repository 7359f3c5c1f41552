import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { createTwoFilesPatch } from "diff";
import type { GeneratedFile } from "./emit/module.js";
import { listFiles, MANIFEST, sha256 } from "./fingerprint.js";

export { MANIFEST };

export interface OutputDiff {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  /** Files in the folder the generator did not write; kept, never deleted. */
  foreign: string[];
}

/** Thrown when the output folder cannot safely be written; nothing has been changed. */
export class OutputError extends Error {
  override name = "OutputError";
}

/**
 * The package's files plus the manifest that marks the folder as generated: what was written,
 * with each file's hash and the fingerprint of the inputs, so `--check` can answer quickly.
 */
export function withManifest(files: readonly GeneratedFile[], inputs: string): GeneratedFile[] {
  const manifest = {
    generator: "webhook-event-codegen",
    note: "Files written by npm run generate; do not edit.",
    inputs,
    files: Object.fromEntries(files.map((f) => [f.path, sha256(f.contents)])),
  };
  return [...files, { path: MANIFEST, contents: `${JSON.stringify(manifest, null, 2)}\n` }];
}

/** Compares the files a run would write with what the folder holds now. */
export function diffOutput(outDir: string, files: readonly GeneratedFile[]): OutputDiff {
  const onDisk = new Set(listFiles(outDir));
  const previous = new Set(readManifest(outDir) ?? []);
  const diff: OutputDiff = { added: [], changed: [], removed: [], unchanged: [], foreign: [] };
  for (const file of files) {
    if (!onDisk.has(file.path)) diff.added.push(file.path);
    else if (readFileSync(join(outDir, file.path), "utf8") === file.contents) diff.unchanged.push(file.path);
    else diff.changed.push(file.path);
  }
  const produced = new Set(files.map((f) => f.path));
  for (const path of onDisk) {
    if (produced.has(path)) continue;
    (previous.has(path) ? diff.removed : diff.foreign).push(path);
  }
  return diff;
}

export function isUpToDate(diff: OutputDiff): boolean {
  return diff.added.length + diff.changed.length + diff.removed.length + diff.foreign.length === 0;
}

/** A reviewer's view of what `diffOutput` found: a summary line, then a unified diff per changed file. */
export function describeDiff(outDir: string, files: readonly GeneratedFile[], diff: OutputDiff): string {
  const lines = [
    `${outDir} is out of date: ${diff.changed.length} changed, ${diff.added.length} missing, ${diff.removed.length + diff.foreign.length} extra.`,
    ...diff.added.map((p) => `missing: ${p}`),
    ...diff.removed.map((p) => `extra:   ${p} (no longer generated)`),
    ...diff.foreign.map((p) => `extra:   ${p} (not written by the generator; remove it)`),
    ...diff.changed.map((p) => `changed: ${p}`),
  ];
  const byPath = new Map(files.map((f) => [f.path, f.contents]));
  for (const path of diff.changed) {
    const label = join(outDir, path);
    lines.push(
      "",
      createTwoFilesPatch(
        label,
        label,
        readFileSync(join(outDir, path), "utf8"),
        byPath.get(path)!,
        "on disk",
        "generated",
      ).trimEnd(),
    );
  }
  lines.push("", "Run `npm run generate` to bring it up to date.");
  return lines.join("\n");
}

/**
 * Replaces the output folder with `files` as one step: everything is written to a sibling
 * folder first, then swapped in by rename. On any error the previous folder stays as it was.
 * Files the generator did not write are carried over, never deleted.
 */
export function writeOutput(outDir: string, files: readonly GeneratedFile[]): OutputDiff {
  const out = resolve(outDir);
  restoreInterruptedSwap(out);
  refuseForeignFolder(out);
  const diff = diffOutput(out, files);
  if (isUpToDate({ ...diff, foreign: [] })) return diff;

  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  removeAbandonedStaging(out);
  const staging = mkdtempSync(join(parent, `.${basename(out)}.tmp-${process.pid}-`));
  try {
    // mkdtemp makes a private folder; the output should have the permissions a new folder gets.
    chmodSync(staging, existsSync(out) ? statSync(out).mode & 0o7777 : 0o777 & ~process.umask());
    for (const file of files) {
      const target = join(staging, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
    for (const path of diff.foreign) cpSync(join(out, path), join(staging, path));
    swap(out, staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return diff;
}

function swap(out: string, staging: string): void {
  if (!existsSync(out)) return renameSync(staging, out);
  const old = staging.replace(/\.tmp-([^/\\]+)$/, ".old-$1");
  renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
}

/**
 * A run killed between the two renames of `swap` leaves the previous output under `.name.old-*`
 * and no output: put it back. Killed after them, it leaves a stale `.old-*` beside the output: remove it.
 */
function restoreInterruptedSwap(out: string): void {
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const prefix = `.${basename(out)}.old-`;
  for (const name of readdirSync(parent).filter((n) => n.startsWith(prefix))) {
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    if (isAlive(pid)) continue;
    if (existsSync(out)) rmSync(join(parent, name), { recursive: true, force: true });
    else renameSync(join(parent, name), out);
  }
}

/** Staging folders of runs that were killed: their process is gone. */
function removeAbandonedStaging(out: string): void {
  const prefix = `.${basename(out)}.tmp-`;
  for (const name of readdirSync(dirname(out))) {
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length).split("-")[0]) : NaN;
    if (Number.isInteger(pid) && !isAlive(pid)) rmSync(join(dirname(out), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function refuseForeignFolder(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new OutputError(`${out} is a file, not a folder; choose another --out`);
  if (readdirSync(out).length > 0 && readManifest(out) === undefined) {
    throw new OutputError(
      `${out} holds files that webhook-event-codegen did not write (it has no ${MANIFEST}); ` +
        `choose an empty or new folder with --out, so nothing of yours is replaced`,
    );
  }
}

function readManifest(outDir: string): string[] | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(outDir, MANIFEST), "utf8")) as { files?: unknown };
    const files = manifest.files;
    // Older manifests listed paths; newer ones map each path to its hash.
    if (Array.isArray(files)) return files.filter((f): f is string => typeof f === "string");
    return typeof files === "object" && files !== null ? Object.keys(files) : [];
  } catch {
    return undefined;
  }
}
