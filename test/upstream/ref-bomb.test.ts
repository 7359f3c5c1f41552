import { describe, expect, it } from "vitest";
import { readOpenApi } from "../../generator/upstream/openapi.js";

// A document whose references fan out (each level using the one below ten times) would expand
// to 10^12 nodes: reading it stops at the cap, naming the reference, in bounded memory.
describe("reading an OpenAPI document", () => {
  it("refuses a $ref fan-out bomb, naming the pointer that hit the cap", () => {
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
      `            schema: { $ref: "#/components/schemas/L${levels}" }`,
      "components:",
      "  schemas:",
      ...schemas,
    ].join("\n");
    expect(() => readOpenApi("bomb.yaml", doc)).toThrow(
      "bomb.yaml: expanding $ref #/components/schemas/L0 goes past 1000000 nodes; the document's references fan out too far to compare",
    );
  });
});
