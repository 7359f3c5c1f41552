/**
 * The spec as written in `spec/events.yaml`, once it has passed validation.
 * Mirrors `spec/events.schema.json`; `composeEventSchema` is the one place that says how
 * the envelope and an event combine into the event's full shape.
 */

export type JsonType = "string" | "integer" | "number" | "boolean" | "null" | "object" | "array";
export type Scalar = string | number | boolean | null;

/** A value's shape: the subset of JSON Schema the generator supports. */
export interface ShapeSpec {
  description?: string;
  type?: JsonType | JsonType[];
  const?: Scalar;
  enum?: Scalar[];
  properties?: Record<string, ShapeSpec>;
  required?: string[];
  additionalProperties?: ShapeSpec;
  items?: ShapeSpec;
}

export interface EventSpec {
  name: string;
  description: string;
  /** Per-event descriptions of envelope fields. */
  envelope?: Record<string, string>;
  id_field?: string;
  id_prefix: string;
  data: ShapeSpec;
  example: Record<string, unknown>;
}

export interface Spec {
  package: { name: string; version: string; description?: string; reference_url?: string };
  envelope: { id_prefix: string; required?: string[]; properties: Record<string, ShapeSpec> };
  signing?: { scheme: "standard-webhooks"; secret_env: string; tolerance_seconds?: number };
  upstream?: UpstreamSpec[];
  events: EventSpec[];
}

export interface UpstreamSpec {
  name: string;
  format: "reference-page" | "openapi";
  file: string;
  accepted?: { event: string; field: string; fingerprint: string; reason: string }[];
}

export const DEFAULT_ID_FIELD = "id";
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** The full shape of one event: the envelope's fields, then `type` fixed to the event's name, then `data`. */
export function composeEventSchema(envelope: Spec["envelope"], event: EventSpec): ShapeSpec {
  const properties: Record<string, ShapeSpec> = {};
  for (const [key, shape] of Object.entries(envelope.properties)) {
    const description = event.envelope?.[key] ?? shape.description;
    properties[key] = description === undefined ? shape : { ...shape, description };
  }
  properties.type = {
    type: "string",
    const: event.name,
    description: `The type of the event. Always \`${event.name}\`.`,
  };
  properties.data = event.data;
  return {
    type: "object",
    description: event.description,
    required: [...(envelope.required ?? []), "type", "data"],
    properties,
  };
}
