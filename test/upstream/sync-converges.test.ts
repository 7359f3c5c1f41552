import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument, type YAMLSeq } from "yaml";
import { loadSpec } from "../../generator/load.js";
import { checkUpstreams, formatReport } from "../../generator/upstream/check.js";
import { syncSpec } from "../../generator/upstream/sync.js";
import { validateSpec } from "../../generator/validate.js";
import { tempDir } from "../helpers.js";

// docs:sync converges in one run: after upstream adds events, one sync brings everything in
// (the event, its data shape and every wording upstream gives, data's own included), and a second
// run changes no byte. Both readers: the reference page (data shown by example) and OpenAPI.

/** docs:sync in-process, written as the script writes it; the spec's text before and after. */
function sync(specFile: string, from: string) {
  const check = checkUpstreams(specFile, from);
  const before = readFileSync(specFile, "utf8");
  const outcome = syncSpec(before, check.spec, check.results[0]!);
  validateSpec(loadSpec(specFile, outcome.text));
  writeFileSync(specFile, outcome.text);
  return { ...outcome, before, after: outcome.text, check };
}

/** The frozen OpenAI catalogue with every event removed: to upstream, each is an added event. */
function withoutEvents(): string {
  const dir = tempDir();
  cpSync(resolve("test/fixtures/openai"), dir, { recursive: true });
  const spec = join(dir, "events.yaml");
  const doc = parseDocument(readFileSync(spec, "utf8"));
  (doc.get("events") as YAMLSeq).items.length = 0;
  // The acceptances were for events that are gone now.
  for (const upstream of (doc.get("upstream") as YAMLSeq).items) (upstream as any).delete("accepted");
  writeFileSync(spec, doc.toString());
  return spec;
}

describe.each(["page", "openapi"])("docs:sync --from %s after upstream added events", (from) => {
  it("brings every event in with one run, data's wording included; a second run changes no byte", () => {
    const spec = withoutEvents();
    const first = sync(spec, from);
    const upstream = first.check.results[0]!.catalogue;
    expect(first.applied).toEqual(expect.arrayContaining(upstream.events.map((e) => `${e.name}: added from ${from}`)));
    // Everything upstream says, the spec now says (but for what needs a human: the shared envelope).
    const after = checkUpstreams(spec, from);
    const left = after.results[0]!.unaccepted.filter(
      (d) => !first.forHumans.some((h) => h.startsWith(`${d.event} ${d.field}:`)),
    );
    expect(left, formatReport(after)).toEqual([]);
    for (const event of upstream.events) {
      const wording = event.fields.get("data")?.description;
      const added = after.spec.events.find((e) => e.name === event.name)!;
      if (wording !== undefined) expect(added.data.description).toBe(wording.trim());
    }
    const second = sync(spec, from);
    expect(second.applied).toEqual([]);
    expect(second.after).toBe(first.after);
  });
});
