#!/usr/bin/env node
// The CLI's entry point. `--check` on an up-to-date folder is answered here from the manifest's
// fingerprints, in plain JavaScript, without loading the TypeScript toolchain; anything else (or
// any doubt) runs the generator itself, scripts/generate.ts.
import { parseArgs } from "node:util";
import { quickCheck } from "../generator/fingerprint.js";

const args = process.argv.slice(2);
const quick = (() => {
  try {
    const { values } = parseArgs({
      args,
      options: {
        spec: { type: "string", default: "spec/events.yaml" },
        out: { type: "string", default: "generated" },
        check: { type: "boolean" },
      },
    });
    return values.check === true && quickCheck(values.spec, values.out) ? values : undefined;
  } catch {
    return undefined;
  }
})();

if (quick) {
  console.log(`${quick.out} is up to date with ${quick.spec} (by the fingerprints in its manifest).`);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(new URL("./generate.ts", import.meta.url).href);
}
