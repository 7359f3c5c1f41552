/**
 * The intermediate representation every emitter reads: typed, normalized and sorted.
 * Emitters never see the YAML; everything they need is here, named as it will be emitted.
 */
import {
  dataTypeName,
  defFileName,
  defGuardName,
  defTypeName,
  defValidatorName,
  eventTypeName,
  guardName,
  resourceOf,
  resourceTypeName,
  standardSchemaName,
  validatorName,
} from "./names.js";
import { nameTitledShapes } from "./named-shapes.js";
import { childrenOf, toShape, type Shape } from "./shape.js";
import {
  composeEventSchema,
  composeExample,
  splitName,
  DEFAULT_ID_FIELD,
  DEFAULT_TOLERANCE_SECONDS,
  type SigningScheme,
  type Spec,
} from "./spec.js";

export type { JsonType, Scalar } from "./spec.js";
export type { Property, Shape } from "./shape.js";

export interface EventModel {
  /** The `type` literal: `fine_tuning.job.succeeded`. */
  name: string;
  description: string;
  /** The event's interface: `FineTuningJobSucceededWebhookEvent`. */
  typeName: string;
  /** Its `data` (or, header-named, `payload`) interface: `FineTuningJobSucceededWebhookEventData`. */
  dataTypeName: string;
  /** Header-named catalogues: the value of the name header (`issues` for `issues.opened`). */
  headerValue?: string;
  guardName: string;
  validatorName: string;
  /** Its validator as a Standard Schema: `ResponseCompletedWebhookEventSchema`. */
  standardSchemaName: string;
  /** Base name of the files generated for this event. */
  fileName: string;
  resource: string;
  /** The data field holding the ID of the object the event points at, and that ID's prefix. */
  idField: string;
  idPrefix?: string;
  /** The whole event: envelope fields, `type` and `data`. */
  shape: Shape;
  /**
   * Body-named catalogues: the fields of `shape` that come from the envelope. The event's
   * validator checks them apart from the rest, so the catalogue's can check a shared envelope once.
   */
  envelopeFields: readonly string[];
  example: Readonly<Record<string, unknown>>;
}

/** A shared shape of `$defs`: one exported type, validator and guard, wherever it is used. */
export interface DefModel {
  /** The `$defs` key, as `$ref`s name it. */
  name: string;
  typeName: string;
  validatorName: string;
  guardName: string;
  fileName: string;
  shape: Shape;
  /** True when the shape reaches itself through references: its validator counts depth. */
  recursive: boolean;
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
  package: {
    name: string;
    version: string;
    description: string;
    referenceUrl?: string;
    license?: string;
    repository?: string;
    homepage?: string;
    keywords?: readonly string[];
  };
  eventIdPrefix?: string;
  /** Shared shapes by `$defs` key, sorted by key. */
  defs: ReadonlyMap<string, Shape>;
  defModels: readonly DefModel[];
  defNames: readonly string[];
  /** Present when the event's name travels in a header: the body is the payload. */
  layout?: { nameHeader: string; actionField?: string; idHeader?: string };
  /** `options.check_formats`: the guards check `format`. */
  checkFormats: boolean;
  /** Present when the spec declares how requests are signed. */
  signing?: {
    scheme: { name: SigningScheme; header?: string; prefix?: string };
    secretEnv: string;
    toleranceSeconds: number;
  };
  /** Sorted by name, so the output does not depend on the order of the spec. */
  events: readonly EventModel[];
  /** Sorted by name. */
  resources: readonly ResourceModel[];
}

/**
 * What an event's own files may depend on besides the event: the catalogue without its events. A
 * per-event emitter sees only this and its event, so an event whose key (both, hashed) is the
 * previous run's has the files that run wrote (see reuse.ts).
 */
export type CatalogueContext = Omit<CatalogueModel, "events" | "resources">;

