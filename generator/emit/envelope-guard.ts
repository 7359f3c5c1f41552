/**
 * The envelope checked once. Every event's validator checks the envelope's fields apart from its
 * own (`type`, `data`), in a function of their own; when the envelope's checks are the same for
 * every event of the catalogue, the catalogue's validator checks them once and then calls only the
 * event's own checks: the work a careful hand-written guard does, with the same results.
 */
import { ANNOTATION_KEYWORDS } from "../keywords/annotations.js";
import type { CatalogueModel, EventModel } from "../model.js";
import type { Shape } from "../shape.js";

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
    Object.keys(shape).every((k) => k === "types" || k === "properties" || ANNOTATION_KEYWORDS.has(k));
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

/**
 * How the catalogue's validator checks a catalogue whose events all check their envelope alike:
 * the envelope once, then each event's own fields through `owner`'s function (events whose own
 * fields are checked by the same code share the first one's, so the one call site sees few
 * functions and the engine can inline them; same results and issues). Undefined where some event
 * checks its envelope otherwise, or cannot be split.
 */
export function envelopeOnce(
  model: CatalogueModel,
): { envelope: Shape; owner: ReadonlyMap<string, EventModel> } | undefined {
  let envelope: { shape: Shape; code: string } | undefined;
  const byCode = new Map<string, EventModel>();
  const owner = new Map<string, EventModel>();
  for (const event of model.events) {
    const parts = eventParts(event);
    if (!parts) return undefined;
    const code = checkKey(parts.envelope);
    if (envelope === undefined) envelope = { shape: parts.envelope, code };
    else if (envelope.code !== code) return undefined;
    const own = checkKey(parts.own);
    if (!byCode.has(own)) byCode.set(own, event);
    owner.set(event.name, byCode.get(own)!);
  }
  return envelope && { envelope: envelope.shape, owner };
}

/**
 * Shapes compared by what they check: annotations (descriptions, examples) may differ, nothing else
 * may. Equal keys give equal checking code; `format` stays in the key, since it may be checked.
 * (Comparing the shapes is about ten times cheaper than printing their checks to compare those.)
 */
function checkKey(shape: Shape): string {
  return JSON.stringify(shape, (key, value: unknown) =>
    key !== "format" && ANNOTATION_KEYWORDS.has(key) ? undefined : value,
  );
}
