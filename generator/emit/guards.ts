import type { CatalogueModel, EventModel, JsonType, Shape } from "../model.js";
import { LocalNames } from "../names.js";
// The generated code formats path segments at run time with the same function.
import { member as pathSegment } from "../runtime/validation.js";
import { member, stringLiteral, templateText } from "./code.js";
import { importFrom, renderModule, type GeneratedFile } from "./module.js";

/**
 * `guards/<name>.ts`: the event's validator and guard, compiled from its shape into straight-line
 * checks. The validator is the one description of the shape at run time: the guard calls it
 * without an issue list, `parseWebhookEvent` with one, so they cannot disagree.
 */
export function emitGuards(model: CatalogueModel): GeneratedFile[] {
  return model.events.map((event) => {
    const validator = validatorFunction(event);
    const helpers = RUNTIME_HELPERS.filter((name) => new RegExp(`\\b${name}\\(`).test(validator));
    return {
      path: `guards/${event.fileName}.ts`,
      contents: renderModule(model.source, [
        importFrom(`../events/${event.fileName}.js`, [event.typeName], true),
        importFrom("../runtime/standard-schema.js", ["standardSchema", "type StandardSchemaV1"]),
        importFrom("../runtime/validation.js", [...helpers, "type ValidationIssue"]),
        validator,
        guardFunction(event),
        `/** {@link ${event.validatorName}} as a Standard Schema v1, for libraries that accept one. */\nexport const ${event.standardSchemaName}: StandardSchemaV1<unknown, ${event.typeName}> = /* @__PURE__ */ standardSchema(${event.validatorName});`,
      ]),
    };
  });
}

const RUNTIME_HELPERS = ["fail", "isObject", "member", "own"];

function validatorFunction(event: EventModel): string {
  const names = new LocalNames(["value", "issues", "start", ...RUNTIME_HELPERS]);
  const body = checks(event.shape, "value", [], names);
  return [
    `/**`,
    ` * Checks that \`value\` is a {@link ${event.typeName}}. Without \`issues\` it stops at the first`,
    ` * mismatch; with \`issues\` it records every mismatch there. Properties the shape does not name are allowed.`,
    ` */`,
    `export function ${event.validatorName}(value: unknown, issues?: ValidationIssue[]): value is ${event.typeName} {`,
    `const start = issues?.length ?? 0;`,
    ...body,
    `return issues === undefined || issues.length === start;`,
    `}`,
  ].join("\n");
}

function guardFunction(event: EventModel): string {
  return [
    `/** True when \`value\` is a {@link ${event.typeName}}: the whole shape is checked, not only \`type\`. Never throws. */`,
    `export function ${event.guardName}(value: unknown): value is ${event.typeName} {`,
    `try {`,
    `return ${event.validatorName}(value);`,
    `} catch {`,
    `return false; // a getter or Proxy that throws is not a webhook payload`,
    `}`,
    `}`,
  ].join("\n");
}

/** A path as users see it, built from static text and, inside loops, index and key variables. */
type PathPart = { text: string } | { index: string } | { key: string };

function pathExpression(parts: readonly PathPart[]): string {
  if (parts.every((p) => "text" in p))
    return stringLiteral(
      parts
        .map((p) => (p as { text: string }).text)
        .join("")
        .replace(/^\./, ""),
    );
  const pieces = parts.map((p, i) => {
    if ("index" in p) return `[\${${p.index}}]`;
    if ("key" in p) return `\${member(${p.key})}`;
    return templateText(i === 0 ? p.text.replace(/^\./, "") : p.text);
  });
  return `\`${pieces.join("")}\``;
}

const TYPE_TESTS: Record<JsonType, (v: string) => string> = {
  object: (v) => `isObject(${v})`,
  array: (v) => `Array.isArray(${v})`,
  string: (v) => `typeof ${v} === "string"`,
  integer: (v) => `Number.isInteger(${v})`,
  number: (v) => `Number.isFinite(${v})`,
  boolean: (v) => `typeof ${v} === "boolean"`,
  null: (v) => `${v} === null`,
};

