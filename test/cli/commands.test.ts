// Every command of the one CLI, as a user runs it (the built entry, lib/generator/cli/bin.js):
// --help and -h print its usage, a mistyped flag or command gets the nearest one, a usage mistake
// exits 2 with the usage and never a stack trace. The commands are read from the CLI's own list.
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../generator/cli/main.js";
import { tempDir } from "../helpers.js";
import { cli } from "./run.js";

const NO_TRACE = /\n\s+at /;

/** A typo of a flag: its last letter doubled (`--spec` → `--specc`). */
const typo = (flag: string) => `--${flag}${flag.at(-1)}`;

describe.each(COMMANDS.map((c) => [c.name, c] as const))("webhook-event-codegen %s", (name, command) => {
  it("answers --help and -h with its usage, exit 0", () => {
    for (const flag of ["--help", "-h"]) {
      const result = cli(tempDir(), ...name.split(" "), flag);
      expect([result.code, result.stderr]).toEqual([0, ""]);
      expect(result.stdout).toBe(`${command.usage}\n`);
      expect(result.stdout).toMatch(new RegExp(`^Usage: webhook-event-codegen ${name} `));
      expect(result.stdout).toMatch(/Exit codes: 0 /);
    }
  });

  it.each(Object.keys(command.flags))("answers a typo of --%s with it, the usage and exit 2", (flag) => {
    const result = cli(tempDir(), ...name.split(" "), typo(flag), "x");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${typo(flag)} is not a flag of ${name}; did you mean --${flag}?`);
    expect(result.stderr).toContain(`\n\n${command.usage}`);
    expect(result.stderr).not.toMatch(NO_TRACE);
  });
});

describe("webhook-event-codegen's commands", () => {
  it.each([
    ["gnerate", "generate"],
    ["imprt", "import"],
    ["int", "init"],
    ["docs:check", "docs check"],
    ["sync", "docs sync"],
  ])("answers the mistyped command %s with %s, the list of commands and exit 2", (typed, meant) => {
    const result = cli(tempDir(), typed);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${typed} is not a command of webhook-event-codegen; did you mean ${meant}?`);
    for (const command of COMMANDS) expect(result.stderr).toContain(`  ${command.name.padEnd(12)} ${command.summary}`);
    expect(result.stderr).not.toMatch(NO_TRACE);
  });

  it("answers a mistyped docs subcommand with the nearest and the ones docs has", () => {
    const subcommands = COMMANDS.filter((c) => c.name.startsWith("docs ")).map((c) => c.name.slice(5));
    const result = cli(tempDir(), "docs", "acept");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `docs acept is not a command; did you mean docs accept? docs has: ${subcommands.join(", ")}`,
    );
    expect(cli(tempDir(), "docs").stderr).toContain("docs needs a subcommand. docs has:");
  });

  it("prints the list of commands for --help (exit 0) and without a command (exit 2)", () => {
    const help = cli(tempDir(), "--help");
    expect([help.code, help.stderr]).toEqual([0, ""]);
    expect(help.stdout).toMatch(/^Usage: webhook-event-codegen <command> \[flags\]/);
    const bare = cli(tempDir());
    expect([bare.code, bare.stdout, bare.stderr]).toEqual([2, "", help.stdout]);
  });

  it("says a missing or extra argument with the usage, exit 2", () => {
    expect(cli(tempDir(), "import")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^import needs an OpenAPI document\n\nUsage: /),
    });
    expect(cli(tempDir(), "import", "doc.yaml")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^import needs --spec FILE/),
    });
    expect(cli(tempDir(), "generate", "spec.yaml")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^generate takes no arguments, not "spec.yaml"\n/),
    });
    expect(cli(tempDir(), "docs", "accept")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^docs accept needs an event name/),
    });
  });

  it("says a refused input in a line, exit 1, no stack trace", () => {
    const dir = tempDir();
    const missing = cli(dir, "docs", "check", "--spec", "nowhere.yaml");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^nowhere\.yaml:1:1 .*there is no such file/m);
    const document = cli(dir, "import", "nowhere.yaml", "--spec", "new.yaml");
    expect(document).toMatchObject({ code: 1, stderr: expect.stringMatching(/^nowhere\.yaml cannot be read: /) });
    for (const r of [missing, document]) expect(r.stderr).not.toMatch(NO_TRACE);
  });

  it("runs the same with --json: generate --verify --json type-checks and says so", () => {
    const dir = tempDir();
    expect(cli(dir, "init").code).toBe(0);
    const result = cli(dir, "generate", "--verify", "--json");
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout);
    expect(outcome).toMatchObject({ ok: true, verified: { ok: true, files: expect.any(Number) } });
    expect(outcome.verified.files).toBeGreaterThan(0);
  });
});
