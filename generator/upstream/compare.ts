import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { LoadedSpec } from "../load.js";
import { toShape } from "../shape.js";
import { composeEventSchema, type EventSpec, type ShapeSpec, type Spec } from "../spec.js";
import { fieldsOfShape, normalizeText, schemaPathOf, type Catalogue, type CatalogueEvent } from "./catalogue.js";

/** One way the spec and an upstream document disagree. */
export interface Difference {
  event: string;
  /** `(event)`, `description`, `example`, a field path, or a field path with `.type`, `.required`, `.description`. */
  field: string;
  /** For a field: its path, and which of its aspects differs (none: the field is on one side only). */
  path?: string;
  aspect?: "type" | "required" | "description";
  spec?: unknown;
  upstream?: unknown;
  specLine?: number;
  upstreamLine?: number;
  /** Ties an acceptance to what upstream says now: a new upstream change is a new difference. */
  fingerprint: string;
}

type Path = (string | number)[];

/** The body an event's sender delivers, as the spec describes it: the whole event, or (header-named) the payload. */
function bodyOf(spec: Spec, event: EventSpec): ShapeSpec {
  const composed = composeEventSchema(spec.envelope, event, spec.layout);
  // composeEventSchema writes the payload as a shape, never `true` or `false`.
  return spec.layout ? (composed.properties!.payload as ShapeSpec) : composed;
}

/**
 * Where a field of an event's body is written in the spec: in the event's data shape, or in the
 * envelope every event shares (`shared`); undefined for what the layout fixes (`type`, the action).
 */
export function specPathOf(spec: Spec, index: number, field: string): { at: Path; shared: boolean } | undefined {
  const event = spec.events[index]!;
  const head = field.split(".")[0]!.replace(/\[\]$/, "");
  const rest = field.slice(field.split(".")[0]!.length + 1);
  const inEnvelope = (name: string) => Object.hasOwn(spec.envelope.properties ?? {}, name);
  if (spec.layout) {
    if (Object.hasOwn(event.data.properties ?? {}, head) || !(inEnvelope(head) || head === spec.layout.action_field))
      return { at: ["events", index, "data", ...schemaPathOf(field)], shared: false };
    return inEnvelope(head) ? { at: ["envelope", ...schemaPathOf(field)], shared: true } : undefined;
  }
  if (head === "type") return undefined;
  if (head === "data")
    return { at: ["events", index, "data", ...(rest === "" ? [] : schemaPathOf(rest))], shared: false };
  return { at: ["envelope", ...schemaPathOf(field)], shared: true };
}

/** The spec in the catalogue form, with the lines of its events, shared shapes and fields. */
export function specCatalogue(spec: Spec, loaded: LoadedSpec): Catalogue {
  const events = spec.events.map((event, i): CatalogueEvent => {
    const fields = fieldsOfShape(toShape(bodyOf(spec, event)));
    for (const [path, field] of fields) {
      const at = specPathOf(spec, i, path);
      if (at) field.line = loaded.locate(at.at).line;
    }
    return {
      name: event.name,
      description: event.description,
      fields,
      example: event.example,
      line: loaded.locate(["events", i, "name"]).line,
      exampleLine: loaded.locate(["events", i, "example"]).line,
    };
  });
  const types = Object.entries(spec.$defs ?? {}).map(([name, shape]): CatalogueEvent => {
    const fields = fieldsOfShape(toShape(shape));
    for (const [path, field] of fields) field.line = loaded.locate(["$defs", name, ...schemaPathOf(path)]).line;
    return {
      name,
      ...(typeof shape === "object" && shape.description !== undefined && { description: shape.description }),
      fields,
      line: loaded.locate(["$defs", name]).line,
    };
  });
  return { file: loaded.file, events, types, notes: [] };
}

/** How a difference in a shared shape is named: `$defs/Name`, as the spec writes its place. */
export const TYPE_PREFIX = "$defs/";

/**
 * Every difference between the spec and an upstream document: events, their descriptions, fields
 * and examples; and the shared shapes upstream names (a shape only the spec names is its own
 * choice of naming, not a difference).
 */
export function compareCatalogues(spec: Catalogue, upstream: Catalogue): Difference[] {
  const out = compareEntries(spec.events, upstream.events, "");
  const upstreamTypes = new Set((upstream.types ?? []).map((t) => t.name));
  const specTypes = (spec.types ?? []).filter((t) => upstreamTypes.has(t.name));
  out.push(...compareEntries(specTypes, upstream.types ?? [], TYPE_PREFIX));
  return out;
}

function compareEntries(
  specEntries: CatalogueEvent[],
  upstreamEntries: CatalogueEvent[],
  prefix: string,
): Difference[] {
  const out: Difference[] = [];
  const add = (d: Omit<Difference, "fingerprint">) => {
    out.push({
      ...d,
      fingerprint: createHash("sha256")
        .update(JSON.stringify([d.event, d.field, d.upstream ?? null]))
        .digest("hex")
        .slice(0, 12),
    });
  };
  const ours = new Map(specEntries.map((e) => [e.name, e]));
  const theirs = new Map(upstreamEntries.map((e) => [e.name, e]));

  for (const key of [...new Set([...ours.keys(), ...theirs.keys()])].sort()) {
    const s = ours.get(key);
    const u = theirs.get(key);
    const name = prefix + key;
    if (!s || !u) {
      add({
        event: name,
        field: "(event)",
        ...(s ? { spec: "present", specLine: s.line } : { upstream: "present", upstreamLine: u!.line }),
      });
      continue;
    }
    if (u.description !== undefined && normalizeText(u.description) !== normalizeText(s.description)) {
      add({
        event: name,
        field: "description",
        spec: s.description,
        upstream: u.description,
        specLine: s.line,
        upstreamLine: u.line,
      });
    }
    for (const path of [...new Set([...s.fields.keys(), ...u.fields.keys()])]) {
      const sf = s.fields.get(path);
      const uf = u.fields.get(path);
      const lines = {
        ...(sf?.line !== undefined && { specLine: sf.line }),
        ...(uf?.line !== undefined && { upstreamLine: uf.line }),
      };
      if (!uf) {
        // A source that only shows `data` by example says nothing of fields its example leaves out.
        if (!(u.inferredData && path.startsWith("data.") && !sf!.required))
          add({ event: name, field: path, path, spec: sf!.type, ...lines });
        continue;
      }
      if (!sf) {
        add({ event: name, field: path, path, upstream: uf.type, ...lines });
        continue;
      }
      if (sf.type !== uf.type)
        add({ event: name, field: `${path}.type`, path, aspect: "type", spec: sf.type, upstream: uf.type, ...lines });
      if (uf.required !== undefined && sf.required !== uf.required)
        add({
          event: name,
          field: `${path}.required`,
          path,
          aspect: "required",
          spec: sf.required,
          upstream: uf.required,
          ...lines,
        });
      if (uf.description && normalizeText(uf.description) !== normalizeText(sf.description)) {
        add({
          event: name,
          field: `${path}.description`,
          path,
          aspect: "description",
          spec: sf.description,
          upstream: uf.description,
          ...lines,
        });
      }
    }
    if (u.example !== undefined && !isDeepStrictEqual(u.example, s.example)) {
      add({
        event: name,
        field: "example",
        spec: s.example,
        upstream: u.example,
        ...(s.exampleLine !== undefined && { specLine: s.exampleLine }),
        ...(u.exampleLine !== undefined && { upstreamLine: u.exampleLine }),
      });
    }
  }
  return out;
}
