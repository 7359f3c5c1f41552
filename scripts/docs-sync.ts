// Runs `webhook-event-codegen docs sync` from the sources (the tests load it through tsx); see generator/cli/.
import { main } from "../generator/cli/main.js";

main(["docs", "sync", ...process.argv.slice(2)]);
