/**
 * `title`, `description`, `default`, `examples`, `deprecated`, `readOnly`, `writeOnly`: documentation,
 * kept in the types' JSDoc and the exported schema, never checked (as in JSON Schema). `x-*`
 * extensions are skipped by every stage: they belong to other tools.
 */
import type { Keyword } from "./keyword.js";

const KEYS = ["title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly"] as const;
/** The annotation keywords: a shape that has only these besides others says nothing more about values. */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set(KEYS);

export const annotations: Keyword = {
  names: KEYS,
  read(spec, shape) {
    for (const key of KEYS) if (spec[key] !== undefined) (shape as Record<string, unknown>)[key] = spec[key];
  },
  schema(shape, out) {
    for (const key of KEYS) if (shape[key] !== undefined) out[key] = shape[key];
  },
  doc(shape) {
    const tags: string[] = [];
    if (shape.deprecated) tags.push("@deprecated");
    if (shape.readOnly) tags.push("@readonly");
    if (shape.writeOnly) tags.push("@writeOnly");
    if (shape.default !== undefined) tags.push(`@default ${JSON.stringify(shape.default)}`);
    for (const example of shape.examples ?? []) tags.push(`@example ${JSON.stringify(example)}`);
    return tags;
  },
};
