import ts from "typescript";
import type { GeneratedFile } from "./emit/module.js";
import { compareNames } from "./model.js";

/** Thrown when the generated TypeScript does not type-check: a bug in the generator, never the user's. */
export class CompileError extends Error {
  override name = "CompileError";
}

// What consumers of the package may have: the DOM library or Node's types both provide the few
// globals the runtime uses (TextEncoder, atob, Request); compiling against DOM proves it needs no more.
const OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: [],
  declaration: true,
  skipLibCheck: true,
  rootDir: "/package",
  outDir: "/out",
  newLine: ts.NewLineKind.LineFeed,
};

/**
 * Type-checks the package's TypeScript and compiles it, through the compiler API, to
 * `dist/esm` (ES modules) and `dist/cjs` (CommonJS, marked by its own package.json), each
 * with the `.d.ts` files that describe it. One program is checked; the CommonJS one reuses its
 * parsed files and skips the check.
 */
export function compilePackage(files: readonly GeneratedFile[]): GeneratedFile[] {
  const sources = new Map(files.filter((f) => f.path.endsWith(".ts")).map((f) => [`/package/${f.path}`, f.contents]));
  const out: GeneratedFile[] = [];
  let checked: ts.Program | undefined;
  for (const [format, module] of [
    ["esm", ts.ModuleKind.ESNext],
    ["cjs", ts.ModuleKind.CommonJS],
  ] as const) {
    const options: ts.CompilerOptions = { ...OPTIONS, module, ...(checked && { noCheck: true }) };
    const host = memoryHost(options, sources, (name, text) =>
      out.push({ path: `dist/${format}/${name.slice("/out/".length)}`, contents: text }),
    );
    const program = ts.createProgram([...sources.keys()], options, host, checked);
    if (!checked) {
      const diagnostics = ts.getPreEmitDiagnostics(program);
      if (diagnostics.length > 0) {
        const text = ts.formatDiagnostics(diagnostics, {
          getCanonicalFileName: (f) => f,
          getCurrentDirectory: () => "/",
          getNewLine: () => "\n",
        });
        throw new CompileError(
          `the generated package does not type-check; this is a bug in the generator, please report it:\n${text}`,
        );
      }
      checked = program;
    }
    program.emit();
  }
  // Node reads dist/cjs/*.js as CommonJS only with this beside them; the package itself is ESM.
  out.push({ path: "dist/cjs/package.json", contents: '{ "type": "commonjs" }\n' });
  return [...files, ...out.sort((a, b) => compareNames(a.path, b.path))];
}

/** A compiler host that reads the package from memory (and the TypeScript libraries from disk) and hands every output to `write`. */
function memoryHost(
  options: ts.CompilerOptions,
  sources: ReadonlyMap<string, string>,
  write: (name: string, text: string) => void,
): ts.CompilerHost {
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
  host.writeFile = write;
  return host;
}
