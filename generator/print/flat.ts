/**
 * A document that never breaks: what prettier does to an expression inside a template literal's
 * `${…}` (printed at unlimited width), so a long message never gains a line break.
 */
import type { Doc } from "./doc.js";

export function flat(doc: Doc): Doc {
  if (typeof doc === "string") return doc;
  if (Array.isArray(doc)) return doc.map(flat);
  const d = doc as Exclude<Doc, string | readonly Doc[]>;
  switch (d.kind) {
    case "line":
      return d.hard ? d : d.soft ? "" : " ";
    case "group":
      return flat(d.contents);
    case "if-break":
      return flat(d.flat);
    case "indent":
    case "align":
    case "indent-if-break":
      return flat(d.contents);
    case "only":
      return { ...d, contents: flat(d.contents) };
    case "break-parent":
      return d;
  }
}
