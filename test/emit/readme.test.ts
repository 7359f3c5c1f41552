import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { emitReadme } from "../../generator/emit/readme.js";
import { VERIFICATION_FAILURES } from "../../generator/emit/readme-verification.js";
import type { CatalogueModel } from "../../generator/model.js";
import { buildPackage, modelOf, OPENAI_SPEC, typecheck } from "../helpers.js";

// The generated package's README is a consumer's page: its handler type-checks against the package
// and answers each verification failure with its status; its verification section names the
// catalogue's own scheme, headers and secret; it links to a reference only where the spec gives one.
const CORPUS = "test/corpus/accepted";
const SPECS = [
  OPENAI_SPEC,
  `${CORPUS}/header-named.yaml`,
  `${CORPUS}/timestamp-signed.yaml`,
  `${CORPUS}/keywords.yaml`,
];
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const FORGED = `whsec_${btoa("x".repeat(32))}`;

const readmeOf = (model: CatalogueModel) => emitReadme(model)[0]!.contents;
const handlerOf = (readme: string) => /```ts\n([\s\S]*?)\n```/.exec(readme)![1]!;
const written = (path: string) => parse(readFileSync(path, "utf8"));

afterEach(() => {
  for (const path of SPECS) delete process.env[written(path).signing?.secret_env];
});

describe("the package README's handler", () => {
  it.each(SPECS)("type-checks against the package generated from %s, imported by its name", async (path) => {
    const { dir, model } = await buildPackage(readFileSync(path, "utf8"), path);
    const file = join(dir, "readme-handler.ts");
    writeFileSync(file, handlerOf(readmeOf(model)));
    const errors = await typecheck([file], {
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      paths: { [model.package.name]: [join(dir, "index.ts")] },
    });
    expect(errors).toEqual([]);
  });

  it.each(SPECS)("from %s is printed as prettier prints it", async (path) => {
    const { format } = await import("prettier");
    const code = `${handlerOf(readmeOf(modelOf(readFileSync(path, "utf8"))))}\n`;
    expect(await format(code, { parser: "typescript", printWidth: 100, trailingComma: "all" })).toBe(code);
  });

  it.each(SPECS.filter((path) => written(path).signing))(
    "%s: answers 200 to a signed request, 401 to a forged one, 400 to an unsigned one and 500 without a secret",
    async (path) => {
      const { dir, model, pkg } = await buildPackage(readFileSync(path, "utf8"), path);
      // The handler as the README shows it, its types stripped, importing the package's JavaScript.
      const ts = (await import("typescript")).default;
      const code = handlerOf(readmeOf(model)).replace(`from "${model.package.name}"`, 'from "./dist/esm/index.js"');
      const file = join(dir, "readme-handler.mjs");
      writeFileSync(file, ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText);
      const { POST } = (await import(pathToFileURL(file).href)) as { POST: (r: Request) => Promise<Response> };
      const fixture = pkg.fixtures[model.events[0]!.name];
      const answer = async (request: Request) => {
        const response = await POST(request);
        return [response.status, await response.text()];
      };
      process.env[model.signing!.secretEnv] = SECRET;
      expect(await answer((await pkg.signWebhookPayload(fixture, SECRET)).request())).toEqual([200, ""]);
      expect(await answer((await pkg.signWebhookPayload(fixture, FORGED)).request())).toEqual([
        401,
        "no_matching_signature",
      ]);
      const unsigned = await pkg.signWebhookPayload(fixture, SECRET);
      const headers = Object.entries(unsigned.headers as Record<string, string>).filter(
        ([name]) => !/signature/i.test(name),
      );
      expect(
        await answer(new Request("https://example.com/", { method: "POST", body: unsigned.body, headers })),
      ).toEqual([400, "missing_header"]);
      delete process.env[model.signing!.secretEnv];
      expect(await answer((await pkg.signWebhookPayload(fixture, SECRET)).request())).toEqual([500, "missing_secret"]);
    },
  );

  it("gives each failure the status the framework examples give it", async () => {
    // Imported through a path: examples/ import the package by its name, which the root type-check does not resolve.
    const { STATUS } = await import(resolve("examples", "status.ts"));
    const statuses = Object.fromEntries(Object.entries(VERIFICATION_FAILURES).map(([code, f]) => [code, f.status]));
    expect(statuses).toEqual(STATUS);
  });
});

