/**
 * The write stage: the package's files into the output folder, as they come. Each file is
 * compared with what is there and let go: one that differs is written at once into a sibling
 * staging folder, so a run holds no more than one file at a time. Then, with the folder locked
 * throughout:
 * - up to date: nothing is written (a manifest whose keys alone changed is renewed);
 * - a few files of many changed (an edited event): each is renamed into place, atomically, the
 *   manifest last (until then the folder reads as out of date);
 * - otherwise the staging folder gets the unchanged files too (hard links, or copies) and the
 *   user's entries (moved, with a journal a later run can replay), and is swapped in by rename,
 *   so that no reader sees a package half old, half new. On any error the folder stays as it was.
 * A symlinked output folder is written through, and the link kept.
 */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { GeneratedFile } from "./emit/module.js";
import { MANIFEST } from "./manifest.js";
import { compareWithFolder, isUpToDate, type OutputDiff } from "./write-diff.js";
import {
  carriedEntries,
  JOURNAL,
  moveEntries,
  OutputError,
  realOutput,
  recoverInterruptedRuns,
  refuseForeignFolder,
  swap,
} from "./write-folder.js";
import { acquireLock, LockError, type Lock } from "./write-lock.js";

export { MANIFEST, withManifest } from "./manifest.js";
export { describeDiff, diffOutput, isUpToDate, type OutputDiff } from "./write-diff.js";
export { OutputError } from "./write-folder.js";

/** Writes `files` (the manifest among them) into `outDir`; returns how they compared with what was there. */
export function writeOutput(
  outDir: string,
  files: Iterable<GeneratedFile>,
  notice: (message: string) => void = () => {},
): OutputDiff {
  const out = realOutput(resolve(outDir));
  return withIoErrors(out, () => {
    mkdirSync(dirname(out), { recursive: true });
    const lock = acquireLock(out, notice);
    try {
      recoverInterruptedRuns(out);
      const listed = refuseForeignFolder(out);
      return writeThroughStaging(out, files, listed, lock, notice);
    } finally {
      lock.release();
    }
  });
}

function writeThroughStaging(
  out: string,
  files: Iterable<GeneratedFile>,
  listed: readonly string[],
  lock: Lock,
  notice: (message: string) => void,
): OutputDiff {
  const staging = mkdtempSync(join(dirname(out), `.${basename(out)}.tmp-${process.pid}-`));
  try {
    let manifest: GeneratedFile | undefined;
    let count = 0;
    const seen = function* () {
      for (const file of files) {
        if (file.path === MANIFEST) manifest = file;
        if (++count % 500 === 0) lock.refresh();
        yield file;
      }
    };
    const { diff, produced } = compareWithFolder(out, seen(), listed, (file) => writeInto(staging, file));
    if (!manifest) throw new Error("write: the files have no manifest");
    if (isUpToDate({ ...diff, foreign: [] })) {
      renewManifest(out, manifest);
      return diff;
    }
    const changes = diff.added.length + diff.changed.length + diff.removed.length;
    if (existsSync(out) && changes <= produced.size / 4) {
      carriedEntries(out, produced, listed); // refuses a link or a file where the generator writes a folder
      placeInPlace(out, staging, diff, manifest, lock);
      return diff;
    }
    try {
      swapStaging(out, staging, diff, produced, listed, manifest, lock);
    } catch (error) {
      // A mount point cannot be renamed: its files are replaced instead (swapStaging undid its part).
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== "EBUSY" && code !== "EXDEV") || !existsSync(out)) throw error;
      notice(`${out} cannot be swapped (a mount point?): its files are replaced one by one, each atomically`);
      placeInPlace(out, staging, diff, manifest, lock);
    }
    return diff;
  } finally {
    rmSync(staging, { recursive: true, force: true }); // after a swap, nothing is there
  }
}

function writeInto(folder: string, file: GeneratedFile): void {
  const target = join(folder, file.path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.contents);
}

/** Up to date, but with the keys of another run's inputs (a comment edited): the manifest alone is renewed, atomically. */
function renewManifest(out: string, manifest: GeneratedFile): void {
  const target = join(out, MANIFEST);
  if (!existsSync(target) || readFileSync(target, "utf8") === manifest.contents) return;
  const temporary = `${target}.tmp-${process.pid}`;
  writeFileSync(temporary, manifest.contents);
  renameSync(temporary, target);
}

/**
 * The staged files put in their places one by one: each copied beside its place (the folder may be
 * a mount point, another device than the staging folder) and renamed over it, so a link in the way
 * is replaced, never followed. The manifest last.
 */
function placeInPlace(out: string, staging: string, diff: OutputDiff, manifest: GeneratedFile, lock: Lock): void {
  const place = (path: string, write: (temporary: string) => void) => {
    const target = join(out, path);
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.tmp-${process.pid}`;
    write(temporary);
    renameSync(temporary, target);
  };
  [...diff.added, ...diff.changed]
    .filter((path) => path !== MANIFEST)
    .forEach((path, i) => {
      place(path, (temporary) => copyFileSync(join(staging, path), temporary));
      if (i % 500 === 499) lock.refresh();
    });
  for (const path of diff.removed) rmSync(join(out, path), { force: true });
  if (!lock.held()) throw new OutputError(`another run took over the lock of ${out}; run again`);
  place(MANIFEST, (temporary) => writeFileSync(temporary, manifest.contents));
}

/** The staging folder made whole (unchanged files, the user's entries) and swapped in; on failure, the user's entries go back. */
function swapStaging(
  out: string,
  staging: string,
  diff: OutputDiff,
  produced: ReadonlySet<string>,
  listed: readonly string[],
  manifest: GeneratedFile,
  lock: Lock,
): void {
  const exists = existsSync(out);
  const carried = exists ? carriedEntries(out, produced, listed) : [];
  writeInto(staging, manifest);
  diff.unchanged
    .filter((path) => path !== MANIFEST)
    .forEach((path, i) => {
      linkOrCopy(join(out, path), join(staging, path));
      if (i % 500 === 499) lock.refresh();
    });
  let moved: string[] = [];
  try {
    // The journal first: if this run dies now, the next one moves these entries back.
    writeFileSync(join(staging, JOURNAL), `${JSON.stringify(carried)}\n`);
    moved = moveEntries(out, staging, carried);
    // mkdtemp makes a private folder; the output keeps the mode it had (or a new folder's).
    chmodSync(staging, exists ? statSync(out).mode & 0o7777 : 0o777 & ~process.umask());
    if (!lock.held()) throw new OutputError(`another run took over the lock of ${out}; nothing was changed, run again`);
    swap(out, staging);
    rmSync(join(out, JOURNAL), { force: true });
  } catch (error) {
    if (existsSync(staging)) {
      moveEntries(staging, out, moved);
      rmSync(join(staging, JOURNAL), { force: true });
    }
    throw error;
  }
}

/** An unchanged file into the staging folder: a hard link (no bytes copied, the file's times kept), else a copy. */
function linkOrCopy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
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
