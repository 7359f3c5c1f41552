// Runs `webhook-event-codegen import` from the sources (the tests load it through tsx); see generator/cli/.
import { main } from "../generator/cli/main.js";

main(["import", ...process.argv.slice(2)]);
