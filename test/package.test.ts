import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelOf, scratchDir } from "./helpers.js";

// The committed generated/ packed as npm would publish it, installed into scratch consumer
// projects of every kind, and checked by the tools package authors use.
const manifest = JSON.parse(readFileSync("generated/package.json", "utf8")) as {
  name: string;
  exports: Record<string, unknown>;
};
const NAME = manifest.name;
// The catalogue is data: the events the consumers use are picked from the spec, never named.
const model = modelOf(readFileSync("spec/events.yaml", "utf8"));
const hasEvents = model.events.length > 0;
const A = model.events[0]!;
const B = model.events[1] ?? A;
const C = model.events[2] ?? A;
let root: string;
let tarball: string;

beforeAll(() => {
  root = scratchDir("wec-package-");
  const packed = execFileSync("npm", ["pack", "--silent", "--pack-destination", root, resolve("generated")], {
    encoding: "utf8",
  }).trim();
  tarball = join(root, packed.split("\n").at(-1)!);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A consumer project with the tarball installed by npm, as a user installs it (offline: it has no dependencies). */
function consumer(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const manifest = { name: name.toLowerCase(), private: true, ...JSON.parse(files["package.json"] ?? "{}") };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", "--silent", tarball], {
    cwd: dir,
  });
  for (const [file, text] of Object.entries(files)) if (file !== "package.json") writeFileSync(join(dir, file), text);
  return dir;
}

const run = (dir: string, file: string) =>
  execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" }).trim();

