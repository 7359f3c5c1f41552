import { isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from "yaml";
import { jsonTypeOf } from "../shape.js";
import type { ShapeSpec } from "../spec.js";
import { schemaPathOf, type CatalogueEvent } from "./catalogue.js";
import type { UpstreamResult } from "./check.js";

export interface SyncOutcome {
  /** The spec's new text: comments, order and hand-written parts kept. */
  text: string;
  applied: string[];
  /** What the sync could not decide: for a maintainer to look at. */
  forHumans: string[];
}

type Path = (string | number)[];

/**
 * Brings one upstream's unaccepted differences into the spec's YAML through the `yaml` Document
 * API, so everything the sync does not touch stays exactly as it was written.
 */
export function syncSpec(specText: string, result: UpstreamResult): SyncOutcome {
  const doc = parseDocument(specText);
  const applied: string[] = [];
  const forHumans: string[] = [];
  const from = result.source.name;
  const names = () => (doc.get("events") as YAMLSeq<YAMLMap>).items.map((item) => String(item.get("name")));
  const indexOf = (event: string) => names().indexOf(event);
  const upstreamEvent = (name: string) => result.catalogue.events.find((e) => e.name === name)!;

  for (const d of result.unaccepted) {
    const i = indexOf(d.event);
    const at = (...rest: Path): Path => ["events", i, ...rest];
    const what = `${d.event} ${d.field}`;
    if (d.field === "(event)") {
      if (d.upstream !== undefined) {
        const { node, notes } = newEvent(doc, upstreamEvent(d.event));
        (doc.get("events") as YAMLSeq).add(node);
        applied.push(`${d.event}: added from ${from}`);
        forHumans.push(...notes.map((n) => `${d.event}: ${n}`));
      } else {
        const item = (doc.get("events") as YAMLSeq<YAMLMap>).items[i]!;
        const mark = ` Not in ${from} as of the last docs:sync: remove this event, or accept the difference.`;
        if (!item.commentBefore?.includes(mark))
          item.commentBefore = item.commentBefore ? `${item.commentBefore}\n${mark}` : mark;
        forHumans.push(`${d.event}: gone from ${from}; marked in the spec, not removed`);
      }
      continue;
    }
    if (d.field === "description") {
      doc.setIn(at("description"), d.upstream);
      applied.push(`${what}: updated`);
      continue;
    }
    if (d.field === "example") {
      doc.setIn(at("example"), doc.createNode(d.upstream));
      applied.push(`${what}: replaced by ${from}'s`);
      continue;
    }
    const match = /^(.*?)(?:\.(type|required|description))?$/.exec(d.field)!;
    const [field, aspect] = [match[1]!, match[2]];
    if (!field.startsWith("data.")) {
      if (aspect === "description" && field !== "type" && !field.includes(".")) {
        doc.setIn(at("envelope", field), d.upstream);
        applied.push(`${what}: set for this event under envelope`);
      } else
        forHumans.push(
          `${what}: the envelope is shared by every event; change it by hand if it should change (${from} says ${JSON.stringify(d.upstream)})`,
        );
      continue;
    }
    const shapePath = at("data", ...schemaPathOf(field.slice("data.".length)));
    const parent = shapePath.slice(0, -2);
    const key = String(shapePath.at(-1));
    const declared = upstreamShapeAt(upstreamEvent(d.event), field);
    // A field inside one this sync already removed went with it.
    if (!doc.hasIn(parent)) continue;
    if (aspect === "description") {
      doc.setIn([...shapePath, "description"], d.upstream);
      applied.push(`${what}: updated`);
    } else if (aspect === "type") {
      doc.setIn([...shapePath, "type"], declared?.type ?? d.upstream);
      forHumans.push(
        `${what}: changed from ${JSON.stringify(d.spec)} to ${JSON.stringify(d.upstream)}; check handlers that read it`,
      );
    } else if (aspect === "required") {
      setRequired(doc, parent, key, d.upstream === true);
      applied.push(`${what}: now ${d.upstream ? "required" : "optional"}`);
    } else if (d.upstream !== undefined) {
      doc.setIn(shapePath, doc.createNode(declared ?? { type: String(d.upstream) }));
      if (upstreamEvent(d.event).fields.get(field)?.required) setRequired(doc, parent, key, true);
      applied.push(`${what}: added`);
    } else {
      doc.deleteIn(shapePath);
      setRequired(doc, parent, key, false);
      applied.push(`${what}: removed`);
    }
  }
  // As people write YAML: no padding inside [ ], no folding of long lines.
  return { text: doc.toString({ flowCollectionPadding: false, lineWidth: 0 }), applied, forHumans };
}

function setRequired(doc: Document, shapePath: Path, key: string, required: boolean): void {
  const list = doc.getIn([...shapePath, "required"]) as YAMLSeq | undefined;
  const has = isSeq(list) && list.items.some((item) => String((item as { value?: unknown }).value ?? item) === key);
  if (required && !has) {
    if (isSeq(list)) list.add(doc.createNode(key));
    else doc.setIn([...shapePath, "required"], doc.createNode([key]));
  } else if (!required && has) {
    const index = list!.items.findIndex((item) => String((item as { value?: unknown }).value ?? item) === key);
    list!.delete(index);
  }
}

/** The upstream's declared shape of a data field, where it declares one. */
function upstreamShapeAt(event: CatalogueEvent, field: string): ShapeSpec | undefined {
  let shape = event.data as ShapeSpec | undefined;
  for (const part of field.slice(5).split(".")) {
    shape = part.endsWith("[]") ? shape?.properties?.[part.slice(0, -2)]?.items : shape?.properties?.[part];
  }
  return shape;
}

/** A new spec entry for an upstream event, and what a maintainer should check in it. */
function newEvent(doc: Document, event: CatalogueEvent): { node: YAMLMap; notes: string[] } {
  const notes: string[] = [];
  const example = event.example as { data?: Record<string, unknown> } | undefined;
  const data = event.data ?? (example?.data !== undefined ? inferShape(example.data) : undefined);
  if (!data) notes.push("upstream gives neither a data shape nor an example; write the data shape by hand");
  // The ID the event points at: `id`, or else the first string that looks like a prefixed ID.
  const ids = Object.entries(example?.data ?? {}).filter(([, v]) => typeof v === "string" && /^[A-Za-z0-9]+_/.test(v));
  const [idField, idValue] = ids.find(([k]) => k === "id") ?? ids[0] ?? [];
  const idPrefix = typeof idValue === "string" ? /^[A-Za-z0-9]+_/.exec(idValue)![0] : "todo_";
  if (idField === undefined) notes.push("no prefixed ID in the example: set id_field and id_prefix by hand");
  else notes.push(`guessed id_prefix ${JSON.stringify(idPrefix)} from data.${idField}; check it`);
  const createdAt = event.fields.get("created_at")?.description;
  const entry = {
    name: event.name,
    description: event.description ?? "",
    ...(createdAt && { envelope: { created_at: createdAt } }),
    ...(idField !== undefined && idField !== "id" && { id_field: idField }),
    id_prefix: idPrefix,
    ...(data && { data }),
    ...(example !== undefined && { example }),
  };
  const node = doc.createNode(entry) as YAMLMap;
  node.commentBefore = " Added by docs:sync; review it.";
  return { node, notes };
}

/** A shape that fits an example, for sources that show `data` only by example. */
function inferShape(value: unknown): ShapeSpec {
  const type = jsonTypeOf(value) as ShapeSpec["type"] & string;
  if (type === "object") {
    const properties = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, inferShape(v)]));
    return { type, required: Object.keys(properties), properties };
  }
  if (type === "array")
    return (value as unknown[]).length > 0 ? { type, items: inferShape((value as unknown[])[0]) } : { type };
  return { type };
}
