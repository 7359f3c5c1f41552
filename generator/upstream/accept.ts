/**
 * `docs accept`: records one event's reviewed differences under every upstream that has them, in
 * one edit of the spec's YAML that keeps its comments and formatting (see yaml-splice.ts). An
 * acceptance that no longer matches (upstream changed again) is renewed in place, keeping its reason.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLSeq } from "yaml";
import type { CheckResult } from "./check.js";
import { spliceEdits } from "./yaml-splice.js";

export interface Acceptance {
  /** The upstream's name, as the spec names it. */
  upstream: string;
  field: string;
  fingerprint: string;
  reason: string;
  /** True when it replaced an acceptance of the same field that upstream had outgrown. */
  renewed: boolean;
}

export interface AcceptOutcome {
  text: string;
  recorded: Acceptance[];
  /** Set when the formatting could not be kept around the change and the spec was printed anew. */
  reprinted: boolean;
}

/**
 * The spec's text with `event`'s unaccepted differences accepted, for every upstream in `check`.
 * `reason` may be left out only where each difference renews an acceptance that already has one;
 * the caller gets `missingReason` listing those that need it.
 */
export function acceptEvent(
  specText: string,
  check: CheckResult,
  event: string,
  reason: string | undefined,
): AcceptOutcome | { missingReason: string[] } {
  const doc = parseDocument(specText);
  const recorded: Acceptance[] = [];
  const missingReason: string[] = [];
  const upstreams = (check.spec.upstream ?? []).map((u) => u.name);
  for (const result of check.results) {
    const index = upstreams.indexOf(result.source.name);
    for (const d of result.unaccepted.filter((u) => u.event === event)) {
      const staleAt = (result.source.accepted ?? []).findIndex(
        (a) => a.event === event && a.field === d.field && result.stale.includes(a),
      );
      const previous = staleAt === -1 ? undefined : result.source.accepted![staleAt]!;
      const said = reason ?? previous?.reason;
      if (said === undefined) {
        missingReason.push(`${result.source.name}: ${event} ${d.field}`);
        continue;
      }
      const entry = { event, field: d.field, fingerprint: d.fingerprint, reason: said };
      if (previous) {
        // Renewed in place: the scalars keep their quoting, the entry its style and position.
        const at = ["upstream", index, "accepted", staleAt];
        setScalar(doc, [...at, "fingerprint"], d.fingerprint);
        if (reason !== undefined) setScalar(doc, [...at, "reason"], reason);
      } else {
        const list = doc.getIn(["upstream", index, "accepted"]);
        if (isSeq(list)) {
          // In the style of the list's last item: a flow map `{ event: ..., ... }` stays one.
          const node = doc.createNode(entry);
          const last = (list as YAMLSeq).items.at(-1);
          if (isMap(last) && last.flow) node.flow = true;
          (list as YAMLSeq).add(node);
        } else if (isMap(doc.getIn(["upstream", index])))
          doc.setIn(["upstream", index, "accepted"], doc.createNode([entry]));
      }
      recorded.push({
        upstream: result.source.name,
        field: d.field,
        fingerprint: d.fingerprint,
        reason: said,
        renewed: !!previous,
      });
    }
  }
  if (missingReason.length > 0) return { missingReason };
  const spliced = recorded.length > 0 ? spliceEdits(specText, doc) : specText;
  return {
    text: spliced ?? doc.toString({ flowCollectionPadding: false, lineWidth: 0 }),
    recorded,
    reprinted: spliced === null,
  };
}

function setScalar(doc: Document, path: (string | number)[], value: string): void {
  const node = doc.getIn(path, true);
  if (isScalar(node)) node.value = value;
  else doc.setIn(path, value);
}
