/**
 * What every subcommand is: its name, its usage (printed by --help, -h and after a mistake), its
 * flags, and what it runs. Reading the flags is shared, so every command answers --help, names the
 * nearest flag for a typo and says a usage mistake in one line (exit 2), never with a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { didYouMean } from "../suggest.js";

export type Flags = NonNullable<ParseArgsConfig["options"]>;
type Values = Record<string, string | boolean | undefined>;

export interface Command {
  /** As typed after the program's name: `generate`, `docs check`. */
  name: string;
  /** One line for the list of commands. */
  summary: string;
  usage: string;
  flags: Flags;
  /** How many positional arguments it takes, at least and at most. */
  positionals?: { min: number; max: number; names: string };
  run(values: Values, positionals: string[]): Promise<number>;
}

/** A mistake in how a command was called: said with the command's usage, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A refused input (a file that exists, an event with nothing to accept): said in one line, exit 1. */
export class InputError extends Error {
  override name = "InputError";
}

/** The command's flags and positionals, or `"help"`; throws UsageError for a mistake. */
export function readArgs(command: Command, args: string[]): { values: Values; positionals: string[] } | "help" {
  if (args.includes("--help") || args.includes("-h")) return "help";
  let parsed;
  try {
    parsed = parseArgs({ args, options: command.flags, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(--?[^']+)'/.exec(message)?.[1];
    const names = [...Object.keys(command.flags).map((flag) => `--${flag}`), "--help"];
    throw new UsageError(
      unknown ? `${unknown} is not a flag of ${command.name}${didYouMean(unknown, names)}` : message,
    );
  }
  const { min, max, names } = command.positionals ?? { min: 0, max: 0, names: "" };
  const count = parsed.positionals.length;
  if (count < min) throw new UsageError(`${command.name} needs ${names}`);
  if (count > max)
    throw new UsageError(
      `${command.name} takes ${max === 0 ? "no arguments" : `only ${names}`}, not ${JSON.stringify(parsed.positionals.slice(max).join(" "))}`,
    );
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

/** `--spec FILE` with its default: every command but import reads the repository's catalogue. */
export const SPEC_FLAG = { spec: { type: "string", default: "spec/events.yaml" } } as const satisfies Flags;
