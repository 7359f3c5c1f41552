import { join } from "node:path";
import { PACKAGE_ROOT } from "./paths.js";
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import { SpecError, eventOf, formatPath, type DataPath, type SpecProblem } from "./errors.js";
import { describeAjvErrors } from "./describe-ajv-errors.js";
import type { LoadedSpec } from "./load.js";
import {
  defTypeName,
  FIXED_EXPORTS,
  GLOBAL_NAMES,
  identifiersOf,
  identifiersOfDef,
  resourceOf,
  resourceTypeName,
} from "./names.js";
import { KEYWORDS } from "./keywords/index.js";
import type { CheckContext } from "./keywords/keyword.js";
import { followRefs, loopWithoutValue } from "./keywords/ref.js";
import { possibleTypes } from "./keywords/union.js";
import { nameTitledShapes } from "./named-shapes.js";
import { codePoints, deepestPath, keysWithInvisibleCharacters, MAX_DEPTH } from "./validate-data.js";
import { mismatches, toShape } from "./shape.js";
import {
  composeEventSchema,
  composeExample,
  DEFAULT_ID_FIELD,
  splitName,
  type EventSpec,
  type SchemaSpec,
  type ShapeSpec,
  type Spec,
  withDefaults,
} from "./spec.js";

/** The spec format's own JSON Schema: the same file editors use through the YAML language server. */
export const SPEC_SCHEMA_PATH = join(PACKAGE_ROOT, "spec", "events.schema.json");

let specSchemaValidator: ValidateFunction | undefined;
function newAjv() {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: "x-hint", schemaType: "string" });
  return ajv;
}

/** Checks a loaded spec against the format and every rule beyond it; reports all problems at once. */
export function validateSpec(loaded: LoadedSpec): Spec {
  specSchemaValidator ??= newAjv().compile(JSON.parse(readFileSync(SPEC_SCHEMA_PATH, "utf8")));
  const problems: SpecProblem[] = [];
  const eventName = (index: number) => (loaded.data as { events?: { name?: unknown }[] } | null)?.events?.[index]?.name;
  const report = (path: DataPath, message: string, at: "key" | "value" = "value") =>
    problems.push({
      file: loaded.file,
      ...loaded.locate(path, at),
      path: formatPath(path),
      message,
      ...eventOf(path, eventName),
    });

  if (loaded.data === null || loaded.data === undefined) {
    report([], "the spec is empty; start from the example in the README");
    throw new SpecError(problems);
  }
  const deep = deepestPath(loaded.data, MAX_DEPTH);
  if (deep) {
    report(deep, `is nested more than ${MAX_DEPTH} levels deep; flatten the spec`);
    throw new SpecError(problems);
  }
  for (const path of keysWithInvisibleCharacters(loaded.data))
    report(
      path,
      `contains an invisible or bidirectional control character (${codePoints(String(path.at(-1)))}); remove it: names must read as they are`,
      "key",
    );
  if (!specSchemaValidator(loaded.data)) {
    for (const p of describeAjvErrors(specSchemaValidator.errors ?? [], loaded)) report(p.path, p.message, p.at);
  }
  // The rules below read the structure the format guarantees, so they run only where it holds.
  const broken = new Set(problems.map((p) => p.path));
  const spec = withDefaults(loaded.data) as Spec;
  // A rule runs when the parts it reads are well-formed, so one typo does not hide other problems.
  const wellFormed = (i: number, ...fields: string[]) =>
    ![...broken].some(
      (p) =>
        p === `events[${i}]` ||
        fields.some(
          (f) => p === `events[${i}].${f}` || p.startsWith(`events[${i}].${f}.`) || p.startsWith(`events[${i}].${f}[`),
        ),
    );
  const envelopeIsWellFormed = ![...broken].some((p) => p.startsWith("envelope") || p === "");
  if (!Array.isArray(spec.events) || !envelopeIsWellFormed) throw new SpecError(problems);

  checkShapeRules(
    spec.envelope.properties && {
      type: "object",
      properties: spec.envelope.properties,
      required: spec.envelope.required,
    },
    ["envelope"],
    report,
    spec,
  );

  checkSigning(spec, report);
  const identifiers = new Map<string, string>(FIXED_EXPORTS.map((name) => [name, "a name the package always exports"]));
  // Each event claims the identifiers it gives; a clash is reported once, naming what it clashes with.
  const claim = (wanted: string[], owner: string, path: DataPath) => {
    const clashes = wanted.filter((id) => identifiers.has(id) && identifiers.get(id) !== owner);
    if (clashes.length > 0) {
      const holder = identifiers.get(clashes[0]!)!;
      report(path, `gives the identifier ${clashes.join(", ")}, which ${holder} already gives; rename one of them`);
    }
    for (const id of wanted) if (!identifiers.has(id)) identifiers.set(id, owner);
  };
  const seen = new Map<string, number>();
  for (const [name, def] of Object.entries(spec.$defs ?? {})) {
    checkShapeRules(def, ["$defs", name], report, spec);
    const loop = loopWithoutValue(name, spec.$defs!);
    if (loop)
      report(
        ["$defs", name, ...loop],
        "refers back to its own shape with no value in between, so it never says what a value is; put the reference under properties or items, or remove it",
      );
  }
  const named = nameTitledShapes(spec);
  for (const problem of named.problems) report(problem.path, problem.message);
  for (const [name, path] of named.origins) {
    claim(identifiersOfDef(name), `the shared shape ${name}`, path);
    if (GLOBAL_NAMES.has(defTypeName(name)))
      report(
        path,
        `would be exported as ${defTypeName(name)}, which hides a global of the same name; rename it`,
        "key",
      );
  }
  const shapesAreSound = problems.length === 0;
  spec.events.forEach((event, i) => {
    if (!wellFormed(i)) return;
    const at = (...rest: (string | number)[]) => ["events", i, ...rest];
    const first = seen.get(event.name);
    if (wellFormed(i, "name") && first !== undefined) {
      report(at("name"), `duplicates the name of events[${first}]; each event needs its own name`);
    } else if (wellFormed(i, "name")) {
      seen.set(event.name, i);
      claim(identifiersOf(event.name, spec.layout !== undefined), `event ${event.name}`, at("name"));
      const resource = spec.layout
        ? splitName(event.name, spec.layout).action !== undefined
          ? splitName(event.name, spec.layout).headerValue
          : undefined
        : resourceOf(event.name);
      if (!spec.layout && !event.name.includes("."))
        report(
          at("name"),
          `"${event.name}" is not allowed: use two or more dot-separated segments, such as thing.created (one is enough when layout.name_header names the events)`,
        );
      if (resource !== undefined) claim([resourceTypeName(resource)], `the union of resource ${resource}`, at("name"));
    }
    for (const key of Object.keys(wellFormed(i, "envelope") ? (event.envelope ?? {}) : {})) {
      if (!(key in spec.envelope.properties))
        report(
          at("envelope", key),
          `is not an envelope field; expected one of: ${Object.keys(spec.envelope.properties).join(", ")}`,
          "key",
        );
    }
    if (!wellFormed(i, "data")) return;
    const before = problems.length;
    checkShapeRules(event.data, at("data"), report, spec);
    checkDataIsObject(event, at, report, spec);
    for (const [key, own] of Object.entries(wellFormed(i, "envelope") ? (event.envelope ?? {}) : {}))
      if (typeof own === "object") checkShapeRules(own, at("envelope", key), report, spec);
    if (wellFormed(i, "id_field") && (event.id_prefix !== undefined || event.id_field !== undefined))
      checkIdField(event, at, report, spec);
    // An example is read against its shape only once the shape (and every shared one) is sound.
    const oneSegment = !spec.layout && !event.name.includes(".");
    if (wellFormed(i, "name", "example", "id_prefix") && problems.length === before && shapesAreSound && !oneSegment)
      checkExample(spec, event, at, report);
  });

  if (problems.length > 0) throw new SpecError(problems);
  return spec;
}

