import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchUpstream } from "../../generator/upstream/fetch.js";
import { tempDir } from "../helpers.js";

// The docs loop closed: docs:fetch brings the published documents into their copies (here from a
// server on 127.0.0.1), then docs:check shows the drift. Failures leave the copies as they were.
const TSX = ["--import", resolve("node_modules/tsx/dist/loader.mjs")];
const OPENAPI = readFileSync("test/fixtures/openai/upstream/openai-openapi-webhooks.yaml", "utf8");
const CHANGED = OPENAPI.replace(
  "Sent when a background response has failed.",
  "Sent when a background response failed for good.",
);
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/openapi.yaml") return void response.end(CHANGED);
    if (request.url === "/huge") {
      response.write("x".repeat(1024));
      return void response.end("y".repeat(2048));
    }
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("docs:fetch", () => {
  // The server runs in this process: the scripts run without blocking it.
  const run = (cwd: string, script: string) =>
    promisify(execFile)(process.execPath, [...TSX, resolve(`scripts/${script}`)], { cwd, encoding: "utf8" }).then(
      (r) => ({ status: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ status: e.code, stdout: e.stdout }),
    );

  it("downloads the published document into its copy, after which docs:check shows the change", async () => {
    const dir = tempDir();
    cpSync(resolve("test/fixtures/openai"), join(dir, "spec"), { recursive: true });
    const spec = join(dir, "spec/events.yaml");
    writeFileSync(
      spec,
      readFileSync(spec, "utf8").replace(
        "    file: upstream/openai-openapi-webhooks.yaml\n",
        `    file: upstream/openai-openapi-webhooks.yaml\n    url: ${base}/openapi.yaml\n`,
      ),
    );
    const fetched = await run(dir, "docs-fetch.ts");
    expect(fetched.stdout).toMatch(/^openapi: \d+ bytes from http:\/\/127\.0\.0\.1:\d+\/openapi\.yaml, changed/);
    expect(fetched.status).toBe(0);
    expect(readFileSync(join(dir, "spec/upstream/openai-openapi-webhooks.yaml"), "utf8")).toBe(CHANGED);
    const check = await run(dir, "docs-check.ts");
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/DIFFERS  response\.failed description differs/);
  });

  it("leaves the copy as it was when the document is too large, missing, or the server unreachable", async () => {
    const file = join(tempDir(), "copy.yaml");
    writeFileSync(file, "before");
    await expect(fetchUpstream(`${base}/huge`, file, { maxBytes: 2000 })).rejects.toThrow(
      `${base}/huge sent more than the 2000 bytes allowed; the copy is unchanged`,
    );
    await expect(fetchUpstream(`${base}/missing`, file)).rejects.toThrow(
      `${base}/missing answered 404 Not Found; check the address`,
    );
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    await expect(fetchUpstream(`http://127.0.0.1:${port}/x`, file)).rejects.toThrow(
      `cannot reach 127.0.0.1:${port} (ECONNREFUSED): are you offline? The copy in the project is unchanged`,
    );
    expect(readFileSync(file, "utf8")).toBe("before");
  });
});
