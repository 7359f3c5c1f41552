#!/usr/bin/env node
// `npm run generate`: the CLI's `generate`, as built in lib/ (`npm run build`). Its entry answers
// an up-to-date folder from the manifest's fingerprints without loading the generator.
import { existsSync } from "node:fs";

const bin = new URL("../lib/generator/cli/bin.js", import.meta.url);
if (!existsSync(bin)) {
  console.error("The generator is not built: run npm ci (or npm run build) first.");
  process.exit(2);
}
process.argv.splice(2, 0, "generate");
await import(bin.href);
