/**
 * The spec as written in `spec/events.yaml`, once it has passed validation.
 * Mirrors `spec/events.schema.json`; `composeEventSchema` is the one place that says how
 * the envelope and an event combine into the event's full shape.
 */

export type JsonType = "string" | "integer" | "number" | "boolean" | "null" | "object" | "array";
export type Scalar = string | number | boolean | null;
/** Any JSON value (`const` and `enum` take objects and arrays too, compared by value). */
export type JsonValue = Scalar | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * A value's shape: JSON Schema 2020-12 in the subset `generator/keywords/` implements, one module
 * per keyword (family). The spec format's schema lists the same keywords; anything else is refused.
 */
/**
 * A schema where JSON Schema allows one: a shape, or `true` (any value) or `false` (no value).
 * An event's `data`, the envelope's fields and their per-event overrides are always shapes.
 */
export type SchemaSpec = ShapeSpec | boolean;

export interface ShapeSpec {
  title?: string;
  description?: string;
  default?: unknown;
  examples?: unknown[];
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  type?: JsonType | JsonType[];
  const?: JsonValue;
  enum?: JsonValue[];
  "x-extensible-enum"?: string[];
  format?: string;
  properties?: Record<string, SchemaSpec>;
  required?: string[];
  additionalProperties?: SchemaSpec;
  patternProperties?: Record<string, SchemaSpec>;
  minProperties?: number;
  maxProperties?: number;
  items?: SchemaSpec;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  anyOf?: SchemaSpec[];
  oneOf?: SchemaSpec[];
  allOf?: SchemaSpec[];
  $ref?: string;
}

export interface EventSpec {
  name: string;
  description: string;
  /** Per-event envelope fields: a description (string) or a shape that replaces the envelope's. */
  envelope?: Record<string, string | ShapeSpec>;
  /** Replaces the envelope's `required` for this event. */
  envelope_required?: string[];
  /** The description of this event's `type` field. */
  type_description?: string;
  id_field?: string;
  id_prefix?: string;
  data: ShapeSpec;
  example: Record<string, unknown>;
}

export interface Spec {
  package: {
    name: string;
    version: string;
    description?: string;
    reference_url?: string;
    license?: string;
    repository?: string;
    homepage?: string;
    keywords?: string[];
  };
  envelope: { id_prefix?: string; required?: string[]; properties: Record<string, ShapeSpec> };
  /** Where the event's name travels; absent: in the body's `type`. */
  layout?: Layout;
  /** Shared, named shapes: `$ref: "#/$defs/Name"` points at one. */
  $defs?: Record<string, SchemaSpec>;
  options?: { check_formats?: boolean };
  signing?: {
    scheme: SigningScheme;
    secret_env: string;
    tolerance_seconds?: number;
    /** The signature header, for the one-header schemes. */
    header?: string;
    /** What stands before the hex signature, for `hmac-sha256`. */
    prefix?: string;
  };
  upstream?: UpstreamSpec[];
  events: EventSpec[];
}

export type SigningScheme = "standard-webhooks" | "hmac-sha256" | "timestamped-hmac-sha256";

export interface UpstreamSpec {
  name: string;
  format: "reference-page" | "openapi";
  file: string;
  /** Where it is published: `docs:fetch` downloads it into `file`. */
  url?: string;
  accepted?: { event: string; field: string; fingerprint: string; reason: string }[];
}

export const DEFAULT_ID_FIELD = "id";
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Where an event's name travels. By default in the body (`type`, with the event's own fields under
 * `data`). With `name_header`, in a request header: the body is the payload (`data` in the spec
 * describes it), `action_field` names the body field that says what happened (`issues.opened` is
 * the header value `issues` and the action `opened`), and `id_header` carries a delivery ID.
 */
export interface Layout {
  name_header: string;
  action_field?: string;
  id_header?: string;
}

