import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { createTwoFilesPatch } from "diff";
import type { GeneratedFile } from "./emit/module.js";
import { listFiles, MANIFEST, sha256 } from "./fingerprint.js";
import { fileStamp, realFolder } from "./on-disk.js";
import type { EventRecord } from "./reuse.js";
import { acquireLock, LockError, type Lock } from "./write-lock.js";

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
 * with each file's hash, the key of the quick check (`inputs`, see fingerprint.js), so that
 * `--check` can answer from the manifest alone while nothing has changed, and each event's key and
 * files, so that the next run keeps the files of the events it finds unchanged (reuse.ts).
 */
export function withManifest(
  files: readonly GeneratedFile[],
  inputs: string,
  events: Readonly<Record<string, EventRecord>> = {},
): GeneratedFile[] {
  const manifest = {
    generator: "webhook-event-codegen",
    note: "Files written by npm run generate; do not edit.",
    inputs,
    files: Object.fromEntries(files.map((f) => [f.path, sha256(f.contents)])),
    events,
  };
  return [...files, { path: MANIFEST, contents: `${JSON.stringify(manifest, null, 2)}\n` }];
}

/** Compares the files a run would write with what the folder holds now. */
export function diffOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  listed: readonly string[] = readManifest(outDir) ?? [],
): OutputDiff {
  const onDisk = new Set(listFiles(outDir));
  const previous = new Set(listed);
  const readBack = realFolder(outDir);
  const diff: OutputDiff = { added: [], changed: [], removed: [], unchanged: [], foreign: [] };
  for (const file of files) {
    if (!onDisk.has(file.path)) diff.added.push(file.path);
    else if (file.readFrom?.dir === readBack && fileStamp(join(outDir, file.path)) === file.readFrom!.stamp)
      diff.unchanged.push(file.path);
    else if (sameContents(file, readFileSync(join(outDir, file.path), "utf8"))) diff.unchanged.push(file.path);
    else diff.changed.push(file.path);
  }
  const produced = new Set(files.map((f) => f.path));
  for (const path of onDisk) {
    if (produced.has(path) || isBuildProduct(path)) continue;
    (previous.has(path) ? diff.removed : diff.foreign).push(path);
  }
  return diff;
}

/**
 * The manifest is the same when it lists the same files: its `inputs` and the events' keys are
 * only keys, so an edit that changes no output (a comment, a reviewed difference, another version
 * of the generator that writes the same bytes) changes nothing here.
 */
function sameContents(file: GeneratedFile, onDisk: string): boolean {
  if (onDisk === file.contents) return true;
  if (file.path !== MANIFEST) return false;
  const listed = (text: string) => {
    try {
      const { inputs: _key, events, ...rest } = JSON.parse(text) as Record<string, unknown>;
      const files = Object.entries((events ?? {}) as Record<string, { files?: unknown }>).map(([name, e]) => [
        name,
        e?.files,
      ]);
      return JSON.stringify({ ...rest, events: files });
    } catch {
      return undefined;
    }
  };
  const ours = listed(file.contents);
  return ours !== undefined && ours === listed(onDisk);
}

/** What building or packing the package leaves in it (`npm pack`, `npm install`): not the generator's business. */
function isBuildProduct(path: string): boolean {
  return path.startsWith("node_modules/") || (!path.includes("/") && path.endsWith(".tgz"));
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
 * Every entry the generator did not write (files, links, empty folders, pipes) is carried over as
 * it is, moved, never copied or followed; a journal lets a later run put them back if this one
 * is killed half-way. A symlinked output folder is written through, and the link kept.
 */
export function writeOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  notice: (message: string) => void = () => {},
): OutputDiff {
  const out = realOutput(resolve(outDir));
  return withIoErrors(out, () => {
    mkdirSync(dirname(out), { recursive: true });
    const lock = acquireLock(out, notice);
    try {
      recoverInterruptedRuns(out);
      const listed = refuseForeignFolder(out);
      const diff = diffOutput(out, files, listed);
      if (isUpToDate({ ...diff, foreign: [] })) {
        refreshManifest(out, files);
        return diff;
      }
      // An edited event changes a few files of thousands: those are written in place, each
      // atomically, the manifest last (until then the folder reads as out of date). Larger changes
      // are swapped in as one step, so that no reader sees a package half old, half new.
      const changes = diff.added.length + diff.changed.length + diff.removed.length;
      if (existsSync(out) && changes <= files.length / 4) {
        carriedEntries(out, files, listed); // refuses a link or a file where the generator writes a folder
        replaceInPlace(out, files, diff, lock);
        return diff;
      }
      try {
        swapIn(out, files, listed, lock);
      } catch (error) {
        // A mount point cannot be renamed: replace its files instead (swapIn has undone its part).
        const code = (error as NodeJS.ErrnoException).code;
        if ((code !== "EBUSY" && code !== "EXDEV") || !existsSync(out)) throw error;
        notice(`${out} cannot be swapped (a mount point?): its files are replaced one by one, each atomically`);
        replaceInPlace(out, files, diff, lock);
      }
      return diff;
    } finally {
      lock.release();
    }
  });
}

