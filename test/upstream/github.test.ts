import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { sign } from "@octokit/webhooks-methods";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadSpec } from "../../generator/load.js";
import { buildModel, type CatalogueModel } from "../../generator/model.js";
import { packageFiles } from "../../generator/pipeline.js";
import { importOpenApi, type Imported } from "../../generator/upstream/import.js";
import { readOpenApiDocument, type OpenApiDocument } from "../../generator/upstream/openapi-document.js";
import { validateSpec } from "../../generator/validate.js";
import { scratchDir } from "../helpers.js";

// A real public catalogue, as a new user would start from it: GitHub's published webhooks document
// (@octokit/openapi-webhooks: a few hundred events, shared components, header-named events with
// `action` fields, HMAC signatures) and the community's real example payloads
// (@octokit/webhooks-examples). Nothing here names an event: everything is derived from the two.
const DOCUMENT = "node_modules/@octokit/openapi-webhooks/generated/api.github.com.json";
const EXAMPLES = "node_modules/@octokit/webhooks-examples/api.github.com/index.json";
const text = readFileSync(DOCUMENT, "utf8");
const examples = JSON.parse(readFileSync(EXAMPLES, "utf8")) as { name: string; examples: Record<string, unknown>[] }[];

let imported: Imported;
let document: OpenApiDocument;
let model: CatalogueModel;
let pkg: Record<string, any>;

beforeAll(async () => {
  imported = importOpenApi(text, "api.github.com.json");
  document = readOpenApiDocument(text, DOCUMENT);
  model = buildModel(validateSpec(loadSpec("github.yaml", stringify(imported.spec, { lineWidth: 0 }))), "github.yaml");
  // The package's printed JavaScript: the guards are what is under test here.
  const dir = scratchDir("wec-github-");
  // Only what parsing and verification run on: the guards, shared shapes, runtime and entry points.
  const needed = (path: string) => /^dist\/esm\/((guards|defs|runtime)\/.*|parse|webhooks)\.js$/.test(path);
  for (const file of packageFiles(model).filter((f) => needed(f.path))) {
    const target = join(dir, file.path.slice("dist/esm/".length));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
  pkg = {
    ...(await import(pathToFileURL(join(dir, "parse.js")).href)),
    ...(await import(pathToFileURL(join(dir, "webhooks.js")).href)),
  };
}, 120_000);

/** The event a delivery is, by its header and its action, as the package names it. */
function eventOf(header: string, payload: Record<string, unknown>): string {
  const withAction = `${header}.${String(payload.action)}`;
  return model.events.some((e) => e.name === withAction) ? withAction : header;
}

describe("GitHub's published webhooks document", () => {
  it("imports into a valid spec, listing every part it could not carry by pointer", () => {
    expect(model.events.length).toBe(document.webhooks.length - lostWebhooks().size);
    for (const loss of imported.losses) expect(loss.pointer).toMatch(/^\/(webhooks|components)\//);
    expect(imported.spec.layout).toMatchObject({
      name_header: expect.stringMatching(/^x-github-event$/i),
      action_field: "action",
    });
    expect(imported.spec.signing).toMatchObject({ scheme: "hmac-sha256", secret_env: "GITHUB_WEBHOOK_SECRET" });
  });

  it("agrees with ajv on the document's own schemas for every real example, valid or not, and mutated", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ ...JSON.parse(text), $id: "https://example.com/github" });
    let compared = 0;
    let accepted = 0;
    const disagreements: string[] = [];
    for (const group of examples) {
      for (const payload of group.examples) {
        const name = eventOf(group.name, payload);
        const webhook = document.webhooks.find((w) => w.name === name)!;
        if (!model.events.some((e) => e.name === name)) {
          // Only an event the import listed as lost may be missing.
          expect([...lostWebhooks()].some((pointer) => pointer === webhook.pointer)).toBe(true);
          continue;
        }
        const validate = ajv.getSchema(`https://example.com/github#${webhook.bodyPointer}`)!;
        const required = (validate.schema as { required?: string[] }).required ?? [];
        const mutated = { ...payload, [required[0] ?? "action"]: 12345 };
        for (const value of [payload, mutated]) {
          const result = pkg.parseWebhookEvent(value, {
            headers: { "X-GitHub-Event": group.name, "X-GitHub-Delivery": "00000000-0000-0000-0000-000000000000" },
          });
          compared++;
          if (validate(value)) accepted++;
          if (result.ok !== validate(value))
            disagreements.push(`${name}: ajv ${validate(value)}, ours ${JSON.stringify(result.errors?.slice(0, 2))}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(2 * examples.length);
    expect(accepted).toBeGreaterThan(0);
  });

  it("unwraps a real example signed by GitHub's own library, and refuses it tampered", async () => {
    // The first real example the document's shapes accept.
    const headersOf = (name: string) => ({
      "X-GitHub-Event": name,
      "X-GitHub-Delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
    });
    const [group, payload] = examples
      .flatMap((g) => g.examples.map((p) => [g, p] as const))
      .find(([g, p]) => pkg.parseWebhookEvent(p, { headers: headersOf(g.name) }).ok)!;
    const body = JSON.stringify(payload);
    const secret = "It's a Secret to Everybody";
    const headers = { ...headersOf(group.name), "X-Hub-Signature-256": await sign(secret, body) };
    const event = await pkg.unwrapWebhookEvent(body, headers, secret);
    expect(event).toMatchObject({ id: headers["X-GitHub-Delivery"], name: group.name, payload });
    await expect(pkg.unwrapWebhookEvent(body.replace(/}$/, ',"x":1}'), headers, secret)).rejects.toMatchObject({
      code: "no_matching_signature",
    });
  });
});

/** The operations the import left out (lost), by pointer. */
function lostWebhooks(): Set<string> {
  return new Set(imported.losses.map((l) => l.pointer).filter((p) => /^\/webhooks\/[^/]+\/post\/requestBody$/.test(p)));
}
