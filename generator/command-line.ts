/**
 * The flags of the import and docs commands, read the way `generate` reads its own: `--help` (or
 * `-h`) prints the usage; a flag the command does not know, or one missing its value, is said in
 * one line with the nearest flag and the usage, exit 2. A user's typo never shows a stack trace.
 */
import { didYouMean } from "./suggest.js";

export function commandFlags<T>(usage: string, flags: readonly string[], parse: () => T): T {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '(--?[^']+)'/.exec(message)?.[1];
    const said = unknown
      ? `${unknown} is not a flag of this command${didYouMean(unknown, [...flags, "--help"])}`
      : message;
    console.error(`${said}\n\n${usage}`);
    process.exit(2);
  }
}
