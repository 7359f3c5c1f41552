import { readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fixtures, signWebhookPayload, WEBHOOK_EVENT_TYPES } from "../generated/index.js";
import { buildPackage, typecheck } from "./helpers.js";

// The framework examples of docs/verifying.md are these files (the page shows them verbatim): each
// is type-checked as a consumer would, importing the package by its name, and run with signed requests.
const PAGE = "docs/verifying.md";
const EXAMPLES = ["status.ts", "fetch-handler.ts", "express-app.ts", "fastify-app.ts"];
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const spec = parse(readFileSync("spec/events.yaml", "utf8"));
const PACKAGE = spec.package.name as string;
const SECRET_ENV = spec.signing.secret_env as string;
// Imported through a variable: the root type-check does not follow it (the package name is data).
const load = (file: string) => import(resolve("examples", file));

beforeEach(() => void (process.env[SECRET_ENV] = SECRET));
afterEach(() => void delete process.env[SECRET_ENV]);

describe("the framework examples of docs/verifying.md", () => {
  it("are on the page exactly as in examples/", () => {
    const page = readFileSync(PAGE, "utf8");
    for (const file of EXAMPLES) expect(page, file).toContain(readFileSync(`examples/${file}`, "utf8").trim());
  });

  it("type-check as a consumer's code, importing the package by name", async () => {
    const errors = await typecheck(
      EXAMPLES.map((f) => resolve("examples", f)),
      { types: ["node"], paths: { [PACKAGE]: [resolve("generated/index.ts")] }, esModuleInterop: true },
    );
    expect(errors).toEqual([]);
  });

  it("Fetch: 200 for every event of the catalogue and for newer ones, 401 for a forged signature, 500 without a secret", async () => {
    const { POST } = await load("fetch-handler.ts");
    for (const type of WEBHOOK_EVENT_TYPES)
      expect((await POST((await signWebhookPayload(fixtures[type], SECRET)).request())).status).toBe(200);
    const newer = { ...fixtures[WEBHOOK_EVENT_TYPES[0]!], type: `${WEBHOOK_EVENT_TYPES.join("_")}.newer` };
    expect((await POST((await signWebhookPayload(newer, SECRET)).request())).status).toBe(200);
    const forged = await POST((await signWebhookPayload(newer, `whsec_${btoa("x".repeat(32))}`)).request());
    expect([forged.status, await forged.text()]).toEqual([401, "no_matching_signature"]);
    delete process.env[SECRET_ENV];
    const unconfigured = await POST((await signWebhookPayload(newer, SECRET)).request());
    expect([unconfigured.status, await unconfigured.text()]).toEqual([500, "missing_secret"]);
  });

  it("Express: 200 for a signed request, 401 for a forged one; a JSON parser mounted first is named with its fix", async () => {
    const { app } = await load("express-app.ts");
    const express = (await import("express")).default;
    const misuse = express().use(express.json());
    const { unwrapWebhookEvent, WebhookVerificationError } = await import("../generated/index.js");
    misuse.post("/webhook", async (req, res) => {
      await unwrapWebhookEvent(req.body, req.headers).catch((e: InstanceType<typeof WebhookVerificationError>) =>
        res.status(500).send(e.message),
      );
    });
    for (const [server, checks] of [
      [
        app,
        async (url: string) => {
          const ok = await signWebhookPayload(fixtures[WEBHOOK_EVENT_TYPES[0]!], SECRET);
          expect((await fetch(ok.request(url))).status).toBe(200);
          const forged = await signWebhookPayload(fixtures[WEBHOOK_EVENT_TYPES[0]!], `whsec_${btoa("y".repeat(32))}`);
          const response = await fetch(forged.request(url));
          expect([response.status, await response.text()]).toEqual([401, "no_matching_signature"]);
        },
      ],
      [
        misuse,
        async (url: string) => {
          const response = await fetch(
            (await signWebhookPayload(fixtures[WEBHOOK_EVENT_TYPES[0]!], SECRET)).request(url),
          );
          expect(await response.text()).toContain(
            "Mount express.raw({ type: 'application/json' }) on the webhook route",
          );
        },
      ],
    ] as const) {
      const listening = (server as import("express").Express).listen(0, "127.0.0.1");
      await new Promise((done) => listening.once("listening", done));
      try {
        await checks(`http://127.0.0.1:${(listening.address() as AddressInfo).port}/webhook`);
      } finally {
        await new Promise((done) => listening.close(done));
      }
    }
  });

  it("Fastify: 200 for a signed request, 401 for a forged one", async () => {
    const { app } = await load("fastify-app.ts");
    const inject = async (secret: string) => {
      const signed = await signWebhookPayload(fixtures[WEBHOOK_EVENT_TYPES[0]!], secret);
      return app.inject({
        method: "POST",
        url: "/webhook",
        headers: { ...signed.headers, "content-type": "application/json" },
        payload: signed.body,
      });
    };
    expect((await inject(SECRET)).statusCode).toBe(200);
    const forged = await inject(`whsec_${btoa("z".repeat(32))}`);
    expect([forged.statusCode, forged.body]).toEqual([401, "no_matching_signature"]);
  });
});

