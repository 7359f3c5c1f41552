/**
 * `webhook-event-codegen generate [--spec FILE] [--out DIR] [--check | --watch] [--verify] [--quiet] [--json]`
 * Validates the spec and writes the package, or with --check only says whether it is up to date.
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import type { GeneratedFile } from "../emit/module.js";
import { formatProblem, SpecError, type SpecProblem } from "../errors.js";
import { generate, generateStream, type Progress } from "../pipeline.js";
import { watchFile } from "../watch.js";
import { describeDiff, diffOutput, isUpToDate, OutputError, writeOutput, type OutputDiff } from "../write.js";
import { InputError } from "../api.js";
import { SPEC_FLAG, UsageError, type Command } from "./command.js";

interface Options {
  spec: string;
  out: string;
  check: boolean;
  verify: boolean;
  quiet: boolean;
  json: boolean;
}

export const generateCommand: Command = {
  name: "generate",
  summary: "write the package the spec describes (or --check that it is up to date)",
  usage: `Usage: webhook-event-codegen generate [--spec FILE] [--out DIR] [--check | --watch] [--verify] [--quiet] [--json]

  --spec FILE  the catalogue to read (default: spec/events.yaml)
  --out DIR    the folder to write the package to (default: generated)
  --check      write nothing; exit 1 with a diff if DIR differs from what the spec gives
  --watch      generate, then again on every change to the spec; errors are printed, not fatal
  --verify     also type-check the generated package as one strict program, and say so
  --quiet      print nothing but problems
  --json       print the outcome as one line of JSON (for CI), problems included; runs the same
  --help, -h   show this

Exit codes: 0 written or up to date; 1 out of date (--check) or the spec is refused; 2 a usage mistake.`,
  flags: {
    ...SPEC_FLAG,
    out: { type: "string", default: "generated" },
    check: { type: "boolean", default: false },
    watch: { type: "boolean", default: false },
    verify: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
  async run(values) {
    const options = values as unknown as Options & { watch: boolean };
    if (options.check && options.watch) throw new UsageError("--check and --watch do not go together");
    if (!options.watch) return once(options);
    // While the spec is invalid nothing is written (the run says why); the next save tries again.
    return watchFile(options.spec, () => runApart(options));
  },
};

/**
 * One `generate` in a process of its own, its output passed through: all a run allocates goes
 * with it, so a watch that has regenerated holds no more memory than one at rest.
 */
function runApart(options: Options): Promise<void> {
  const bin = fileURLToPath(new URL("./bin.js", import.meta.url));
  const flags = ["--spec", options.spec, "--out", options.out];
  for (const flag of ["verify", "quiet", "json"] as const) if (options[flag]) flags.push(`--${flag}`);
  // The same Node flags (a TypeScript loader, when the tests run the sources).
  const child = spawn(process.execPath, [...process.execArgv, bin, "generate", ...flags], { stdio: "inherit" });
  return new Promise((resolve) => {
    child.on("error", (error) => {
      console.error(`could not start a run: ${error.message}`);
      resolve();
    });
    child.on("exit", () => resolve());
  });
}

/** One run, as both ways of saying it see it: the files, what `--verify` found, and the folder's diff. */
interface Run {
  /** How many files the package has, its manifest included. */
  files: number;
  verified?: { files: number; problems: string[] };
  /** Absent when `--verify` found problems: then nothing is compared or written. */
  diff?: OutputDiff;
  seconds: number;
}

/**
 * generate → `--verify` if asked → `--check`'s comparison or the write. `--json` changes how the
 * outcome is said, never what runs: both outputs read this.
 */
async function execute(
  options: Options,
  warn: (problem: SpecProblem) => void,
  notice: (message: string) => void,
  progress?: Progress,
): Promise<Run> {
  const started = performance.now();
  const seconds = () => Number(((performance.now() - started) / 1000).toFixed(2));
  if (options.verify) {
    // The type check reads the whole package; without it, each file is written (or compared) and let go.
    const files = await generate(options.spec, options.out, warn, progress);
    const verified = await verify(files);
    if (verified.problems.length > 0) return { files: files.length, verified, seconds: seconds() };
    return { files: files.length, verified, diff: compareOrWrite(options, files, notice), seconds: seconds() };
  }
  const files = await generateStream(options.spec, options.out, warn, progress);
  const diff = compareOrWrite(options, files, notice);
  return { files: diff.added.length + diff.changed.length + diff.unchanged.length, diff, seconds: seconds() };
}

