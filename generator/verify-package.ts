/**
 * The type-check of a generated package as one strict program: what `generate --verify` and the
 * tests run. Generation itself never loads the TypeScript compiler; this does, when asked.
 */
import type { GeneratedFile } from "./emit/module.js";

// What consumers of the package may have: the DOM library or Node's types both provide the few
// globals the runtime uses (TextEncoder, atob, Request); checking against DOM proves it needs no more.
async function compilerOptions() {
  const ts = (await import("typescript")).default;
  const options: import("typescript").CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    declaration: true,
    isolatedDeclarations: true,
    skipLibCheck: true,
    noEmit: true,
  };
  return { ts, options };
}

/**
 * Type-checks the package's TypeScript as one strict program (the DOM library, no Node types):
 * what `generate --verify` and the tests run. Returns the problems, formatted; none means sound.
 */
export async function verifyPackage(files: readonly GeneratedFile[]): Promise<string[]> {
  const { ts, options } = await compilerOptions();
  // The sources, not dist/: the declarations are printed from the same descriptions, and the tests check those too.
  const sources = new Map(
    files
      .filter((f) => f.path.endsWith(".ts") && !f.path.startsWith("dist/"))
      .map((f) => [`/package/${f.path}`, f.contents]),
  );
  const program = ts.createProgram([...sources.keys()], options, memoryHost(ts, options, sources));
  return ts.getPreEmitDiagnostics(program).map((d) => formatDiagnostic(ts, d));
}

function formatDiagnostic(ts: typeof import("typescript"), d: import("typescript").Diagnostic): string {
  const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
  const place = d.file
    ? `${d.file.fileName.replace(/^\/package\//, "")}${where ? `(${where.line + 1},${where.character + 1})` : ""}: `
    : "";
  return `${place}TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
}

/** A compiler host that reads the package from memory and the TypeScript libraries from disk. */
function memoryHost(
  ts: typeof import("typescript"),
  options: import("typescript").CompilerOptions,
  sources: ReadonlyMap<string, string>,
): import("typescript").CompilerHost {
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
