import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPackage, typecheck } from "../helpers.js";

// The TS types say what the guards check, keyword by keyword: every value a guard accepts is
// assignable to its type, and what a guard refuses (where a type can say so) does not compile.
// Each case is compiled in one file, with `@ts-expect-error` on the refused ones (an unused one
// fails the compile), and run through the guard.
const SPEC = "test/corpus/accepted/keywords.yaml";

/** [data field, value, accepted by the guard]. Limits (length, pattern, minimum) have no TS form: not here. */
const CASES: [string, unknown, boolean][] = [
  ["shape", { kind: "circle", radius: 1 }, true],
  ["shape", { kind: "square", side: 2 }, true],
  ["shape", { kind: "square", radius: 1 }, false],
  ["shape", { kind: "triangle", side: 1 }, false],
  ["maybe_shape", null, true],
  ["maybe_shape", { kind: "circle", radius: 2 }, true],
  ["maybe_shape", "circle", false],
  ["note", "hi", true],
  ["note", 5, true],
  ["note", true, false],
  ["one", 3.5, true],
  ["one", "3", false],
  ["transport", "rtp", true],
  ["transport", "zrtp", true],
  ["transport", 1, false],
  ["codec", "g722", true],
  ["codec", null, false],
  ["tags", ["a", "b"], true],
  ["tags", [1], false],
  ["labels", { primary: "x", other: "y", n_1: 3 }, true],
  ["labels", { primary: 1 }, false],
  ["closed", { a: true }, true],
  ["closed", { a: "yes" }, false],
  ["merged", { a: "x", b: 1 }, true],
  ["merged", { a: "x" }, false],
  ["tree", { label: "root", children: [{ label: "leaf" }] }, true],
  ["tree", { children: [] }, false],
  ["sip_headers", [{ name: "From", value: "x" }], true],
  ["sip_headers", [{ name: "From" }], false],
  ["caller", { number: "1", display_name: null }, true],
  ["caller", { display_name: "x" }, false],
  ["anything", { a: [1] }, true],
];

describe("types and guards of every keyword", () => {
  const built = buildPackage(readFileSync(SPEC, "utf8"), SPEC);

  it("accept and refuse the same values", async () => {
    const { pkg, model } = await built;
    const fixture = pkg.fixtures["call.incoming"];
    for (const [field, value, accepted] of CASES) {
      const event = { ...fixture, data: { ...fixture.data, [field]: value } };
      expect(pkg.isCallIncomingWebhookEvent(event), `${field}: ${JSON.stringify(value)}`).toBe(accepted);
    }
    expect(model.events.length).toBeGreaterThan(0);
  });

  it("compile what the guard accepts, and not what it refuses", async () => {
    const { dir } = await built;
    const lines = CASES.flatMap(([field, value, accepted], i) => [
      ...(accepted ? [] : ["// @ts-expect-error the guard refuses this value"]),
      `export const case${i}: CallIncomingWebhookEventData[${JSON.stringify(field)}] = ${JSON.stringify(value)};`,
    ]);
    // Envelopes per event: call.incoming requires `object`, call.ended does not.
    const envelope = [
      `export const ended: CallEndedWebhookEvent = { id: "evt_1", created_at: 1, type: "call.ended", data: {} };`,
      "// @ts-expect-error call.incoming requires object",
      `export const incoming: Omit<CallIncomingWebhookEvent, "data"> = { id: "evt_1", created_at: 1, type: "call.incoming" };`,
    ];
    const file = join(dir, "type-cases.ts");
    writeFileSync(
      file,
      [
        `import type { CallEndedWebhookEvent, CallIncomingWebhookEvent, CallIncomingWebhookEventData } from "./index.js";`,
        ...lines,
        ...envelope,
      ].join("\n"),
    );
    expect(await typecheck([file])).toEqual([]);
  });
});