function failure(condition: string, path: readonly PathPart[], expected: string, v: string): string {
  return `if (${condition} && fail(issues, ${pathExpression(path)}, ${stringLiteral(expected)}, ${v})) return false;`;
}

/** What a mismatch message says was expected: `string or null`, `"event"`, `one of "a", "b"`. */
function expectedOf(shape: Shape): string {
  if (shape.values) {
    const listed = shape.values.map((value) => JSON.stringify(value));
    return listed.length === 1 ? listed[0]! : `one of ${listed.join(", ")}`;
  }
  return shape.types?.join(" or ") ?? "a value";
}

/**
 * Statements that check the value in variable `v` against `shape`. A missing value (undefined)
 * fails every type test, so `fail` reports it as "is required"; an optional one is skipped first.
 */
function checks(shape: Shape, v: string, path: readonly PathPart[], names: LocalNames, optional = false): string[] {
  const structured =
    (shape.properties || shape.mapValues) && (!shape.types || shape.types.includes("object"))
      ? "object"
      : shape.items
        ? "array"
        : undefined;
  const nested = structured ? structuredChecks(shape, v, path, names) : [];
  const present = optional ? `${v} !== undefined && ` : "";

  if (shape.values) {
    // Listed values imply their types; one comparison per value says all there is to say.
    const test = shape.values
      .map(
        (value) =>
          `${v} !== ${value === null ? "null" : typeof value === "string" ? stringLiteral(value) : String(value)}`,
      )
      .join(" && ");
    return [failure(present + test, path, expectedOf(shape), v)];
  }
  if (!shape.types) {
    const container = nested.length > 0 ? [`if (${TYPE_TESTS[structured!](v)}) {`, ...nested, `}`] : [];
    return optional ? container : [failure(`${v} === undefined`, path, expectedOf(shape), v), ...container];
  }
  const test = shape.types.map((t) => TYPE_TESTS[t](v)).join(" || ");
  if (nested.length === 0)
    return [failure(present + (shape.types.length === 1 ? negate(test) : `!(${test})`), path, expectedOf(shape), v)];

  const mismatch = `if (fail(issues, ${pathExpression(path)}, ${stringLiteral(expectedOf(shape))}, ${v})) return false;`;
  // One structured type, the common case: the children are checked once the container is right.
  const lines =
    shape.types.length === 1
      ? [`if (!${test}) {`, mismatch, `} else {`, ...nested, `}`]
      : [`if (!(${test})) {`, mismatch, `} else if (${TYPE_TESTS[structured!](v)}) {`, ...nested, `}`];
  return optional ? [`if (${v} !== undefined) {`, ...lines, `}`] : lines;
}

function negate(test: string): string {
  return / === /.test(test) ? test.replace(" === ", " !== ") : `!${test}`;
}

function structuredChecks(shape: Shape, v: string, path: readonly PathPart[], names: LocalNames): string[] {
  const out: string[] = [];
  for (const property of shape.properties ?? []) {
    const local = names.take(`${v === "value" ? "" : `${v}_`}${property.name}`);
    // Inherited names (`constructor`, `toString`, `__proto__` …) must be read as own properties.
    const read =
      property.name in Object.prototype ? `own(${v}, ${stringLiteral(property.name)})` : member(v, property.name);
    const childPath = [...path, { text: pathSegment(property.name) }];
    out.push(`const ${local} = ${read};`, ...checks(property.shape, local, childPath, names, !property.required));
  }
  if (shape.mapValues) {
    const key = names.take("key");
    const entry = names.take(`${v}_entry`);
    const inner = checks(shape.mapValues, entry, [...path, { key }], names);
    if (inner.length > 0)
      out.push(`for (const ${key} of Object.keys(${v})) {`, `const ${entry} = ${v}[${key}];`, ...inner, `}`);
  }
  if (shape.items) {
    const index = names.take("i");
    const item = names.take(`${v}_item`);
    const inner = checks(shape.items, item, [...path, { index }], names);
    if (inner.length > 0)
      out.push(
        `for (let ${index} = 0; ${index} < ${v}.length; ${index}++) {`,
        `const ${item} = ${v}[${index}];`,
        ...inner,
        `}`,
      );
  }
  return out;
}
