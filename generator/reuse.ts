/**
 * Reuse: an event whose inputs are the previous run's keeps the files that run wrote for it, read
 * back from the output folder, instead of being emitted and printed again. An event's files are a
 * function of the event and the catalogue around it (CatalogueContext) and of the generator; the
 * key hashes all three. The previous run's manifest records each event's key and files, and every
 * file is checked against the hash the manifest records for it: a file edited by hand, missing, or
 * a link, is not reused, so what a run returns is byte for byte what a cold run would.
 */
import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { GeneratedFile } from "./emit/module.js";
import { generatorFingerprint, MANIFEST, sha256 } from "./fingerprint.js";
import { fileStamp, realFolder } from "./on-disk.js";
import type { CatalogueContext, CatalogueModel, EventModel } from "./model.js";

/** What a run wrote for one event: its key and its files' paths. */
export interface EventRecord {
  key: string;
  files: readonly string[];
}

/** What the previous run's manifest says: every file's hash, and what each event wrote. */
export interface PreviousRun {
  /** The output folder's real path. */
  dir: string;
  hashes: ReadonlyMap<string, string>;
  events: ReadonlyMap<string, EventRecord>;
}

// The manifest is the generator's own file, but it sits in a folder anyone may edit: it is read with
// a cap, and only relative paths inside the folder are taken from it.
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** The previous run's record in `outDir`, or undefined (no folder, no manifest, or one that cannot be read). */
export function previousRun(outDir: string): PreviousRun | undefined {
  try {
    const path = join(outDir, MANIFEST);
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size > MAX_MANIFEST_BYTES) return undefined;
    const manifest = JSON.parse(readFileSync(path, "utf8")) as { files?: unknown; events?: unknown };
    const hashes = new Map<string, string>();
    if (isRecord(manifest.files))
      for (const [file, hash] of Object.entries(manifest.files))
        if (typeof hash === "string" && isInside(file)) hashes.set(file, hash);
    const events = new Map<string, EventRecord>();
    if (isRecord(manifest.events))
      for (const [name, record] of Object.entries(manifest.events)) {
        const { key, files } = (record ?? {}) as { key?: unknown; files?: unknown };
        if (
          typeof key === "string" &&
          Array.isArray(files) &&
          files.every((f) => typeof f === "string" && hashes.has(f))
        )
          events.set(name, { key, files });
      }
    const dir = realFolder(outDir);
    return events.size > 0 && dir !== undefined ? { dir, hashes, events } : undefined;
  } catch {
    return undefined;
  }
}

/** The key of each event's files: the generator, the catalogue around the event, and the event. */
export function eventKeys(model: CatalogueModel): (event: EventModel) => string {
  const { events: _events, resources: _resources, ...context } = model;
  const around = createHash("sha256")
    .update(generatorFingerprint())
    .update("\0")
    .update(serialized(context satisfies CatalogueContext))
    .digest("hex");
  return (event) => sha256(`${around}\0${serialized(event)}`);
}

/** The files the previous run wrote for `event` under the same key, as they are on disk; undefined if any differs. */
export function recall(previous: PreviousRun | undefined, event: EventModel, key: string): GeneratedFile[] | undefined {
  const record = previous?.events.get(event.name);
  if (!previous || record?.key !== key) return undefined;
  const files: GeneratedFile[] = [];
  for (const path of record.files) {
    const file = readRegularFile(join(previous.dir, path));
    if (file === undefined || sha256(file.bytes) !== previous.hashes.get(path)) return undefined;
    files.push({ path, contents: file.bytes.toString("utf8"), readFrom: { dir: previous.dir, stamp: file.stamp } });
  }
  return files;
}

/**
 * A regular file's bytes and its identity before they were read. Its bytes are checked against
 * the manifest's hash; the writer trusts it to be there still only while the identity holds.
 */
function readRegularFile(path: string): { bytes: Buffer; stamp: string } | undefined {
  try {
    const stamp = fileStamp(path);
    return stamp === undefined ? undefined : { bytes: readFileSync(path), stamp };
  } catch {
    return undefined;
  }
}

/** A `/`-separated path below the folder: no `..`, no root, no empty part, not the manifest. */
function isInside(path: string): boolean {
  return (
    path !== MANIFEST &&
    !path.includes("\\") &&
    !path.includes("\0") &&
    path.split("/").every((part) => part !== "" && part !== "." && part !== "..")
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The model as text that tells apart everything an emitter could: unlike JSON, it keeps `-0`, a
 * key whose value is undefined, and the entries of maps. Strings are always quoted, so the bare
 * words (`-0`, `undefined`) cannot be written by a spec.
 */
function serialized(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string" || typeof value === "boolean" || value === null) return JSON.stringify(value);
  if (value instanceof Map) return `Map(${serialized([...value])})`;
  if (Array.isArray(value)) return `[${value.map(serialized).join(",")}]`;
  if (typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value)))
    return `{${Object.keys(value)
      .map((key) => `${JSON.stringify(key)}:${serialized((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  throw new Error(`reuse: the model holds a value it cannot key (${Object.prototype.toString.call(value)})`);
}
