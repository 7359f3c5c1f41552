#!/usr/bin/env node
// The CLI's entry point. `generate` and `--check` on an up-to-date folder are answered here from
// the manifest's fingerprints, in plain JavaScript, without loading the TypeScript toolchain;
// anything else (other flags, or any doubt) runs the generator itself, as built in lib/ (`npm run build`).
import { existsSync } from "node:fs";
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
    return quickCheck(values.spec, values.out) ? values : undefined;
  } catch {
    return undefined;
  }
})();

if (quick) {
  console.log(
    quick.check
      ? `${quick.out} is up to date with ${quick.spec} (by the fingerprints in its manifest).`
      : `${quick.out} is up to date with ${quick.spec}: nothing to write (by the fingerprints in its manifest).`,
  );
} else {
  const built = new URL("../lib/scripts/generate.js", import.meta.url);
  if (!existsSync(built)) {
    console.error("The generator is not built: run npm ci (or npm run build) first.");
    process.exit(2);
  }
  await import(built.href);
}
