/**
 * The spec as written in `spec/events.yaml`, once it has passed validation.
 * Mirrors `spec/events.schema.json`; `composeEventSchema` is the one place that says how
 * the envelope and an event combine into the event's full shape.
 */

export type JsonType = "string" | "integer" | "number" | "boolean" | "null" | "object" | "array";
export type Scalar = string | number | boolean | null;

/**
 * A value's shape: JSON Schema 2020-12 in the subset `generator/keywords/` implements, one module
 * per keyword (family). The spec format's schema lists the same keywords; anything else is refused.
 */
export interface ShapeSpec {
  title?: string;
  description?: string;
  default?: unknown;
  examples?: unknown[];
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  type?: JsonType | JsonType[];
  const?: Scalar;
  enum?: Scalar[];
  "x-extensible-enum"?: string[];
  format?: string;
  properties?: Record<string, ShapeSpec>;
  required?: string[];
  additionalProperties?: ShapeSpec | boolean;
  patternProperties?: Record<string, ShapeSpec>;
  minProperties?: number;
  maxProperties?: number;
  items?: ShapeSpec;
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
  anyOf?: ShapeSpec[];
  oneOf?: ShapeSpec[];
  allOf?: ShapeSpec[];
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
  /** Shared, named shapes: `$ref: "#/$defs/Name"` points at one. */
  $defs?: Record<string, ShapeSpec>;
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

/** The full shape of one event: the envelope's fields, then `type` fixed to the event's name, then `data`. */
export function composeEventSchema(envelope: Spec["envelope"], event: EventSpec): ShapeSpec {
  const properties: Record<string, ShapeSpec> = {};
  for (const [key, shape] of Object.entries(envelope.properties)) {
    const own = event.envelope?.[key];
    if (typeof own === "object") properties[key] = own;
    else {
      const description = own ?? shape.description;
      properties[key] = description === undefined ? shape : { ...shape, description };
    }
  }
  properties.type = {
    type: "string",
    const: event.name,
    description: event.type_description ?? `The type of the event. Always \`${event.name}\`.`,
  };
  properties.data = event.data;
  return {
    type: "object",
    description: event.description,
    required: [...(event.envelope_required ?? envelope.required ?? []), "type", "data"],
    properties,
  };
}
