import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compile } from "json-schema-to-typescript";
import { describe, expect, it } from "vitest";
import { buildPackage, typecheck } from "../helpers.js";
import { readWritten, type Schema } from "../oracle/spec-as-written.js";

// A second opinion on the types: json-schema-to-typescript compiles each event's JSON Schema as
// the spec writes it (test/oracle/, not the package's export), and its type and ours must each be
// assignable to the other. On the OpenAI catalogue and on the corpus that uses every keyword.
const SPECS = ["test/fixtures/openai/events.yaml", "test/corpus/accepted/keywords.yaml"];

describe("the event types", () => {
  it.each(SPECS)("agree with json-schema-to-typescript's reading of %s", async (file) => {
    const written = readWritten(readFileSync(file, "utf8"));
    const { dir, model } = await buildPackage(written.text, file);
    expect(written.events.length).toBeGreaterThan(0);
    const checks: string[] = [`import type * as ours from "./index.js";`];
    for (const [i, event] of written.events.entries()) {
      const typeName = model.events.find((e) => e.name === event.name)!.typeName;
      const theirs = await compile(structuredClone(event.schema) as never, typeName, {
        bannerComment: "",
        additionalProperties: false,
        format: false,
        // It would make `minItems: 1` a tuple; ours is an array with the bound in its JSDoc.
        ignoreMinAndMaxItems: true,
      });
      writeFileSync(join(dir, `oracle-${i}.ts`), theirs);
      checks.push(
        `import type { ${typeName} as Theirs${i} } from "./oracle-${i}.js";`,
        `export const a${i}: ours.${typeName} = null as unknown as Theirs${i};`,
        `export const b${i}: Theirs${i} = null as unknown as ours.${typeName};`,
      );
      // json-schema-to-typescript reads x-extensible-enum as a plain string, as would a type that
      // forgot the known values: those must be in ours, for editors to complete.
      for (const [j, { path, values }] of openEnums(event.schema).entries()) {
        const at = path.reduce((t, key) => `Exclude<${t}[${key}], undefined | null>`, `ours.${typeName}`);
        const known = values.map((v) => JSON.stringify(v)).join(" | ");
        checks.push(`export const open${i}_${j}: Same<Known<${at}>, ${known}> = true;`);
      }
    }
    if (checks.some((c) => c.includes("Known<"))) checks.push(...OPEN_ENUM_HELPERS);
    writeFileSync(join(dir, "oracle.ts"), checks.join("\n"));
    expect(await typecheck([join(dir, "oracle.ts")], { lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] })).toEqual([]);
  });
});

/**
 * The literal members of a type (`"a" | (string & {})` → `"a"`; `string` → never), and type
 * equality. Properties are reached with Exclude: through NonNullable (TS 5.9) the literal members were lost.
 */
const OPEN_ENUM_HELPERS = [
  "type Known<T> = T extends unknown ? (string extends T ? never : T) : never;",
  "type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;",
];

/** Where a schema has an open enum (through properties and items), as keys of the TS type, and its values. */
function openEnums(schema: Schema, path: string[] = []): { path: string[]; values: string[] }[] {
  const out: { path: string[]; values: string[] }[] = [];
  if (Array.isArray(schema["x-extensible-enum"])) out.push({ path, values: schema["x-extensible-enum"] });
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>))
    out.push(...openEnums(child, [...path, JSON.stringify(key)]));
  if (typeof schema.items === "object") out.push(...openEnums(schema.items, [...path, "number"]));
  return out;
}
