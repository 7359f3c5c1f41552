/** `webhook-event-codegen docs check [--spec FILE] [--from NAME]`: the spec against its upstream documents. */
import { checkDocs } from "../api.js";
import { SPEC_FLAG, type Command } from "./command.js";

export const docsCheckCommand: Command = {
  name: "docs check",
  summary: "compare the spec with its upstream documents",
  usage: `Usage: webhook-event-codegen docs check [--spec FILE] [--from NAME]

  --spec FILE  the catalogue (default: spec/events.yaml)
  --from NAME  only the upstream of this name (as the spec's upstream: names it)
  --help, -h   show this

Exit codes: 0 every difference accepted (or none, or no upstream); 1 a difference to review, or the spec is refused; 2 a usage mistake.`,
  flags: { ...SPEC_FLAG, from: { type: "string" } },
  async run(values) {
    const check = checkDocs({ spec: values.spec as string, from: values.from as string | undefined });
    if (check.results.length === 0 && !values.from) {
      console.log(
        `${values.spec} names no upstream document: nothing to compare (add upstream: to check it against its sender's documentation).`,
      );
      return 0;
    }
    process.stdout.write(check.report);
    return check.ok ? 0 : 1;
  },
};
