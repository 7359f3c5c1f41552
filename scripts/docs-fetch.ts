/**
 * `npm run docs:fetch -- [--spec FILE] [--from NAME]`
 * Downloads every upstream document the spec names with a `url` into its copy; then run docs:check.
 */
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { commandFlags } from "../generator/command-line.js";
import { SpecError } from "../generator/errors.js";
import { loadSpec } from "../generator/load.js";
import { fetchUpstream } from "../generator/upstream/fetch.js";
import { validateSpec } from "../generator/validate.js";

const USAGE =
  "Usage: npm run docs:fetch -- [--spec FILE] [--from NAME]   (downloads each upstream with a url into its copy)";
const { values } = commandFlags(USAGE, ["--spec", "--from"], () =>
  parseArgs({ options: { spec: { type: "string", default: "spec/events.yaml" }, from: { type: "string" } } }),
);
try {
  const spec = validateSpec(loadSpec(values.spec));
  const sources = (spec.upstream ?? []).filter((s) => s.url && (values.from === undefined || s.name === values.from));
  if (sources.length === 0) {
    console.error(
      `${values.spec} names no upstream with a url${values.from ? ` called "${values.from}"` : ""}; add url: to one`,
    );
    process.exit(1);
  }
  let failed = false;
  for (const source of sources) {
    const file = join(dirname(values.spec), source.file);
    try {
      const { bytes, changed } = await fetchUpstream(source.url!, file);
      console.log(`${source.name}: ${bytes} bytes from ${source.url}, ${changed ? "changed" : "unchanged"} (${file})`);
    } catch (error) {
      failed = true;
      console.error(`${source.name}: ${(error as Error).message}`);
    }
  }
  if (!failed) console.log("Now run npm run docs:check to see what changed.");
  process.exit(failed ? 1 : 0);
} catch (error) {
  console.error(error instanceof SpecError ? error.message : String(error instanceof Error ? error.message : error));
  process.exit(1);
}
