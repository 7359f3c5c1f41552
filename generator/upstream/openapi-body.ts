/**
 * A webhook's body as the one object it means. Documents often write it as `allOf` of object parts:
 * an envelope component and the event's own part, which narrows fields the envelope declares
 * (`type: { type: string }` there, `type: { const: payment.succeeded }` here). The parts' fields
 * are read each at its own pointer and merged (`merge-shapes.ts`); only a true contradiction is
 * refused, with both places. A part that is not a plain object (it closes itself, has a union)
 * leaves the body as written, and says why, in case the event needs it.
 */
import type { ShapeSpec } from "../spec.js";
import { mergeShapes } from "./merge-shapes.js";
import { followAt } from "./openapi-refs.js";
import { escapePointer, type Loss, type SchemaReader } from "./openapi-schema.js";

type Json = Record<string, unknown>;

export interface Body {
  /** The body in the document's terms, parts merged field by field (for names and values only). */
  raw: Json;
  /** The body in the shape language. */
  shape: ShapeSpec;
  /** Why an allOf body was left as written, for the loss of an event that needed it read as one. */
  unmerged?: Loss;
}

const MAX_PARTS_DEPTH = 32;
const PLAIN = new Set(["type", "properties", "required", "description", "title"]);

export function readBody(schema: Json, pointer: string, root: Json, reader: SchemaReader): Body | { loss: Loss } {
  const asWritten = (unmerged?: Loss): Body => ({
    raw: schema,
    shape: reader.convert(schema, pointer),
    ...(unmerged && { unmerged }),
  });
  if (!Array.isArray(schema.allOf)) return asWritten();
  const parts = partsOf(schema, pointer, root, 0);
  if ("unplain" in parts) return asWritten(parts.unplain);

  const raw: Json = {};
  const shapes: Record<string, { shape: ShapeSpec; pointer: string }> = {};
  for (const part of parts) {
    for (const [name, declared] of Object.entries((part.schema.properties ?? {}) as Json)) {
      const at = `${part.pointer}/properties/${escapePointer(name)}`;
      const shape = reader.convert(declared, at);
      raw[name] = { ...(raw[name] as Json | undefined), ...(declared as Json) };
      const before = shapes[name];
      if (!before) {
        shapes[name] = { shape, pointer: at };
        continue;
      }
      const merged = mergeShapes(before.shape, shape, { a: before.pointer, b: at });
      if ("contradiction" in merged) return { loss: merged.contradiction };
      shapes[name] = { shape: merged.shape, pointer: at };
    }
  }
  const required = [...new Set(parts.flatMap((p) => (p.schema.required ?? []) as string[]))];
  const { allOf: _allOf, properties: _properties, required: _required, ...own } = schema;
  const requiredPart = required.length > 0 ? { required } : {};
  return {
    raw: { ...own, type: "object", properties: raw, ...requiredPart },
    shape: {
      ...reader.convert(own, pointer),
      type: "object",
      properties: Object.fromEntries(Object.entries(shapes).map(([name, s]) => [name, s.shape])),
      ...requiredPart,
    },
  };
}

/** The object parts of an allOf body (through references and nested allOf), the body's own keywords last. */
function partsOf(
  schema: Json,
  pointer: string,
  root: Json,
  depth: number,
): { schema: Json; pointer: string }[] | { unplain: Loss } {
  const { allOf, ...own } = schema;
  const parts: { schema: Json; pointer: string }[] = [];
  if (allOf !== undefined && (!Array.isArray(allOf) || depth >= MAX_PARTS_DEPTH))
    return {
      unplain: {
        pointer: `${pointer}/allOf`,
        reason: `is not a list of parts, or nests more than ${MAX_PARTS_DEPTH} deep, so the body is not read as one object`,
      },
    };
  if (Array.isArray(allOf))
    for (const [i, member] of allOf.entries()) {
      const { node, pointer: at } = followAt(member, root, `${pointer}/allOf/${i}`);
      const inner = partsOf(node, at, root, depth + 1);
      if ("unplain" in inner) return inner;
      parts.push(...inner);
    }
  const odd = Object.keys(own).find((k) => !PLAIN.has(k) && !k.startsWith("x-"));
  if (odd !== undefined || (own.type !== undefined && own.type !== "object"))
    return {
      unplain: {
        pointer: `${pointer}/${escapePointer(odd ?? "type")}`,
        reason:
          "makes this allOf part more than a plain object, so the body is not read as one object (its fields merged); write the body as one object, or the part without it",
      },
    };
  parts.push({ schema: own, pointer });
  return parts;
}
