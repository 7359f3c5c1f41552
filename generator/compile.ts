import ts from "typescript";
import type { GeneratedFile } from "./emit/module.js";
import { cacheKey, readCached, writeCached } from "./cache.js";
import { compareNames } from "./model.js";

/** Thrown when the generated TypeScript does not compile or type-check: a bug in the generator, never the user's. */
export class CompileError extends Error {
  override name = "CompileError";
}

// What consumers of the package may have: the DOM library or Node's types both provide the few
// globals the runtime uses (TextEncoder, atob, Request); checking against DOM proves it needs no more.
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
  declaration: true,
  isolatedDeclarations: true,
  skipLibCheck: true,
  rootDir: "/package",
  outDir: "/out",
  newLine: ts.NewLineKind.LineFeed,
};

// Transpiling one file needs no module resolution, and the CommonJS build cannot use Bundler's.
const {
  moduleResolution: _resolution,
  declaration: _declaration,
  isolatedDeclarations: _isolated,
  ...TRANSPILE
} = OPTIONS;

const FORMATS = [
  ["esm", ts.ModuleKind.ESNext],
  ["cjs", ts.ModuleKind.CommonJS],
] as const;

/**
 * Compiles the package's TypeScript to `dist/esm` (ES modules) and `dist/cjs` (CommonJS, marked by
 * its own package.json), each with its `.d.ts` files, one file at a time: no program, no type-check.
 * Every run does this; the type-check is the tests' (and `generate --verify`'s) job. The emitters
 * write code whose declarations need no inference across files (isolated declarations), so each
 * `.d.ts` comes from its own file alone; a file that breaks that is a generator bug, reported here.
 */
export function compilePackage(files: readonly GeneratedFile[]): GeneratedFile[] {
  const out: GeneratedFile[] = [];
  for (const file of files) {
    if (!file.path.endsWith(".ts")) continue;
    const stem = file.path.slice(0, -".ts".length);
    for (const { format, extension, contents } of compiled(file))
      out.push({ path: `dist/${format}/${stem}${extension}`, contents });
  }
  // Node reads dist/cjs/*.js as CommonJS only with this beside them; the package itself is ESM.
  out.push({ path: "dist/cjs/package.json", contents: '{ "type": "commonjs" }\n' });
  return [...files, ...out.sort((a, b) => compareNames(a.path, b.path))];
}

interface Output {
  format: "esm" | "cjs";
  extension: ".js" | ".d.ts";
  contents: string;
}

/** One file's JavaScript and declarations for each module format, from the cache when seen before. */
function compiled(file: GeneratedFile): Output[] {
  const key = cacheKey(ts.version, JSON.stringify(OPTIONS), file.path, file.contents);
  const hit = readCached("compile", key);
  if (hit !== undefined) return JSON.parse(hit) as Output[];
  const fileName = `/package/${file.path}`;
  const declaration = ts.transpileDeclaration(file.contents, {
    fileName,
    compilerOptions: OPTIONS,
    reportDiagnostics: true,
  });
  if (declaration.diagnostics?.length) throw compileError(declaration.diagnostics);
  const outputs: Output[] = [];
  for (const [format, module] of FORMATS) {
    const js = ts.transpileModule(file.contents, {
      fileName,
      compilerOptions: { ...TRANSPILE, module },
      reportDiagnostics: true,
    });
    if (js.diagnostics?.length) throw compileError(js.diagnostics);
    outputs.push(
      { format, extension: ".js", contents: js.outputText },
      { format, extension: ".d.ts", contents: declaration.outputText },
    );
  }
  writeCached("compile", key, JSON.stringify(outputs));
  return outputs;
}

/**
 * Type-checks the package's TypeScript as one strict program (the DOM library, no Node types):
 * what `generate --verify` and the tests run. Returns the problems, formatted; none means sound.
 */
export function verifyPackage(files: readonly GeneratedFile[]): string[] {
  const sources = new Map(files.filter((f) => f.path.endsWith(".ts")).map((f) => [`/package/${f.path}`, f.contents]));
  const options: ts.CompilerOptions = { ...OPTIONS, noEmit: true };
  const program = ts.createProgram([...sources.keys()], options, memoryHost(options, sources));
  return ts.getPreEmitDiagnostics(program).map((d) => formatDiagnostic(d));
}

function compileError(diagnostics: readonly ts.Diagnostic[]): CompileError {
  return new CompileError(
    `the generated package does not compile; this is a bug in the generator, please report it:\n${diagnostics.map(formatDiagnostic).join("\n")}`,
  );
}

function formatDiagnostic(d: ts.Diagnostic): string {
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  const place = d.file
    ? `${d.file.fileName.replace(/^\/package\//, "")}${where ? `(${where.line + 1},${where.character + 1})` : ""}: `
    : "";
  return `${place}TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
}

/** A compiler host that reads the package from memory and the TypeScript libraries from disk. */
function memoryHost(options: ts.CompilerOptions, sources: ReadonlyMap<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const onDisk = { getSourceFile: host.getSourceFile, fileExists: host.fileExists, readFile: host.readFile };
  host.getSourceFile = (name, version) => {
    const text = sources.get(name);
    return text === undefined ? onDisk.getSourceFile(name, version) : ts.createSourceFile(name, text, version);
  };
  host.fileExists = (name) => sources.has(name) || onDisk.fileExists(name);
  host.directoryExists = (dir) => dir === "/package" || dir.startsWith("/package/") || ts.sys.directoryExists(dir);
  host.realpath = (name) => name;
  host.readFile = (name) => sources.get(name) ?? onDisk.readFile(name);
  host.writeFile = () => {};
  return host;
}
