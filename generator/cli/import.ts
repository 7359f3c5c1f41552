/** `webhook-event-codegen import <document> --spec FILE [--allow-loss]`: a new spec from an OpenAPI document. */
import { importDocument, nextGenerateCommand, type ImportResult } from "../api.js";
import { UsageError, type Command } from "./command.js";

export const importCommand: Command = {
  name: "import",
  summary: "write a new spec from an OpenAPI document's webhooks",
  usage: `Usage: webhook-event-codegen import <openapi document> --spec FILE [--allow-loss]

  --spec FILE   the new spec to write (never over an existing file)
  --allow-loss  write the spec even when parts of the document cannot be carried into it
  --help, -h    show this

Anything that cannot be mapped is listed by JSON pointer; then nothing is written unless --allow-loss.
Exit codes: 0 written; 1 nothing written (the spec exists, losses, an invalid result); 2 a usage mistake.`,
  flags: { spec: { type: "string" }, "allow-loss": { type: "boolean", default: false } },
  positionals: { min: 1, max: 1, names: "an OpenAPI document" },
  async run(values, [document]) {
    const spec = values.spec as string | undefined;
    if (!spec) throw new UsageError("import needs --spec FILE: the new spec to write");
    const result = importDocument({ document: document!, spec, allowLoss: values["allow-loss"] === true });
    for (const note of result.notes) console.log(`note: ${note}`);
    for (const loss of result.losses) console.error(`lost: ${document}#${loss.pointer} ${loss.reason}`);
    if (!result.written) {
      console.error(whyNotWritten(result, document!));
      return 1;
    }
    const lost = result.losses.length > 0 ? `, ${result.losses.length} part(s) left out` : "";
    console.log(`Wrote ${spec}: ${result.events} events${lost}. Next: ${nextGenerateCommand(spec)}`);
    return 0;
  },
};

/** Why an import wrote nothing: the spec it made is invalid, or parts of the document would be lost. */
export function whyNotWritten(result: ImportResult, document: string): string {
  return result.problems.length > 0
    ? `Nothing was written: the imported spec would not be valid:\n${result.problems.map((p) => `  ${p}`).join("\n")}`
    : `${result.losses.length} part(s) of ${document} cannot be carried into the spec (above); nothing was written. Run again with --allow-loss to write the spec without them.`;
}