function typecheck(dir: string, file: string, options: ts.CompilerOptions): string[] {
  const program = ts.createProgram([join(dir, file)], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    ...options,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const HANDLER = !hasEvents
  ? ""
  : `
import { fixtures } from "${NAME}/fixtures";
import { isWebhookEvent, parseWebhookEvent, type WebhookEvent } from "${NAME}";
import { signWebhookPayload } from "${NAME}/testing";
import { unwrapWebhookEvent, WebhookVerificationError } from "${NAME}/webhooks";

export function describeEvent(event: WebhookEvent): string {
  switch (event.type) {
    case ${JSON.stringify(A.name)}:
      return Object.keys(event.data).join(",");
    default:
      return event.type;
  }
}

export async function roundTrip(): Promise<string> {
  const signed = await signWebhookPayload(fixtures[${JSON.stringify(A.name)}], "${SECRET}");
  const event = await unwrapWebhookEvent(signed.body, signed.headers, "${SECRET}");
  if ("unknown" in event) throw new WebhookVerificationError("unknown_event_type", "unexpected");
  const parsed = parseWebhookEvent(fixtures[${JSON.stringify(B.name)}]);
  return [isWebhookEvent(fixtures[${JSON.stringify(C.name)}]), parsed.ok, describeEvent(event)].join(" ");
}
`;

describe.skipIf(!hasEvents)("the packed package", () => {
  it("ships the compiled code, types, schemas, fixtures and README, and not the TypeScript sources", () => {
    const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean);
    expect(listing).toEqual(
      expect.arrayContaining([
        "package/package.json",
        "package/README.md",
        "package/dist/esm/index.js",
        "package/dist/esm/index.d.ts",
        "package/dist/cjs/index.js",
        "package/dist/cjs/package.json",
        "package/schemas/webhook-event.json",
        `package/fixtures/${A.fileName}.json`,
      ]),
    );
    expect(listing.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
  });

  it("works from plain Node ESM: the root, every subpath and the JSON files", () => {
    const dir = consumer("node-esm", {
      "package.json": '{ "type": "module" }',
      "main.js": `
        import { ${A.guardName}, WEBHOOK_EVENT_TYPES } from "${NAME}";
        import { fixtures } from "${NAME}/fixtures";
        import { signWebhookPayload } from "${NAME}/testing";
        import { unwrapWebhookEvent } from "${NAME}/webhooks";
        import schema from "${NAME}/schemas/webhook-event.json" with { type: "json" };
        import fixture from "${NAME}/fixtures/${A.fileName}.json" with { type: "json" };
        const signed = await signWebhookPayload(fixture, "secret");
        const event = await unwrapWebhookEvent(signed.body, signed.headers, "secret");
        console.log(${A.guardName}(fixtures[${JSON.stringify(A.name)}]), WEBHOOK_EVENT_TYPES.length, schema.oneOf.length, event.type);`,
    });
    const count = model.events.length;
    expect(run(dir, "main.js")).toBe(`true ${count} ${count} ${A.name}`);
  });

  it("works from plain Node CommonJS", () => {
    const dir = consumer("node-cjs", {
      "package.json": '{ "type": "commonjs" }',
      "main.js": `
        const { isWebhookEvent, parseWebhookEvent } = require("${NAME}");
        const { fixtures } = require("${NAME}/fixtures");
        const { signWebhookPayload } = require("${NAME}/testing");
        const { unwrapWebhookEvent } = require("${NAME}/webhooks");
        const schema = require("${NAME}/schemas/${B.fileName}.json");
        (async () => {
          const signed = await signWebhookPayload(fixtures[${JSON.stringify(C.name)}], "secret");
          const event = await unwrapWebhookEvent(signed.body, signed.headers, "secret");
          console.log(isWebhookEvent(fixtures[${JSON.stringify(C.name)}]), parseWebhookEvent({}).ok, schema.title, event.type);
        })();`,
    });
    expect(run(dir, "main.js")).toBe(`true false ${B.typeName} ${C.name}`);
  });

  const settings: [string, string, ts.CompilerOptions][] = [
    [
      "TypeScript node16, ESM",
      '{ "type": "module" }',
      { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
    ],
    [
      "TypeScript node16, CommonJS",
      '{ "type": "commonjs" }',
      { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
    ],
    [
      "TypeScript bundler",
      '{ "type": "module" }',
      { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
    ],
  ];
  it.each(settings)("type-checks a handler that narrows on type under %s", (name, packageJson, options) => {
    const dir = consumer(name.replace(/\W+/g, "-"), { "package.json": packageJson, "handler.ts": HANDLER });
    expect(typecheck(dir, "handler.ts", options)).toEqual([]);
    const broken = consumer(`${name.replace(/\W+/g, "-")}-broken`, {
      "package.json": packageJson,
      "handler.ts": HANDLER.replace("Object.keys(event.data)", "Object.keys(event.data.no_such_field)"),
    });
    expect(typecheck(broken, "handler.ts", options).join("\n")).toMatch(/Property 'no_such_field' does not exist/);
  });

  it("runs a TypeScript handler compiled for CommonJS", () => {
    const dir = consumer("ts-cjs-run", { "package.json": '{ "type": "commonjs" }', "handler.ts": HANDLER });
    const js = ts.transpileModule(HANDLER, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(join(dir, "handler.js"), js);
    writeFileSync(join(dir, "main.js"), 'require("./handler.js").roundTrip().then(console.log);');
    expect(run(dir, "main.js")).toBe(`true true ${Object.keys(A.example.data as object).join(",")}`);
  });

  it("has no problems by arethetypeswrong (node16 and bundler resolution) and publint", async () => {
    // node16 profile: TypeScript's legacy node10 resolution cannot see subpath exports at all,
    // so the run uses that profile (it exits non-zero on any other problem) and the JSON report,
    // which still lists node10 findings, is read without them.
    const report = JSON.parse(
      execFileSync(
        process.execPath,
        [
          resolve("node_modules/@arethetypeswrong/cli/dist/index.js"),
          tarball,
          "--profile",
          "node16",
          "--format",
          "json",
        ],
        {
          encoding: "utf8",
        },
      ),
    ) as { problems: Record<string, { entrypoint: string; resolutionKind?: string }[]> };
    const problems = Object.values(report.problems).flat();
    expect(problems.filter((p) => p.resolutionKind !== "node10")).toEqual([]);
    expect(problems.filter((p) => p.entrypoint === ".")).toEqual([]);
    const { publint } = await import("publint");
    const dir = consumer("publint", {});
    const { messages } = await publint({ pkgDir: join(dir, "node_modules", NAME), strict: true });
    expect(messages).toEqual([]);
  });

  it("lets a bundle that imports one guard leave the rest of the package out", async () => {
    const dir = consumer("bundle", {
      "one.js": `import { ${A.guardName} } from "${NAME}"; console.log(${A.guardName}({}));`,
      "all.js": `import * as all from "${NAME}"; console.log(all);`,
    });
    const size = async (entry: string) =>
      (
        await build({
          entryPoints: [join(dir, entry)],
          bundle: true,
          minify: true,
          format: "esm",
          platform: "neutral",
          write: false,
          absWorkingDir: dir,
          logLevel: "silent",
        })
      ).outputFiles[0]!.text;
    const [one, all] = [await size("one.js"), await size("all.js")];
    expect(one).toContain(A.name);
    for (const other of model.events) if (other !== A) expect(one).not.toContain(JSON.stringify(other.name));
    expect(one).not.toContain("webhook-signature");
    expect(one.length / all.length).toBeLessThan(0.15);
  });
});

describe("generated/", () => {
  it("declares every subpath it ships", () => {
    expect(Object.keys(manifest.exports)).toEqual([
      ".",
      "./fixtures",
      "./webhooks",
      "./testing",
      "./schemas/*.json",
      "./fixtures/*.json",
      "./package.json",
    ]);
    expect(readdirSync("generated/schemas")).toHaveLength(model.events.length + 1);
  });
});
