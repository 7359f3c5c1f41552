// `const` and `enum` with objects and arrays, compared as JSON Schema compares them: ajv (2020-12)
// on the spec's shapes as written is the oracle for every payload.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildPackage, problemsOf } from "../helpers.js";

const SPEC = "test/corpus/accepted/compound-values.yaml";

describe("const and enum of objects and arrays", () => {
  it("accept and refuse what ajv accepts and refuses", async () => {
    const text = readFileSync(SPEC, "utf8");
    const { pkg } = await buildPackage(text);
    const written = parse(text) as { events: { name: string; data: object; example: Record<string, unknown> }[] };
    const event = written.events[0]!;
    const ajv = new Ajv2020({ strict: false }).compile(event.data);
    const data = event.example.data as Record<string, unknown>;
    const variants: unknown[] = [
      data,
      { ...data, origin: { x: 0, y: 0, z: 0 } },
      { ...data, origin: { y: 0.0, x: 0 } },
      { ...data, origin: { x: false, y: 0 } },
      { ...data, corner: [false] },
      { ...data, corner: [0] },
      { ...data, corner: { ключ: 1.5, kind: "x" } },
      { ...data, corner: { kind: "x", ключ: 1.5, more: 1 } },
      { ...data, corner: null },
      { ...data, corner: [2, 1] },
      { ...data, style: { fill: "#fff", stroke: { width: 1, dash: [] } } },
      { ...data, style: { fill: "#fff", stroke: { width: 1, dash: [0] } } },
      { ...data, tags: [["b", "c"], ["a"]] },
      { ...data, tags: [["c", "b"]] },
      { ...data, empty: [] },
      { ...data, empty: {} },
      { ...data, empty: [[]] },
      { ...data, empty: { a: 1 } },
    ];
    let disagreements = 0;
    for (const variant of variants) {
      const payload = { ...event.example, data: variant };
      const ours = pkg.isWebhookEvent(payload);
      expect(ours, JSON.stringify(variant)).toBe(ajv(variant));
      if (!ours) expect(pkg.parseWebhookEvent(payload).errors.length).toBeGreaterThan(0);
      if (ours !== ajv(variant)) disagreements++;
    }
    expect(disagreements).toBe(0);
    // Both answers occur, so the comparison can fail either way.
    expect(new Set(variants.map((v) => ajv(v)))).toEqual(new Set([true, false]));
  });

  it("are checked against the rest of their shape when the spec is read", () => {
    const spec = readFileSync(SPEC, "utf8").replace(
      "origin: { const: { x: 0, y: 0 } }",
      "origin: { type: object, required: [z], const: { x: 0, y: 0 } }",
    );
    expect(problemsOf(spec).join("\n")).toMatch(/origin\.const \{"x":0,"y":0\} contradicts the rest of the shape/);
  });
});
