/** `webhook-event-codegen docs sync --from NAME [--spec FILE]`: one upstream's differences into the spec. */
import { syncDocs } from "../api.js";
import { SPEC_FLAG, UsageError, type Command } from "./command.js";

export const docsSyncCommand: Command = {
  name: "docs sync",
  summary: "bring one upstream's differences into the spec, keeping its comments",
  usage: `Usage: webhook-event-codegen docs sync --from NAME [--spec FILE]

  --from NAME  the upstream to bring in (as the spec's upstream: names it, such as page or openapi)
  --spec FILE  the catalogue (default: spec/events.yaml)
  --help, -h   show this

Exit codes: 0 synced (or nothing to do); 1 the spec would not be valid afterwards, or is refused (nothing written); 2 a usage mistake.`,
  flags: { ...SPEC_FLAG, from: { type: "string" } },
  async run(values) {
    const spec = values.spec as string;
    const from = values.from as string | undefined;
    if (!from) throw new UsageError("docs sync needs --from NAME: the upstream to bring in");
    const result = syncDocs({ spec, from });
    if (result.invalid) {
      console.error(`Nothing was written: ${spec} would not be valid after the sync from ${from}:`);
      for (const line of result.invalid.message.split("\n").slice(1)) console.error(`  ${line}`);
      console.error("Change the spec by hand (or accept the difference: docs accept), then run docs sync again.");
      return 1;
    }
    if (!result.written) {
      console.log(`${spec} already agrees with ${from}, but for accepted differences; nothing to do.`);
      return 0;
    }
    console.log(`Updated ${spec} from ${from}:`);
    for (const line of result.applied) console.log(`  ${line}`);
    if (result.forHumans.length > 0) {
      console.log("Still needs a human:");
      for (const line of result.forHumans) console.log(`  ${line}`);
    }
    console.log("Then: generate, and docs check.");
    return 0;
  },
};