export function buildModel(written: Spec, source: string): CatalogueModel {
  const spec = nameTitledShapes(written).spec;
  const events = spec.events
    .map((event): EventModel => {
      const schema = composeEventSchema(spec.envelope, event, spec.layout);
      const split = spec.layout && splitName(event.name, spec.layout);
      return {
        name: event.name,
        description: event.description,
        typeName: eventTypeName(event.name),
        dataTypeName: dataTypeName(event.name, spec.layout !== undefined),
        guardName: guardName(event.name),
        validatorName: validatorName(event.name),
        standardSchemaName: standardSchemaName(event.name),
        fileName: event.name,
        // Header-named: the events of one header value with actions form a resource; one without, none.
        resource: split ? (split.action !== undefined ? split.headerValue : "") : resourceOf(event.name),
        ...(split && { headerValue: split.headerValue }),
        idField: event.id_field ?? DEFAULT_ID_FIELD,
        ...(event.id_prefix !== undefined && { idPrefix: event.id_prefix }),
        shape: toShape(schema),
        envelopeFields: spec.layout ? [] : Object.keys(spec.envelope.properties ?? {}),
        example: composeExample(event, spec.layout),
      };
    })
    .sort((a, b) => compareNames(a.name, b.name));

  const byResource = new Map<string, EventModel[]>();
  for (const event of events)
    if (event.resource !== "") byResource.set(event.resource, [...(byResource.get(event.resource) ?? []), event]);
  const resources = [...byResource]
    .map(([name, members]) => ({ name, typeName: resourceTypeName(name), events: members }))
    .sort((a, b) => compareNames(a.name, b.name));

  const defs = new Map(
    Object.entries(spec.$defs ?? {})
      .sort(([a], [b]) => compareNames(a, b))
      .map(([name, def]) => [name, toShape(def)] as const),
  );
  const defModels = [...defs].map(([name, shape]) => ({
    name,
    typeName: defTypeName(name),
    validatorName: defValidatorName(name),
    guardName: defGuardName(name),
    fileName: defFileName(name),
    shape,
    recursive: reaches(shape, name, defs),
  }));

  return {
    source,
    defs,
    defModels,
    defNames: [...defs.keys()],
    checkFormats: spec.options?.check_formats ?? false,
    ...(spec.layout && {
      layout: {
        nameHeader: spec.layout.name_header,
        ...(spec.layout.action_field !== undefined && { actionField: spec.layout.action_field }),
        ...(spec.layout.id_header !== undefined && { idHeader: spec.layout.id_header }),
      },
    }),
    package: {
      name: spec.package.name,
      version: spec.package.version,
      description: spec.package.description ?? "",
      ...(spec.package.reference_url && { referenceUrl: spec.package.reference_url }),
      ...(spec.package.license && { license: spec.package.license }),
      ...(spec.package.repository && { repository: spec.package.repository }),
      ...(spec.package.homepage && { homepage: spec.package.homepage }),
      ...(spec.package.keywords && { keywords: spec.package.keywords }),
    },
    ...(spec.envelope.id_prefix !== undefined && { eventIdPrefix: spec.envelope.id_prefix }),
    ...(spec.signing && {
      signing: {
        scheme: {
          name: spec.signing.scheme,
          ...(spec.signing.header !== undefined && { header: spec.signing.header }),
          ...(spec.signing.prefix !== undefined && { prefix: spec.signing.prefix }),
        },
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

/** True when `shape` refers to `target`, directly or through other shared shapes. */
function reaches(shape: Shape, target: string, defs: ReadonlyMap<string, Shape>, seen = new Set<string>()): boolean {
  const children = childrenOf(shape);
  if (shape.ref !== undefined) {
    if (shape.ref === target) return true;
    if (!seen.has(shape.ref) && defs.has(shape.ref)) {
      seen.add(shape.ref);
      children.push(defs.get(shape.ref)!);
    }
  }
  return children.some((child) => reaches(child, target, defs, seen));
}
