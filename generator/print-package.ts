/**
 * The print stage: each module an emitter described becomes its TypeScript source and, from the
 * same description, its JavaScript (ES modules and CommonJS; none for a module of types alone) and
 * declarations in `dist/`. Files the emitters wrote as text (JSON, Markdown, the runtime) pass through.
 */
import type { Emitted, GeneratedFile } from "./emit/module.js";
import { printJson } from "./print/json.js";
import { hasJavaScript, printModule } from "./print/module.js";

export function printModules(emitted: readonly Emitted[]): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const item of emitted) {
    if (!("module" in item)) {
      files.push(item);
      continue;
    }
    const { path, module } = item;
    const declarations = printModule(module, "dts");
    files.push(
      { path: `${path}.ts`, contents: printModule(module, "ts") },
      { path: `dist/esm/${path}.d.ts`, contents: declarations },
      { path: `dist/cjs/${path}.d.ts`, contents: declarations },
    );
    if (hasJavaScript(module))
      files.push(
        { path: `dist/esm/${path}.js`, contents: printModule(module, "esm") },
        { path: `dist/cjs/${path}.js`, contents: printModule(module, "cjs") },
      );
  }
  return files;
}

/** What the printed forms need beside them: Node reads dist/cjs/*.js as CommonJS only with this; the package itself is ESM. */
export function packageSupport(): GeneratedFile[] {
  return [{ path: "dist/cjs/package.json", contents: printJson({ type: "commonjs" }) }];
}
