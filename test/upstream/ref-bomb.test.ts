import { describe, expect, it } from "vitest";
import { readOpenApi } from "../../generator/upstream/openapi.js";

// A document whose references fan out (each level using the one below ten times) would expand
// to 10^12 nodes: the reader never expands references, each shared shape is read and compared once.
describe("reading an OpenAPI document", () => {
  it("reads a $ref fan-out bomb without expanding it: each shared shape once", () => {
    const levels = 12;
    const schemas = ["    L0: { type: string }"];
    for (let i = 1; i <= levels; i++) {
      const properties = Array.from({ length: 10 }, (_, k) => `p${k}: { $ref: "#/components/schemas/L${i - 1}" }`);
      schemas.push(`    L${i}: { type: object, properties: { ${properties.join(", ")} } }`);
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
    const catalogue = readOpenApi("bomb.yaml", doc);
    expect(catalogue.events.map((e) => [e.name, e.fields.get("data")?.type])).toEqual([["bomb.went_off", "L12"]]);
    expect(catalogue.types!.map((t) => t.name).sort()).toEqual(
      Array.from({ length: levels + 1 }, (_, i) => `L${i}`).sort(),
    );
    expect(Math.max(...catalogue.types!.map((t) => t.fields.size))).toBe(10);
  });
});
