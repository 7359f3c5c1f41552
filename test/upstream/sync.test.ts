import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { diffLines } from "diff";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadSpec } from "../../generator/load.js";
import { buildModel } from "../../generator/model.js";
import { checkUpstreams, formatReport } from "../../generator/upstream/check.js";
import { importOpenApi } from "../../generator/upstream/import.js";
import { syncSpec } from "../../generator/upstream/sync.js";
import { validateSpec } from "../../generator/validate.js";
import { tempDir } from "../helpers.js";

/** docs:sync in-process: the spec's new text, and what it said. */
function sync(specFile: string, from: string) {
  const check = checkUpstreams(specFile, from);
  const before = readFileSync(specFile, "utf8");
  const outcome = syncSpec(before, check.spec, check.results[0]!);
  validateSpec(loadSpec(specFile, outcome.text));
  writeFileSync(specFile, outcome.text);
  const removed = diffLines(before, outcome.text)
    .filter((part) => part.removed)
    .flatMap((part) => part.value.replace(/\n$/, "").split("\n"));
  return { ...outcome, removed };
}

function edit(file: string, change: (text: string) => string): void {
  const text = readFileSync(file, "utf8");
  const changed = change(text);
  expect(changed).not.toBe(text);
  writeFileSync(file, changed);
}

describe("docs:sync writes only what changed", () => {
  it("keeps every other byte of the spec: flow mappings, comments, quoting; brings data's description too", () => {
    const dir = tempDir();
    cpSync(resolve("test/fixtures/openai"), join(dir, "spec"), { recursive: true });
    const spec = join(dir, "spec/events.yaml");
    const openapi = join(dir, "spec/upstream/openai-openapi-webhooks.yaml");
    const component = (text: string, name: string, change: (block: string) => string) => {
      const start = text.indexOf(`    ${name}:\n`);
      const end = text.indexOf("\n    Webhook", start + 1);
      return text.slice(0, start) + change(text.slice(start, end)) + text.slice(end);
    };
    edit(openapi, (text) =>
      component(
        text.replace("Sent when a background response has failed.", "Sent when a background response failed."),
        "WebhookBatchCancelled",
        (block) =>
          block
            .replace("            Event data payload.", "            What was cancelled.")
            .replace(
              "          required:\n            - id\n          properties:\n",
              "          required:\n            - id\n          properties:\n            note:\n              type: string\n              description: Why it was cancelled.\n",
            ),
      ),
    );
    const before = readFileSync(spec, "utf8");
    const outcome = sync(spec, "openapi");
    expect(outcome.applied).toEqual([
      "batch.cancelled data.description: updated",
      "batch.cancelled data.note: added",
      "response.failed description: updated",
    ]);
    // Removed lines are exactly the two that changed; the multi-line flow mappings of `accepted` stay.
    expect(outcome.removed).toEqual([
      "    description: Sent when a background response has failed.",
      "      description: Event data payload.",
    ]);
    const after = readFileSync(spec, "utf8");
    expect(after).toContain("      description: What was cancelled.\n      required: [id]\n");
    expect(after).toContain("        note:\n          type: string\n          description: Why it was cancelled.\n");
    expect(after.split("\n").length).toBe(before.split("\n").length + 3);
    const check = checkUpstreams(spec, "openapi");
    expect(check.ok, formatReport(check)).toBe(true);
  });
});

// A header-named catalogue with shared types, as GitHub's document writes it.
const GITHUB = (extra = "") => `openapi: 3.1.0
info: { title: Forge, version: "1" }
webhooks:
  issues-opened:
    post:
      operationId: issues/opened
      parameters:
        - { name: X-Forge-Event, in: header, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/webhook-issues-opened" }
            example: { action: opened, repository: { name: r, owner: null }, issue: { number: 1 } }
  push:
    post:
      operationId: push
      parameters:
        - { name: X-Forge-Event, in: header, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [ref, repository]
              properties:
                ref: { type: string, description: The full ref. }
                repository: { $ref: "#/components/schemas/repository" }
            example: { ref: refs/heads/main, repository: { name: r, owner: null } }
${extra}components:
  schemas:
    webhook-issues-opened:
      type: object
      required: [action, repository, issue]
      properties:
        action: { type: string, enum: [opened] }
        repository: { $ref: "#/components/schemas/repository" }
        issue: { type: object, required: [number], properties: { number: { type: integer } } }
    repository:
      title: Repository
      type: object
      description: A repository on Forge.
      required: [name, owner]
      properties:
        name: { type: string, description: The name of the repository. }
        owner:
          anyOf:
            - { $ref: "#/components/schemas/user" }
            - { type: "null" }
    user:
      type: object
      required: [login]
      properties:
        login: { type: string }
`;

