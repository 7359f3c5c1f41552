import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { checkUpstreams, formatReport } from "../../generator/upstream/check.js";
import { tempDir } from "../helpers.js";

const TSX = pathToFileURL(resolve("node_modules/tsx/dist/loader.mjs")).href;
const script = (name: string) => resolve(`scripts/${name}.ts`);
function run(cwd: string, name: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", TSX, script(name), ...args], { cwd, encoding: "utf8" });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("docs:check on the repo's spec", () => {
  // A changed upstream copy fails CI with the report: each difference with both values and its
  // line. Accepted differences (and events only the spec has) are the catalogue's own business.
  it("suggests the nearest upstream for a mistyped --from", () => {
    expect(() => checkUpstreams("test/fixtures/openai/events.yaml", "opanapi")).toThrow(
      'test/fixtures/openai/events.yaml names no upstream "opanapi"; did you mean --from openapi? it names: page, openapi',
    );
  });

  it("names the nearest event for an acceptance whose event the spec does not have", () => {
    const dir = tempDir();
    cpSync(resolve("test/fixtures/openai"), join(dir, "spec"), { recursive: true });
    const spec = join(dir, "spec/events.yaml");
    writeFileSync(spec, readFileSync(spec, "utf8").replace("event: batch.cancelled,", "event: batch.canceled,"));
    expect(run(dir, "docs-check").out).toMatch(
      /STALE {4}batch\.canceled description {2}\[[0-9a-f]{12}\]: accepted for an event the spec does not have; did you mean batch\.cancelled\?; remove this acceptance or correct its event/,
    );
  });

  it("finds no difference that is not accepted", () => {
    const check = checkUpstreams("spec/events.yaml");
    expect(check.ok, formatReport(check)).toBe(true);
  });
});

describe("keeping the catalogue in sync, end to end", () => {
  it("fails on an added event, a changed description and a removed field; docs:sync brings them in; then all checks pass", () => {
    const dir = tempDir();
    // The frozen OpenAI catalogue laid out as a project's spec/: the test edits its upstream copy.
    cpSync(resolve("test/fixtures/openai"), join(dir, "spec"), { recursive: true });
    const openapi = join(dir, "spec/upstream/openai-openapi-webhooks.yaml");
    let text = readFileSync(openapi, "utf8");
    // A new event: batch.paused, shaped like batch.failed.
    const failed = text.slice(text.indexOf("    WebhookBatchFailed:"), text.indexOf("    WebhookEvalRunCanceled:"));
    text = text.replace(
      "    WebhookEvalRunCanceled:",
      failed
        .replace(/WebhookBatchFailed/g, "WebhookBatchPaused")
        .replace(/batch\.failed/g, "batch.paused")
        .replace("has failed", "was paused") + "    WebhookEvalRunCanceled:",
    );
    text = text.replace(
      "  batch_failed:\n",
      '  batch_paused:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: "#/components/schemas/WebhookBatchPaused"\n  batch_failed:\n',
    );
    // A changed description, and a field gone from data.
    text = text.replace(
      "Sent when a background response has failed.",
      "Sent when a background response has failed for good.",
    );
    const incoming = text.indexOf("    WebhookRealtimeCallIncoming:");
    const before = text.slice(0, incoming);
    let after = text.slice(incoming);
    after = after.replace("            - call_id\n            - sip_headers\n", "            - call_id\n");
    after = after.replace(
      /            sip_headers:\n(              .*\n|                .*\n)*?(?=        object:)/,
      "",
    );
    writeFileSync(openapi, before + after);

    const failing = run(dir, "docs-check");
    expect(failing.code).toBe(1);
    expect(failing.out).toMatch(/DIFFERS  batch\.paused is only upstream/);
    expect(failing.out).toMatch(
      /DIFFERS  response\.failed description differs[\s\S]*spec {6}"Sent when a background response has failed\."  spec\/events\.yaml:\d+\n {6}upstream  "Sent when a background response has failed for good\."  spec\/upstream\/openai-openapi-webhooks\.yaml:\d+/,
    );
    expect(failing.out).toMatch(/DIFFERS  realtime\.call\.incoming data\.sip_headers: only in the spec/);
    expect(failing.out).toMatch(/FAIL: \d+ differences not accepted or stale\./);

    const specBefore = readFileSync(join(dir, "spec/events.yaml"), "utf8");
    const sync = run(dir, "docs-sync", "--from", "openapi");
    expect(sync.code).toBe(0);
    expect(sync.out).toMatch(/batch\.paused: added from openapi/);
    expect(sync.out).toMatch(
      /Still needs a human:\n {2}batch\.paused: guessed id_prefix "batch_" from data\.id; check it/,
    );
    const specAfter = readFileSync(join(dir, "spec/events.yaml"), "utf8");
    // Comments and hand-written parts stay.
    for (const kept of specBefore.split("\n").filter((l) => l.trim().startsWith("#")))
      expect(specAfter).toContain(kept);
    expect(specAfter).toContain("description: Sent when a background response has failed for good.");

    expect(run(dir, "generate").code).toBe(0);
    expect(run(dir, "generate", "--check").code).toBe(0);
    const passing = run(dir, "docs-check", "--from", "openapi");
    expect(passing.out).toMatch(/OK: every difference is accepted\./);
    expect(passing.code).toBe(0);
    expect(readFileSync(join(dir, "generated/EVENTS.md"), "utf8")).toContain("## batch.paused");
  });
});

describe("docs:sync", () => {
  function project(): string {
    const dir = tempDir();
    cpSync(resolve("test/fixtures/openai"), join(dir, "spec"), { recursive: true });
    return dir;
  }
  const openapiOf = (dir: string) => join(dir, "spec/upstream/openai-openapi-webhooks.yaml");

  it("writes nothing, and says why, when the synced spec would not be valid", () => {
    const dir = project();
    // Upstream now says batch.cancelled's data.id is an integer: synced, it could not be the ID field.
    let text = readFileSync(openapiOf(dir), "utf8");
    const start = text.indexOf("    WebhookBatchCancelled:");
    const end = text.indexOf("    WebhookBatchCompleted:");
    const block = text
      .slice(start, end)
      .replace(
        "          properties:\n            id:\n              type: string\n",
        "          properties:\n            id:\n              type: integer\n",
      );
    text = text.slice(0, start) + block + text.slice(end);
    writeFileSync(openapiOf(dir), text);
    const before = readFileSync(join(dir, "spec/events.yaml"), "utf8");
    const sync = run(dir, "docs-sync", "--from", "openapi");
    expect(readFileSync(join(dir, "spec/events.yaml"), "utf8")).toBe(before);
    expect(sync.code).toBe(1);
    expect(sync.out).toMatch(
      /^Nothing was written: spec\/events\.yaml would not be valid after the sync from openapi:/m,
    );
    expect(sync.out).toMatch(
      /events\[\d+\] \(batch\.cancelled\)\.data\.properties\.id is the ID field, so it must be a required string/,
    );
  });

  it("changes nothing when run twice", () => {
    const dir = project();
    const text = readFileSync(openapiOf(dir), "utf8").replace(
      "Sent when a background response has failed.",
      "Sent when a background response has failed for good.",
    );
    writeFileSync(openapiOf(dir), text);
    expect(run(dir, "docs-sync", "--from", "openapi").code).toBe(0);
    const once = readFileSync(join(dir, "spec/events.yaml"), "utf8");
    const again = run(dir, "docs-sync", "--from", "openapi");
    expect(again.out).toMatch(/already agrees with openapi/);
    expect(readFileSync(join(dir, "spec/events.yaml"), "utf8")).toBe(once);
  });
});
