/**
 * The one CLI: `webhook-event-codegen <command> [flags]`. Finds the command (with the nearest one
 * for a typo), reads its flags and runs it; says a user's mistake in a line or two, never with a
 * stack trace. Exit codes: 0 done; 1 a check failed or an input was refused; 2 a usage mistake
 * (or, with a stack trace, a bug in the generator).
 */
import { InputError, OutputError, SpecError } from "../api.js";
import { didYouMean } from "../suggest.js";
import { readArgs, UsageError, type Command } from "./command.js";
import { docsAcceptCommand } from "./docs-accept.js";
import { docsCheckCommand } from "./docs-check.js";
import { docsFetchCommand } from "./docs-fetch.js";
import { docsSyncCommand } from "./docs-sync.js";
import { generateCommand } from "./generate.js";
import { importCommand } from "./import.js";
import { initCommand } from "./init.js";

export const COMMANDS: readonly Command[] = [
  generateCommand,
  importCommand,
  initCommand,
  docsCheckCommand,
  docsSyncCommand,
  docsFetchCommand,
  docsAcceptCommand,
];

export const USAGE = `Usage: webhook-event-codegen <command> [flags]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(12)} ${c.summary}`).join("\n")}

Run webhook-event-codegen <command> --help for its flags.
Exit codes: 0 done; 1 a check failed or an input was refused; 2 a usage mistake.`;

/** Runs one command line (the arguments after the program's name); resolves to the exit code. */
export async function runCli(args: readonly string[]): Promise<number> {
  const [first, second] = args;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    (first === undefined ? console.error : console.log)(USAGE);
    return first === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === first || c.name === `${first} ${second}`);
  if (!command) return unknownCommand(first, second);
  const rest = args.slice(command.name.split(" ").length);
  try {
    const parsed = readArgs(command, [...rest]);
    if (parsed === "help") {
      console.log(command.usage);
      return 0;
    }
    return await command.run(parsed.values, parsed.positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (isUserError(error)) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

function unknownCommand(first: string, second: string | undefined): number {
  const names = COMMANDS.map((c) => c.name);
  if (first === "docs") {
    const subcommands = names.filter((n) => n.startsWith("docs ")).map((n) => n.slice(5));
    const said = second === undefined ? "docs needs a subcommand" : `docs ${second} is not a command`;
    const hint = second ? didYouMean(second, subcommands, (s) => `docs ${s}`) : "";
    console.error(`${said}${hint || "."} docs has: ${subcommands.join(", ")}\n\n${USAGE}`);
    return 2;
  }
  // `docs:check` and `check` (the npm script names, or a dropped `docs`) find their command too.
  const hint = didYouMean(first.replace(":", " "), [...names, ...names.map((n) => n.replace(/^docs /, ""))], (n) =>
    names.includes(n) ? n : `docs ${n}`,
  );
  console.error(`${first} is not a command of webhook-event-codegen${hint}\n\n${USAGE}`);
  return 2;
}

/** A mistake in what the user gave (a spec, a document, a file): said in its own words, no stack trace. */
function isUserError(error: unknown): error is Error {
  if (error instanceof SpecError || error instanceof OutputError || error instanceof InputError) return true;
  // A file the user named that cannot be read or written: the system's own words name it.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return error instanceof Error && typeof code === "string" && /^E[A-Z]+$/.test(code) && "syscall" in error;
}

/** Runs the command line and ends the process with its exit code; a bug's trace is printed, exit 2. */
export function main(args: readonly string[]): void {
  runCli(args).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error("webhook-event-codegen failed (a bug; please report it with this trace):");
      console.error(error);
      process.exit(2);
    },
  );
}