/** An event's name split as a header-named catalogue sends it: the header value, and the action if any. */
export function splitName(name: string, layout: Layout): { headerValue: string; action?: string } {
  const dot = name.indexOf(".");
  if (layout.action_field === undefined || dot === -1) return { headerValue: name };
  return { headerValue: name.slice(0, dot), action: name.slice(dot + 1) };
}

/** The envelope's fields as this event words or shapes them. */
function envelopeProperties(envelope: Spec["envelope"], event: EventSpec): Record<string, ShapeSpec> {
  const properties: Record<string, ShapeSpec> = {};
  for (const [key, shape] of Object.entries(envelope.properties)) {
    const own = event.envelope?.[key];
    if (typeof own === "object") properties[key] = own;
    else {
      const description = own ?? shape.description;
      properties[key] = description === undefined ? shape : { ...shape, description };
    }
  }
  return properties;
}

/**
 * The full shape of one event. Body layout: the envelope's fields, then `type` fixed to the event's
 * name, then `data`. Header layout: `{ id?, name, payload }`, the payload being the envelope's fields,
 * the action field fixed to the event's action, and the event's `data` shape.
 */
export function composeEventSchema(envelope: Spec["envelope"], event: EventSpec, layout?: Layout): ShapeSpec {
  const required = event.envelope_required ?? envelope.required ?? [];
  if (layout) {
    const { headerValue, action } = splitName(event.name, layout);
    const payload: ShapeSpec = {
      ...event.data,
      properties: {
        ...envelopeProperties(envelope, event),
        ...(action !== undefined && {
          [layout.action_field!]: {
            type: "string",
            const: action,
            description: `What happened. Always \`${action}\`.`,
          },
        }),
        ...event.data.properties,
      },
      required: [
        ...new Set([
          ...required,
          ...(action !== undefined ? [layout.action_field!] : []),
          ...(event.data.required ?? []),
        ]),
      ],
    };
    return {
      type: "object",
      description: event.description,
      required: [...(layout.id_header ? ["id"] : []), "name", "payload"],
      properties: {
        ...(layout.id_header && {
          id: { type: "string", description: `The delivery ID, from the \`${layout.id_header}\` header.` },
        }),
        name: {
          type: "string",
          const: headerValue,
          description:
            event.type_description ??
            `The event's name, from the \`${layout.name_header}\` header. Always \`${headerValue}\`.`,
        },
        payload,
      },
    };
  }
  const properties = envelopeProperties(envelope, event);
  properties.type = {
    type: "string",
    const: event.name,
    description: event.type_description ?? `The type of the event. Always \`${event.name}\`.`,
  };
  properties.data = event.data;
  return {
    type: "object",
    description: event.description,
    required: [...required, "type", "data"],
    properties,
  };
}

/** The event as the package hands it over: the spec's example, wrapped as `{ id?, name, payload }` in header layout. */
export function composeExample(event: EventSpec, layout?: Layout): Record<string, unknown> {
  if (!layout) return event.example;
  return {
    ...(layout.id_header && { id: "00000000-0000-0000-0000-000000000000" }),
    name: splitName(event.name, layout).headerValue,
    payload: event.example,
  };
}

/** What a spec that leaves out `package` or `envelope` gets (spec/events.schema.json says the same). */
export const DEFAULT_PACKAGE = { name: "webhook-events", version: "0.1.0" } as const;

/**
 * The spec with the defaults of the parts a minimal spec may leave out: `package` (its name and
 * version) and `envelope` (no fields: an event is `{ type, data }`). Anything not a map is left as
 * it is, for validation to report. Returns a new object; the loaded data stays as written.
 */
export function withDefaults(data: unknown): unknown {
  if (!isMap(data)) return data;
  const pkg = data.package ?? {};
  const envelope = data.envelope ?? {};
  return {
    ...data,
    package: isMap(pkg) ? { ...DEFAULT_PACKAGE, ...pkg } : pkg,
    envelope: isMap(envelope) ? { properties: {}, ...envelope } : envelope,
  };
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
