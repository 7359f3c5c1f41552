/** `webhook-event-codegen docs fetch [--spec FILE] [--from NAME]`: each upstream with a url into its copy. */
import { dirname, join } from "node:path";
import { InputError } from "../api.js";
import { loadSpec } from "../load.js";
import { fetchUpstream } from "../upstream/fetch.js";
import { validateSpec } from "../validate.js";
import { SPEC_FLAG, type Command } from "./command.js";

export const docsFetchCommand: Command = {
  name: "docs fetch",
  summary: "download each upstream document that has a url into its copy",
  usage: `Usage: webhook-event-codegen docs fetch [--spec FILE] [--from NAME]

  --spec FILE  the catalogue (default: spec/events.yaml)
  --from NAME  only the upstream of this name
  --help, -h   show this

Then run docs check to see what changed.
Exit codes: 0 every download done; 1 a download failed, no upstream has a url, or the spec is refused; 2 a usage mistake.`,
  flags: { ...SPEC_FLAG, from: { type: "string" } },
  async run(values) {
    const specFile = values.spec as string;
    const from = values.from as string | undefined;
    const spec = validateSpec(loadSpec(specFile));
    const sources = (spec.upstream ?? []).filter((s) => s.url && (from === undefined || s.name === from));
    if (sources.length === 0)
      throw new InputError(
        `${specFile} names no upstream with a url${from ? ` called "${from}"` : ""}; add url: to one`,
      );
    let failed = false;
    for (const source of sources) {
      const file = join(dirname(specFile), source.file);
      try {
        const { bytes, changed } = await fetchUpstream(source.url!, file);
        console.log(
          `${source.name}: ${bytes} bytes from ${source.url}, ${changed ? "changed" : "unchanged"} (${file})`,
        );
      } catch (error) {
        failed = true;
        console.error(`${source.name}: ${(error as Error).message}`);
      }
    }
    if (!failed) console.log("Now run docs check to see what changed.");
    return failed ? 1 : 0;
  },
};
