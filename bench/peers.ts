/**
 * What a user would otherwise write or pick: a minimal hand-written guard for the OpenAI
 * catalogue (the practical limit), and zod schemas built from the same shapes as ours.
 */
import { z } from "zod";
import type { Shape } from "../generator/model.js";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

const ID_EVENTS = new Set([
  "response.completed",
  "response.cancelled",
  "response.failed",
  "response.incomplete",
  "batch.completed",
  "batch.cancelled",
  "batch.expired",
  "batch.failed",
  "fine_tuning.job.succeeded",
  "fine_tuning.job.failed",
  "fine_tuning.job.cancelled",
  "eval.run.succeeded",
  "eval.run.failed",
  "eval.run.canceled",
]);

/** The guard a careful person writes by hand for these 15 events: every field checked, nothing more. */
export function handWrittenGuard(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (typeof v.id !== "string" || !Number.isInteger(v.created_at)) return false;
  if (v.object !== undefined && v.object !== "event") return false;
  const data = v.data;
  if (!isObject(data)) return false;
  if (v.type === "realtime.call.incoming") {
    if (typeof data.call_id !== "string" || !Array.isArray(data.sip_headers)) return false;
    for (const h of data.sip_headers)
      if (!isObject(h) || typeof h.name !== "string" || typeof h.value !== "string") return false;
    return true;
  }
  return ID_EVENTS.has(v.type as string) && typeof data.id === "string";
}

/** A zod schema with the same meaning as a shape: open objects, integers, enums, nullable types. */
export function zodOf(shape: Shape): z.ZodType {
  if (shape.values) {
    const literals = shape.values.map((v) => z.literal(v as string | number | boolean | null));
    return literals.length === 1
      ? literals[0]!
      : z.union(literals as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  }
  const options = (shape.types ?? ["string", "number", "boolean", "null", "object", "array"]).map((type): z.ZodType => {
    switch (type) {
      case "string":
        return z.string();
      case "integer":
        return z.number().int();
      case "number":
        return z.number();
      case "boolean":
        return z.boolean();
      case "null":
        return z.null();
      case "array":
        return z.array(shape.items ? zodOf(shape.items) : z.unknown());
      case "object":
        if (shape.mapValues) return z.record(z.string(), zodOf(shape.mapValues));
        return z.looseObject(
          Object.fromEntries(
            (shape.properties ?? []).map((p) => [p.name, p.required ? zodOf(p.shape) : zodOf(p.shape).optional()]),
          ),
        );
    }
  });
  return options.length === 1 ? options[0]! : z.union(options as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}
