// init scaffolds into the repository in the working directory and never writes over anything of
// the user's: an existing spec, workflow or generate script is kept and said.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/api.js";
import { WORKFLOW } from "../../generator/cli/init.js";
import { SPEC_SCHEMA_PATH } from "../../generator/validate.js";
import { tempDir } from "../helpers.js";
import { cli } from "./run.js";

const SPEC = "spec/events.yaml";
const PACKAGE_JSON = `{\n\t"name": "shop",\n\t"version": "1.0.0",\n\t"scripts": {\n\t\t"test": "node --test"\n\t}\n}\n`;

function repository(files: Record<string, string> = { "package.json": PACKAGE_JSON }): string {
  const dir = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

describe("webhook-event-codegen init", () => {
  it("writes a minimal spec that generates, a generate script (keeping package.json's indentation) and a CI job", async () => {
    const dir = repository();
    const result = cli(dir, "init");
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toContain(`wrote   ${SPEC}`);
    expect(result.stdout).toContain("added   package.json: scripts.generate = webhook-event-codegen generate");
    expect(result.stdout).toContain(`wrote   ${WORKFLOW}`);

    const spec = read(dir, SPEC);
    // The editor-completion reference resolves to the schema the generator validates with.
    const schema = /^# yaml-language-server: \$schema=(\S+)\n/.exec(spec)?.[1];
    expect(resolve(dir, "spec", schema!)).toBe(SPEC_SCHEMA_PATH);
    expect(spec).not.toMatch(/^(package|envelope):/m);
    const outcome = await generate({ spec: join(dir, SPEC), out: join(dir, "generated") });
    expect(outcome.files).toBeGreaterThan(0);
    expect(JSON.parse(read(dir, "generated/package.json")).name).toBe("webhook-events");

    expect(read(dir, "package.json")).toBe(
      PACKAGE_JSON.replace('"node --test"\n', '"node --test",\n\t\t"generate": "webhook-event-codegen generate"\n'),
    );
    const workflow = read(dir, WORKFLOW);
    expect(workflow).toContain("- run: npx webhook-event-codegen generate --check\n");
    expect(workflow).toContain("- run: npx webhook-event-codegen docs check\n");
  });

  it("keeps every file that exists and a generate script there is, says so, and writes the rest", () => {
    const mine = "# my catalogue\nevents: []\n";
    const dir = repository({
      "package.json": JSON.stringify({ name: "shop", scripts: { generate: "make codegen" } }),
      [SPEC]: mine,
    });
    const before = read(dir, "package.json");
    const result = cli(dir, "init");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`kept    ${SPEC}: it exists (init never writes over a file)`);
    expect(result.stdout).toContain(
      'kept    package.json: it has a generate script ("make codegen"), not replaced; add one running webhook-event-codegen generate under another name if you like',
    );
    expect(read(dir, SPEC)).toBe(mine);
    expect(read(dir, "package.json")).toBe(before);
    expect(existsSync(join(dir, WORKFLOW))).toBe(true);

    // A second run has nothing to do, and says so; nothing changes.
    const workflow = read(dir, WORKFLOW);
    const again = cli(dir, "init");
    expect(again.stdout).toContain(`kept    ${WORKFLOW}: it exists`);
    expect(again.stdout).toMatch(/Nothing to do: everything init writes is here\.\n$/);
    expect([read(dir, SPEC), read(dir, "package.json"), read(dir, WORKFLOW)]).toEqual([mine, before, workflow]);
  });

  it("says there is no package.json rather than making one", () => {
    const dir = repository({});
    const result = cli(dir, "init", "--spec", "webhooks/stripe.yaml", "--out", "stripe-events");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "skipped package.json: there is none here; run generate with npx webhook-event-codegen generate --spec webhooks/stripe.yaml --out stripe-events",
    );
    expect(existsSync(join(dir, "package.json"))).toBe(false);
    expect(read(dir, WORKFLOW)).toContain(
      "npx webhook-event-codegen generate --spec webhooks/stripe.yaml --out stripe-events --check",
    );
    expect(read(dir, WORKFLOW)).toContain("npx webhook-event-codegen docs check --spec webhooks/stripe.yaml\n");
  });

  it("--from imports the spec from a document, and writes nothing when the import is refused", () => {
    const dir = repository({ "package.json": PACKAGE_JSON, "pay.yaml": DOCUMENT });
    const result = cli(dir, "init", "--from", "pay.yaml");
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toContain(`wrote   ${SPEC}: 1 events imported from pay.yaml`);
    expect(read(dir, SPEC)).toContain("name: payment.succeeded");

    const refused = repository({
      "package.json": PACKAGE_JSON,
      "bad.yaml": "openapi: 3.1.0\ninfo: { title: x, version: '1' }\n",
    });
    const outcome = cli(refused, "init", "--from", "bad.yaml");
    expect(outcome.code).toBe(1);
    expect(existsSync(join(refused, SPEC))).toBe(false);
    expect(existsSync(join(refused, WORKFLOW))).toBe(false);
    expect(read(refused, "package.json")).toBe(PACKAGE_JSON);
  });
});

const DOCUMENT = `openapi: 3.1.0
info: { title: Pay, version: "1" }
webhooks:
  paid:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [type, data]
              properties:
                type: { const: payment.succeeded }
                data: { type: object, properties: { id: { type: string } } }
            example: { type: payment.succeeded, data: { id: pay_1 } }
`;
