/**
 * What a run's files are against the output folder as it is: added, changed, unchanged, and the
 * folder's files the run no longer writes (removed) or never wrote (foreign). Found as the files
 * come, so that a run need not hold them all: each is compared and let go.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTwoFilesPatch } from "diff";
import type { GeneratedFile } from "./emit/module.js";
import { listFiles } from "./fingerprint.js";
import { MANIFEST, readManifest, sameContents } from "./manifest.js";
import { fileStamp, realFolder } from "./on-disk.js";

export interface OutputDiff {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  /** Files in the folder the generator did not write; kept, never deleted. */
  foreign: string[];
}

/**
 * Walks `files` against the folder `outDir`; `differs` is given each file that is new or
 * changed, as it comes. `listed` is what the previous run's manifest lists.
 */
export function compareWithFolder(
  outDir: string,
  files: Iterable<GeneratedFile>,
  listed: readonly string[],
  differs: (file: GeneratedFile) => void,
): { diff: OutputDiff; produced: ReadonlySet<string> } {
  const onDisk = new Set(listFiles(outDir));
  const readBack = realFolder(outDir);
  const diff: OutputDiff = { added: [], changed: [], removed: [], unchanged: [], foreign: [] };
  const produced = new Set<string>();
  for (const file of files) {
    produced.add(file.path);
    if (!onDisk.has(file.path)) diff.added.push(file.path);
    else if (isThere(outDir, readBack, file)) {
      diff.unchanged.push(file.path);
      continue;
    } else diff.changed.push(file.path);
    differs(file);
  }
  const previous = new Set(listed);
  for (const path of onDisk) {
    if (produced.has(path) || isBuildProduct(path)) continue;
    (previous.has(path) ? diff.removed : diff.foreign).push(path);
  }
  for (const list of Object.values(diff)) list.sort(byPathManifestLast);
  return { diff, produced };
}

/** A file read back from this folder and not touched since, or one whose bytes are what is on disk. */
function isThere(outDir: string, readBack: string | undefined, file: GeneratedFile): boolean {
  const path = join(outDir, file.path);
  if (file.readFrom?.dir === readBack && fileStamp(path) === file.readFrom!.stamp) return true;
  return sameContents(file, readFileSync(path, "utf8"));
}

const byPathManifestLast = (a: string, b: string) =>
  Number(a === MANIFEST) - Number(b === MANIFEST) || (a < b ? -1 : a > b ? 1 : 0);

/** Compares the files a run would write with what the folder holds now; keeps the text of those that differ, to show. */
export function diffOutput(
  outDir: string,
  files: Iterable<GeneratedFile>,
): OutputDiff & { generated: ReadonlyMap<string, string> } {
  const generated = new Map<string, string>();
  const { diff } = compareWithFolder(outDir, files, readManifest(outDir) ?? [], (file) =>
    generated.set(file.path, file.contents),
  );
  return { ...diff, generated };
}

/** What building or packing the package leaves in it (`npm pack`, `npm install`): not the generator's business. */
function isBuildProduct(path: string): boolean {
  return path.startsWith("node_modules/") || (!path.includes("/") && path.endsWith(".tgz"));
}

export function isUpToDate(diff: OutputDiff): boolean {
  return diff.added.length + diff.changed.length + diff.removed.length + diff.foreign.length === 0;
}

/** A reviewer's view of what `diffOutput` found: a summary line, then a unified diff per changed file. */
export function describeDiff(outDir: string, diff: OutputDiff & { generated: ReadonlyMap<string, string> }): string {
  const lines = [
    `${outDir} is out of date: ${diff.changed.length} changed, ${diff.added.length} missing, ${diff.removed.length + diff.foreign.length} extra.`,
    ...diff.added.map((p) => `missing: ${p}`),
    ...diff.removed.map((p) => `extra:   ${p} (no longer generated)`),
    ...diff.foreign.map((p) => `extra:   ${p} (not written by the generator; remove it)`),
    ...diff.changed.map((p) => `changed: ${p}`),
  ];
  for (const path of diff.changed) {
    const label = join(outDir, path);
    lines.push(
      "",
      createTwoFilesPatch(
        label,
        label,
        readFileSync(join(outDir, path), "utf8"),
        diff.generated.get(path)!,
        "on disk",
        "generated",
      ).trimEnd(),
    );
  }
  lines.push("", "Run `npm run generate` to bring it up to date.");
  return lines.join("\n");
}
