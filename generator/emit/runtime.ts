import { readFileSync } from "node:fs";
import type { CatalogueModel } from "../model.js";
import { renderModule, type GeneratedFile } from "./module.js";

// The code every package shares is real, type-checked source in generator/runtime/, copied as it
// is into the package's runtime/; read once, when the generator starts, like the rest of its code.
const source = (name: string) => readFileSync(new URL(`../runtime/${name}`, import.meta.url), "utf8");
const ALWAYS = [
  { name: "validation.ts", text: source("validation.ts") },
  { name: "standard-schema.ts", text: source("standard-schema.ts") },
];
const FORMATS = [{ name: "formats.ts", text: source("formats.ts") }];
const HEADERS = [{ name: "headers.ts", text: source("headers.ts") }];
const SIGNING = ["errors.ts", "signing.ts", "schemes.ts", "verify.ts", "testing.ts"].map((name) => ({
  name,
  text: source(name),
}));

/** `runtime/`: what validators (and, when the spec declares signing, verification) share. No dependencies. */
export function emitRuntime(model: CatalogueModel): GeneratedFile[] {
  const files = [
    ...ALWAYS,
    ...(model.checkFormats ? FORMATS : []),
    ...(model.signing || model.layout ? HEADERS : []),
    ...(model.signing ? SIGNING : []),
  ];
  return files.map(({ name, text }) => ({ path: `runtime/${name}`, contents: renderModule(model.source, [text]) }));
}
