import { KEYWORDS } from "../keywords/index.js";
import type { TypeContext } from "../keywords/keyword.js";
import type { CatalogueModel, EventModel, Shape } from "../model.js";
import { defFileName, defTypeName } from "../names.js";
import { docText } from "./code.js";
import { importFrom, renderModule, type GeneratedFile, type Statement } from "./module.js";

/** `events/<name>.ts`: the event's interface and its data interface, from the event's shape. */
export function emitTypes(model: CatalogueModel): GeneratedFile[] {
  return model.events.map((event) => ({
    path: `events/${event.fileName}.ts`,
    contents: renderModule(model.source, eventTypeModule(model, event)),
  }));
}

function eventTypeModule(model: CatalogueModel, event: EventModel): Statement[] {
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
  return [...typeImports(types.references, "../defs/"), declarations.join("\n")];
}

/** `import type { SipHeader } from "../defs/SipHeader.js"` for each shared shape a module names. */
export function typeImports(references: ReadonlySet<string>, folder: string, except?: string): Statement[] {
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
  declaration(name: string, shape: Shape, isNamed = false): string {
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
    return plainObject && type.startsWith("{")
      ? `${doc}export interface ${name} ${type}`
      : `${doc}export type ${name} = ${type};`;
  }

  typeOf(shape: Shape): string {
    return this.inline(shape, false);
  }

  private inline(shape: Shape, declaring: boolean): string {
    const name = declaring ? undefined : this.named.get(shape);
    if (name) return name;
    const parts = KEYWORDS.flatMap((k) => {
      const t = k.tsType?.(shape, this);
      return t === undefined ? [] : [t];
    });
    if (parts.length === 0) return "unknown";
    return parts.length === 1
      ? parts[0]!
      : parts.map((p) => (/[|&]/.test(p) && !p.startsWith("(") ? `(${p})` : p)).join(" & ");
  }

  docOf(shape: Shape, extra: readonly string[] = [], declaring = false): string {
    // A shape declared under its own name carries its doc there.
    if (!declaring && this.named.has(shape)) return "";
    const lines: string[] = [];
    if (shape.description?.trim()) lines.push(...docText(shape.description).split("\n"));
    if (shape.items?.description?.trim() && !shape.items.ref)
      lines.push("", ...docText(`Items: ${shape.items.description}`).split("\n"));
    const tags = [...extra, ...KEYWORDS.flatMap((k) => k.doc?.(shape) ?? [])].map((t) => docText(t));
    if (tags.length > 0) lines.push(...(lines.length > 0 ? [""] : []), ...tags);
    if (lines.length === 0) return "";
    return `/**\n${lines.map((l) => (l ? ` * ${l}` : " *")).join("\n")}\n */\n`;
  }

  reference(name: string): string {
    this.references.add(name);
    return defTypeName(name);
  }
}

function note(description: string | undefined, text: string): string {
  const trimmed = description?.trim();
  return trimmed ? `${trimmed}${/[.!?]$/.test(trimmed) ? "" : "."} ${text}` : text;
}
