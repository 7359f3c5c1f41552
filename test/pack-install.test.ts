// PACK AND INSTALL (slow, ≈15 s): the generator as a user gets it. `npm pack` the repository,
// install the tarball into a fresh project that has nothing else of this repository (yaml, ajv and
// diff come from the npm cache that `npm ci` filled), and there run the CLI through npx: init,
// generate, generate --check, import of an OpenAPI document, docs check. Then a consumer imports
// both generated packages by name, is type-checked (this repository's TypeScript, by path) and run:
// a guard on the example event, and a signed request verified.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scratchDir } from "./helpers.js";

const TSC = resolve("node_modules/typescript/bin/tsc");
// What the outer `npm test` sets for its own package would leak into the nested npm commands.
const ENV = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_(package|lifecycle|config_(prefix|global|local))/i.test(key)),
);

let root: string;
let project: string;
let tarball: string;

function run(command: string, args: string[], cwd = project) {
  const result = spawnSync(command, args, { cwd, env: ENV, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, all: result.stdout + result.stderr };
}
const cli = (...args: string[]) => run("npx", ["--no", "webhook-event-codegen", ...args]);
const OFFLINE = ["--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"];

beforeAll(() => {
  root = scratchDir("wec-pack-");
  // lib/ is built by `npm test` before the tests; packing without scripts never rebuilds it under other tests.
  const packed = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", root], resolve("."));
  expect(packed.code, packed.stderr).toBe(0);
  tarball = join(root, JSON.parse(packed.stdout)[0].filename);
  project = join(root, "project");
  execFileSync("mkdir", [project]);
  writeFileSync(
    join(project, "package.json"),
    `${JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }, null, 2)}\n`,
  );
  const installed = run("npm", ["install", ...OFFLINE, tarball]);
  expect(installed.code, installed.all).toBe(0);
}, 120_000);

describe("packed and installed into a fresh project", () => {
  it("ships the built CLI and API, the runtime and the spec's schema, and no TypeScript sources or tests", () => {
    const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean);
    const manifest = JSON.parse(readFileSync("package.json", "utf8"));
    expect(listing).toEqual(
      expect.arrayContaining([
        "package/package.json",
        `package/${manifest.bin["webhook-event-codegen"].replace("./", "")}`,
        `package/${manifest.types.replace("./", "")}`,
        "package/lib/runtime/esm/verify.js",
        "package/spec/events.schema.json",
      ]),
    );
    expect(
      listing.filter((f) => /\.ts$/.test(f) && !f.endsWith(".d.ts") && !f.startsWith("package/lib/runtime/")),
    ).toEqual([]);
    expect(listing.filter((f) => /^package\/(test|scripts|bench|generated|generator)\//.test(f))).toEqual([]);
    // Only what a run imports is installed with it.
    expect(readdirSync(join(project, "node_modules")).sort()).toEqual(
      expect.arrayContaining(["ajv", "diff", "webhook-event-codegen", "yaml"]),
    );
    expect(existsSync(join(project, "node_modules/typescript"))).toBe(false);
  });

  it("init, generate, generate --check, import, docs check; a consumer type-checks and runs", () => {
    const init = cli("init");
    expect(init.code, init.all).toBe(0);
    expect(init.stdout).toContain("wrote   spec/events.yaml");
    expect(readFileSync(join(project, "spec/events.yaml"), "utf8")).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/node_modules\/webhook-event-codegen\/spec\/events\.schema\.json\n/,
    );
    expect(existsSync(join(project, "node_modules/webhook-event-codegen/spec/events.schema.json"))).toBe(true);
    expect(JSON.parse(readFileSync(join(project, "package.json"), "utf8")).scripts.generate).toBe(
      "webhook-event-codegen generate",
    );
    expect(readFileSync(join(project, ".github/workflows/webhook-events.yml"), "utf8")).toContain(
      "npx webhook-event-codegen generate --check",
    );

    const generated = run("npm", ["run", "-s", "generate"]);
    expect(generated.code, generated.all).toBe(0);
    expect(generated.stdout).toMatch(/^Generated generated from spec\/events\.yaml: \d+ files/);
    expect(cli("generate", "--check")).toMatchObject({ code: 0, stdout: expect.stringContaining("up to date") });

    writeFileSync(join(project, "acme.yaml"), ACME_DOCUMENT);
    const imported = cli("import", "acme.yaml", "--spec", "spec/acme.yaml");
    expect(imported.code, imported.all).toBe(0);
    expect(imported.stdout).toContain("Next: npm run generate -- --spec spec/acme.yaml --out acme-package");
    const acme = cli("generate", "--spec", "spec/acme.yaml", "--out", "acme-package");
    expect(acme.code, acme.all).toBe(0);
    const docs = cli("docs", "check", "--spec", "spec/acme.yaml");
    expect([docs.code, docs.stdout]).toEqual([0, expect.stringContaining("OK: every difference is accepted.")]);
    expect(cli("docs", "check")).toMatchObject({ code: 0, stdout: expect.stringContaining("names no upstream") });

    // The consumer: both packages installed by name from their folders, as a monorepo would.
    const names = ["generated", "acme-package"].map(
      (dir) => JSON.parse(readFileSync(join(project, dir, "package.json"), "utf8")).name as string,
    );
    const linked = run("npm", ["install", ...OFFLINE, "./generated", "./acme-package"]);
    expect(linked.code, linked.all).toBe(0);
    writeFileSync(join(project, "consumer.ts"), consumer(names[0]!, names[1]!));
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify(CONSUMER_TSCONFIG));
    const typecheck = run(process.execPath, [TSC, "-p", "tsconfig.json"]);
    expect(typecheck.all).toBe("");
    expect(typecheck.code).toBe(0);
    const ran = run(process.execPath, ["out/consumer.js"]);
    expect([ran.code, ran.stderr]).toEqual([0, ""]);
    expect(JSON.parse(ran.stdout)).toEqual({
      guard: true,
      refused: false,
      verified: { type: "payment.succeeded", amount: 1250 },
      forged: "no_matching_signature",
      api: true,
      docs: true,
    });
  });
});

