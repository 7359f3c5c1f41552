/**
 * The events of an imported spec that the generator's own validation refuses, each with its
 * problems (paths relative to the event): import leaves those events out, as losses, rather than
 * refusing the whole spec for one of them. Problems outside the events are the caller's to report;
 * this is the one validation an import runs (the import script writes what passed it).
 */
import { stringify } from "yaml";
import { SpecError } from "../errors.js";
import { loadSpec } from "../load.js";
import { validateSpec } from "../validate.js";

export function refusedEvents(spec: Record<string, unknown>): {
  refused: Map<number, string[]>;
  /** The problems outside any event (`path message`), when there are any. */
  others: string[];
} {
  const refused = new Map<number, string[]>();
  const others: string[] = [];
  try {
    validateSpec(loadSpec("imported.yaml", stringify(spec, { lineWidth: 0 })));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    for (const problem of error.problems) {
      const m = /^events\[(\d+)\]\.?(.*)$/.exec(problem.path);
      if (!m) others.push(`${problem.path ? `${problem.path} ` : ""}${problem.message}`);
      else {
        const index = Number(m[1]);
        refused.set(index, [...(refused.get(index) ?? []), `${m[2] ? `${m[2]} ` : ""}${problem.message}`]);
      }
    }
  }
  return { refused, others };
}
