import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const HANDLER = resolve("test/consumer/handler.ts");
const FETCH_HANDLER = resolve("test/consumer/fetch-handler.ts");
const STANDARD_SCHEMA = resolve("test/consumer/standard-schema.ts");

/** Type-checks files under the strictest common settings, with a handler's text substituted. */
// A consumer has either the DOM library (browsers, edge runtimes) or Node's types.
const DOM = { types: [], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"] };
const NODE = { types: ["node"], lib: ["lib.es2022.d.ts"] };

function typecheck(rootNames: string[], replace?: { file: string; text: string }, libs: object = DOM): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitReturns: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    verbatimModuleSyntax: true,
    ...libs,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (replace && resolve(name) === replace.file ? replace.text : readFile(name));
  const program = ts.createProgram(rootNames, options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("generated/ as a consumer sees it", () => {
  it("compiles under strict settings, with a handler that narrows every event", () => {
    expect(typecheck([resolve("generated/index.ts"), HANDLER, FETCH_HANDLER, STANDARD_SCHEMA], undefined, DOM)).toEqual(
      [],
    );
    expect(
      typecheck([resolve("generated/index.ts"), HANDLER, FETCH_HANDLER, STANDARD_SCHEMA], undefined, NODE),
    ).toEqual([]);
  });

  it("fails to compile when the switch misses an event", () => {
    const text = readFileSync(HANDLER, "utf8").replace('    case "realtime.call.incoming":\n', "");
    const errors = typecheck([HANDLER], { file: HANDLER, text });
    expect(errors.join("\n")).toMatch(
      /RealtimeCallIncomingWebhookEvent.* is not assignable to parameter of type 'never'/,
    );
  });

  it("rejects a fixture typed as the wrong event", () => {
    const text = readFileSync(HANDLER, "utf8").replace(
      'fixtures["response.completed"];',
      'fixtures["realtime.call.incoming"];',
    );
    expect(typecheck([HANDLER], { file: HANDLER, text }).join("\n")).toMatch(/not assignable/);
  });
});