const ACME_DOCUMENT = `openapi: 3.1.0
info: { title: Acme Pay, version: "1" }
webhooks:
  paymentSucceeded:
    post:
      parameters:
        - { name: webhook-id, in: header, schema: { type: string } }
        - { name: webhook-timestamp, in: header, schema: { type: string } }
        - { name: webhook-signature, in: header, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [type, data]
              properties:
                type: { const: payment.succeeded }
                data:
                  type: object
                  required: [id, amount]
                  properties:
                    id: { type: string }
                    amount: { type: integer }
            example: { type: payment.succeeded, data: { id: pay_1, amount: 1250 } }
`;

const CONSUMER_TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["ES2022", "DOM"],
    types: [],
    outDir: "out",
    skipLibCheck: false,
  },
  files: ["consumer.ts"],
};

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/** Calls a guard of init's package, verifies a signed request with the imported one's, and uses the generator's API. */
const consumer = (
  starter: string,
  acme: string,
) => `import { checkDocs, generate, type GenerateResult } from "webhook-event-codegen";
import { fixtures, isWebhookEvent } from "${starter}";
import { signWebhookPayload } from "${acme}/testing";
import { unwrapWebhookEvent, WebhookVerificationError } from "${acme}/webhooks";

const [name] = Object.keys(fixtures) as (keyof typeof fixtures)[];
const guard = isWebhookEvent(fixtures[name!]);
const refused = isWebhookEvent({ type: name, data: {} });
const signed = await signWebhookPayload({ type: "payment.succeeded", data: { id: "pay_1", amount: 1250 } }, "${SECRET}");
const event = await unwrapWebhookEvent(signed.body, signed.headers, "${SECRET}");
if ("unknown" in event) throw new Error("the event was not recognised");
let forged = "accepted";
try {
  await unwrapWebhookEvent(signed.body.replace("1250", "9999"), signed.headers, "${SECRET}");
} catch (error) {
  if (error instanceof WebhookVerificationError) forged = error.code;
}
// The generator's typed API, from the same install: the package is up to date, the documents agree.
const api: GenerateResult = await generate({ spec: "spec/acme.yaml", out: "acme-package", check: true });
const docs = checkDocs({ spec: "spec/acme.yaml" });
console.log(JSON.stringify({ guard, refused, verified: { type: event.type, amount: event.data.amount }, forged, api: api.upToDate, docs: docs.ok }));
`;
