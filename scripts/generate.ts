// Runs `webhook-event-codegen generate` from the sources (tests load it through tsx); `npm run
// generate` runs scripts/generate.mjs, the built CLI with its quick up-to-date path.
import { main } from "../generator/cli/main.js";

main(["generate", ...process.argv.slice(2)]);
