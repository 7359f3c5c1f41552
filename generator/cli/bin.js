#!/usr/bin/env node
// @ts-check
// The `webhook-event-codegen` command. `generate` (and `generate --check`) on an up-to-date folder
// is answered here from the manifest's fingerprints, without loading the generator; anything else
// (other flags, or any doubt) runs the CLI itself (./main.js, as `npm run build` compiled it).
import { parseArgs } from "node:util";
import { quickCheck } from "../fingerprint.js";

const args = process.argv.slice(2);

/** `generate [--spec FILE] [--out DIR] [--check]` and nothing else, when the manifest says up to date. */
function upToDate() {
  if (args[0] !== "generate") return undefined;
  try {
    const { values } = parseArgs({
      args: args.slice(1),
      options: {
        spec: { type: "string", default: "spec/events.yaml" },
        out: { type: "string", default: "generated" },
        check: { type: "boolean" },
      },
    });
    return quickCheck(values.spec, values.out) ? values : undefined;
  } catch {
    return undefined;
  }
}

const quick = upToDate();
if (quick) {
  console.log(
    quick.check
      ? `${quick.out} is up to date with ${quick.spec} (by the fingerprints in its manifest).`
      : `${quick.out} is up to date with ${quick.spec}: nothing to write (by the fingerprints in its manifest).`,
  );
} else {
  const { main } = await import("./main.js");
  main(args);
}
