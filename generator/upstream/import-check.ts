/**
 * The events of an imported spec that the generator's own validation refuses, each with its
 * problems (paths relative to the event): import leaves those events out, as losses, rather than
 * refusing the whole spec for one of them. Problems outside the events are the caller's to report.
 */
import { stringify } from "yaml";
import { SpecError } from "../errors.js";
import { loadSpec } from "../load.js";
import { validateSpec } from "../validate.js";

export function refusedEvents(spec: Record<string, unknown>): Map<number, string[]> {
  const refused = new Map<number, string[]>();
  try {
    validateSpec(loadSpec("imported.yaml", stringify(spec, { lineWidth: 0 })));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    for (const problem of error.problems) {
      const m = /^events\[(\d+)\]\.?(.*)$/.exec(problem.path);
      if (!m) continue;
      const index = Number(m[1]);
      refused.set(index, [...(refused.get(index) ?? []), `${m[2] ? `${m[2]} ` : ""}${problem.message}`]);
    }
  }
  return refused;
}
