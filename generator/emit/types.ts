import { KEYWORDS } from "../keywords/index.js";
import type { TypeContext } from "../keywords/keyword.js";
import type { CatalogueContext, EventModel, Shape } from "../model.js";
import { defFileName, defTypeName } from "../names.js";
import { importFrom, type Declaration } from "../print/declarations.js";
import { docText } from "../print/literals.js";
import { intersection, t, type TypeNode } from "../print/types.js";
import { moduleOf, type Emitted } from "./module.js";

/** `events/<name>.ts`: the event's interface and its data interface, from the event's shape. */
export function eventTypes(model: CatalogueContext, event: EventModel): Emitted[] {
  return [moduleOf(`events/${event.fileName}`, model.source, eventTypeModule(model, event))];
}

function eventTypeModule(model: CatalogueContext, event: EventModel): Declaration[] {
  const withNote = (shape: Shape, prefix: string | undefined): Shape =>
    prefix ? { ...shape, description: note(shape.description, `Starts with \`${prefix}\`.`) } : shape;
  let data: Shape = {};
  const properties = (event.shape.properties ?? []).map((p) => {
    if (p.name === "id") return { ...p, shape: withNote(p.shape, model.eventIdPrefix) };
    if (p.name !== (model.layout ? "payload" : "data")) return p;
    const dataProperties = p.shape.properties?.map((q) =>
      q.name === event.idField ? { ...q, shape: withNote(q.shape, event.idPrefix) } : q,
    );
    data = { ...p.shape, ...(dataProperties && { properties: dataProperties }) };
    return { ...p, shape: data };
  });
  const types = new TypeWriter(new Map([[data, event.dataTypeName]]));
  const declarations = [
    types.declaration(event.typeName, { ...event.shape, properties }),
    types.declaration(event.dataTypeName, data, true),
  ];
  return [...typeImports(types.references, "../defs/"), ...declarations];
}

/** `import type { SipHeader } from "../defs/SipHeader.js"` for each shared shape a module names. */
export function typeImports(references: ReadonlySet<string>, folder: string, except?: string): Declaration[] {
  return [...references]
    .filter((name) => name !== except)
    .sort()
    .map((name) => importFrom(`${folder}${defFileName(name)}.js`, [defTypeName(name)], true));
}

/** Writes TS declarations of shapes; remembers which shared shapes they refer to. */
export class TypeWriter implements TypeContext {
  readonly references = new Set<string>();

  /** `named`: shapes declared under a name of their own, referred to by it. */
  constructor(private readonly named: ReadonlyMap<Shape, string> = new Map()) {}

  /** `export interface Name {…}` for a plain object, else `export type Name = …;`, with the shape's JSDoc. */
  declaration(name: string, shape: Shape, isNamed = false): Declaration {
    const doc = this.docOf(shape, [], true);
    const plainObject =
      shape.types?.length === 1 &&
      shape.types[0] === "object" &&
      !shape.ref &&
      !shape.anyOf &&
      !shape.oneOf &&
      !shape.allOf &&
      !shape.values;
    const type = this.inline(shape, isNamed);
    return plainObject && type.k === "object"
      ? { k: "interface", name, members: type.members, doc, exported: true }
      : { k: "type", name, type, doc, exported: true };
  }

  typeOf(shape: Shape): TypeNode {
    return this.inline(shape, false);
  }

  private inline(shape: Shape, declaring: boolean): TypeNode {
    const name = declaring ? undefined : this.named.get(shape);
    if (name) return t(name);
    const parts = KEYWORDS.flatMap((k) => {
      const type = k.tsType?.(shape, this);
      return type === undefined ? [] : [type];
    });
    return parts.length === 0 ? t("unknown") : intersection(parts);
  }

  docOf(shape: Shape, extra: readonly string[] = [], declaring = false): string[] {
    // A shape declared under its own name carries its doc there.
    if (!declaring && this.named.has(shape)) return [];
    const lines: string[] = [];
    if (shape.description?.trim()) lines.push(...docText(shape.description).split("\n"));
    if (shape.items?.description?.trim() && !shape.items.ref)
      lines.push("", ...docText(`Items: ${shape.items.description}`).split("\n"));
    const tags = [...extra, ...KEYWORDS.flatMap((k) => k.doc?.(shape) ?? [])].map((tag) => docText(tag));
    if (tags.length > 0) lines.push(...(lines.length > 0 ? [""] : []), ...tags);
    return lines;
  }

  reference(name: string): TypeNode {
    this.references.add(name);
    return t(defTypeName(name));
  }
}

function note(description: string | undefined, text: string): string {
  const trimmed = description?.trim();
  return trimmed ? `${trimmed}${/[.!?]$/.test(trimmed) ? "" : "."} ${text}` : text;
}
