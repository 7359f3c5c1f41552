/**
 * ajv's errors against the spec format's schema, as messages that say what is wrong and what to
 * do: one per place, with the fix for the YAML slips that land a value somewhere else than meant
 * (an unquoted null in a type list, an event's example indented into its data).
 */
import type { ErrorObject } from "ajv";
import { formatPath, unescapePointer, type DataPath } from "./errors.js";
import type { LoadedSpec } from "./load.js";
import { REFUSED_KEYWORDS } from "./keywords/refused.js";
import { jsonTypeOf } from "./shape.js";
import { didYouMean } from "./suggest.js";

/** Turns ajv's errors into messages that say what is wrong and what to do, one per place. */
export function describeAjvErrors(
  errors: readonly ErrorObject[],
  loaded: Pick<LoadedSpec, "data" | "locate">,
): { path: DataPath; message: string; at: "key" | "value" }[] {
  // An anyOf failure explains itself; the failures of its branches at the same place are noise.
  const anyOfPlaces = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  const relevant = errors.filter((e) => e.keyword === "anyOf" || !anyOfPlaces.has(e.instancePath));
  const out = new Map<string, { path: DataPath; message: string; at: "key" | "value" }>();
  for (const e of relevant) {
    if (e.keyword === "not" || e.keyword === "if") continue;
    const path: (string | number)[] = e.instancePath.split("/").slice(1).map(unescapePointer);
    // A type list with a bare null: the item's own message says to quote it.
    if (e.keyword === "anyOf" && path.at(-1) === "type" && Array.isArray(e.data) && e.data.includes(null)) continue;
    let at: "key" | "value" = "value";
    let message: string;
    const hint = (e.parentSchema as { "x-hint"?: string } | undefined)?.["x-hint"];
    switch (e.keyword) {
      case "required": {
        path.push(e.params.missingProperty);
        const misplaced = path.length === 3 && path[2] === "example" ? misplacedExample(loaded, path[1]) : undefined;
        message = misplaced
          ? `is required; the one on line ${misplaced.line} is indented one level too deep, inside data: dedent it to column ${misplaced.column}, the column of data:`
          : "is required";
        break;
      }
      case "additionalProperties": {
        path.push(e.params.additionalProperty);
        at = "key";
        const known = Object.keys((e.parentSchema as { properties?: object }).properties ?? {});
        const nearest = known.includes("anyOf") ? REFUSED_KEYWORDS[e.params.additionalProperty] : undefined;
        const misplaced =
          path.length === 4 && path[2] === "data" && path[3] === "example"
            ? misplacedExample(loaded, path[1])
            : undefined;
        message = misplaced
          ? `is the event's example indented one level too deep, so it lands inside data (a shape, where example is not a keyword): dedent it to column ${misplaced.column}, the column of data:`
          : nearest
            ? `is not supported: ${nearest}`
            : `is not a supported field here${didYouMean(e.params.additionalProperty, known) || ";"} expected one of: ${known.join(", ")}`;
        break;
      }
      case "propertyNames":
        path.push(e.params.propertyName);
        at = "key";
        message = "is added by the generator for every event; remove it here";
        break;
      case "type":
        message = `expected ${[e.params.type].flat().join(" or ")}, got ${jsonTypeOf(e.data)}${hint ? `; ${hint}` : ""}`;
        break;
      case "enum":
        message =
          e.data === null && path.at(-2) === "type"
            ? 'is a bare null, which YAML reads as no value, not the type name: quote it, "null" (as in type: [string, "null"])'
            : `expected one of ${e.params.allowedValues.map((v: unknown) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(e.data)}`;
        break;
      case "const":
        message = `expected ${JSON.stringify(e.params.allowedValue)}, got ${JSON.stringify(e.data)}`;
        break;
      case "pattern":
        message = `${JSON.stringify(e.data)} is not allowed: ${hint ?? `it must match ${e.params.pattern}`}`;
        break;
      case "anyOf":
        message = `expected a type name (string, integer, number, boolean, null, object, array) or a list of them, got ${JSON.stringify(e.data)}${e.data === null ? '; a bare null is no value in YAML: quote it, type: "null"' : ""}`;
        break;
      default:
        message = e.message ?? e.keyword;
    }
    const key = `${formatPath(path)}\0${message}`;
    if (!out.has(key)) out.set(key, { path, message, at });
  }
  return [...out.values()];
}

/**
 * Where an event's example should start when it was written one level too deep, under `data`:
 * the event has no example of its own, and the one under data is an object shaped like an event's
 * (envelope fields such as type or data, or the event's name; in header layout any object, since
 * there the example is the payload data describes). A shape-level example of another kind is not
 * this slip, and keeps the shape's own hint.
 */
function misplacedExample(
  loaded: Pick<LoadedSpec, "data" | "locate">,
  index: string | number | undefined,
): { line: number; column: number } | undefined {
  const root = loaded.data as { layout?: unknown; events?: unknown } | null;
  if (typeof index !== "number" || !Array.isArray(root?.events)) return undefined;
  const event = root.events[index] as { name?: unknown; data?: { example?: unknown }; example?: unknown } | undefined;
  if (!isObject(event) || "example" in event || !isObject(event.data)) return undefined;
  const example = event.data.example;
  if (!isObject(example)) return undefined;
  const likeAnEvent =
    root.layout !== undefined ||
    "type" in example ||
    "data" in example ||
    Object.values(example).some((v) => v === event.name);
  if (!likeAnEvent) return undefined;
  const data = loaded.locate(["events", index, "data"], "key");
  const misplaced = loaded.locate(["events", index, "data", "example"], "key");
  return { line: misplaced.line, column: data.column };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
