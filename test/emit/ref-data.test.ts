// An event whose data is a shared shape or a union of them: the types say exactly what the schema
// says (an SDK's own interfaces fit them both ways), the guards agree with ajv on the spec as
// written, and data that cannot be an object is refused with the fix.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildPackage, edit, MINIMAL_SPEC, problemsOf, typecheck } from "../helpers.js";

const SPEC = "test/corpus/accepted/ref-data.yaml";
const text = readFileSync(SPEC, "utf8");

describe("data as a shared shape", () => {
  it("is typed as the shared shape, so the SDK's interfaces fit both ways", async () => {
    const { dir } = await buildPackage(text);
    for (const name of ["asset.created", "asset.deleted", "money.moved"])
      expect(readFileSync(join(dir, `events/${name}.ts`), "utf8")).not.toMatch(/Record<string, unknown>/);
    // What an SDK declares for these events, written from the spec by hand.
    const sdk = `
      import type * as Generated from "./index.js";
      interface Asset { id: string; name: string }
      interface AssetCreated { id: string; type: "asset.created"; data: Asset }
      interface AssetDeleted { id: string; type: "asset.deleted"; data: Asset }
      type Money = { id: string; kind: "refund" } | { id: string; kind: "charge" };
      interface MoneyMoved { id: string; type: "money.moved"; data: Money }
      declare const sdk: [AssetCreated, AssetDeleted, MoneyMoved];
      declare const ours: [Generated.AssetCreatedWebhookEvent, Generated.AssetDeletedWebhookEvent, Generated.MoneyMovedWebhookEvent];
      export const fromSdk: [Generated.AssetCreatedWebhookEvent, Generated.AssetDeletedWebhookEvent, Generated.MoneyMovedWebhookEvent] = sdk;
      export const toSdk: [AssetCreated, AssetDeleted, MoneyMoved] = ours;
    `;
    writeFileSync(join(dir, "sdk.ts"), sdk);
    expect(await typecheck([join(dir, "sdk.ts")])).toEqual([]);
  });

  it("is checked as ajv checks the spec as written", async () => {
    const { pkg } = await buildPackage(text);
    const spec = parse(text) as { $defs: object; events: { name: string; data: object }[] };
    const cases: [string, unknown][] = [
      ["asset.created", { id: "ast_1", name: "a" }],
      ["asset.created", { id: "ast_1" }],
      ["asset.created", { id: "ast_1", name: "a", extra: true }],
      ["asset.deleted", "not an object"],
      ["money.moved", { id: "r", kind: "refund" }],
      ["money.moved", { id: "c", kind: "charge" }],
      ["money.moved", { id: "x", kind: "other" }],
      ["money.moved", { kind: "charge" }],
    ];
    const answers = new Set<boolean>();
    for (const [name, data] of cases) {
      const event = spec.events.find((e) => e.name === name)!;
      const ajv = new Ajv2020({ strict: false }).compile({ ...event.data, $defs: spec.$defs });
      const expected = ajv(data);
      answers.add(expected);
      expect(pkg.isWebhookEvent({ id: "evt_1", type: name, data }), `${name} ${JSON.stringify(data)}`).toBe(expected);
    }
    expect(answers).toEqual(new Set([true, false]));
  });

  it("is refused when it cannot be an object, with the fix", () => {
    const spec = edit("    data:\n      type: object\n", "    data:\n      type: [object, string]\n", MINIMAL_SPEC);
    expect(problemsOf(spec).join("\n")).toMatch(
      /events\[0\] \(thing\.created\)\.data can be object or string, but an event's data is an object: add type: object, or \$ref a shared object shape/,
    );
  });
});