describe("docs:check and docs:sync on any catalogue", () => {
  function imported(): { dir: string; spec: string; document: string } {
    const dir = tempDir();
    const document = join(dir, "forge.yaml");
    writeFileSync(document, GITHUB());
    const { spec, losses } = importOpenApi(GITHUB(), "forge.yaml");
    expect(losses).toEqual([]);
    writeFileSync(join(dir, "events.yaml"), stringify(spec, { lineWidth: 0 }));
    return { dir, spec: join(dir, "events.yaml"), document };
  }

  it("finds no difference between an imported spec and its document: one reader for both", () => {
    const { spec } = imported();
    const check = checkUpstreams(spec);
    expect(check.results[0]!.differences).toEqual([]);
    expect(check.results[0]!.catalogue.types!.map((t) => t.name)).toEqual(["repository", "user"]);
  });

  it("compares shared types by name, and brings their changes and a new header-named event in", () => {
    const { spec, document } = imported();
    edit(document, (text) =>
      text
        .replace("The name of the repository.", "The repository's name without its owner.")
        .replace("The full ref.", "The full Git ref.")
        .replace(
          "        login: { type: string }\n",
          "        login: { type: string }\n        site_admin: { type: boolean, description: Staff. }\n",
        ),
    );
    edit(document, (text) =>
      text.replace(
        "components:",
        `  star-created:
    post:
      operationId: star/created
      parameters:
        - { name: X-Forge-Event, in: header, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [action, repository]
              properties:
                action: { type: string, const: created }
                repository: { $ref: "#/components/schemas/repository" }
            example: { action: created, repository: { name: r, owner: null } }
components:`,
      ),
    );
    const report = formatReport(checkUpstreams(spec));
    expect(report).toMatch(/DIFFERS  \$defs\/repository name\.description differs/);
    expect(report).toMatch(/DIFFERS  \$defs\/user site_admin: only upstream/);
    expect(report).toMatch(/DIFFERS  star\.created is only upstream/);
    expect(report).toMatch(/DIFFERS {2}push ref\.description differs/);
    expect(report).not.toMatch(/DIFFERS {2}issues\.opened /);
    const outcome = sync(spec, "openapi");
    expect(outcome.applied).toEqual([
      "push ref.description: updated",
      "star.created: added from openapi",
      "$defs/repository name.description: updated",
      "$defs/user site_admin: added",
    ]);
    const check = checkUpstreams(spec);
    expect(check.ok, formatReport(check)).toBe(true);
    const model = buildModel(validateSpec(loadSpec(spec)), "x");
    expect(model.events.map((e) => e.name)).toContain("star.created");
    // Run again, it has nothing to do.
    expect(syncSpec(readFileSync(spec, "utf8"), check.spec, check.results[0]!).applied).toEqual([]);
  });
});

describe("a spec started empty", () => {
  it("gets every upstream event from docs:sync, as a block list, and generates", () => {
    const dir = tempDir();
    cpSync(resolve("test/fixtures/openai/upstream"), join(dir, "upstream"), { recursive: true });
    const spec = join(dir, "events.yaml");
    writeFileSync(
      spec,
      `# Started empty.
package: { name: my-events, version: 0.1.0 }
envelope:
  properties:
    id: { type: string }
upstream:
  - { name: openapi, format: openapi, file: upstream/openai-openapi-webhooks.yaml }
events: []
`,
    );
    const upstream = checkUpstreams(spec).results[0]!.catalogue.events.map((e) => e.name);
    const outcome = sync(spec, "openapi");
    expect(outcome.applied).toEqual(upstream.map((name) => `${name}: added from openapi`));
    const text = readFileSync(spec, "utf8");
    expect(text).toMatch(/^events:\n {2}# Added by docs:sync; review it\.\n {2}- name: /m);
    expect(buildModel(validateSpec(loadSpec(spec)), "x").events).toHaveLength(upstream.length);
  });
});
