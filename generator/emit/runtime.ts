import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CatalogueModel } from "../model.js";
import { RUNTIME_BUILD } from "../paths.js";
import { moduleHeader, type GeneratedFile } from "./module.js";

// The code every package shares is real, type-checked source in generator/runtime/, copied as it
// is into the package's runtime/, with its JavaScript and declarations as the generator's build
// printed them: the same for every catalogue, so no run compiles it.
const FORMS = ["{}.ts", "esm/{}.js", "esm/{}.d.ts", "cjs/{}.js", "cjs/{}.d.ts"];

function runtimeFile(stem: string): { source: string; dist: { path: string; contents: string }[] } {
  const built = (form: string) => join(RUNTIME_BUILD, form.replace("{}", stem));
  if (!FORMS.every((form) => existsSync(built(form))))
    throw new Error(`the generator's runtime is not built (${RUNTIME_BUILD}): run npm run build`);
  return {
    source: readFileSync(built("{}.ts"), "utf8"),
    dist: FORMS.slice(1).map((form) => ({
      path: `dist/${form.replace("{}", `runtime/${stem}`)}`,
      contents: readFileSync(built(form), "utf8"),
    })),
  };
}

const cache = new Map<string, ReturnType<typeof runtimeFile>>();
const load = (stem: string) => {
  if (!cache.has(stem)) cache.set(stem, runtimeFile(stem));
  return cache.get(stem)!;
};

const ALWAYS = ["validation", "standard-schema"];
const FORMATS = ["formats"];
const HEADERS = ["headers"];
const SIGNING = ["errors", "signing", "schemes", "verify", "testing"];

/** `runtime/`: what validators (and, when the spec declares signing, verification) share. No dependencies. */
export function emitRuntime(model: CatalogueModel): GeneratedFile[] {
  const stems = [
    ...ALWAYS,
    ...(model.checkFormats ? FORMATS : []),
    ...(model.signing || model.layout ? HEADERS : []),
    ...(model.signing ? SIGNING : []),
  ];
  return stems.flatMap((stem) => {
    const { source, dist } = load(stem);
    return [{ path: `runtime/${stem}.ts`, contents: `${moduleHeader(model.source)}\n\n${source}` }, ...dist];
  });
}
