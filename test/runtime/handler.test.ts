import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixtures, signWebhookPayload } from "../../generated/index.js";
import { POST, seen } from "../consumer/fetch-handler.js";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describe("the README's Fetch handler, tested as its users would test theirs", () => {
  beforeEach(() => void (process.env.OPENAI_WEBHOOK_SECRET = SECRET));
  afterEach(() => void delete process.env.OPENAI_WEBHOOK_SECRET);

  it("accepts a signed request built from a fixture", async () => {
    const response = await POST((await signWebhookPayload(fixtures["response.completed"], SECRET)).request());
    expect(response.status).toBe(200);
    expect(seen).toContain("resp_abc123");
  });

  it("acknowledges an event newer than the package", async () => {
    const newer = { ...fixtures["response.completed"], type: "response.queued" };
    expect((await POST((await signWebhookPayload(newer, SECRET)).request())).status).toBe(200);
  });

  it("answers 400 with the code for a request signed with another secret", async () => {
    const forged = await signWebhookPayload(fixtures["response.completed"], "whsec_" + btoa("x".repeat(32)));
    const response = await POST(forged.request());
    expect([response.status, await response.text()]).toEqual([400, "no_matching_signature"]);
  });
});
