import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { typecheck } from "./helpers.js";

const HANDLER = resolve("test/consumer/handler.ts");
const FETCH_HANDLER = resolve("test/consumer/fetch-handler.ts");
const STANDARD_SCHEMA = resolve("test/consumer/standard-schema.ts");

// A consumer has either the DOM library (browsers, edge runtimes) or Node's types.
const DOM = { types: [], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] };
const NODE = { types: ["node"], lib: ["lib.es2022.d.ts"] };
const messages = (errors: string[]) => errors.map((e) => e.slice(e.indexOf(": ") + 2));

describe("generated/ as a consumer sees it", () => {
  it("compiles under strict settings, with a handler that narrows every event", async () => {
    expect(await typecheck([resolve("generated/index.ts"), HANDLER, FETCH_HANDLER, STANDARD_SCHEMA], DOM)).toEqual([]);
    expect(await typecheck([resolve("generated/index.ts"), HANDLER, FETCH_HANDLER, STANDARD_SCHEMA], NODE)).toEqual([]);
  });

  it("fails to compile when the switch misses an event", async () => {
    const text = readFileSync(HANDLER, "utf8").replace('    case "realtime.call.incoming":\n', "");
    const errors = messages(await typecheck([HANDLER], DOM, { file: HANDLER, text }));
    expect(errors.join("\n")).toMatch(
      /RealtimeCallIncomingWebhookEvent.* is not assignable to parameter of type 'never'/,
    );
  });

  it("rejects a fixture typed as the wrong event", async () => {
    const text = readFileSync(HANDLER, "utf8").replace(
      'fixtures["response.completed"];',
      'fixtures["realtime.call.incoming"];',
    );
    expect(messages(await typecheck([HANDLER], DOM, { file: HANDLER, text })).join("\n")).toMatch(/not assignable/);
  });
});
