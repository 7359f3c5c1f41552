// Runs `webhook-event-codegen docs check` from the sources (the tests load it through tsx); see generator/cli/.
import { main } from "../generator/cli/main.js";

main(["docs", "check", ...process.argv.slice(2)]);
