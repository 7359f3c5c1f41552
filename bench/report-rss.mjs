// Loaded with --import into a measured process: prints its peak memory when it exits. This is the
// process's own peak (maxRSS); a command that starts processes of its own would need them counted
// too (the bench runs @hey-api/openapi-ts's dist/run.mjs directly for that reason).
process.on("exit", () => process.stderr.write(`\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`));
