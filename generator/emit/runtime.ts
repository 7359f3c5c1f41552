import { readFileSync } from "node:fs";
import type { CatalogueModel } from "../model.js";
import { renderModule, type GeneratedFile } from "./module.js";

// The helpers every validator shares are real, type-checked source in generator/runtime/, copied
// as they are; read once, when the generator starts, like any other part of its code.
const VALIDATION_RUNTIME = readFileSync(new URL("../runtime/validation.ts", import.meta.url), "utf8");

/** `runtime.ts`: what the validators share. No dependencies, no Node-only APIs. */
export function emitRuntime(model: CatalogueModel): GeneratedFile[] {
  return [{ path: "runtime.ts", contents: renderModule(model.source, [VALIDATION_RUNTIME]) }];
}
