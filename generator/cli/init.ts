/**
 * `webhook-event-codegen init [--spec FILE] [--out DIR] [--from DOCUMENT [--allow-loss]]`
 * Scaffolds a catalogue into the repository in the working directory: a minimal spec (or one
 * imported from a document), a `generate` script in its package.json and a CI job. Nothing of the
 * user's is overwritten: a file that exists is kept and said, a `generate` script is never replaced.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { importDocument } from "../api.js";
import { SPEC_SCHEMA_PATH } from "../validate.js";
import { SPEC_FLAG, type Command } from "./command.js";
import { whyNotWritten } from "./import.js";

export const WORKFLOW = ".github/workflows/webhook-events.yml";

export const initCommand: Command = {
  name: "init",
  summary: "start a catalogue in this repository: a spec, a generate script and a CI job",
  usage: `Usage: webhook-event-codegen init [--spec FILE] [--out DIR] [--from DOCUMENT [--allow-loss]]

  --spec FILE        the spec to start (default: spec/events.yaml)
  --out DIR          where generate will write the package (default: generated)
  --from DOCUMENT    import the spec from an OpenAPI document's webhooks instead of a one-event example
  --allow-loss       with --from: write the spec even when parts of the document cannot be carried in
  --help, -h         show this

Writes, in the working directory, only what is not there yet: FILE, a "generate" script in
package.json and ${WORKFLOW} (running generate --check and docs check).
Exit codes: 0 done (files that existed are kept and listed); 1 the import was refused; 2 a usage mistake.`,
  flags: {
    ...SPEC_FLAG,
    out: { type: "string", default: "generated" },
    from: { type: "string" },
    "allow-loss": { type: "boolean", default: false },
  },
  async run(values) {
    const spec = values.spec as string;
    const out = values.out as string;
    const from = values.from as string | undefined;
    const flags = `${spec === "spec/events.yaml" ? "" : ` --spec ${spec}`}${out === "generated" ? "" : ` --out ${out}`}`;
    const specFlag = spec === "spec/events.yaml" ? "" : ` --spec ${spec}`;

    let wrote = false;
    if (existsSync(spec)) console.log(`kept    ${spec}: it exists (init never writes over a file)`);
    else if (from) {
      const imported = importDocument({ document: from, spec, allowLoss: values["allow-loss"] === true });
      for (const loss of imported.losses) console.error(`lost: ${from}#${loss.pointer} ${loss.reason}`);
      if (!imported.written) {
        console.error(whyNotWritten(imported, from));
        return 1;
      }
      console.log(`wrote   ${spec}: ${imported.events} events imported from ${from}`);
      wrote = true;
    } else {
      writeNew(spec, minimalSpec(spec));
      console.log(`wrote   ${spec}: one example event; package and envelope take their defaults`);
      wrote = true;
    }

    wrote = addGenerateScript(`webhook-event-codegen generate${flags}`) || wrote;

    if (existsSync(WORKFLOW)) console.log(`kept    ${WORKFLOW}: it exists`);
    else {
      writeNew(WORKFLOW, workflow(`generate${flags} --check`, `docs check${specFlag}`));
      console.log(`wrote   ${WORKFLOW}: CI runs generate --check and docs check`);
      wrote = true;
    }
    console.log(
      wrote
        ? `\nNext: npm run generate, then commit ${spec} and ${out}/.`
        : "Nothing to do: everything init writes is here.",
    );
    return 0;
  },
};

/** Adds `scripts.generate` to ./package.json, keeping its indentation; never replaces one. True when added. */
function addGenerateScript(command: string): boolean {
  if (!existsSync("package.json")) {
    console.log(`skipped package.json: there is none here; run generate with npx ${command}`);
    return false;
  }
  const text = readFileSync("package.json", "utf8");
  const manifest = JSON.parse(text) as { scripts?: Record<string, string> };
  const existing = manifest.scripts?.generate;
  if (existing !== undefined) {
    const same = existing === command;
    console.log(
      same
        ? `kept    package.json: its generate script is ${command} already`
        : `kept    package.json: it has a generate script ("${existing}"), not replaced; add one running ${command} under another name if you like`,
    );
    return false;
  }
  manifest.scripts = { ...manifest.scripts, generate: command };
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? "  ";
  writeFileSync("package.json", `${JSON.stringify(manifest, null, indent)}\n`);
  console.log(`added   package.json: scripts.generate = ${command}`);
  return true;
}

/** Writes a file that does not exist yet (the flag makes the write itself refuse one that appeared). */
function writeNew(file: string, text: string): void {
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, text, { flag: "wx" });
}

/** A spec as small as a valid one gets, with the editor-completion reference to the installed schema. */
export function minimalSpec(specFile: string): string {
  const schema = relative(dirname(resolve(specFile)), SPEC_SCHEMA_PATH)
    .split("\\")
    .join("/");
  return `# yaml-language-server: $schema=${schema}
#
# Your webhook events: \`npm run generate\` turns this file into a typed, runtime-checked package.
# Left out, with their defaults: package: { name: webhook-events, version: 0.1.0 } and envelope:
# (no fields: each event is { type, data }). Add them, signing: and more events as you need.
events:
  - name: order.created
    description: Sent when an order is placed.
    data:
      type: object
      required: [id, total]
      properties:
        id: { type: string, description: The order's ID. }
        total: { type: integer, description: The amount in cents. }
    example: { type: order.created, data: { id: ord_1, total: 1250 } }
`;
}

function workflow(generate: string, docsCheck: string): string {
  return `# Written by webhook-event-codegen init: the generated package must match the spec, and the spec
# its upstream documents (if it names any). Regenerate with npm run generate and commit the result.
name: webhook events
on: [push, pull_request]
jobs:
  webhook-events:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - run: npx webhook-event-codegen ${generate}
      - run: npx webhook-event-codegen ${docsCheck}
`;
}
