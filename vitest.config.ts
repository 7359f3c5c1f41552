import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { defineConfig } from "vitest/config";

// The README's examples import the generated package by its name, as its users do: the name
// comes from the spec, so a renamed package keeps the examples running.
const packageName = (parse(readFileSync("spec/events.yaml", "utf8")) as { package: { name: string } }).package.name;

export default defineConfig({
  resolve: { alias: { [packageName]: resolve("generated/index.ts") } },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Both cores: the suite has no timed assertion, and most of its time is spent waiting on child processes.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
