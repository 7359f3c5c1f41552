import { isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from "yaml";
import { JSON_TYPES, jsonTypeOf } from "../shape.js";
import type { JsonType, ShapeSpec, Spec } from "../spec.js";
import { normalizeText, schemaPathOf, type CatalogueEvent } from "./catalogue.js";
import type { UpstreamResult } from "./check.js";
import { specPathOf, TYPE_PREFIX, type Difference } from "./compare.js";
import { spliceEdits } from "./yaml-splice.js";

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
export function syncSpec(specText: string, spec: Spec, result: UpstreamResult): SyncOutcome {
  const doc = parseDocument(specText);
  const applied: string[] = [];
  const forHumans: string[] = [];
  const from = result.source.name;
  const upstreamEvent = (name: string) => result.catalogue.events.find((e) => e.name === name)!;
  const upstreamType = (name: string) => result.catalogue.types!.find((e) => e.name === name)!;

  for (const d of result.unaccepted) {
    const what = `${d.event} ${d.field}`;
    if (d.event.startsWith(TYPE_PREFIX)) {
      const name = d.event.slice(TYPE_PREFIX.length);
      const type = upstreamType(name);
      if (d.field === "(event)") {
        doc.setIn(["$defs", name], doc.createNode(type.body));
        applied.push(`${d.event}: added from ${from}`);
      } else if (d.field === "description") {
        doc.setIn(["$defs", name, "description"], d.upstream);
        applied.push(`${what}: updated`);
      } else syncField(doc, d, ["$defs", name, ...schemaPathOf(d.path!)], type, what, applied, forHumans);
      continue;
    }
    const i = spec.events.findIndex((e) => e.name === d.event);
    if (d.field === "(event)") {
      if (d.upstream !== undefined) {
        const { node, notes } = newEvent(doc, spec, upstreamEvent(d.event));
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
      doc.setIn(["events", i, "description"], d.upstream);
      applied.push(`${what}: updated`);
      continue;
    }
    if (d.field === "example") {
      doc.setIn(["events", i, "example"], doc.createNode(d.upstream));
      applied.push(`${what}: replaced by ${from}'s`);
      continue;
    }
    const place = specPathOf(spec, i, d.path!);
    if (!place) {
      forHumans.push(`${what}: the layout fixes this field; ${from} says ${JSON.stringify(d.upstream)}`);
    } else if (place.shared) {
      // The envelope is shared; an event may only word its fields its own way.
      if (d.aspect === "description" && !d.path!.includes(".")) {
        doc.setIn(["events", i, "envelope", d.path!], d.upstream);
        applied.push(`${what}: set for this event under envelope`);
      } else
        forHumans.push(
          `${what}: the envelope is shared by every event; change it by hand if it should change (${from} says ${JSON.stringify(d.upstream)})`,
        );
    } else if (place.at.length === 3) {
      // The data shape itself: its wording is synced, its type and presence are the layout's.
      if (d.aspect === "description") {
        doc.setIn([...place.at, "description"], d.upstream);
        applied.push(`${what}: updated`);
      } else forHumans.push(`${what}: ${from} says ${JSON.stringify(d.upstream)}; change the data shape by hand`);
    } else syncField(doc, d, place.at, upstreamEvent(d.event), what, applied, forHumans);
  }
  // Only what changed is rewritten; should that ever fail its check, the whole document is printed
  // as people write YAML (no padding inside [ ], no folding), and said.
  const spliced = applied.length + forHumans.length > 0 ? spliceEdits(specText, doc) : specText;
  if (spliced === null)
    forHumans.push("the spec's formatting could not be kept around the changes; it was printed anew: review its diff");
  return { text: spliced ?? doc.toString({ flowCollectionPadding: false, lineWidth: 0 }), applied, forHumans };
}

/** One field of a shape (an event's data or a shared shape) made to say what upstream says. */
function syncField(
  doc: Document,
  d: Difference,
  shapePath: Path,
  upstream: CatalogueEvent,
  what: string,
  applied: string[],
  forHumans: string[],
): void {
  const parent = shapePath.slice(0, -2);
  const key = String(shapePath.at(-1));
  // A field inside one this sync already removed went with it.
  if (!doc.hasIn(parent)) return;
  const declared = shapeAt(upstream.body, d.path!) ?? plainShape(d.upstream);
  if (d.aspect === "description") {
    doc.setIn([...shapePath, "description"], d.upstream);
    applied.push(`${what}: updated`);
  } else if (d.aspect === "required") {
    setRequired(doc, parent, key, d.upstream === true);
    applied.push(`${what}: now ${d.upstream ? "required" : "optional"}`);
  } else if (d.upstream !== undefined && !declared) {
    forHumans.push(`${what}: ${JSON.stringify(d.upstream)} upstream, a shape the sync cannot write; change it by hand`);
  } else if (d.aspect === "type") {
    // The field's whole upstream shape: its type may come with keywords (a reference, a union).
    const node = doc.getIn(shapePath, true) as YAMLMap | undefined;
    for (const keyword of ["type", "$ref", "anyOf", "oneOf", "allOf", "enum", "const"])
      if (node?.has?.(keyword) && !Object.hasOwn(declared!, keyword)) node.delete(keyword);
    for (const [keyword, value] of Object.entries(declared!))
      if (keyword !== "description" && keyword !== "properties" && keyword !== "items")
        doc.setIn([...shapePath, keyword], doc.createNode(value));
    forHumans.push(
      `${what}: changed from ${JSON.stringify(d.spec)} to ${JSON.stringify(d.upstream)}; check handlers that read it`,
    );
  } else if (d.upstream !== undefined) {
    doc.setIn(shapePath, doc.createNode(declared));
    if (upstream.fields.get(d.path!)?.required) setRequired(doc, parent, key, true);
    applied.push(`${what}: added`);
  } else {
    doc.deleteIn(shapePath);
    setRequired(doc, parent, key, false);
    applied.push(`${what}: removed`);
  }
}

/** A shape for a field type a reader gave as JSON types only (`string or null`). */
function plainShape(type: unknown): ShapeSpec | undefined {
  const types = typeof type === "string" ? type.split(" or ") : [];
  if (types.length === 0 || !types.every((t) => (JSON_TYPES as readonly string[]).includes(t))) return undefined;
  return { type: types.length === 1 ? (types[0] as JsonType) : (types as JsonType[]) };
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

/** The upstream's declared shape at a field path, where it declares one. */
function shapeAt(body: ShapeSpec | undefined, field: string): ShapeSpec | undefined {
  let shape: unknown = body;
  for (const key of schemaPathOf(field)) shape = (shape as Record<string, unknown> | undefined)?.[key];
  return shape as ShapeSpec | undefined;
}

/** A new spec entry for an upstream event, and what a maintainer should check in it. */
function newEvent(doc: Document, spec: Spec, event: CatalogueEvent): { node: YAMLMap; notes: string[] } {
  const notes: string[] = [];
  const example = event.example as Record<string, unknown> | undefined;
  const exampleData = spec.layout ? example : (example?.data as Record<string, unknown> | undefined);
  const declared = spec.layout ? event.body : event.body?.properties?.data;
  const data = declared ?? (exampleData && worded(inferShape(exampleData), event, spec.layout ? "" : "data"));
  if (!data) notes.push("upstream gives neither a data shape nor an example; write the data shape by hand");
  if (event.description === undefined) notes.push("upstream gives no description; write one");
  // Envelope fields this event words its own way, as its upstream entry does.
  const envelope = Object.fromEntries(
    Object.entries(spec.envelope.properties ?? {}).flatMap(([name, shape]) => {
      const theirs = event.fields.get(name)?.description;
      return theirs && normalizeText(theirs) !== normalizeText(shape.description) ? [[name, theirs]] : [];
    }),
  );
  const entry: Record<string, unknown> = {
    name: event.name,
    description: event.description ?? event.name,
    ...(Object.keys(envelope).length > 0 && { envelope }),
  };
  if (!spec.layout) {
    // The ID the event points at: `id`, or else the first string that looks like a prefixed ID.
    const ids = Object.entries(exampleData ?? {}).filter(([, v]) => typeof v === "string" && /^[A-Za-z0-9]+_/.test(v));
    const [idField, idValue] = ids.find(([k]) => k === "id") ?? ids[0] ?? [];
    if (idField === undefined)
      notes.push("no prefixed ID in the example: set id_field and id_prefix by hand if it has one");
    else {
      const idPrefix = /^[A-Za-z0-9]+_/.exec(String(idValue))![0];
      notes.push(`guessed id_prefix ${JSON.stringify(idPrefix)} from data.${idField}; check it`);
      if (idField !== "id") entry.id_field = idField;
      entry.id_prefix = idPrefix;
    }
  }
  if (data) entry.data = data;
  if (example !== undefined) entry.example = example;
  const node = doc.createNode(entry) as YAMLMap;
  node.commentBefore = " Added by docs:sync; review it.";
  return { node, notes };
}

/**
 * A shape inferred from an example, with the wording upstream gives its fields (the reference page
 * describes `data` itself): written in the same run, so a second sync has nothing left to bring.
 */
function worded(shape: ShapeSpec, event: CatalogueEvent, prefix: string): ShapeSpec {
  for (const [path, field] of event.fields) {
    if (field.description === undefined) continue;
    const rest =
      prefix === ""
        ? path
        : path === prefix
          ? ""
          : path.startsWith(`${prefix}.`)
            ? path.slice(prefix.length + 1)
            : undefined;
    if (rest === undefined) continue;
    const at = (rest === "" ? [] : schemaPathOf(rest)).reduce<Record<string, unknown> | undefined>(
      (node, key) => node?.[key] as Record<string, unknown> | undefined,
      shape as Record<string, unknown>,
    );
    if (at && at.description === undefined) at.description = field.description;
  }
  return shape;
}

/** A shape that fits an example, for sources that show `data` only by example. */
function inferShape(value: unknown): ShapeSpec {
  const type = jsonTypeOf(value) as JsonType;
  if (type === "object") {
    const properties = Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, inferShape(v)]));
    return { type, required: Object.keys(properties), properties };
  }
  if (type === "array")
    return (value as unknown[]).length > 0 ? { type, items: inferShape((value as unknown[])[0]) } : { type };
  return { type };
}
