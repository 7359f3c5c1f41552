import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { LoadedSpec } from "../load.js";
import { toShape } from "../shape.js";
import { composeEventSchema, type Spec } from "../spec.js";
import { fieldsOfShape, normalizeText, schemaPathOf, type Catalogue, type CatalogueEvent } from "./catalogue.js";

/** One way the spec and an upstream document disagree. */
export interface Difference {
  event: string;
  /** `(event)`, `description`, `example`, a field path, or a field path with `.type`, `.required`, `.description`. */
  field: string;
  spec?: unknown;
  upstream?: unknown;
  specLine?: number;
  upstreamLine?: number;
  /** Ties an acceptance to what upstream says now: a new upstream change is a new difference. */
  fingerprint: string;
}

/** The spec in the catalogue form, with the lines of its events and fields. */
export function specCatalogue(spec: Spec, loaded: LoadedSpec): Catalogue {
  const events = spec.events.map((event, i): CatalogueEvent => {
    const fields = fieldsOfShape(toShape(composeEventSchema(spec.envelope, event)));
    for (const [path, field] of fields) {
      const [head, ...rest] = path.split(".");
      const at =
        head === "data" ? ["events", i, "data", ...schemaPathOf(rest.join("."))] : ["envelope", "properties", head!];
      field.line = loaded.locate(at).line;
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
  return { file: loaded.file, events, notes: [] };
}

export function compareCatalogues(spec: Catalogue, upstream: Catalogue): Difference[] {
  const out: Difference[] = [];
  const add = (d: Omit<Difference, "fingerprint">) =>
    out.push({
      ...d,
      fingerprint: createHash("sha256")
        .update(JSON.stringify([d.event, d.field, d.upstream ?? null]))
        .digest("hex")
        .slice(0, 12),
    });
  const ours = new Map(spec.events.map((e) => [e.name, e]));
  const theirs = new Map(upstream.events.map((e) => [e.name, e]));

  for (const name of [...new Set([...ours.keys(), ...theirs.keys()])].sort()) {
    const s = ours.get(name);
    const u = theirs.get(name);
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
          add({ event: name, field: path, spec: sf!.type, ...lines });
        continue;
      }
      if (!sf) {
        add({ event: name, field: path, upstream: uf.type, ...lines });
        continue;
      }
      if (sf.type !== uf.type) add({ event: name, field: `${path}.type`, spec: sf.type, upstream: uf.type, ...lines });
      if (uf.required !== undefined && sf.required !== uf.required)
        add({ event: name, field: `${path}.required`, spec: sf.required, upstream: uf.required, ...lines });
      if (uf.description && normalizeText(uf.description) !== normalizeText(sf.description)) {
        add({ event: name, field: `${path}.description`, spec: sf.description, upstream: uf.description, ...lines });
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