function compareOrWrite(
  options: Options,
  files: Iterable<GeneratedFile>,
  notice: (message: string) => void,
): ReturnType<typeof diffOutput> | OutputDiff {
  return options.check ? diffOutput(options.out, files) : writeOutput(options.out, files, notice);
}

async function once(options: Options): Promise<number> {
  if (options.json) return asJson(options);
  // A progress line only where someone watches: a terminal, and not --quiet.
  const live = process.stderr.isTTY && !options.quiet;
  const progress = (stage: string, done?: number, total?: number) =>
    process.stderr.write(`\r\x1b[K${stage}${total ? ` ${done}/${total}` : ""}…`);
  let run: Run;
  try {
    run = await execute(
      options,
      (problem) => console.error(`warning: ${formatProblem(problem)}`),
      (message) => console.error(`note: ${message}`),
      live ? progress : undefined,
    );
  } finally {
    if (live) process.stderr.write("\r\x1b[K");
  }
  const { files, verified, diff, seconds } = run;
  if (verified && verified.problems.length > 0) {
    console.error(
      `The generated package does not type-check (a bug in the generator; please report it):\n${verified.problems.join("\n")}`,
    );
    return 2;
  }
  // Said, so that a CI log shows the check ran and what it covered.
  if (verified && !options.quiet)
    console.log(`verified: the package's ${verified.files} TypeScript files type-check as one strict program`);
  if (options.check) {
    if (isUpToDate(diff!)) {
      if (!options.quiet)
        console.log(`${options.out} is up to date with ${options.spec} (${files} files, ${seconds.toFixed(2)} s).`);
      return 0;
    }
    console.error(describeDiff(options.out, diff as Parameters<typeof describeDiff>[1]));
    return 1;
  }
  const written = diff!.added.length + diff!.changed.length;
  const extra = diff!.foreign.length > 0 ? `; kept ${diff!.foreign.length} file(s) it did not write` : "";
  if (!options.quiet)
    console.log(
      `Generated ${options.out} from ${options.spec}: ${files} files, ${written} written, ${diff!.unchanged.length} unchanged, ${diff!.removed.length} removed${extra} (${seconds.toFixed(2)} s).`,
    );
  return 0;
}

/** The type-check of `--verify`: the package's TypeScript sources as one strict program. */
async function verify(
  files: readonly { path: string; contents: string }[],
): Promise<{ files: number; problems: string[] }> {
  const { verifyPackage } = await import("../verify-package.js");
  // The compiler is an optional peer: --verify says how to get it rather than failing with a trace.
  const compiler = await import("typescript").catch(() => undefined);
  if (compiler === undefined)
    throw new InputError(
      "--verify type-checks with the typescript package, which is not installed: npm install -D typescript",
    );
  const problems = await verifyPackage(files);
  return { files: files.filter((f) => f.path.endsWith(".ts") && !f.path.startsWith("dist/")).length, problems };
}

/** `--json`: the outcome as one line, problems with their places included; the exit code as usual. */
async function asJson(options: Options): Promise<number> {
  const warnings: unknown[] = [];
  try {
    const { files, verified, diff, seconds } = await execute(
      options,
      (problem) => warnings.push(problem),
      (message) => warnings.push({ note: message }),
    );
    if (verified && verified.problems.length > 0) {
      console.log(JSON.stringify({ ok: false, verified: { ok: false, ...verified }, warnings }));
      return 2;
    }
    const verifiedField = verified ? { verified: { ok: true, files: verified.files } } : {};
    if (options.check) {
      const upToDate = isUpToDate(diff!);
      console.log(
        JSON.stringify({
          ok: upToDate,
          check: true,
          files,
          ...diff,
          ...verifiedField,
          warnings,
          seconds,
        }),
      );
      return upToDate ? 0 : 1;
    }
    console.log(
      JSON.stringify({
        ok: true,
        files,
        written: diff!.added.length + diff!.changed.length,
        unchanged: diff!.unchanged.length,
        removed: diff!.removed.length,
        kept: diff!.foreign.length,
        ...verifiedField,
        warnings,
        seconds,
      }),
    );
    return 0;
  } catch (error) {
    if (error instanceof SpecError) {
      console.log(JSON.stringify({ ok: false, problems: error.problems, warnings }));
      return 1;
    }
    if (error instanceof OutputError) {
      console.log(JSON.stringify({ ok: false, problems: [{ message: error.message }], warnings }));
      return 1;
    }
    throw error;
  }
}