/**
 * Up to date, but with the key of another run's inputs (a comment edited): the manifest alone is
 * rewritten, atomically, so the next check is quick again.
 */
function refreshManifest(out: string, files: readonly GeneratedFile[]): void {
  const manifest = files.find((f) => f.path === MANIFEST);
  const target = join(out, MANIFEST);
  if (!manifest || !existsSync(target) || readFileSync(target, "utf8") === manifest.contents) return;
  const temporary = `${target}.tmp-${process.pid}`;
  writeFileSync(temporary, manifest.contents);
  renameSync(temporary, target);
}

/** The folder a symlinked `--out` points at: written through, so the link stays a link. */
function realOutput(out: string): string {
  try {
    return lstatSync(out).isSymbolicLink() ? realpathSync(out) : out;
  } catch {
    return out;
  }
}

function swapIn(out: string, files: readonly GeneratedFile[], listed: readonly string[], lock: Lock): void {
  const parent = dirname(out);
  const staging = mkdtempSync(join(parent, `.${basename(out)}.tmp-${process.pid}-`));
  const carried = existsSync(out) ? carriedEntries(out, files, listed) : [];
  let moved: string[] = [];
  try {
    files.forEach((file, i) => {
      const target = join(staging, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
      if (i % 500 === 499) lock.refresh();
    });
    // The journal first: if this run dies now, the next one moves these entries back.
    writeFileSync(join(staging, JOURNAL), `${JSON.stringify(carried)}\n`);
    moved = moveEntries(out, staging, carried);
    // mkdtemp makes a private folder; the output keeps the mode it had (or a new folder's).
    chmodSync(staging, existsSync(out) ? statSync(out).mode & 0o7777 : 0o777 & ~process.umask());
    if (!lock.held()) throw new OutputError(`another run took over the lock of ${out}; nothing was changed, run again`);
    swap(out, staging);
    rmSync(join(out, JOURNAL), { force: true });
  } catch (error) {
    if (existsSync(staging)) {
      moveEntries(staging, out, moved);
      rmSync(staging, { recursive: true, force: true });
    }
    throw error;
  }
}

/**
 * The files that differ, each written beside itself and renamed over (a link in the way is
 * replaced, never followed); the manifest last. Also the way to write a folder that cannot be
 * renamed (a mount point).
 */
function replaceInPlace(out: string, files: readonly GeneratedFile[], diff: OutputDiff, lock: Lock): void {
  const differing = new Set([...diff.added, ...diff.changed]);
  const write = (file: GeneratedFile) => {
    const target = join(out, file.path);
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.tmp-${process.pid}`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, target);
  };
  files
    .filter((f) => differing.has(f.path) && f.path !== MANIFEST)
    .forEach((file, i) => {
      write(file);
      if (i % 500 === 499) lock.refresh();
    });
  for (const path of diff.removed) rmSync(join(out, path), { force: true });
  if (!lock.held()) throw new OutputError(`another run took over the lock of ${out}; run again`);
  files.filter((f) => f.path === MANIFEST).forEach(write);
}

/** The paths below `out` that the run leaves alone: neither generated now nor before, nor folders of those. */
function carriedEntries(out: string, files: readonly GeneratedFile[], listed: readonly string[]): string[] {
  const ours = new Set([...files.map((f) => f.path), ...listed, JOURNAL]);
  const folders = new Set(
    [...ours].flatMap((p) =>
      p
        .split("/")
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join("/")),
    ),
  );
  const out_: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(out, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (ours.has(path)) {
        if (!entry.isFile())
          throw new OutputError(
            `${join(out, path)} is not a file, but the generator writes a file there; move it away`,
          );
        continue;
      }
      if (folders.has(path)) {
        if (!entry.isDirectory())
          throw new OutputError(
            `${join(out, path)} is not a folder (a link?), but the generator writes files in it; move it away`,
          );
        walk(path);
      } else out_.push(path);
    }
  };
  walk("");
  return out_;
}

function moveEntries(from: string, to: string, paths: readonly string[]): string[] {
  const moved: string[] = [];
  for (const path of paths) {
    mkdirSync(dirname(join(to, path)), { recursive: true });
    renameSync(join(from, path), join(to, path));
    moved.push(path);
  }
  return moved;
}

/** A run's journal of the entries it carries: removed once they are in the output. */
const JOURNAL = ".webhook-event-codegen.carry.json";

function swap(out: string, staging: string): void {
  if (!existsSync(out)) return renameSync(staging, out);
  const old = staging.replace(/\.tmp-([^/\\]+)$/, ".old-$1");
  renameSync(out, old);
  renameSync(staging, out);
  rmSync(old, { recursive: true, force: true });
}

/**
 * What killed runs leave: killed between the two renames of `swap`, the previous output under
 * `.name.old-*` and no output (put it back); killed after them, a stale `.old-*` (removed); killed
 * while staging, a `.name.tmp-*` whose journal lists the user's entries already moved into it
 * (moved back). Runs hold the lock, so any such folder belongs to a run that is gone.
 */
function recoverInterruptedRuns(out: string): void {
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const names = readdirSync(parent);
  for (const name of names.filter((n) => n.startsWith(`.${basename(out)}.old-`))) {
    if (existsSync(out)) rmSync(join(parent, name), { recursive: true, force: true });
    else renameSync(join(parent, name), out);
  }
  for (const name of names.filter((n) => n.startsWith(`.${basename(out)}.tmp-`))) {
    const staging = join(parent, name);
    const journal = join(staging, JOURNAL);
    if (existsSync(journal) && existsSync(out)) {
      const carried = (JSON.parse(readFileSync(journal, "utf8")) as string[]).filter(
        (p) => lexists(join(staging, p)) && !lexists(join(out, p)),
      );
      moveEntries(staging, out, carried);
    }
    rmSync(staging, { recursive: true, force: true });
  }
  if (existsSync(join(out, JOURNAL))) rmSync(join(out, JOURNAL), { force: true });
}

function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** File-system failures as one line: which path, what happened, what to do. */
function withIoErrors<T>(out: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof OutputError) throw error;
    if (error instanceof LockError) throw new OutputError(error.message);
    const e = error as NodeJS.ErrnoException;
    const advice = IO_ADVICE[e.code ?? ""];
    if (!advice) throw error;
    throw new OutputError(`cannot write ${e.path ?? out}: ${advice}`);
  }
}

const IO_ADVICE: Record<string, string> = {
  EACCES: "permission denied; make the folder writable or choose another --out",
  EPERM: "not permitted; make the folder writable or choose another --out",
  EROFS: "the file system is read-only; choose another --out",
  ENOSPC: "the disk is full; free some space and run again",
  EDQUOT: "the disk quota is used up; free some space and run again",
  EBUSY: "the folder is busy (in use, or a mount point); close what uses it or choose another --out",
  ENOTDIR: "a part of the path is a file, not a folder; choose another --out",
  EEXIST: "a part of the path is a file, not a folder; choose another --out",
  EISDIR: "a folder stands where a file goes; move it away",
  EMFILE: "too many open files; raise the limit (ulimit -n) and run again",
};

/** Refuses a folder the generator did not write; returns what the previous run's manifest lists. */
function refuseForeignFolder(out: string): string[] {
  if (!existsSync(out)) return [];
  if (!statSync(out).isDirectory()) throw new OutputError(`${out} is a file, not a folder; choose another --out`);
  const listed = readManifest(out);
  if (readdirSync(out).length > 0 && listed === undefined) {
    throw new OutputError(
      `${out} holds files that webhook-event-codegen did not write (it has no ${MANIFEST}); ` +
        `choose an empty or new folder with --out, so nothing of yours is replaced`,
    );
  }
  return listed ?? [];
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
