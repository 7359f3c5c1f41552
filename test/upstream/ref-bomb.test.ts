import { describe, expect, it } from "vitest";
import { importOpenApi } from "../../generator/upstream/import.js";
import { readOpenApi } from "../../generator/upstream/openapi.js";

// A document whose references fan out (each level using the one below ten times) would expand
// to 10^12 nodes: the reader never expands references, each shared shape is read and compared once.
const levels = 12;
const schemas = ["    L0: { type: string }"];
for (let i = 1; i <= levels; i++) {
  const properties = Array.from({ length: 10 }, (_, k) => `p${k}: { $ref: "#/components/schemas/L${i - 1}" }`);
  const required = Array.from({ length: 10 }, (_, k) => `p${k}`);
  schemas.push(
    `    L${i}: { type: object, required: [${required.join(", ")}], properties: { ${properties.join(", ")} } }`,
  );
}
const doc = [
  "openapi: 3.1.0",
  'info: { title: bomb, version: "1" }',
  "webhooks:",
  "  a:",
  "    post:",
  "      requestBody:",
  "        content:",
  "          application/json:",
  "            schema:",
  "              type: object",
  "              properties:",
  '                type: { const: "bomb.went_off" }',
  `                data: { $ref: "#/components/schemas/L${levels}" }`,
  "components:",
  "  schemas:",
  ...schemas,
].join("\n");

describe("reading an OpenAPI document", () => {
  it("reads a $ref fan-out bomb without expanding it: each shared shape once", () => {
    const catalogue = readOpenApi("bomb.yaml", doc);
    expect(catalogue.events.map((e) => [e.name, e.fields.get("data")?.type])).toEqual([["bomb.went_off", "L12"]]);
    expect(catalogue.types!.map((t) => t.name).sort()).toEqual(
      Array.from({ length: levels + 1 }, (_, i) => `L${i}`).sort(),
    );
    expect(Math.max(...catalogue.types!.map((t) => t.fields.size))).toBe(10);
  });

  it("makes no example of it: the example it would need is listed as a loss, in bounded time", () => {
    const { losses } = importOpenApi(doc, "bomb.yaml");
    expect(losses).toContainEqual({
      pointer: "/webhooks/a/post/requestBody",
      reason: "has no example, and its shape fans out too far to make one (over 100000 values); write one",
    });
  });
});
