/**
 * The one reader of OpenAPI documents: `import` starts a spec from what it reads, `docs:check` and
 * `docs:sync` compare a spec with it. Per webhook operation (OpenAPI 3.1 `webhooks`, or 3.0
 * `x-webhooks`): the event's name, description, body shape and example; the components the bodies
 * use, as shared shapes under their own names; the headers that name, identify and sign a request.
 * What cannot be mapped is a loss with its JSON pointer, never dropped silently.
 */
import { LineCounter, parseDocument } from "yaml";
import type { ShapeSpec } from "../spec.js";
import { readBody } from "./openapi-body.js";
import { follow, followAt, pointerPath } from "./openapi-refs.js";
import { componentName, escapePointer, schemaReader, type Loss } from "./openapi-schema.js";
import type { DeclaredHeader } from "./signing-scheme.js";
import { parseTolerantJson } from "./page.js";

type Json = Record<string, unknown>;

export interface OpenApiWebhook {
  name: string;
  description?: string;
  /** Where the operation is, and where its body's schema is (a component's, when it refers to one). */
  pointer: string;
  bodyPointer: string;
  /** `body`: the name is the body's `type` and the payload its `data`; `header`: the body is the payload. */
  namedBy: "body" | "header";
  /** The whole body, in the shape language. */
  body: ShapeSpec;
  example?: unknown;
  examplePointer?: string;
}

export interface OpenApiDocument {
  source: string;
  title: string;
  webhooks: OpenApiWebhook[];
  /** The components the webhooks use (and those they use), by `$defs` name. */
  defs: Record<string, ShapeSpec>;
  /** Where each shared shape is in the document. */
  defPointers: Record<string, string>;
  /** Header-named catalogues: the headers that name and identify a request; and every header declared, for signing. */
  headers: { name?: string; id?: string; action?: string; declared: DeclaredHeader[] };
  losses: Loss[];
  notes: string[];
  /** The line of a JSON pointer in the document's text, where it is there. */
  lineOf(pointer: string): number | undefined;
}

const REF_CHAIN_LIMIT = 32;
const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

