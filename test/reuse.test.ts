import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { GeneratedFile } from "../generator/emit/module.js";
import { generate } from "../generator/pipeline.js";
import { MANIFEST, writeOutput } from "../generator/write.js";
import { SPEC, tempDir } from "./helpers.js";

/** The committed spec in a folder of its own, its first event's name, and a way to edit that event. */
function workspace() {
  const dir = tempDir();
  cpSync("spec", join(dir, "spec"), { recursive: true });
  const spec = join(dir, SPEC);
  const doc = parseDocument(readFileSync(spec, "utf8"));
  const name = String(doc.getIn(["events", 0, "name"]));
  const edit = (path: (string | number)[], value: unknown) => {
    const edited = parseDocument(readFileSync(spec, "utf8"));
    edited.setIn(path, edited.createNode(value));
    writeFileSync(spec, edited.toString());
  };
  return { dir, spec, out: join(dir, "generated"), name, edit };
}

const byPath = (files: readonly GeneratedFile[]) => new Map(files.map((f) => [f.path, f.contents]));
const manifestOf = (out: string) =>
  JSON.parse(readFileSync(join(out, MANIFEST), "utf8")) as {
    files: Record<string, string>;
    events: Record<string, { key: string; files: string[] }>;
  };

/** What a run returns, and what a cold run of the same spec (no output folder to reuse) returns. */
async function runAndCold(spec: string, out: string) {
  const files = await generate(spec, out);
  const cold = await generate(spec, out, undefined, undefined, false);
  expect(byPath(files)).toEqual(byPath(cold));
  return files;
}

describe("reuse of an unchanged event's files", () => {
  it("keeps every other event's files after one event is edited, with the bytes of a cold run", async () => {
    const { spec, out, name, edit } = workspace();
    writeOutput(out, await generate(spec, out));
    const { events } = manifestOf(out);
    expect(Object.keys(events).length).toBeGreaterThan(1);

    edit(["events", 0, "description"], "Edited by the test.");
    const files = await runAndCold(spec, out);
    const edited = new Set(events[name]!.files);
    for (const [event, record] of Object.entries(events))
      for (const path of record.files) {
        const file = files.find((f) => f.path === path)!;
        // The edited event's files are made again; every other event's are read back.
        expect(file.readFrom === undefined, `${event}: ${path}`).toBe(edited.has(path));
      }
    const diff = writeOutput(out, files);
    expect(diff.changed.length).toBeGreaterThan(0);
    expect(manifestOf(out).events[name]!.key).not.toBe(events[name]!.key);
  });

  it("reuses nothing when what every event depends on changes (the envelope), and nothing in a cold run", async () => {
    const { spec, out, edit } = workspace();
    writeOutput(out, await generate(spec, out));
    edit(["envelope", "properties", "id", "description"], "Reworded by the test.");
    const files = await runAndCold(spec, out);
    expect(files.filter((f) => f.readFrom !== undefined)).toEqual([]);
    expect((await generate(spec, out, undefined, undefined, false)).some((f) => f.readFrom)).toBe(false);
  });

  it("makes a file edited by hand again, and the next write restores it", async () => {
    const { spec, out, name } = workspace();
    writeOutput(out, await generate(spec, out));
    const path = manifestOf(out).events[name]!.files.find((p) => p.endsWith(".ts"))!;
    const original = readFileSync(join(out, path), "utf8");
    writeFileSync(join(out, path), `${original}// edited by hand\n`);
    const files = await runAndCold(spec, out);
    expect(files.find((f) => f.path === path)!.readFrom).toBeUndefined();
    expect(writeOutput(out, files).changed).toEqual([path]);
    expect(readFileSync(join(out, path), "utf8")).toBe(original);
  });

  it("does not read through a link put where a generated file was; the write refuses it, as always", async () => {
    const { dir, spec, out, name } = workspace();
    writeOutput(out, await generate(spec, out));
    const path = manifestOf(out).events[name]!.files[0]!;
    const outside = join(dir, "outside.txt");
    writeFileSync(outside, readFileSync(join(out, path)));
    rmSync(join(out, path));
    symlinkSync(outside, join(out, path));
    const files = await runAndCold(spec, out);
    expect(files.find((f) => f.path === path)!.readFrom).toBeUndefined();
    const before = readFileSync(outside, "utf8");
    expect(() => writeOutput(out, files)).toThrow(/is not a file, but the generator writes a file there; move it away/);
    expect(readFileSync(outside, "utf8")).toBe(before);
  });

  it("takes nothing from a manifest whose records point outside the folder or do not match", async () => {
    const { dir, spec, out, name } = workspace();
    writeOutput(out, await generate(spec, out));
    writeFileSync(join(dir, "secret.txt"), "not the generator's\n");
    const manifest = manifestOf(out);
    const record = manifest.events[name]!;
    for (const hostile of ["../secret.txt", `${dir}/secret.txt`, "./x/../../secret.txt"]) {
      manifest.files[hostile] = "0".repeat(64);
      manifest.events[name] = { key: record.key, files: [...record.files, hostile] };
      writeFileSync(join(out, MANIFEST), JSON.stringify(manifest));
      const files = await runAndCold(spec, out);
      expect(files.some((f) => f.path === hostile)).toBe(false);
      expect(files.filter((f) => record.files.includes(f.path)).every((f) => f.readFrom === undefined)).toBe(true);
    }
    for (const broken of ["[]", "null", '{"events": {"x": 1}, "files": 2}', "{"]) {
      writeFileSync(join(out, MANIFEST), broken);
      expect((await generate(spec, out)).some((f) => f.readFrom)).toBe(false);
    }
  });
});
