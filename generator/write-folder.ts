/**
 * The output folder's own safety: whose files are in it, what a killed run left behind, and the
 * moves that carry the user's entries across a swap (moved, never copied or followed).
 */
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  mkdirSync,
} from "node:fs";
import { dirname, join, basename } from "node:path";
import { MANIFEST, readManifest } from "./manifest.js";

/** Thrown when the output folder cannot safely be written; nothing has been changed. */
export class OutputError extends Error {
  override name = "OutputError";
}

/** The folder a symlinked `--out` points at: written through, so the link stays a link. */
export function realOutput(out: string): string {
  try {
    return lstatSync(out).isSymbolicLink() ? realpathSync(out) : out;
  } catch {
    return out;
  }
}

/** The paths below `out` that the run leaves alone: neither generated now nor before, nor folders of those. */
export function carriedEntries(out: string, produced: ReadonlySet<string>, listed: readonly string[]): string[] {
  const ours = new Set([...produced, ...listed, JOURNAL]);
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

export function moveEntries(from: string, to: string, paths: readonly string[]): string[] {
  const moved: string[] = [];
  for (const path of paths) {
    mkdirSync(dirname(join(to, path)), { recursive: true });
    renameSync(join(from, path), join(to, path));
    moved.push(path);
  }
  return moved;
}

/** A run's journal of the entries it carries: removed once they are in the output. */
export const JOURNAL = ".webhook-event-codegen.carry.json";

export function swap(out: string, staging: string): void {
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
export function recoverInterruptedRuns(out: string): void {
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

/** Refuses a folder the generator did not write; returns what the previous run's manifest lists. */
export function refuseForeignFolder(out: string): string[] {
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
