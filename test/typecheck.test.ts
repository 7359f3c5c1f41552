import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { EventModel } from "../generator/model.js";
import { modelOf, tempDir, typecheck } from "./helpers.js";

const STANDARD_SCHEMA = resolve("test/consumer/standard-schema.ts");
const GENERATED = resolve("generated/index.ts");

// A consumer has either the DOM library (browsers, edge runtimes) or Node's types.
const DOM = { types: [], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] };
const NODE = { types: ["node"], lib: ["lib.es2022.d.ts"] };
const messages = (errors: string[]) => errors.map((e) => e.slice(e.indexOf(": ") + 2));

// The catalogue is data: the consumer's handler is written from the spec, one case per event, so a
// user who adds, removes or renames an event keeps these tests meaningful and green.
const model = modelOf(readFileSync("spec/events.yaml", "utf8"));

/** A handler with an exhaustive switch over `events`, each case reading its event's own data type. */
function handler(events: readonly EventModel[]): string {
  const imports = events.flatMap((e) => [
    `type ${e.typeName}`,
    `type ${e.dataTypeName}`,
    e.guardName,
    e.standardSchemaName,
  ]);
  return `import type { StandardSchemaV1 } from ${JSON.stringify(resolve("node_modules/@standard-schema/spec/dist/index.js"))};
import { fixtures, parseWebhookEvent, WEBHOOK_EVENT_TYPES, type WebhookEvent, type WebhookEventMap, type WebhookEventType${imports.length > 0 ? `, ${imports.join(", ")}` : ""} } from ${JSON.stringify(GENERATED.replace(/\.ts$/, ".js"))};

function assertNever(value: never): never {
  throw new Error(\`unhandled event: \${JSON.stringify(value)}\`);
}

export function describeEvent(event: WebhookEvent): string {
  switch (event.type) {
${events.map((e) => `    case ${JSON.stringify(e.name)}: {\n      const data: ${e.dataTypeName} = event.data; // narrowed to this event\n      return \`\${event.type} \${Object.keys(data).length}\`;\n    }`).join("\n")}
    default:
      return assertNever(event);
  }
}

export function handle(body: unknown): string {
  const result = parseWebhookEvent(body);
  if (!result.ok) return result.unknownType ? \`ignored \${result.unknownType}\` : result.errors.map((e) => e.message).join("; ");
  return describeEvent(result.event);
}

const names: readonly WebhookEventType[] = WEBHOOK_EVENT_TYPES;
declare const body: unknown;
${events.map((e, i) => `const fixture${i}: WebhookEventMap[${JSON.stringify(e.name)}] = fixtures[${JSON.stringify(e.name)}];\nif (${e.guardName}(body)) { const narrowed: ${e.typeName} = body; void narrowed; }\nexport const schema${i}: StandardSchemaV1<unknown, ${e.typeName}> = ${e.standardSchemaName};`).join("\n")}
void [names${events.map((_, i) => `, fixture${i}`).join("")}];
`;
}

function write(text: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(dir, "handler.ts"), text);
  return join(dir, "handler.ts");
}

describe("generated/ as a consumer sees it", () => {
  it("compiles under strict settings, with a handler that narrows every event of the spec", async () => {
    const file = write(handler(model.events));
    expect(await typecheck([GENERATED, file, STANDARD_SCHEMA], DOM)).toEqual([]);
    expect(await typecheck([GENERATED, file, STANDARD_SCHEMA], NODE)).toEqual([]);
  });

  it.skipIf(model.events.length === 0)("fails to compile when the switch misses an event", async () => {
    const missing = model.events[model.events.length - 1]!;
    const file = write(handler(model.events.filter((e) => e !== missing)));
    const errors = messages(await typecheck([file], DOM)).join("\n");
    expect(errors).toMatch(new RegExp(`${missing.typeName}.* is not assignable to parameter of type 'never'`));
  });

  it.skipIf(model.events.length < 2)("rejects a fixture typed as another event", async () => {
    const [a, b] = model.events as [EventModel, EventModel];
    const text = `${handler(model.events)}\nexport const wrong: WebhookEventMap[${JSON.stringify(a.name)}] = fixtures[${JSON.stringify(b.name)}];\n`;
    expect(messages(await typecheck([write(text)], DOM)).join("\n")).toMatch(/not assignable/);
  });
});
