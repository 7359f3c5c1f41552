/**
 * The intermediate representation every emitter reads: typed, normalized and sorted.
 * Emitters never see the YAML; everything they need is here, named as it will be emitted.
 */
import {
  dataTypeName,
  eventTypeName,
  guardName,
  resourceOf,
  resourceTypeName,
  standardSchemaName,
  validatorName,
} from "./names.js";
import { toShape, type Shape } from "./shape.js";
import { composeEventSchema, DEFAULT_ID_FIELD, DEFAULT_TOLERANCE_SECONDS, type ShapeSpec, type Spec } from "./spec.js";

export type { JsonType, Scalar } from "./spec.js";
export type { Property, Shape } from "./shape.js";

export interface EventModel {
  /** The `type` literal: `fine_tuning.job.succeeded`. */
  name: string;
  description: string;
  /** The event's interface: `FineTuningJobSucceededWebhookEvent`. */
  typeName: string;
  /** Its `data` interface: `FineTuningJobSucceededWebhookEventData`. */
  dataTypeName: string;
  guardName: string;
  validatorName: string;
  /** Its validator as a Standard Schema: `ResponseCompletedWebhookEventSchema`. */
  standardSchemaName: string;
  /** Base name of the files generated for this event. */
  fileName: string;
  resource: string;
  /** The data field holding the ID of the object the event points at, and that ID's prefix. */
  idField: string;
  idPrefix: string;
  /** The whole event: envelope fields, `type` and `data`. */
  shape: Shape;
  /** The same, as the JSON Schema it was written in (json-schema-to-typescript reads this). */
  schema: ShapeSpec;
  example: Readonly<Record<string, unknown>>;
}

export interface ResourceModel {
  /** `fine_tuning.job` */
  name: string;
  /** `FineTuningJobWebhookEvent` */
  typeName: string;
  /** Its events, sorted by name. */
  events: readonly EventModel[];
}

export interface CatalogueModel {
  /** The spec's path as generated files name it, relative to the output folder. */
  source: string;
  package: { name: string; version: string; description: string; referenceUrl?: string };
  eventIdPrefix: string;
  /** Present when the spec declares how requests are signed. */
  signing?: { scheme: "standard-webhooks"; secretEnv: string; toleranceSeconds: number };
  /** Sorted by name, so the output does not depend on the order of the spec. */
  events: readonly EventModel[];
  /** Sorted by name. */
  resources: readonly ResourceModel[];
}

export function buildModel(spec: Spec, source: string): CatalogueModel {
  const events = spec.events
    .map((event): EventModel => {
      const schema = composeEventSchema(spec.envelope, event);
      return {
        name: event.name,
        description: event.description,
        typeName: eventTypeName(event.name),
        dataTypeName: dataTypeName(event.name),
        guardName: guardName(event.name),
        validatorName: validatorName(event.name),
        standardSchemaName: standardSchemaName(event.name),
        fileName: event.name,
        resource: resourceOf(event.name),
        idField: event.id_field ?? DEFAULT_ID_FIELD,
        idPrefix: event.id_prefix,
        shape: toShape(schema),
        schema,
        example: event.example,
      };
    })
    .sort((a, b) => compareNames(a.name, b.name));

  const byResource = new Map<string, EventModel[]>();
  for (const event of events) byResource.set(event.resource, [...(byResource.get(event.resource) ?? []), event]);
  const resources = [...byResource]
    .map(([name, members]) => ({ name, typeName: resourceTypeName(name), events: members }))
    .sort((a, b) => compareNames(a.name, b.name));

  return {
    source,
    package: {
      name: spec.package.name,
      version: spec.package.version,
      description: spec.package.description ?? "",
      ...(spec.package.reference_url && { referenceUrl: spec.package.reference_url }),
    },
    eventIdPrefix: spec.envelope.id_prefix,
    ...(spec.signing && {
      signing: {
        scheme: spec.signing.scheme,
        secretEnv: spec.signing.secret_env,
        toleranceSeconds: spec.signing.tolerance_seconds ?? DEFAULT_TOLERANCE_SECONDS,
      },
    }),
    events,
    resources,
  };
}

/** Code-unit order, not locale order: the same on every machine. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
