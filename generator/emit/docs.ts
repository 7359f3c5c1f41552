import type { CatalogueModel, EventModel, Shape } from "../model.js";
import { defTypeName, showInvisible } from "../names.js";
import type { GeneratedFile } from "./module.js";

/** Markdown text from the spec: no raw HTML, no line breaks or pipes that would end a table row. */
export function markdownText(text: string): string {
  return (
    text
      .replace(
        /[<>&|[\]]/g,
        (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "|": "\\|", "[": "\\[", "]": "\\]" })[c]!,
      )
      .replace(/\s+/g, " ")
      .trim()
      // A heading, quote, list or rule marker at the start would turn the line into one.
      .replace(/^(#|>|[-+*=]|\d+[.)])/, "\\$1")
  );
}

/** The anchor GitHub and most renderers give an event's heading (`## fine_tuning.job.succeeded`). */
export function eventAnchor(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, "");
}

/** Beyond this size one page is no longer readable (or renderable): each event gets a page of its own. */
export const MAX_PAGE_CHARACTERS = 1_000_000;

/**
 * `EVENTS.md`: the reference of every event, grouped by resource: description, fields, example,
 * then the shared types. A catalogue whose page would pass MAX_PAGE_CHARACTERS gets an index in
 * EVENTS.md and a page per event (and one for the shared types) under `docs/`.
 */
export function emitDocs(model: CatalogueModel): GeneratedFile[] {
  const files = reference(model);
  split.set(model, files.length > 1);
  return files;
}

/** True when the reference has a page per event under `docs/` (package.json lists the folder). */
export function hasDocsFolder(model: CatalogueModel): boolean {
  // Asked after emitDocs ran, as the pipeline orders them; the pages themselves are not kept.
  if (!split.has(model)) emitDocs(model);
  return split.get(model)!;
}

const split = new WeakMap<CatalogueModel, boolean>();

function reference(model: CatalogueModel): GeneratedFile[] {
  const sections = model.events.map((event) => section(event).join("\n"));
  const shared = sharedTypes(model).join("\n");
  const size = sections.reduce((n, text) => n + text.length, shared.length);
  const split = size > MAX_PAGE_CHARACTERS;
  const link = (e: EventModel) => `[\`${e.name}\`](${split ? `docs/${e.fileName}.md` : `#${eventAnchor(e.name)}`})`;
  const ungrouped = model.events.filter((e) => !model.resources.some((r) => r.events.includes(e)));
  const index = [
    `# ${model.package.name} events`,
    "",
    `${model.events.length} events. Every event has the fields listed with it; ${model.layout ? "`payload`" : "`data`"} differs from event to event.`,
    "",
    ...model.resources.map((r) => `- **${r.name}** (\`${r.typeName}\`): ${r.events.map(link).join(", ")}`),
    ...(ungrouped.length > 0 ? [`- ${ungrouped.map(link).join(", ")}`] : []),
    "",
    ...(split
      ? [
          `Each event has a page of its own under \`docs/\` (the whole reference would be ${Math.round(size / 1e6)} MB on one page)${shared ? "; shared types are in [docs/shared-types.md](docs/shared-types.md)" : ""}.`,
          "",
        ]
      : []),
  ].join("\n");
  // Invisible and bidirectional controls (in names, values, examples) are shown as escapes.
  const page = (path: string, text: string): GeneratedFile => ({ path, contents: showInvisible(text) });
  if (!split) return [page("EVENTS.md", [index, ...sections, shared].filter(Boolean).join("\n"))];
  return [
    page("EVENTS.md", index),
    ...model.events.map((e, i) => page(`docs/${e.fileName}.md`, sections[i]!)),
    ...(shared ? [page("docs/shared-types.md", shared)] : []),
  ];
}

function sharedTypes(model: CatalogueModel): string[] {
  if (model.defModels.length === 0) return [];
  return [
    "## Shared types",
    "",
    "Types that several fields or events use; each has its own guard.",
    "",
    ...model.defModels.flatMap((def) => [
      `### ${def.typeName}`,
      "",
      ...(def.shape.description ? [markdownText(def.shape.description), ""] : []),
      `Guard: \`${def.guardName}\`; validator: \`${def.validatorName}\`.`,
      "",
      ...fieldsTable(def.shape),
      "",
    ]),
  ];
}

function section(event: EventModel): string[] {
  return [
    `## ${event.name}`,
    "",
    markdownText(event.description),
    "",
    `Type: \`${event.typeName}\`; guard: \`${event.guardName}\`${event.idPrefix === undefined ? "" : `; the ID in \`data.${event.idField}\` starts with \`${event.idPrefix}\``}.`,
    "",
    ...fieldsTable(event.shape),
    "",
    ...fenced("json", JSON.stringify(event.example, null, 2)),
    "",
  ];
}

/** A code block whose fence is longer than any run of backticks inside, so the text cannot close it. */
function fenced(language: string, text: string): string[] {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [`${fence}${language}`, text, fence];
}

/**
 * Text as inline code that stays one table cell: wrapped in more backticks than it holds, pipes
 * escaped (GitHub splits cells at them even inside code).
 */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  const padded = longest > 0 || text.startsWith(" ") ? ` ${text} ` : text;
  return `${ticks}${padded.replace(/\|/g, "\\|").replace(/\s+/g, " ")}${ticks}`;
}

function fieldsTable(shape: Shape): string[] {
  return [
    "| field | type | required | description |",
    "| --- | --- | --- | --- |",
    ...rows(shape, "").map(
      (r) => `| ${codeSpan(r.path)} | ${r.type} | ${r.required ? "yes" : "no"} | ${markdownText(r.description)} |`,
    ),
  ];
}

interface Row {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

/** The fields of a shape, depth first: `data`, `data.sip_headers`, `data.sip_headers[].name` … */
function rows(shape: Shape, prefix: string): Row[] {
  const out: Row[] = [];
  for (const p of shape.properties ?? []) {
    const path = `${prefix}${prefix ? "." : ""}${p.name}`;
    out.push({ path, type: typeOf(p.shape), required: p.required, description: p.shape.description ?? "" });
    out.push(...rows(p.shape, path));
    if (p.shape.items) out.push(...rows(p.shape.items, `${path}[]`));
    if (p.shape.mapValues) out.push(...rows(p.shape.mapValues, `${path}{}`));
  }
  return out;
}

/** `string`, `"event"`, `string or null`, `array of object`, `map of string`; `never` for the schema false. */
export function typeOf(shape: Shape): string {
  if (shape.never) return "never (must be absent)";
  if (shape.values) return shape.values.map((v) => codeSpan(JSON.stringify(v))).join(" or ");
  if (shape.ref !== undefined) return codeSpan(defTypeName(shape.ref));
  const branches = shape.anyOf ?? shape.oneOf ?? shape.allOf;
  if (branches && !shape.types) {
    // As the types read them: a branch of `false` adds no value, a member of `true` no condition.
    const kept = branches.filter((b) => (shape.allOf ? Object.keys(b).length > 0 : !b.never));
    if (kept.length === 0) return shape.allOf ? "any" : typeOf({ never: true });
    const named = kept.map(typeOf);
    if (!shape.allOf && named.includes("any")) return "any";
    return named.join(shape.allOf ? " and " : " or ");
  }
  const types = (shape.types ?? ["any"]).map((t) => {
    if (t === "array" && shape.items?.never) return "empty array";
    if (t === "array" && shape.items) return `array of ${typeOf(shape.items)}`;
    if (t === "object" && shape.mapValues) return `map of ${typeOf(shape.mapValues)}`;
    return t;
  });
  return types.join(" or ");
}