type Report = (path: DataPath, message: string, at?: "key" | "value") => void;

const defShapesCache = new WeakMap<Spec, Map<string, ReturnType<typeof toShape>>>();
/** The spec's shared shapes, read once per spec (every event's checks use them). */
function defShapesOf(spec: Spec): Map<string, ReturnType<typeof toShape>> {
  let shapes = defShapesCache.get(spec);
  if (!shapes) {
    shapes = new Map(Object.entries(spec.$defs ?? {}).map(([name, def]) => [name, toShape(def)]));
    defShapesCache.set(spec, shapes);
  }
  return shapes;
}

/** Rules on shapes that JSON Schema itself cannot state: each keyword module's, then where keywords apply. */
function checkShapeRules(shape: SchemaSpec, path: DataPath, report: Report, spec: Spec): void {
  const defs = spec.$defs ?? {};
  const checkFormats = spec.options?.check_formats ?? false;
  const defShapes = defShapesOf(spec);
  const walk = (node: SchemaSpec, at: DataPath): void => {
    // `true` and `false` are whole schemas: no keyword to check.
    if (typeof node === "boolean") return;
    const context: CheckContext = {
      defs,
      checkFormats,
      report: (relative, message, where) => report([...at, ...relative], message, where),
      accepts: (s, value) => mismatches(toShape(s), value, defShapes, checkFormats),
    };
    for (const keyword of KEYWORDS) keyword.check?.(node, context);
    const types = node.type === undefined ? undefined : [node.type].flat();
    for (const keyword of KEYWORDS) {
      const wanted = keyword.appliesTo;
      if (!wanted || !types || types.some((t) => t === wanted || (wanted === "number" && t === "integer"))) continue;
      for (const name of keyword.names.filter((n) => n in node))
        report(
          [...at, name],
          `applies only to ${wanted} values, but the type is ${types.join(" or ")}; add ${wanted} to type or remove ${name}`,
          "key",
        );
    }
    for (const [name, child] of Object.entries(node.properties ?? {})) walk(child, [...at, "properties", name]);
    for (const [name, child] of Object.entries(node.patternProperties ?? {}))
      walk(child, [...at, "patternProperties", name]);
    if (typeof node.additionalProperties === "object") walk(node.additionalProperties, [...at, "additionalProperties"]);
    if (node.items) walk(node.items, [...at, "items"]);
    for (const kind of ["anyOf", "oneOf", "allOf"] as const)
      node[kind]?.forEach((child, i) => walk(child, [...at, kind, i]));
  };
  walk(shape, path);
}