// The README's quick start: its ten-line spec generates, and the handler it shows type-checks against
// that package (imported by its name) and answers each kind of failure with its status.
describe("the README's quick start", () => {
  const readme = readFileSync("README.md", "utf8");
  const block = (lang: string) =>
    new RegExp(`## A ten-line spec[\\s\\S]*?\`\`\`${lang}\\n([\\s\\S]*?)\\n\`\`\``).exec(readme)![1]!;
  const specText = block("yaml");
  const handler = block("ts");
  const built = buildPackage(specText, "README.md");

  it("is a spec of ten lines at most that generates", async () => {
    expect(specText.split("\n").length).toBeLessThanOrEqual(10);
    expect((await built).model.events.length).toBeGreaterThan(0);
  });

  it("shows a handler that type-checks against the package, imported by its name", async () => {
    const { dir, model } = await built;
    const file = join(dir, "quick-start.ts");
    writeFileSync(file, handler);
    const errors = await typecheck([file], {
      lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
      paths: { [model.package.name]: [join(dir, "index.ts")] },
    });
    expect(errors).toEqual([]);
  });

  it("answers 200 to a signed request, 401 to a forged one, 400 to an unsigned one and 500 without a secret", async () => {
    const { dir, model, pkg } = await built;
    const ts = (await import("typescript")).default;
    const code = handler.replace(`from "${model.package.name}"`, 'from "./dist/esm/index.js"');
    const file = join(dir, "quick-start.mjs");
    writeFileSync(file, ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText);
    const { POST: handle } = (await import(pathToFileURL(file).href)) as { POST: (r: Request) => Promise<Response> };
    const env = model.signing!.secretEnv;
    const answer = async (request: Request) => {
      const response = await handle(request);
      return [response.status, await response.text()];
    };
    const fixture = pkg.fixtures[model.events[0]!.name];
    process.env[env] = SECRET;
    try {
      expect(await answer((await pkg.signWebhookPayload(fixture, SECRET)).request())).toEqual([200, ""]);
      const forged = await pkg.signWebhookPayload(fixture, `whsec_${btoa("q".repeat(32))}`);
      expect(await answer(forged.request())).toEqual([401, "no_matching_signature"]);
      const unsigned = new Request("https://example.com/", { method: "POST", body: JSON.stringify(fixture) });
      expect(await answer(unsigned)).toEqual([400, "missing_header"]);
      delete process.env[env];
      expect(await answer((await pkg.signWebhookPayload(fixture, SECRET)).request())).toEqual([500, "missing_secret"]);
    } finally {
      delete process.env[env];
    }
  });
});
