/**
 * `npm run import -- <document> --spec <new spec file> [--allow-loss]`
 * Writes a new spec from an OpenAPI document's webhooks. Anything that cannot be mapped is listed
 * by JSON pointer; then nothing is written unless --allow-loss says to go ahead without it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { commandFlags } from "../generator/command-line.js";
import { importOpenApi } from "../generator/upstream/import.js";
import { SPEC_SCHEMA_PATH } from "../generator/validate.js";

const USAGE = "Usage: npm run import -- <openapi document> --spec <new spec file> [--allow-loss]";
const { values, positionals } = commandFlags(USAGE, ["--spec", "--allow-loss"], () =>
  parseArgs({
    allowPositionals: true,
    options: { spec: { type: "string" }, "allow-loss": { type: "boolean", default: false } },
  }),
);
const [document] = positionals;
if (!document || !values.spec) {
  console.error(USAGE);
  process.exit(2);
}
if (existsSync(values.spec)) {
  console.error(
    `${values.spec} exists; import writes a new spec: choose another --spec (or docs:sync an existing one)`,
  );
  process.exit(1);
}
try {
  const source = relative(dirname(resolve(values.spec)), resolve(document))
    .split("\\")
    .join("/");
  const { spec, losses, notes, problems } = importOpenApi(readFileSync(document, "utf8"), source);
  for (const note of notes) console.log(`note: ${note}`);
  for (const loss of losses) console.error(`lost: ${document}#${loss.pointer} ${loss.reason}`);
  if (losses.length > 0 && !values["allow-loss"]) {
    console.error(
      `${losses.length} part(s) of ${document} cannot be carried into the spec (above); nothing was written. Run again with --allow-loss to write the spec without them.`,
    );
    process.exit(1);
  }
  const text = `# yaml-language-server: $schema=${relative(dirname(resolve(values.spec)), SPEC_SCHEMA_PATH)
    .split("\\")
    .join("/")}
#
# Imported from ${document} by npm run import. Review the package name, descriptions and examples,
# ${spec.signing ? "and signing: (found from the headers the document declares)" : "add signing: if the sender signs its requests"}, then run npm run generate.
${stringify(spec, { lineWidth: 0 })}`;
  // Import validated the spec (events it refused are losses above); what is left is not one event's.
  if (problems.length > 0) {
    console.error(
      `Nothing was written: the imported spec would not be valid:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
    process.exit(1);
  }
  writeFileSync(values.spec, text);
  console.log(
    `Wrote ${values.spec}: ${(spec.events as unknown[]).length} events${losses.length > 0 ? `, ${losses.length} part(s) left out` : ""}. Next: ${nextCommand(values.spec)}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

/**
 * The command that generates the new spec's package into a folder of its own: never the
 * repository's generated/, which holds another catalogue's package (the generator would replace it).
 */
function nextCommand(specFile: string): string {
  const stem = basename(specFile).replace(/\.[^.]*$/, "") || "catalogue";
  return `npm run generate -- --spec ${specFile} --out ${stem}-package`;
}
