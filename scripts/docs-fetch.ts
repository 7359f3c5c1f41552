// Runs `webhook-event-codegen docs fetch` from the sources (the tests load it through tsx); see generator/cli/.
import { main } from "../generator/cli/main.js";

main(["docs", "fetch", ...process.argv.slice(2)]);