describe("the package README's verification section", () => {
  const SCHEMES = {
    "standard-webhooks": ["webhook-id", "webhook-timestamp", "webhook-signature", "svix-signature", "whsec_"],
    "hmac-sha256": [],
    "timestamped-hmac-sha256": ["t=<Unix seconds>,v1=<hex>"],
  } as const;

  it.each(SPECS.filter((path) => written(path).signing))("%s names its own scheme's headers and secret", (path) => {
    const { signing } = written(path);
    const readme = readmeOf(modelOf(readFileSync(path, "utf8")));
    const section = readme.slice(readme.indexOf("## Verifying requests"), readme.indexOf("## Entry points"));
    expect(section).toContain(`\`${signing.secret_env}\` environment variable`);
    if (signing.header) expect(section).toContain(`| \`${signing.header}\` |`);
    for (const [scheme, marks] of Object.entries(SCHEMES))
      for (const mark of marks) expect(section.includes(mark), `${scheme}: ${mark}`).toBe(scheme === signing.scheme);
    // Every code the scheme can raise is listed with its status; a scheme that signs no time has no timestamp codes.
    for (const [code, { status }] of Object.entries(VERIFICATION_FAILURES))
      expect(section.includes(`| \`${code}\` | ${status} |`), code).toBe(
        signing.scheme !== "hmac-sha256" || !code.includes("timestamp"),
      );
  });

  it("is absent without signing, and so is verification in the handler", () => {
    const readme = readmeOf(modelOf(readFileSync(`${CORPUS}/keywords.yaml`, "utf8")));
    expect(readme).not.toContain("## Verifying requests");
    expect(readme).not.toContain("unwrapWebhookEvent");
  });
});

describe("the package README's links", () => {
  it("go to the spec's reference URL, per event, where it gives one", () => {
    const { package: pkg } = written(OPENAI_SPEC);
    const model = modelOf(readFileSync(OPENAI_SPEC, "utf8"));
    const readme = readmeOf(model);
    for (const event of model.events) expect(readme).toContain(`[\`${event.name}\`](${pkg.reference_url}`);
  });

  it("never leave the package, nor name OpenAI, in a catalogue without a reference URL", () => {
    const specs = readdirSync(CORPUS).map((f) => join(CORPUS, f));
    const withoutUrl = specs.filter((path) => !written(path).package.reference_url);
    expect(withoutUrl).toContain(`${CORPUS}/timestamp-signed.yaml`);
    for (const path of withoutUrl) {
      const readme = readmeOf(modelOf(readFileSync(path, "utf8")));
      expect(readme, path).not.toMatch(/\]\((?![A-Z]+\.md#)/i);
      expect(readme.toLowerCase(), path).not.toContain("openai");
    }
  });
});

describe("the package's dist/ headers", () => {
  it('say "generated; do not edit" and never ask a consumer to run the generator', async () => {
    const { packageFiles } = await import("../../generator/pipeline.js");
    const files = packageFiles(modelOf(readFileSync(`${CORPUS}/timestamp-signed.yaml`, "utf8")));
    const dist = files.filter((f) => f.path.startsWith("dist/") && /\.(js|d\.ts)$/.test(f.path));
    expect(dist.length).toBeGreaterThan(0);
    for (const file of dist) {
      expect(file.contents.startsWith("// Generated by webhook-event-codegen; do not edit.\n"), file.path).toBe(true);
      expect(file.contents, file.path).not.toMatch(/npm run|npx /);
    }
  });
});
