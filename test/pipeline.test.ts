import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyPackage } from "../generator/verify-package.js";
import { generate } from "../generator/pipeline.js";
import { diffOutput } from "../generator/write.js";
import { generatedFiles, modelOf, SPEC } from "./helpers.js";

describe("the package generated from spec/events.yaml", () => {
  // The committed generated/ is the snapshot: a change to the spec or the generator shows as a
  // diff of the files users consume. `vitest -u` (or `npm run generate`) accepts it.
  it("matches the committed generated/, file by file", async () => {
    for (const file of await generatedFiles()) {
      await expect(file.contents, file.path).toMatchFileSnapshot(resolve("generated", file.path));
    }
  });

  it("is exactly what generated/ holds: no file missing, none extra", async () => {
    const diff = diffOutput("generated", await generatedFiles());
    expect({ missing: diff.added, extra: [...diff.removed, ...diff.foreign] }).toEqual({ missing: [], extra: [] });
  });

  it("type-checks as one strict program (what generate --verify runs)", async () => {
    expect(await verifyPackage(await generatedFiles())).toEqual([]);
  });

  it("is the same bytes on every run", async () => {
    const [a, b] = [await generatedFiles(), await generate(SPEC, "generated")];
    expect(b).toEqual(a);
  });

  it("does not depend on the order of events in the spec", async () => {
    const { loadSpec } = await import("../generator/load.js");
    const { validateSpec } = await import("../generator/validate.js");
    const { buildModel } = await import("../generator/model.js");
    const { emitAll } = await import("../generator/pipeline.js");
    const spec = validateSpec(loadSpec(SPEC));
    const reversed = { ...spec, events: [...spec.events].reverse() };
    expect(await emitAll(buildModel(reversed, "x"))).toEqual(await emitAll(buildModel(spec, "x")));
  });

  it("has one fixture per event, equal to the spec's example", async () => {
    const files = await generatedFiles();
    const { events } = modelOf(readFileSync(SPEC, "utf8"));
    for (const event of events) {
      const fixture = files.find((f) => f.path === `fixtures/${event.fileName}.json`)!;
      expect(JSON.parse(fixture.contents), event.name).toEqual(event.example);
    }
    expect(files.filter((f) => f.path.startsWith("fixtures/") && f.path.endsWith(".json"))).toHaveLength(events.length);
  });

  it("has no index signatures and no runtime imports outside the package", async () => {
    for (const file of await generatedFiles()) {
      expect(file.contents, file.path).not.toMatch(/\[k: string\]: unknown/);
      if (!/\.(ts|js)$/.test(file.path)) continue;
      for (const [, specifier] of file.contents.matchAll(/(?:from |require\()"([^"]+)"/g)) {
        expect(specifier, file.path).toMatch(/^\.\.?\//);
      }
    }
    // Node is used only where it is found at run time (process.getBuiltinModule), never imported.
    for (const file of ["runtime/validation.ts", "runtime/verify.ts", "runtime/testing.ts"]) {
      expect(readFileSync(`generated/${file}`, "utf8"), file).not.toMatch(/\bBuffer\b|from "node:|require\(/);
    }
  });
});
