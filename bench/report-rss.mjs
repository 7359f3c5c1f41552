// Loaded with --import into a measured process: prints its peak memory when it exits.
process.on("exit", () => process.stderr.write(`\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`));
