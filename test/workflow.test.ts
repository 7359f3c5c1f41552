import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { tempDir } from "./helpers.js";

// docs/workflow.md's "Adding, removing or renaming an event", followed literally on a copy of the
// project: edit the spec, generate, docs:check, accept what it reports in every upstream,
// generate again; then the catalogue's own tests run there and pass.
const CATALOGUE_TESTS = [
  "test/typecheck.test.ts",
  "test/examples.test.ts",
  "test/pipeline.test.ts",
  "test/runtime/verify.test.ts",
  "test/runtime/fail-closed.test.ts",
  "test/upstream/check.test.ts",
];

function copyProject(): string {
  const dir = tempDir();
  for (const entry of ["spec", "generator", "lib", "scripts", "test", "examples", "generated", "bench", "docs"])
    cpSync(resolve(entry), join(dir, entry), { recursive: true });
  for (const file of ["package.json", "tsconfig.json", "vitest.config.ts", "README.md", ".prettierrc.json"])
    cpSync(resolve(file), join(dir, file));
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"));
  return dir;
}

function run(dir: string, ...args: string[]): { code: number | null; out: string } {
  const result = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}
const TSX = ["--import", resolve("node_modules/tsx/dist/loader.mjs")];
const generate = (dir: string) => run(dir, "scripts/generate.mjs");
const docsCheck = (dir: string) => run(dir, ...TSX, "scripts/docs-check.ts");

/** Edits spec/events.yaml through the YAML document, keeping its comments. */
function editSpec(dir: string, edit: (events: YAMLSeq, doc: ReturnType<typeof parseDocument>) => void): void {
  const file = join(dir, "spec/events.yaml");
  const doc = parseDocument(readFileSync(file, "utf8"));
  edit(doc.get("events") as YAMLSeq, doc);
  writeFileSync(file, doc.toString());
}

/** Step 3: every difference docs:check reports, accepted under the upstream that reports it. */
function acceptReported(dir: string): number {
  const report = docsCheck(dir).out;
  let upstream = -1;
  const accepted: { upstream: number; event: string; fingerprint: string }[] = [];
  const stale: { upstream: number; fingerprint: string }[] = [];
  for (const line of report.split("\n")) {
    if (/^\S.*\((reference-page|openapi)\)/.test(line)) upstream++;
    const m = /DIFFERS {2}(\S+) is only (?:in the spec|upstream) {2}\[([0-9a-f]{12})\]/.exec(line);
    if (m) accepted.push({ upstream, event: m[1]!, fingerprint: m[2]! });
    const gone = /STALE .*\[([0-9a-f]{12})\]: accepted for an event the spec does not have/.exec(line);
    if (gone) stale.push({ upstream, fingerprint: gone[1]! });
  }
  editSpec(dir, (_, doc) => {
    for (const s of stale) {
      const list = ((doc.get("upstream") as YAMLSeq).items[s.upstream] as YAMLMap).get("accepted") as YAMLSeq;
      const index = list.items.findIndex((item) => (item as YAMLMap).get("fingerprint") === s.fingerprint);
      list.delete(index);
    }
    for (const a of accepted) {
      const entry = (doc.get("upstream") as YAMLSeq).items[a.upstream] as YAMLMap;
      if (!isSeq(entry.get("accepted"))) entry.set("accepted", doc.createNode([]));
      (entry.get("accepted") as YAMLSeq).add(
        doc.createNode({ event: a.event, field: "(event)", fingerprint: a.fingerprint, reason: "Ours." }),
      );
    }
  });
  return accepted.length;
}

function followTheReadme(dir: string): void {
  expect(generate(dir).code).toBe(0);
  const check = docsCheck(dir);
  expect(check.code, check.out).toBe(1);
  expect(acceptReported(dir)).toBeGreaterThan(0);
  const again = docsCheck(dir);
  expect(again.code, again.out).toBe(0);
  expect(generate(dir).code).toBe(0);
  const tests = run(dir, resolve("node_modules/vitest/vitest.mjs"), "run", ...CATALOGUE_TESTS);
  const failures = tests.out
    .split("\n")
    .filter((line) => /FAIL|×|Error:|expected/.test(line))
    .slice(0, 40)
    .join("\n");
  expect(tests.code, failures).toBe(0);
}

describe("the catalogue workflows of docs/workflow.md, on a copy of the project", () => {
  // One copy, one run of the catalogue's tests: an event added, another removed, a third renamed.
  it("adding, removing and renaming events keeps the tests green", () => {
    const dir = copyProject();
    editSpec(dir, (events) => {
      const neighbour = (events.items[0] as YAMLMap).toJSON() as Record<string, any>;
      if (events.items.length > 1) events.delete(events.items.length - 1);
      const renamed = events.items[0] as YAMLMap | undefined;
      if (renamed && events.items.length > 1) {
        const name = String(renamed.get("name")).replace(/[^.]+$/, "workflow_renamed");
        renamed.set("name", name);
        const example = renamed.get("example");
        if (isMap(example)) example.set("type", name);
      }
      const added = neighbour.name.replace(/[^.]+$/, "workflow_added");
      events.add({ ...neighbour, name: added, example: { ...neighbour.example, type: added } });
    });
    followTheReadme(dir);
    // It runs generate and a suite of tests in a child process: 30 s alone, more on a busy machine.
  }, 180_000);
});
