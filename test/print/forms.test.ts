// The printed JavaScript means what its TypeScript says: the package's `dist/esm` and `dist/cjs`
// (printed from the same descriptions as the `.ts`) and the `.ts` sources compiled by TypeScript
// give the same answers on the same payloads. TypeScript is the oracle; the printer shares no code with it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { packageFiles } from "../../generator/pipeline.js";
import { modelOf, OPENAI_SPEC, scratchDir, writeTree } from "../helpers.js";

type Package = Record<string, any>;

/** The package three ways: printed ESM, printed CommonJS, and its sources as TypeScript compiles them. */
async function threeWays(specText: string): Promise<{ esm: Package; cjs: Package; tsc: Package }> {
  const files = packageFiles(modelOf(specText));
  const dir = scratchDir("wec-forms-");
  writeTree(dir, files);
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  for (const file of files.filter((f) => f.path.endsWith(".ts") && !f.path.startsWith("dist/"))) {
    const target = join(dir, "tsc", file.path.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(target), { recursive: true });
    const options = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 };
    writeFileSync(target, ts.transpileModule(file.contents, { compilerOptions: options }).outputText);
  }
  return {
    esm: await import(pathToFileURL(join(dir, "dist/esm/index.js")).href),
    cjs: createRequire(import.meta.url)(join(dir, "dist/cjs/index.js")),
    tsc: await import(pathToFileURL(join(dir, "tsc/index.js")).href),
  };
}

/** Each fixture, and each with one field (at any depth) removed or replaced by an arbitrary value. */
function payloads(fixtures: Record<string, unknown>): fc.Arbitrary<unknown> {
  const examples = Object.values(fixtures);
  const paths = (value: unknown, at: string[] = []): string[][] =>
    value !== null && typeof value === "object"
      ? Object.entries(value).flatMap(([k, v]) => [[...at, k], ...paths(v, [...at, k])])
      : [];
  return fc.integer({ min: 0, max: examples.length - 1 }).chain((i) => {
    const example = examples[i];
    const all = paths(example);
    return fc
      .tuple(fc.integer({ min: 0, max: Math.max(0, all.length - 1) }), fc.option(fc.jsonValue()))
      .map(([p, replacement]) => {
        const copy = JSON.parse(JSON.stringify(example));
        const path = all[p];
        if (!path) return copy;
        const parent = path.slice(0, -1).reduce((o, k) => o[k], copy);
        if (replacement === null) delete parent[path.at(-1)!];
        else parent[path.at(-1)!] = replacement;
        return copy;
      });
  });
}

const SPECS = [OPENAI_SPEC, ...readdirSync("test/corpus/accepted").map((f) => join("test/corpus/accepted", f))];

describe("dist/esm, dist/cjs and the compiled sources", () => {
  it.each(SPECS)("agree on every answer for %s", async (spec) => {
    const { esm, cjs, tsc } = await threeWays(readFileSync(spec, "utf8"));
    const names = Object.keys(tsc).sort();
    expect(Object.keys(esm).sort()).toEqual(names);
    expect(
      Object.keys(cjs)
        .filter((k) => k !== "__esModule")
        .sort(),
    ).toEqual(names);
    if (Object.keys(tsc.fixtures).length === 0) return;
    let compared = 0;
    fc.assert(
      fc.property(payloads(tsc.fixtures), (payload) => {
        const answer = (p: Package) => [p.isWebhookEvent(payload), p.parseWebhookEvent(payload, { headers: {} })];
        const expected = answer(tsc);
        expect(answer(esm)).toEqual(expected);
        expect(answer(cjs)).toEqual(expected);
        compared++;
      }),
      { numRuns: 300, seed: 11 },
    );
    expect(compared).toBe(300);
  });
});
