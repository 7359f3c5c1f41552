/**
 * The envelope checked once. Every event's validator checks the envelope's fields apart from its
 * own (`type`, `data`), in a function of their own; when the envelope's checks are the same for
 * every event of the catalogue, the catalogue's validator checks them once and then calls only the
 * event's own checks: the work a careful hand-written guard does, with the same results.
 */
import type { CatalogueModel, EventModel } from "../model.js";
import { defValidatorName } from "../names.js";
import type { Shape } from "../shape.js";
import { GuardModule } from "./guard-code.js";

const ANNOTATIONS = new Set(["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly"]);

/**
 * The field that names a body-named event. The catalogue's validator finds the event's checks by
 * its value, which proves it; the event's own validator checks it.
 */
const NAME_FIELD = "type";

export interface EventParts {
  /** The envelope's fields, and the field naming the event, checked by the event's validator. */
  envelope: Shape;
  name: Shape;
  /** The rest, checked by a function of its own. */
  own: Shape;
}

/** An event's shape split into the envelope's fields, its name and its own; undefined where it cannot be (header layout, no envelope). */
export function eventParts(event: EventModel): EventParts | undefined {
  const { shape } = event;
  // Only a plain object of fields splits without changing its meaning (a closed object would not).
  const plain =
    shape.types?.length === 1 &&
    shape.types[0] === "object" &&
    Object.keys(shape).every((k) => k === "types" || k === "properties" || ANNOTATIONS.has(k));
  const properties = shape.properties ?? [];
  const envelope = properties.filter((p) => event.envelopeFields.includes(p.name));
  const name = properties.filter((p) => p.name === NAME_FIELD && !event.envelopeFields.includes(p.name));
  const own = properties.filter((p) => p.name !== NAME_FIELD && !event.envelopeFields.includes(p.name));
  if (!plain || envelope.length === 0 || name.length !== 1 || own.length === 0) return undefined;
  return {
    envelope: { types: ["object"], properties: envelope },
    name: { types: ["object"], properties: name },
    own: { types: ["object"], properties: own },
  };
}

/** The envelope every event checks alike, or undefined when some event checks it otherwise (or cannot be split). */
export function sharedEnvelope(model: CatalogueModel): Shape | undefined {
  let first: { shape: Shape; code: string } | undefined;
  for (const event of model.events) {
    const parts = eventParts(event);
    if (!parts) return undefined;
    // Compared by the code that checks them: descriptions may differ, checks may not.
    const module = new GuardModule(model.defs, model.checkFormats, [], defValidatorName);
    const code = JSON.stringify([module.fieldChecks(parts.envelope), module.statements]);
    if (first === undefined) first = { shape: parts.envelope, code };
    else if (first.code !== code) return undefined;
  }
  return first?.shape;
}

/**
 * For each event, the event whose own-fields check the catalogue's validator calls: events whose
 * own fields are checked by the same code share the first one's function, so the one call site
 * sees few functions (the engine can then inline them) and gives the same results and issues.
 */
export function ownChecks(model: CatalogueModel): ReadonlyMap<string, EventModel> {
  const byCode = new Map<string, EventModel>();
  const out = new Map<string, EventModel>();
  for (const event of model.events) {
    const parts = eventParts(event);
    if (!parts) return new Map(model.events.map((e) => [e.name, e]));
    const module = new GuardModule(model.defs, model.checkFormats, [], defValidatorName);
    const code = JSON.stringify([module.fieldChecks(parts.own), module.statements]);
    if (!byCode.has(code)) byCode.set(code, event);
    out.set(event.name, byCode.get(code)!);
  }
  return out;
}
