/**
 * Nested object shapes with a `title` become shared shapes of their own, as the official SDKs name
 * them (`SipHeader`): one exported interface, validator and guard, instead of an anonymous inline
 * type. The same title on two different shapes, or on a shape unlike the `$defs` entry of that
 * name, is a problem; the same shape under the same title is shared.
 */
import { formatPath, type DataPath } from "./errors.js";
import { defTypeName } from "./names.js";
import type { SchemaSpec, ShapeSpec, Spec } from "./spec.js";

export interface NamingProblem {
  path: DataPath;
  message: string;
}

/** The spec with titled nested objects moved to `$defs` and referred to there; and any naming problem. */
export function nameTitledShapes(spec: Spec): {
  spec: Spec;
  problems: NamingProblem[];
  /** Where each shared shape is declared: its `$defs` entry or the titled shape. */
  origins: Map<string, DataPath>;
} {
  const defs: Record<string, SchemaSpec> = { ...spec.$defs };
  const owners = new Map<string, { key: string; json: string; path: DataPath }>();
  for (const [key, def] of Object.entries(defs))
    owners.set(defTypeName(key), { key, json: JSON.stringify(def), path: ["$defs", key] });
  const problems: NamingProblem[] = [];

  const rewrite = <S extends SchemaSpec>(shape: S, path: DataPath, root: boolean): S | ShapeSpec => {
    // `true` and `false` hold nothing to name.
    if (typeof shape !== "object") return shape;
    const out: ShapeSpec = { ...shape };
    const each = (record: Record<string, SchemaSpec> | undefined, key: "properties" | "patternProperties") =>
      record && Object.fromEntries(Object.entries(record).map(([k, v]) => [k, rewrite(v, [...path, key, k], false)]));
    if (shape.properties) out.properties = each(shape.properties, "properties");
    if (shape.patternProperties) out.patternProperties = each(shape.patternProperties, "patternProperties");
    if (typeof shape.additionalProperties === "object")
      out.additionalProperties = rewrite(shape.additionalProperties, [...path, "additionalProperties"], false);
    if (shape.items) out.items = rewrite(shape.items, [...path, "items"], false);
    for (const kind of ["anyOf", "oneOf", "allOf"] as const)
      if (shape[kind]) out[kind] = shape[kind]!.map((s, i) => rewrite(s, [...path, kind, i], false));
    const isObject = [shape.type].flat().join() === "object" && shape.properties !== undefined;
    if (root || shape.title === undefined || !isObject) return out;

    const name = typeNameOfTitle(shape.title);
    if (name === undefined) {
      problems.push({
        path: [...path, "title"],
        message: `${JSON.stringify(shape.title)} cannot name a type: use letters and digits, starting with a letter, such as SipHeader`,
      });
      return out;
    }
    const json = JSON.stringify(out);
    const owner = owners.get(name);
    if (owner && owner.json !== json) {
      problems.push({
        path: [...path, "title"],
        message: `names the type ${name}, which ${formatPath(owner.path, (i) => spec.events?.[i]?.name)} already gives to a different shape; rename one, or make them the same`,
      });
      return out;
    }
    const key = owner?.key ?? name;
    if (!owner) {
      defs[key] = out;
      owners.set(name, { key, json, path });
    }
    return { $ref: `#/$defs/${key}`, ...(shape.description !== undefined && { description: shape.description }) };
  };

  // Validation runs this on specs with problems elsewhere too: only well-formed shapes are read.
  const isShape = (value: unknown): value is ShapeSpec =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  const events = spec.events.map((event, i) =>
    isShape(event?.data) ? { ...event, data: rewrite(event.data, ["events", i, "data"], true) } : event,
  );
  for (const [key, def] of Object.entries(spec.$defs ?? {}))
    if (isShape(def)) defs[key] = rewrite(def, ["$defs", key], true);
  const named = Object.keys(defs).length > 0 ? { ...spec, $defs: defs, events } : { ...spec, events };
  const origins = new Map([...owners.values()].map((o) => [o.key, o.path]));
  return { spec: named, problems, origins };
}

/** `SIP header` → `SipHeader`; undefined when the title has no usable letters. */
export function typeNameOfTitle(title: string): string | undefined {
  const words = title.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  return /^[A-Za-z][A-Za-z0-9]*$/.test(name) ? name : undefined;
}
