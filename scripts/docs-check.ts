/**
 * `npm run docs:check -- [--spec FILE] [--from NAME]`
 * Compares the spec with its upstream documents; exit 1 on a difference that is not accepted.
 */
import { parseArgs } from "node:util";
import { commandFlags } from "../generator/command-line.js";
import { SpecError } from "../generator/errors.js";
import { checkUpstreams, formatReport } from "../generator/upstream/check.js";

const USAGE = "Usage: npm run docs:check -- [--spec FILE] [--from NAME]   (NAME: an upstream named in the spec)";
const { values } = commandFlags(USAGE, ["--spec", "--from"], () =>
  parseArgs({ options: { spec: { type: "string", default: "spec/events.yaml" }, from: { type: "string" } } }),
);
try {
  const check = checkUpstreams(values.spec, values.from);
  process.stdout.write(formatReport(check));
  process.exit(check.ok ? 0 : 1);
} catch (error) {
  console.error(error instanceof SpecError ? error.message : String(error instanceof Error ? error.message : error));
  process.exit(1);
}
