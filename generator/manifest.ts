/**
 * The manifest that marks an output folder as generated: every file with its hash, the key of
 * the quick check (`inputs`, see fingerprint.js), so that `--check` can answer from the manifest
 * alone while nothing has changed, and each event's key and files, so that the next run keeps the
 * files of the events it finds unchanged (reuse.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GeneratedFile } from "./emit/module.js";
import { MANIFEST, sha256 } from "./fingerprint.js";
import type { EventRecord } from "./reuse.js";

export { MANIFEST };

/**
 * The files as they come, each hashed as it passes, then the manifest. `events` is read once the
 * files are done, so the run that makes them may fill it as it goes.
 */
export function* streamWithManifest(
  files: Iterable<GeneratedFile>,
  inputs: string,
  events: Readonly<Record<string, EventRecord>> = {},
): Generator<GeneratedFile> {
  const hashes: [string, string][] = [];
  for (const file of files) {
    hashes.push([file.path, sha256(file.contents)]);
    yield file;
  }
  hashes.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const manifest = {
    generator: "webhook-event-codegen",
    note: "Files written by npm run generate; do not edit.",
    inputs,
    files: Object.fromEntries(hashes),
    events,
  };
  yield { path: MANIFEST, contents: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** `files` and their manifest, last. */
export function withManifest(
  files: readonly GeneratedFile[],
  inputs: string,
  events?: Readonly<Record<string, EventRecord>>,
): GeneratedFile[] {
  return [...streamWithManifest(files, inputs, events)];
}

/** The paths a folder's manifest lists, or undefined when it has none (or one that cannot be read). */
export function readManifest(outDir: string): string[] | undefined {
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

/**
 * A file is the same as what is on disk when its bytes are; the manifest when it lists the same
 * files: its `inputs` and the events' keys are only keys, so an edit that changes no output (a
 * comment, a reviewed difference, another version of the generator that writes the same bytes)
 * changes nothing.
 */
export function sameContents(file: GeneratedFile, onDisk: string): boolean {
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
