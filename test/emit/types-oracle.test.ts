import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "json-schema-to-typescript";
import { describe, expect, it } from "vitest";
import { openaiPackage, typecheck } from "../helpers.js";

// A second opinion on the types: json-schema-to-typescript compiles each event's exported JSON
// Schema on its own, and its type and ours must each be assignable to the other.
describe("the event types", () => {
  it("agree with json-schema-to-typescript's reading of the exported schemas", async () => {
    const { dir, model } = await openaiPackage();
    const checks: string[] = [`import type * as ours from "./index.js";`];
    for (const [i, event] of model.events.entries()) {
      const schema = JSON.parse(readFileSync(join(dir, `schemas/${event.fileName}.json`), "utf8"));
      const theirs = await compile(schema, event.typeName, {
        bannerComment: "",
        additionalProperties: false,
        format: false,
      });
      writeFileSync(join(dir, `oracle-${i}.ts`), theirs);
      checks.push(
        `import type { ${event.typeName} as Theirs${i} } from "./oracle-${i}.js";`,
        `export const a${i}: ours.${event.typeName} = null as unknown as Theirs${i};`,
        `export const b${i}: Theirs${i} = null as unknown as ours.${event.typeName};`,
      );
    }
    writeFileSync(join(dir, "oracle.ts"), checks.join("\n"));
    expect(await typecheck([join(dir, "oracle.ts")], { lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] })).toEqual([]);
  });
});