export function readOpenApiDocument(text: string, source: string): OpenApiDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const root = doc.toJS() as Json | null;
  const key = root && typeof root === "object" ? (root.webhooks ? "webhooks" : "x-webhooks") : undefined;
  const webhooks = key && (root![key] as Json | undefined);
  if (!webhooks || typeof webhooks !== "object")
    throw new Error(`${source} has no webhooks (OpenAPI 3.1) or x-webhooks (OpenAPI 3.0) section`);
  const components = ((root!.components as Json | undefined)?.schemas ?? {}) as Json;
  const reader = schemaReader(components);
  const { losses, notes } = reader;
  const lineOf = (pointer: string): number | undefined => {
    const node = doc.getIn(pointerPath(pointer), true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
  const headers: OpenApiDocument["headers"] = { declared: [] };
  const read: OpenApiWebhook[] = [];

  for (const [operationKey, item] of Object.entries(webhooks)) {
    const pointer = `/${key}/${escapePointer(operationKey)}`;
    // A path item or a request body may be a reference to the document's components (OpenAPI 3.1).
    const path = follow(item, root!);
    const methods = Object.keys(path).filter((m) => METHODS.has(m));
    const method = methods.includes("post") ? "post" : methods[0];
    // One event per webhook: its other operations are listed, not read.
    for (const other of methods.filter((m) => m !== method))
      losses.push({
        pointer: `${pointer}/${other}`,
        reason: `is a second operation of this webhook (${method} is read)`,
      });
    const operation = method ? (follow(path[method], root!) as Json) : undefined;
    // Header parameters of the path item and of the operation, each where it is declared.
    const parameters = [
      ...parametersAt(path.parameters, `${pointer}/parameters`, root!),
      ...parametersAt(operation?.parameters, `${pointer}/${method}/parameters`, root!),
    ].filter(({ node }) => node.in === "header" && typeof node.name === "string");
    for (const { node, pointer: at } of parameters)
      if (!headers.declared.some((h) => h.name.toLowerCase() === String(node.name).toLowerCase()))
        headers.declared.push(declaredHeader(node, at, root!));
    const content = (follow(operation?.requestBody, root!).content ?? {}) as Json;
    // JSON under any of its media type names: application/json (with parameters), application/…+json.
    const jsonTypes = Object.keys(content).filter((t) => /^application\/([\w.-]+\+)?json\s*(;.*)?$/i.test(t));
    const [mediaType] = jsonTypes;
    for (const other of jsonTypes.slice(1))
      losses.push({
        pointer: `${pointer}/${method}/requestBody/content/${escapePointer(other)}`,
        reason: `is a second JSON body of this webhook (${mediaType} is read)`,
      });
    const media = mediaType === undefined ? undefined : (content[mediaType] as Json | undefined);
    if (!media?.schema) {
      losses.push({ pointer, reason: "has no JSON request body (application/json or application/…+json)" });
      continue;
    }
    const mediaPointer = `${pointer}/${method}/requestBody/content/${escapePointer(mediaType!)}`;
    const ref = (media.schema as Json).$ref;
    const component = typeof ref === "string" ? componentName(ref) : undefined;
    if (ref !== undefined && (component === undefined || !Object.hasOwn(components, component))) {
      losses.push({
        pointer: `${mediaPointer}/schema/$ref`,
        reason: `${String(ref)} is not a component schema of this document; only local references are read`,
      });
      continue;
    }
    const bodyPointer =
      component !== undefined ? `/components/schemas/${escapePointer(component)}` : `${mediaPointer}/schema`;
    const bodyRead = readBody(follow(media.schema, root!), bodyPointer, root!, reader);
    if ("loss" in bodyRead) {
      losses.push({ ...bodyRead.loss, reason: `${bodyRead.loss.reason} (the webhook ${pointer} is left out)` });
      continue;
    }
    const { raw: body, shape, unmerged } = bodyRead;
    const properties = (body.properties ?? {}) as Json;
    const typeShape = follow(properties.type, root!);
    const typeValue = singleValue(typeShape);
    const description = [operation?.description, operation?.summary, body.description].find(
      (d): d is string => typeof d === "string",
    );
    let name: string;
    let namedBy: OpenApiWebhook["namedBy"] = "body";
    const { example, examplePointer, note } = exampleOf(body, bodyPointer, media, mediaPointer);
    // A type shared by several events (an enum of their names): the example shows which one this is.
    const exampleType = () => {
      const value = (example as Json | undefined)?.type;
      const allowed = typeShape.enum;
      return typeof value === "string" && (!Array.isArray(allowed) || allowed.includes(value)) ? value : undefined;
    };
    // OpenAI's documents also name the event in `x-oaiMeta.name`.
    const metaName = (body["x-oaiMeta"] as Json | undefined)?.name;
    if (properties.data !== undefined)
      name =
        typeof typeValue === "string"
          ? typeValue
          : (exampleType() ?? (typeof metaName === "string" ? metaName : operationKey));
    else {
      // The body is the payload: named by a header (such as X-GitHub-Event), with an action field.
      const nameHeader = parameters.map((p) => p.node).find((p) => /-event$/i.test(String(p.name)));
      if (!nameHeader) {
        // An allOf body left as written may have its data field in a part: say why it was not read as one.
        losses.push(
          unmerged
            ? { ...unmerged, reason: `${unmerged.reason} (the webhook ${pointer} is left out)` }
            : {
                pointer: `${pointer}/${method}/requestBody`,
                reason: "the body has no data field and no header parameter names the event (such as X-GitHub-Event)",
              },
        );
        continue;
      }
      namedBy = "header";
      headers.name ??= String(nameHeader.name);
      headers.id ??= parameters.map((p) => String(p.node.name)).find((n) => /-delivery$/i.test(n));
      const action = commonValue(body, "action", root!);
      const base = String(operation?.operationId ?? operationKey)
        .split("/")[0]!
        .replace(/[-\s]+/g, "_")
        .toLowerCase();
      name = typeof action === "string" ? `${base}.${action.replace(/[-\s]+/g, "_")}` : base;
      if (typeof action === "string") headers.action = "action";
    }
    if (note) notes.push(`${name}: the example (${source}:${lineOf(examplePointer!) ?? 0}) ${note}`);
    read.push({
      name,
      ...(description !== undefined && { description: description.replace(/\s+/g, " ").trim() }),
      pointer: `${pointer}/${method}/requestBody`,
      bodyPointer,
      namedBy,
      body: shape,
      ...(example !== undefined && { example, examplePointer }),
    });
  }

  // Components a webhook refers to, and those they refer to in turn.
  const defs: Record<string, ShapeSpec> = {};
  const defPointers: Record<string, string> = {};
  for (let grew = true; grew;) {
    grew = false;
    for (const name of [...reader.referenced]) {
      const key = reader.defNameOf(name);
      if (defs[key] !== undefined) continue;
      defPointers[key] = `/components/schemas/${escapePointer(name)}`;
      defs[key] = reader.convert(components[name], defPointers[key]!);
      grew = true;
    }
  }

  return {
    source,
    title: String((root!.info as Json | undefined)?.title ?? source),
    webhooks: onePerName(read, headers, losses),
    defs,
    defPointers,
    headers,
    // A part several bodies share (an envelope component) is read once per body: its losses once.
    losses: losses.filter((l, i) => losses.findIndex((o) => o.pointer === l.pointer && o.reason === l.reason) === i),
    notes,
    lineOf,
  };
}

/**
 * One event per name: a second operation that maps to a taken name (or to a header value whose
 * actions are events of their own) is a loss, not merged.
 */
function onePerName(read: OpenApiWebhook[], headers: OpenApiDocument["headers"], losses: Loss[]): OpenApiWebhook[] {
  const taken = new Set<string>();
  const withActions = new Set(read.filter((w) => w.name.includes(".")).map((w) => w.name.split(".")[0]));
  return read.filter((webhook) => {
    const clash = taken.has(webhook.name)
      ? "maps to the same event name as another operation"
      : headers.name && !webhook.name.includes(".") && withActions.has(webhook.name)
        ? `has no single action, but other ${webhook.name} events have one`
        : undefined;
    taken.add(webhook.name);
    if (clash) losses.push({ pointer: webhook.pointer, reason: `${clash} (${webhook.name}); left out` });
    return !clash;
  });
}

/** The example a document gives for a body: OpenAI's `x-oaiMeta.example` text, or the media type's. */
function exampleOf(
  body: Json,
  bodyPointer: string,
  media: Json,
  mediaPointer: string,
): { example?: unknown; examplePointer?: string; note?: string } {
  const meta = body["x-oaiMeta"] as Json | undefined;
  if (typeof meta?.example === "string") {
    const parsed = parseTolerantJson(meta.example);
    const at = `${bodyPointer}/x-oaiMeta/example`;
    return parsed.ok
      ? { example: parsed.value, examplePointer: at, ...(parsed.note && { note: parsed.note }) }
      : { examplePointer: at, note: parsed.note };
  }
  const at = mediaPointer;
  if (media.example !== undefined) return { example: media.example, examplePointer: `${at}/example` };
  const examples = media.examples as Json | undefined;
  const [first] = Object.entries(examples ?? {});
  const value = (first?.[1] as Json | undefined)?.value;
  return value !== undefined
    ? { example: value, examplePointer: `${at}/examples/${escapePointer(first![0])}/value` }
    : {};
}

/** The parameters listed at a place (a list, its members possibly references), each with its pointer. */
function parametersAt(list: unknown, at: string, root: Json): { node: Json; pointer: string }[] {
  return Array.isArray(list) ? list.map((p, i) => followAt(p, root, `${at}/${i}`)) : [];
}

/** What a header parameter says of its values: example, pattern, description (its own or its schema's). */
function declaredHeader(parameter: Json, pointer: string, root: Json): DeclaredHeader {
  const schema = follow(parameter.schema, root);
  const examples = Object.values((parameter.examples ?? {}) as Json).map((e) => (e as Json | undefined)?.value);
  const example = parameter.example ?? schema.example ?? (schema.examples as unknown[] | undefined)?.[0] ?? examples[0];
  const description = [parameter.description, schema.description].filter((d) => typeof d === "string").join(" ");
  return {
    name: String(parameter.name),
    pointer,
    ...(example !== undefined && { example }),
    ...(typeof schema.pattern === "string" && { pattern: schema.pattern }),
    ...(description !== "" && { description }),
  };
}

/** The one value a body's field has in every branch (a body may be a oneOf of variants with one action). */
function commonValue(body: Json, field: string, root: Json, depth = 0): unknown {
  const own = singleValue(follow((body.properties as Json | undefined)?.[field], root));
  if (own !== undefined) return own;
  const branches = (body.oneOf ?? body.anyOf) as unknown[] | undefined;
  // A union that refers to itself has no one value to find.
  if (!Array.isArray(branches) || branches.length === 0 || depth > REF_CHAIN_LIMIT) return undefined;
  const values = new Set(branches.map((b) => commonValue(follow(b, root), field, root, depth + 1)));
  const [value] = values;
  return values.size === 1 ? value : undefined;
}

/** A schema's one value: its `const`, or a one-value `enum`. */
function singleValue(schema: Json): unknown {
  return schema.const ?? (Array.isArray(schema.enum) && schema.enum.length === 1 ? schema.enum[0] : undefined);
}
