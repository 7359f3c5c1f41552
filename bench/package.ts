/**
 * A generated package as its users see it: imported through its own package.json (the entry
 * point `.` exports for `import`), its fixtures, and payload streams drawn from every event.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { SchemaSet } from "./peers.js";

export interface GeneratedPackage {
  dir: string;
  /** The module behind the package's main entry point. */
  api: Record<string, any>;
  /** One fixture per event, as `fixtures` exports them. */
  fixtures: unknown[];
  schemas: SchemaSet;
}

/** The file the package's `"."` export resolves to for `import`; its index.ts where it has none. */
function entryOf(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, any>;
  let target: unknown = manifest.exports?.["."] ?? manifest.module ?? manifest.main;
  while (typeof target === "object" && target !== null)
    target = (target as Record<string, unknown>).import ?? (target as Record<string, unknown>).default;
  if (typeof target === "string" && existsSync(join(dir, target))) return join(dir, target);
  if (existsSync(join(dir, "index.ts"))) return join(dir, "index.ts");
  throw new Error(`bench: ${dir}/package.json names no entry point that exists`);
}

export async function loadPackage(dir: string): Promise<GeneratedPackage> {
  const api = (await import(pathToFileURL(resolve(entryOf(dir))).href)) as Record<string, any>;
  for (const name of ["isWebhookEvent", "parseWebhookEvent", "fixtures"])
    if (api[name] === undefined) throw new Error(`bench: the package in ${dir} exports no ${name}`);
  const fixtures = Object.values(api.fixtures as Record<string, unknown>);
  return { dir, api, fixtures, schemas: new SchemaSet(join(dir, "schemas")) };
}

/** A seeded shuffle, so a stream's order is the same every run. */
function shuffle<T>(items: T[], seed = 1): T[] {
  let a = seed;
  const next = () => (a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 4294967296;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * `length` payloads (at least one of each of `items`), each a distinct copy, every item as often
 * as every other, in a shuffled order: the engine sees the catalogue's mix, not one event.
 */
export function streamOf(items: readonly unknown[], length: number): unknown[] {
  const n = Math.max(length, items.length);
  return shuffle(Array.from({ length: n }, (_, i) => structuredClone(items[i % items.length])));
}

type Path = (string | number)[];

/** The primitive values of `value`, in document order, with their paths. */
function leaves(value: unknown, path: Path = [], out: [Path, unknown][] = []): [Path, unknown][] {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], out));
  else if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  else out.push([path, value]);
  return out;
}

function setAt(value: unknown, path: Path, to: unknown): unknown {
  const copy = structuredClone(value) as any;
  let o = copy;
  for (const key of path.slice(0, -1)) o = o[key];
  o[path.at(-1)!] = to;
  return copy;
}

const otherType = (v: unknown): unknown =>
  typeof v === "string" ? 12345 : typeof v === "number" ? "12345" : typeof v === "boolean" ? "true" : 0;

/**
 * Each fixture made invalid where a validator finds it last: its last value in document order
 * that every judge rejects when replaced by a value of another type (walking back from the end
 * where a value accepts any type). Fixtures with no such value are left out.
 */
export function invalidFixtures(fixtures: readonly unknown[], judges: ((v: unknown) => boolean)[]): unknown[] {
  const out: unknown[] = [];
  for (const fixture of fixtures) {
    for (const [path, value] of leaves(fixture).reverse()) {
      const changed = setAt(fixture, path, otherType(value));
      if (judges.every((judge) => !judge(changed))) {
        out.push(changed);
        break;
      }
    }
  }
  return out;
}

/**
 * The fixture made about `bytes` long when signed, by lengthening one of its strings (the first
 * one, in document order, that the package still accepts lengthened): any catalogue, any layout.
 */
export async function paddedEvent(
  pkg: GeneratedPackage,
  bytes: number,
  sign: (event: unknown) => Promise<{ body: string }>,
): Promise<unknown> {
  for (const fixture of pkg.fixtures) {
    const base = (await sign(fixture)).body.length;
    if (base >= bytes) return fixture;
    for (const [path, value] of leaves(fixture)) {
      if (typeof value !== "string") continue;
      const padded = setAt(fixture, path, value + "x".repeat(bytes - base));
      if (pkg.api.isWebhookEvent(padded) && (await sign(padded)).body.length >= bytes) return padded;
    }
  }
  return pkg.fixtures[0];
}
