/** `webhook-event-codegen docs accept <event> [--reason TEXT] [--spec FILE] [--from NAME]`: a reviewed difference, kept. */
import { acceptDocs } from "../api.js";
import { SPEC_FLAG, type Command } from "./command.js";

export const docsAcceptCommand: Command = {
  name: "docs accept",
  summary: "record an event's reviewed differences under every upstream at once",
  usage: `Usage: webhook-event-codegen docs accept <event> [--reason TEXT] [--spec FILE] [--from NAME]

  <event>        the event whose differences (as docs check lists them) were reviewed and are kept
  --reason TEXT  why they are kept; may be left out only to renew acceptances that upstream outgrew
  --spec FILE    the catalogue (default: spec/events.yaml)
  --from NAME    only under the upstream of this name (default: every upstream that differs)
  --help, -h     show this

Each acceptance holds while upstream still says the same (its fingerprint); docs check then passes.
Exit codes: 0 recorded; 1 the event has no difference to accept, or the spec is refused; 2 a usage mistake.`,
  flags: { ...SPEC_FLAG, from: { type: "string" }, reason: { type: "string" } },
  positionals: { min: 1, max: 1, names: "an event name" },
  async run(values, [event]) {
    const spec = values.spec as string;
    const result = acceptDocs({
      spec,
      event: event!,
      from: values.from as string | undefined,
      reason: values.reason as string | undefined,
    });
    console.log(`Accepted in ${spec} for ${event}:`);
    for (const a of result.recorded)
      console.log(`  ${a.upstream}: ${a.field} [${a.fingerprint}]${a.renewed ? " (renewed)" : ""}: ${a.reason}`);
    if (result.reprinted)
      console.log(
        "note: the spec's formatting could not be kept around the change; it was printed anew: review its diff",
      );
    console.log("Then: docs check, and generate.");
    return 0;
  },
};
