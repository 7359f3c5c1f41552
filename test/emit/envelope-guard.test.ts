import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPackage, edit, MINIMAL_SPEC } from "../helpers.js";

// The catalogue's validator checks an envelope every event checks alike once, then the event's own
// fields; where one event checks its envelope otherwise, each event's whole validator runs. Either
// way it says exactly what the event's own validator says: same result, same issues, same order.
const TWO = edit(
  "events:\n",
  `events:
  - name: thing.deleted
    description: Sent when a thing is deleted.
    data: { type: object, required: [id], properties: { id: { type: string } } }
    example: { id: evt_2, type: thing.deleted, created_at: 2, data: { id: thing_2 } }
`,
);
// One event words created_at as a string: the envelope is not checked alike any more.
const APART = edit(
  "    description: Sent when a thing is deleted.\n",
  "    description: Sent when a thing is deleted.\n    envelope: { created_at: { type: string } }\n",
  TWO,
).replace("created_at: 2, data: { id: thing_2 }", 'created_at: "2", data: { id: thing_2 }');
const payloads = [
  { id: "evt_1", type: "thing.created", created_at: 1, data: { id: "thing_1" } },
  { id: 1, type: "thing.created", created_at: "1", data: { id: 2 } },
  { id: "evt_2", type: "thing.deleted", created_at: "2", data: {} },
  { type: "thing.deleted", data: { id: "x" } },
  { id: "evt_3", type: "thing.deleted", created_at: 3 },
];

describe.each([
  ["an envelope every event checks alike", TWO, true],
  ["an envelope one event checks otherwise", APART, false],
])("the catalogue's validator, %s", (_, spec, shared) => {
  const built = buildPackage(spec, "things.yaml");

  it(shared ? "checks the envelope once" : "runs each event's whole validator", async () => {
    const { dir } = await built;
    expect(readFileSync(join(dir, "parse.ts"), "utf8").includes("const created_at = value.created_at;")).toBe(shared);
  });

  it("says what each event's own validator says", async () => {
    const { pkg } = await built;
    for (const payload of payloads) {
      const own =
        payload.type === "thing.created" ? pkg.validateThingCreatedWebhookEvent : pkg.validateThingDeletedWebhookEvent;
      const ownIssues: unknown[] = [];
      const ownResult = own(payload, ownIssues);
      const issues: unknown[] = [];
      expect(pkg.validateWebhookEvent(payload, issues), JSON.stringify(payload)).toBe(ownResult);
      expect(issues).toEqual(ownIssues);
      expect(pkg.isWebhookEvent(payload)).toBe(ownResult);
      expect(pkg.parseWebhookEvent(payload)).toEqual(
        ownResult ? { ok: true, event: payload } : { ok: false, errors: ownIssues },
      );
    }
  });
});

it("MINIMAL_SPEC's one event gets the split too", async () => {
  const { dir } = await buildPackage(MINIMAL_SPEC, "things.yaml");
  expect(readFileSync(join(dir, "guards/thing.created.ts"), "utf8")).toContain(
    "validateThingCreatedWebhookEventOwnFields",
  );
});
