import { sign as githubSign, verify as githubVerify } from "@octokit/webhooks-methods";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPackage, typecheck } from "../helpers.js";

// Events named by a header (GitHub's convention): the package hands over { id, name, payload },
// reads the name from the request's headers, narrows on name and then on the payload's action.
const SPEC = "test/corpus/accepted/header-named.yaml";
const built = buildPackage(readFileSync(SPEC, "utf8"), SPEC);
const SECRET = "s3cret";
const payload = { action: "opened", issue: { number: 7 }, repository: { id: 1, full_name: "o/r" } };
const headers = { "x-github-event": "issues", "x-github-delivery": "d-1" };

describe("a header-named catalogue", () => {
  it("lists full names, and the header values apart", async () => {
    const { pkg } = await built;
    expect(pkg.WEBHOOK_EVENT_TYPES).toEqual(["issues.closed", "issues.opened", "push"]);
    expect(pkg.fixtures["issues.opened"]).toEqual({
      id: "00000000-0000-0000-0000-000000000000",
      name: "issues",
      payload: { action: "opened", issue: { number: 1 }, repository: { id: 1, full_name: "o/r" } },
    });
  });

  it("builds the event from the payload and the headers, by name and action", async () => {
    const { pkg } = await built;
    expect(pkg.parseWebhookEvent(payload, { headers })).toEqual({
      ok: true,
      event: { id: "d-1", name: "issues", payload },
    });
    const reopened = pkg.parseWebhookEvent({ ...payload, action: "reopened" }, { headers });
    expect(reopened).toMatchObject({ ok: false, unknownType: "issues.reopened" });
    expect(pkg.parseWebhookEvent(payload, { headers: { "x-github-delivery": "d-1" } }).errors).toEqual([
      { path: "name", message: "is required" },
    ]);
    const wrong = pkg.parseWebhookEvent({ ...payload, issue: { number: "7" } }, { headers });
    expect(wrong.errors).toEqual([{ path: "payload.issue.number", message: 'expected integer, got string "7"' }]);
  });

  it("verifies what GitHub's library signs, and signs as GitHub does, with the naming headers", async () => {
    const { pkg } = await built;
    const body = JSON.stringify(payload);
    const signature = await githubSign(SECRET, body);
    const event = await pkg.unwrapWebhookEvent(body, { ...headers, "x-hub-signature-256": signature }, SECRET);
    expect(event).toEqual({ id: "d-1", name: "issues", payload });
    const signed = await pkg.signWebhookPayload(pkg.fixtures.push, SECRET);
    expect(signed.headers["X-GitHub-Event"]).toBe("push");
    expect(JSON.parse(signed.body)).toEqual(pkg.fixtures.push.payload);
    expect(await githubVerify(SECRET, signed.body, signed.headers["X-Hub-Signature-256"])).toBe(true);
    await expect(pkg.unwrapWebhookEvent(signed.body, signed.headers, SECRET)).resolves.toEqual(pkg.fixtures.push);
  });

  it("narrows on name, then on the payload's action, in TypeScript", async () => {
    const { dir } = await built;
    const file = join(dir, "narrow.ts");
    writeFileSync(
      file,
      `import type { WebhookEvent, WebhookEventName } from "./index.js";
export function describe(event: WebhookEvent): string {
  switch (event.name) {
    case "issues":
      if (event.payload.action === "opened") return \`opened #\${event.payload.issue.number}\`;
      return event.payload.action;
    case "push":
      return event.payload.ref;
  }
}
export const names: WebhookEventName[] = ["issues", "push"];
// @ts-expect-error not a header value of this catalogue
export const wrong: WebhookEventName = "issues.opened";
`,
    );
    expect(await typecheck([file], { lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] })).toEqual([]);
  });
});
