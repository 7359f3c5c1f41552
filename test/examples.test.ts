import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { fixtures, signWebhookPayload, WEBHOOK_EVENT_TYPES } from "../generated/index.js";
import { typecheck } from "./helpers.js";

// The README's framework examples are these files (the README shows them verbatim): each is
// type-checked as a consumer would, importing the package by its name, and run with signed requests.
const EXAMPLES = ["status.ts", "fetch-handler.ts", "express-app.ts", "fastify-app.ts"];
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const spec = parse(readFileSync("spec/events.yaml", "utf8"));
const PACKAGE = spec.package.name as string;
const SECRET_ENV = spec.signing.secret_env as string;
// Imported through a variable: the root type-check does not follow it (the package name is data).
const load = (file: string) => import(resolve("examples", file));

beforeEach(() => void (process.env[SECRET_ENV] = SECRET));
afterEach(() => void delete process.env[SECRET_ENV]);

describe("the README's examples", () => {
  it("are in the README exactly as in examples/", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const file of EXAMPLES) expect(readme, file).toContain(readFileSync(`examples/${file}`, "utf8").trim());
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
