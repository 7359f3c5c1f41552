import type { CatalogueModel } from "../model.js";
import { docText } from "../print/literals.js";
import { printJson } from "../print/json.js";
import { hasDocsFolder } from "./docs.js";
import type { GeneratedFile } from "./module.js";

/** The package's entry points: subpath → module, without extension, relative to the package. */
export function entryPoints(model: CatalogueModel): Record<string, string> {
  return {
    ".": "index",
    "./fixtures": "fixtures/index",
    ...(model.signing && { "./webhooks": "webhooks", "./testing": "testing" }),
  };
}

/**
 * `package.json`: what makes `generated/` a package others install: ESM with CommonJS beside it,
 * types for each, subpaths for the parts a consumer may want alone, and no side effects.
 */
export function emitPackageJson(model: CatalogueModel): GeneratedFile[] {
  const conditions = (module: string) => ({
    import: { types: `./dist/esm/${module}.d.ts`, default: `./dist/esm/${module}.js` },
    require: { types: `./dist/cjs/${module}.d.ts`, default: `./dist/cjs/${module}.js` },
  });
  const exports = Object.fromEntries(
    Object.entries(entryPoints(model)).map(([subpath, module]) => [subpath, conditions(module)]),
  );
  const manifest = {
    name: model.package.name,
    version: model.package.version,
    description: docText(model.package.description).replace(/\s+/g, " ") || undefined,
    license: model.package.license,
    repository: model.package.repository && { type: "git", url: model.package.repository },
    homepage: model.package.homepage,
    keywords: model.package.keywords,
    type: "module",
    sideEffects: false,
    main: "./dist/cjs/index.js",
    module: "./dist/esm/index.js",
    types: "./dist/esm/index.d.ts",
    exports: {
      ...exports,
      "./schemas/*.json": "./schemas/*.json",
      "./fixtures/*.json": "./fixtures/*.json",
      "./package.json": "./package.json",
    },
    // A large catalogue's reference is split into docs/ (see emitDocs).
    files: ["dist", "schemas", "fixtures/*.json", "README.md", "EVENTS.md", ...(hasDocsFolder(model) ? ["docs"] : [])],
    engines: { node: ">=20" },
  };
  return [{ path: "package.json", contents: printJson(manifest) }];
}
