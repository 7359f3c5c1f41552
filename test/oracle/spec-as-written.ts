/**
 * A spec's events as JSON Schema, read from the YAML as written (with the `yaml` package, `$defs`
 * kept, nothing of the generator's loader or model used), for the oracles that judge the generator.
 * How an event is put together (envelope, `type`, `data`; or `{ id, name, payload }` with a header
 * layout) follows the README's words, written again here so that a mistake in the generator's own
 * composition cannot hide in the oracle too.
 */
import { isMap, isScalar, parseDocument, visit } from "yaml";

export type Schema = Record<string, any>;

export interface WrittenEvent {
  name: string;
  /** The whole event as JSON Schema, with the spec's `$defs` beside it. */
  schema: Schema;
  /** The event with what does not decide validity taken out (annotations, the event's own name): equal for events of one shape. */
  shapeKey: string;
}

export interface WrittenSpec {
  /** The spec's text as the generator is given it: the same text the oracle read. */
  text: string;
  checkFormats: boolean;
  layout?: { name_header: string; action_field?: string; id_header?: string };
  events: WrittenEvent[];
}

/** Keywords that never decide whether a value is valid (JSON Schema's annotations; `x-*` extensions). */
const ANNOTATIONS = new Set(["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly"]);

/**
 * Reads a spec. `__proto__` properties are taken out of the text first (out of `properties` and
 * `required`): ajv 8 checks no property of that name, so it cannot judge them; how the guards
 * treat them is tested in shapes.test.ts and corpus.test.ts.
 */
export function readWritten(yamlText: string): WrittenSpec {
  const doc = parseDocument(yamlText);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "__proto__") return visit.REMOVE;
      return undefined;
    },
    Seq(_, seq) {
      const index = seq.items.findIndex((item) => isScalar(item) && item.value === "__proto__");
      if (index !== -1) seq.items.splice(index, 1);
    },
  });
  if (!isMap(doc.contents)) throw new Error("a spec is a mapping");
  const text = doc.toString();
  const spec = parseDocument(text).toJS() as Schema;
  const defs = (spec.$defs ?? {}) as Record<string, Schema>;
  const events = (spec.events as Schema[]).map((event): WrittenEvent => {
    const { schema: composed, namePlaces } = compose(spec, event);
    const schema = { ...composed, ...(Object.keys(defs).length > 0 && { $defs: defs }) };
    const key = shapeKey(schema, namePlaces, defs, spec.options?.check_formats === true);
    return { name: event.name, schema, shapeKey: key };
  });
  return { text, checkFormats: spec.options?.check_formats === true, layout: spec.layout, events };
}

/** The envelope's fields as this event has them: a string rewords one, a shape replaces it. */
function envelopeOf(spec: Schema, event: Schema): Schema {
  const out: Schema = {};
  for (const [key, shape] of Object.entries(spec.envelope?.properties ?? {})) {
    const own = event.envelope?.[key];
    out[key] = typeof own === "object" && own !== null ? own : shape;
  }
  return out;
}

/** The event's schema, and where it holds the event's name (or its parts) as a `const`. */
function compose(spec: Schema, event: Schema): { schema: Schema; namePlaces: string[][] } {
  const required: string[] = event.envelope_required ?? spec.envelope?.required ?? [];
  const envelope = envelopeOf(spec, event);
  if (!spec.layout)
    return {
      schema: {
        type: "object",
        required: [...required, "type", "data"],
        properties: { ...envelope, type: { type: "string", const: event.name }, data: event.data },
      },
      namePlaces: [["properties", "type"]],
    };
  // Header layout: the name travels in a header, the body is the payload, and the envelope's
  // fields (and the action, for names of two or more segments) join the payload's own.
  const { name_header: _, action_field: actionField, id_header: idHeader } = spec.layout;
  const dot = (event.name as string).indexOf(".");
  const headerValue = actionField !== undefined && dot !== -1 ? event.name.slice(0, dot) : event.name;
  const action = actionField !== undefined && dot !== -1 ? event.name.slice(dot + 1) : undefined;
  const data = event.data as Schema;
  const payload: Schema = {
    ...data,
    properties: {
      ...envelope,
      ...(action !== undefined && { [actionField]: { type: "string", const: action } }),
      ...data.properties,
    },
    required: [...new Set([...required, ...(action !== undefined ? [actionField] : []), ...(data.required ?? [])])],
  };
  return {
    schema: {
      type: "object",
      required: [...(idHeader ? ["id"] : []), "name", "payload"],
      properties: {
        ...(idHeader && { id: { type: "string" } }),
        name: { type: "string", const: headerValue },
        payload,
      },
    },
    namePlaces: [
      ["properties", "name"],
      ...(action !== undefined ? [["properties", "payload", "properties", actionField]] : []),
    ],
  };
}

/** JSON with keys sorted: equal values give equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Schema)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/**
 * What makes two events' shapes the same: the schema without annotations and extensions (and
 * formats, unless checked), with the event's own name (its header value and action, in a header
 * layout) made a placeholder, and the shared shapes it reaches. Under `properties` the keys are
 * names, not keywords, and are kept.
 */
function shapeKey(schema: Schema, namePlaces: string[][], defs: Record<string, Schema>, checkFormats: boolean): string {
  const named = structuredClone(schema);
  for (const place of namePlaces) {
    const parent = place.slice(0, -1).reduce((node, key) => node[key], named);
    parent[place.at(-1)!] = { const: "<the event's name>" };
  }
  const reached = new Set<string>();
  const strip = (node: unknown, inNames = false): unknown => {
    if (Array.isArray(node)) return node.map((n) => strip(n));
    if (typeof node !== "object" || node === null) return node;
    const out: Schema = {};
    for (const [key, value] of Object.entries(node)) {
      if (inNames) out[key] = strip(value);
      else if (ANNOTATIONS.has(key) || key.startsWith("x-") || (key === "format" && !checkFormats)) continue;
      else if (key === "$defs") continue;
      else if (key === "$ref" && typeof value === "string") {
        const target = value.replace(/^#\/\$defs\//, "");
        if (!reached.has(target) && defs[target]) {
          reached.add(target);
          reachedDefs.set(target, strip(defs[target]));
        }
        out[key] = value;
      } else out[key] = strip(value, key === "properties" || key === "patternProperties");
    }
    return out;
  };
  const reachedDefs = new Map<string, unknown>();
  const body = strip(named);
  return canonical({ body, defs: Object.fromEntries(reachedDefs) });
}

/** The `x-*` keywords a schema uses, for ajv, which refuses unknown keywords in strict mode. */
export function extensionsIn(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) extensionsIn(s, out);
  else if (typeof schema === "object" && schema !== null)
    for (const [key, value] of Object.entries(schema)) {
      if (key.startsWith("x-")) out.add(key);
      extensionsIn(value, out);
    }
  return out;
}
