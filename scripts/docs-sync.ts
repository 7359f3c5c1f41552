/**
 * `npm run docs:sync -- --from NAME [--spec FILE]`
 * Brings one upstream document's unaccepted differences into the spec, keeping its comments,
 * order and hand-written parts, and prints what still needs a human.
 */
import { renameSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { commandFlags } from "../generator/command-line.js";
import { SpecError } from "../generator/errors.js";
import { loadSpec } from "../generator/load.js";
import { checkUpstreams } from "../generator/upstream/check.js";
import { syncSpec } from "../generator/upstream/sync.js";
import { validateSpec } from "../generator/validate.js";

const USAGE =
  "Usage: npm run docs:sync -- --from NAME [--spec FILE]   (NAME: an upstream named in the spec, such as page or openapi)";
const { values } = commandFlags(USAGE, ["--spec", "--from"], () =>
  parseArgs({ options: { spec: { type: "string", default: "spec/events.yaml" }, from: { type: "string" } } }),
);
if (!values.from) {
  console.error(USAGE);
  process.exit(2);
}
try {
  const check = checkUpstreams(values.spec, values.from);
  const outcome = syncSpec(readFileSync(values.spec, "utf8"), check.spec, check.results[0]!);
  if (outcome.applied.length === 0 && outcome.forHumans.length === 0) {
    console.log(`${values.spec} already agrees with ${values.from}, but for accepted differences; nothing to do.`);
    process.exit(0);
  }
  // Checked before it is written: a sync never leaves a spec that generate would refuse.
  try {
    validateSpec(loadSpec(values.spec, outcome.text));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    console.error(`Nothing was written: ${values.spec} would not be valid after the sync from ${values.from}:`);
    for (const line of error.message.split("\n").slice(1)) console.error(`  ${line}`);
    console.error("Change the spec by hand (or accept the difference), then run docs:sync again.");
    process.exit(1);
  }
  // Written whole or not at all.
  writeFileSync(`${values.spec}.tmp`, outcome.text);
  renameSync(`${values.spec}.tmp`, values.spec);
  console.log(`Updated ${values.spec} from ${values.from}:`);
  for (const line of outcome.applied) console.log(`  ${line}`);
  if (outcome.forHumans.length > 0) {
    console.log("Still needs a human:");
    for (const line of outcome.forHumans) console.log(`  ${line}`);
  }
  console.log("Then: npm run generate, and npm run docs:check.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
