import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { edit, MINIMAL_SPEC, tempDir } from "./helpers.js";

const SCRIPT = resolve("scripts/generate.mjs");

function run(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A project folder with a one-event spec in spec/events.yaml. */
function project(spec = MINIMAL_SPEC): string {
  const dir = tempDir();
  cpSync(resolve("spec/events.schema.json"), join(dir, "spec/events.schema.json"));
  writeFileSync(join(dir, "spec/events.yaml"), spec);
  return dir;
}

describe("npm run generate", () => {
  it("writes the package with the default paths, and --check then passes", () => {
    const dir = project();
    const generated = run(dir);
    expect(generated.stdout).toMatch(
      /^Generated generated from spec\/events\.yaml: (\d+) files, \1 written, 0 unchanged, 0 removed \(\d+\.\d+ s\)\.$/m,
    );
    expect(generated.code).toBe(0);
    expect(run(dir, "--check")).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/generated is up to date .*by the fingerprints/),
    });
  });

  it("--check looks closer when the manifest's inputs key differs (another generator version), and finds the same files", () => {
    const dir = project();
    run(dir);
    const manifest = join(dir, "generated/.webhook-event-codegen.json");
    writeFileSync(manifest, readFileSync(manifest, "utf8").replace(/"inputs": "[0-9a-f]+"/, '"inputs": "0000"'));
    const check = run(dir, "--check");
    expect(check).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/generated is up to date with spec\/events\.yaml \(\d+ files/),
    });
    // A run refreshes the key, and the check is quick again.
    expect(run(dir).code).toBe(0);
    expect(readFileSync(manifest, "utf8")).not.toContain('"inputs": "0000"');
    expect(run(dir, "--check").stdout).toMatch(/by the fingerprints/);
  });

  it("--check stays green after an edit that changes no output: a YAML comment, a reviewed difference", () => {
    const dir = project(
      `${MINIMAL_SPEC}upstream:\n  - name: page\n    format: reference-page\n    file: upstream/page.txt\n`,
    );
    expect(run(dir).code).toBe(0);
    const spec = join(dir, "spec/events.yaml");
    const before = readFileSync(spec, "utf8");
    writeFileSync(spec, `# A comment a reviewer added.\n${before.replace("events:", "events: # the catalogue")}`);
    expect(run(dir, "--check")).toMatchObject({ code: 0, stdout: expect.stringMatching(/up to date/) });
    writeFileSync(
      spec,
      `${before}    accepted:\n      - { event: thing.created, field: data.id, fingerprint: "0123456789ab", reason: reviewed }\n`,
    );
    expect(run(dir, "--check")).toMatchObject({ code: 0, stdout: expect.stringMatching(/up to date/) });
    // What the output depends on still counts.
    writeFileSync(spec, before.replace("Sent when a thing is created.", "Sent once a thing exists."));
    expect(run(dir, "--check").code).toBe(1);
  });

  it("--check names a changed, a missing and an extra file, with a diff, and writes nothing", () => {
    const dir = project();
    run(dir);
    const guard = join(dir, "generated/guards/thing.created.ts");
    writeFileSync(guard, readFileSync(guard, "utf8").replace('"string"', '"number"'));
    rmSync(join(dir, "generated/fixtures/thing.created.json"));
    writeFileSync(join(dir, "generated/stray.ts"), "x\n");
    const before = readFileSync(guard, "utf8");
    const check = run(dir, "--check");
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("generated is out of date: 1 changed, 1 missing, 1 extra.");
    expect(check.stderr).toContain("missing: fixtures/thing.created.json");
    expect(check.stderr).toContain("extra:   stray.ts (not written by the generator; remove it)");
    expect(check.stderr).toMatch(/^-.*"number".*$/m);
    expect(check.stderr).toMatch(/^\+.*"string".*$/m);
    expect(readFileSync(guard, "utf8")).toBe(before);
  });

  it("--check fails when the spec changed since the last run", () => {
    const dir = project();
    run(dir);
    writeFileSync(join(dir, "spec/events.yaml"), edit("Sent when a thing is created.", "Sent once a thing exists."));
    const check = run(dir, "--check");
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/changed: events\/thing\.created\.ts/);
  });

  it("honours --spec and --out", () => {
    const dir = project();
    writeFileSync(join(dir, "other.yaml"), MINIMAL_SPEC);
    expect(run(dir, "--spec", "other.yaml", "--out", "pkg/out").code).toBe(0);
    expect(readFileSync(join(dir, "pkg/out/index.ts"), "utf8")).toMatch(
      /^\/\/ Generated by webhook-event-codegen from \.\.\/\.\.\/other\.yaml\./,
    );
  });

  it("prints every spec problem with its place, exits 1 and leaves the output as it was", () => {
    const dir = project();
    run(dir);
    const before = readFileSync(join(dir, "generated/index.ts"), "utf8");
    writeFileSync(
      join(dir, "spec/events.yaml"),
      edit(
        "name: thing.created",
        "name: Thing",
        edit("created_at: { type: integer }", "created_at: { type: integer, nullable: true }"),
      ),
    );
    const result = run(dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      "The spec has 2 problems; nothing was written.",
      'spec/events.yaml:7:34 envelope.properties.created_at.nullable is not supported: this is OpenAPI 3.0: add "null" to type, as in type: [string, "null"]',
      expect.stringMatching(/^spec\/events\.yaml:9:11 events\[0\] \(Thing\)\.name "Thing" is not allowed/),
    ]);
    expect(readFileSync(join(dir, "generated/index.ts"), "utf8")).toBe(before);
  });

  it("refuses to write into a folder of the user's own files", () => {
    const dir = project();
    const result = run(dir, "--out", "spec");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/holds files that webhook-event-codegen did not write/);
    expect(readFileSync(join(dir, "spec/events.yaml"), "utf8")).toBe(MINIMAL_SPEC);
  });

  it("explains unknown flags", () => {
    expect(run(project(), "--chek")).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--chek is not a flag of generate[\s\S]*Usage: webhook-event-codegen generate/),
    });
  });

  it("--watch regenerates on every save, prints errors without exiting, and writes nothing while the spec is invalid", async () => {
    const dir = project();
    const child = spawn(process.execPath, [SCRIPT, "--watch"], { cwd: dir });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const until = async (done: () => boolean) => {
      for (let waited = 0; !done() && waited < 30_000; waited += 50) await sleep(50);
      expect(done(), `stdout:\n${stdout}\nstderr:\n${stderr}`).toBe(true);
    };
    const types = () => readFileSync(join(dir, "generated/events/thing.created.ts"), "utf8");
    try {
      await until(() => stdout.includes("Generated generated"));
      writeFileSync(join(dir, "spec/events.yaml"), edit("Sent when a thing is created.", "Sent once a thing exists."));
      await until(() => stdout.split("Generated generated").length === 3);
      expect(types()).toContain("Sent once a thing exists.");

      writeFileSync(join(dir, "spec/events.yaml"), edit("name: thing.created", "name: Thing"));
      await until(() => stderr.includes("The spec has 1 problem; nothing was written."));
      expect(child.exitCode).toBeNull();
      expect(types()).toContain("Sent once a thing exists.");

      writeFileSync(join(dir, "spec/events.yaml"), MINIMAL_SPEC);
      await until(() => stdout.split("Generated generated").length === 4);
      expect(types()).toContain("Sent when a thing is created.");
    } finally {
      child.kill();
    }
  });

  it("--check ignores what npm pack and npm install leave in the package", () => {
    const dir = project();
    run(dir);
    writeFileSync(join(dir, "generated/things-1.0.0.tgz"), "packed");
    mkdirSync(join(dir, "generated/node_modules/x"), { recursive: true });
    writeFileSync(join(dir, "generated/node_modules/x/index.js"), "");
    expect(run(dir, "--check").code).toBe(0);
  });

  it("--watch says what it watches, and stops cleanly on SIGTERM, SIGINT and SIGHUP", async () => {
    for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
      const dir = project();
      const child = spawn(process.execPath, [SCRIPT, "--watch"], { cwd: dir });
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += chunk));
      for (let waited = 0; !stderr.includes("(Ctrl-C to stop)") && waited < 30_000; waited += 50) await sleep(50);
      expect(stderr).toContain("watching spec/events.yaml (Ctrl-C to stop)");
      const exited = new Promise<number | null>((done) => child.on("exit", done));
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(stderr).toContain(`stopped watching spec/events.yaml (${signal})`);
    }
  });

  it("--watch notices its folder deleted and recreated, and resumes", async () => {
    const dir = project();
    const child = spawn(process.execPath, [SCRIPT, "--watch"], { cwd: dir });
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.on("data", (chunk) => (stdout += chunk));
    const until = async (done: () => boolean) => {
      for (let waited = 0; !done() && waited < 30_000; waited += 50) await sleep(50);
      expect(done(), `stdout:\n${stdout}\nstderr:\n${stderr}`).toBe(true);
    };
    try {
      await until(() => stdout.includes("Generated generated"));
      rmSync(join(dir, "spec"), { recursive: true });
      await until(() => stderr.includes("is gone; waiting for it to come back"));
      mkdirSync(join(dir, "spec"));
      cpSync(resolve("spec/events.schema.json"), join(dir, "spec/events.schema.json"));
      writeFileSync(join(dir, "spec/events.yaml"), MINIMAL_SPEC);
      await until(() => stderr.includes("watching spec/events.yaml again"));
    } finally {
      child.kill();
    }
  });

  it("--watch ends when the process that started it dies (an npm or shell killed without passing the signal on)", async () => {
    const dir = project();
    const shell = spawn("sh", ["-c", `"${process.execPath}" "${SCRIPT}" --watch 2>watch.log & echo $!; wait`], {
      cwd: dir,
    });
    let pid = "";
    shell.stdout.on("data", (chunk) => (pid += chunk));
    const log = () => (existsSync(join(dir, "watch.log")) ? readFileSync(join(dir, "watch.log"), "utf8") : "");
    for (let waited = 0; !log().includes("(Ctrl-C to stop)") && waited < 30_000; waited += 50) await sleep(50);
    shell.kill("SIGKILL");
    for (let waited = 0; !log().includes("stopped watching") && waited < 30_000; waited += 50) await sleep(50);
    expect(log()).toContain("stopped watching spec/events.yaml (the parent process is gone)");
    const alive = () => {
      try {
        return process.kill(Number(pid), 0);
      } catch {
        return false;
      }
    };
    for (let waited = 0; alive() && waited < 10_000; waited += 50) await sleep(50);
    expect(alive()).toBe(false);
  });

  it("--check sees a moved output folder (the headers name the spec relative to it)", () => {
    const dir = project();
    expect(run(dir, "--out", "a/generated").code).toBe(0);
    cpSync(join(dir, "a"), join(dir, "b/c"), { recursive: true });
    const moved = run(dir, "--check", "--out", "b/c/generated");
    expect(moved.code).toBe(1);
    expect(moved.stderr).toContain("changed: index.ts");
  });

  it("suggests the nearest flag for a mistyped one", () => {
    const result = run(project(), "--chek");
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe("--chek is not a flag of generate; did you mean --check?");
  });

  it("--json gives one line of JSON, problems with their places; --quiet prints nothing on success", () => {
    const dir = project();
    const ok = run(dir, "--json");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, written: expect.any(Number), warnings: [] });
    writeFileSync(join(dir, "spec/events.yaml"), edit("name: thing.created", "name: Thing"));
    const bad = run(dir, "--json");
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      ok: false,
      problems: [{ file: "spec/events.yaml", line: 9, column: 11, path: "events[0].name" }],
    });
    writeFileSync(join(dir, "spec/events.yaml"), MINIMAL_SPEC);
    const quiet = run(dir, "--quiet", "--out", "other");
    expect([quiet.code, quiet.stdout, quiet.stderr]).toEqual([0, "", ""]);
  });

  it("--verify runs and says what it checked, with --json too (which changes only how the outcome is said)", () => {
    const dir = project();
    const plain = run(dir, "--verify");
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^verified: the package's \d+ TypeScript files type-check as one strict program$/m);
    const json = run(dir, "--verify", "--json", "--out", "other");
    expect(json.code, json.stderr).toBe(0);
    const outcome = JSON.parse(json.stdout) as { ok: boolean; verified: { ok: boolean; files: number } };
    expect(outcome.verified.ok).toBe(true);
    expect(outcome.verified.files).toBe(Number(/package's (\d+) TypeScript/.exec(plain.stdout)![1]));
    expect(JSON.parse(run(dir, "--json", "--out", "third").stdout)).not.toHaveProperty("verified");
  });

  const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
  it.skipIf(!hasScript)("shows progress on a terminal, and nothing extra when not on one", () => {
    const dir = project();
    // `script` gives the run a terminal, as a person at a shell has.
    const onTty = spawnSync("script", ["-qec", `"${process.execPath}" "${SCRIPT}" --out tty`, "/dev/null"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(onTty.stdout).toMatch(/writing the code…/);
    const piped = run(dir, "--out", "piped");
    expect(piped.stderr).toBe("");
  });
});