/** Each signing scheme's own fields: a header for the one-header schemes, a prefix only where it means something. */
function checkSigning(spec: Spec, report: Report): void {
  const signing = spec.signing;
  if (!signing) return;
  const oneHeader = signing.scheme !== "standard-webhooks";
  if (oneHeader && signing.header === undefined)
    report(["signing"], `uses ${signing.scheme}, which needs header: the name of the header that holds the signature`);
  if (!oneHeader && signing.header !== undefined)
    report(["signing", "header"], "is fixed by standard-webhooks (webhook-signature); remove it", "key");
  if (signing.prefix !== undefined && signing.scheme !== "hmac-sha256")
    report(["signing", "prefix"], `applies to hmac-sha256 only; ${signing.scheme} has its own format`, "key");
  if (signing.tolerance_seconds !== undefined && signing.scheme === "hmac-sha256")
    report(
      ["signing", "tolerance_seconds"],
      "has nothing to check: hmac-sha256 signs no time (requests can be replayed; say so to the sender's owners)",
      "key",
    );
}

/**
 * `data` (a header-named event's payload) is an object: a shape of type object, a reference to one
 * or a union of them. What else it could be is refused, with the fix.
 */
function checkDataIsObject(
  event: EventSpec,
  at: (...rest: (string | number)[]) => DataPath,
  report: Report,
  spec: Spec,
): void {
  const types = possibleTypes(toShape(event.data), defShapesOf(spec));
  types.delete("integer");
  if (types.size === 1 && types.has("object")) return;
  const can = types.size === 0 ? "no value" : [...types].join(" or ");
  report(
    at("data"),
    `can be ${can}, but an event's data is an object: add type: object, or $ref a shared object shape`,
  );
}

function checkIdField(
  event: EventSpec,
  at: (...rest: (string | number)[]) => DataPath,
  report: Report,
  spec: Spec,
): void {
  const field = event.id_field ?? DEFAULT_ID_FIELD;
  // The ID field may be declared by the shared shape `data` refers to.
  const followed = followRefs(event.data, spec.$defs);
  const data = typeof followed === "object" ? followed : {};
  const shape = data.properties?.[field];
  const where = event.id_field === undefined ? at("data", "properties") : at("id_field");
  if (shape === undefined)
    report(where, `names "${field}" as the ID field, but data has no such property; declare it or set id_field`);
  else if (!data.required?.includes(field) || typeof shape !== "object" || [shape.type].flat().join() !== "string") {
    report(at("data", "properties", field), `is the ID field, so it must be a required string`);
  }
}

function checkExample(
  spec: Spec,
  event: EventSpec,
  at: (...rest: (string | number)[]) => DataPath,
  report: Report,
): void {
  const defs = defShapesOf(spec);
  const found = mismatches(
    toShape(composeEventSchema(spec.envelope, event, spec.layout)),
    composeExample(event, spec.layout),
    defs,
    spec.options?.check_formats ?? false,
  );
  // In header layout the example is the payload: its mismatches are placed inside it.
  const place = (path: (string | number)[]) => (spec.layout ? (path[0] === "payload" ? path.slice(1) : []) : path);
  for (const m of found)
    report(at("example", ...place(m.path)), `${m.message} (the example does not match the event's shape)`);
  if (found.length > 0) return;
  // In header layout the example is the payload itself: the object the event points at is in it.
  const example = event.example as { id?: unknown; data?: Record<string, unknown> } & Record<string, unknown>;
  const data = spec.layout ? example : (example.data ?? {});
  const eventPrefix = spec.envelope.id_prefix;
  if (
    !spec.layout &&
    eventPrefix !== undefined &&
    typeof example.id === "string" &&
    !example.id.startsWith(eventPrefix)
  )
    report(at("example", "id"), `should start with the envelope's id_prefix "${spec.envelope.id_prefix}"`);
  const field = event.id_field ?? DEFAULT_ID_FIELD;
  const id = data[field];
  if (event.id_prefix !== undefined && typeof id === "string" && !id.startsWith(event.id_prefix))
    report(
      at("example", ...(spec.layout ? [] : ["data"]), field),
      `should start with the event's id_prefix "${event.id_prefix}"`,
    );
}
