/**
 * Compiles shapes into straight-line checks for one generated module. Each keyword module says
 * what its keyword checks (`keywords/`); this file only orders the parts: the type test first
 * (when it fails, nothing else about the value is checked), then the checks that assume a type,
 * then references and combinations. Paths are built only when a check fails.
 */
import { ANNOTATION_KEYWORDS } from "../keywords/annotations.js";
import { KEYWORDS } from "../keywords/index.js";
import { TYPE_TESTS, type GuardContext, type GuardPath } from "../keywords/keyword.js";
import { LocalNames } from "../names.js";
// The generated code formats path segments at run time with the same function.
import { member as pathSegment } from "../runtime/validation.js";
import type { Shape } from "../shape.js";
import { stringLiteral, templateText } from "./code.js";

/** Globals the generated checks use: no local or module name may hide them. */
const GLOBALS = ["Number", "Array", "Object", "JSON", "String", "Set", "RegExp", "Math", "undefined", "globalThis"];
/** The parameters every generated check function takes. */
const PARAMETERS = ["value", "issues", "path", "depth", "start"];

type PathPart = { text: string } | { index: string } | { key: string };

class Path implements GuardPath {
  constructor(
    private readonly module: GuardModule,
    /** A variable holding the path so far at run time, or undefined for the value's root. */
    private readonly base: string | undefined,
    private readonly parts: readonly PathPart[] = [],
  ) {}

  child(name: string): GuardPath {
    return new Path(this.module, this.base, [...this.parts, { text: pathSegment(name) }]);
  }
  index(variable: string): GuardPath {
    return new Path(this.module, this.base, [...this.parts, { index: variable }]);
  }
  key(variable: string): GuardPath {
    return new Path(this.module, this.base, [...this.parts, { key: variable }]);
  }

  expression(): string {
    if (this.base !== undefined && this.parts.length === 0) return this.base;
    const suffix = this.suffix(this.base === undefined);
    return this.base === undefined ? suffix : `${this.module.helper("at")}(${this.base}, ${suffix})`;
  }

  private suffix(atRoot: boolean): string {
    const strip = (text: string, i: number) => (atRoot && i === 0 ? text.replace(/^\./, "") : text);
    if (this.parts.every((p) => "text" in p))
      return stringLiteral(this.parts.map((p, i) => strip((p as { text: string }).text, i)).join(""));
    const pieces = this.parts.map((p, i) => {
      if ("index" in p) return `[\${${p.index}}]`;
      if ("key" in p) return `\${${this.module.helper("member")}(${p.key})}`;
      return templateText(strip(p.text, i));
    });
    return `\`${pieces.join("")}\``;
  }
}

/** The checks of one generated module: its constants, helper functions and what it imports. */
export class GuardModule {
  readonly helpers = new Set<string>();
  /** Shared shapes whose validators the module calls. */
  readonly references = new Set<string>();
  private readonly declarations: string[] = [];
  private readonly functions = new Map<Shape, string>();
  private readonly names: LocalNames;

  constructor(
    readonly defs: ReadonlyMap<string, Shape>,
    readonly checkFormats: boolean,
    /** Names the module declares or imports besides the checks: they must stay unshadowed. */
    reserved: readonly string[],
    /** How a shared shape's validator is named. */
    private readonly validatorName: (def: string) => string,
  ) {
    this.names = new LocalNames([...GLOBALS, ...PARAMETERS, ...reserved, ...RUNTIME_HELPERS]);
  }

  helper(name: string): string {
    this.helpers.add(name);
    return name;
  }

  /** Module-level constants and check functions, in the order they were first needed. */
  get statements(): readonly string[] {
    return this.declarations;
  }

  /** The statements of a validator's body for `shape`, the value in `value`. */
  body(shape: Shape, base: string | undefined, depth: string): string[] {
    return this.context(depth).checks(shape, "value", new Path(this, base));
  }

  /** The statements checking `shape`'s fields on a `value` already known to be an object (no type test). */
  fieldChecks(shape: Shape): string[] {
    return checks({ ...shape, types: ["object"] }, "value", new Path(this, undefined), false, this.context("0"), true);
  }

  private context(depth: string): GuardContext {
    const module = this;
    const g: GuardContext = {
      depth,
      defs: this.defs,
      checkFormats: this.checkFormats,
      helper: (name) => this.helper(name),
      local: (hint) => this.names.take(hint),
      validatorOf: (def) => {
        this.references.add(def);
        return this.validatorName(def);
      },
      constant: (hint, expression) => {
        const name = this.names.take(hint);
        this.declarations.push(`const ${name} = /* @__PURE__ */ ${expression};`);
        return name;
      },
      functionFor: (shape) => module.functionFor(shape),
      fail: (condition, path, expected, v) =>
        `if (${condition === "true" ? "" : `${condition} && `}${this.helper("fail")}(issues, ${path.expression()}, ${stringLiteral(expected)}, ${v})) return false;`,
      report: (condition, path, message) =>
        `if (${condition === "true" ? "" : `${condition} && `}${this.helper("report")}(issues, ${path.expression()}, ${message})) return false;`,
      checks: (shape, v, path, optional = false) => checks(shape, v, path, optional, g),
    };
    return g;
  }

  /** A function `(value, issues, path, depth) => boolean` for `shape`: a shared shape's validator when it is only a reference. */
  functionFor(shape: Shape): string {
    if (shape.ref !== undefined && Object.keys(shape).every((k) => k === "ref" || ANNOTATION_KEYWORDS.has(k))) {
      this.references.add(shape.ref);
      return this.validatorName(shape.ref);
    }
    const known = this.functions.get(shape);
    if (known) return known;
    const name = this.names.take("checkShape");
    this.functions.set(shape, name);
    const body = this.body(shape, "path", "depth");
    this.helpers.add("ValidationIssue");
    this.declarations.push(
      [
        `function ${name}(value: unknown, issues: ValidationIssue[] | undefined, path: string, ${depthParameter(body)}: number): boolean {`,
        `const start = issues?.length ?? 0;`,
        ...body,
        `return issues === undefined || issues.length === start;`,
        `}`,
      ].join("\n"),
    );
    return name;
  }
}

/** Helpers of `runtime/validation.ts` the checks may call. */
export const RUNTIME_HELPERS = [
  "at",
  "duplicateItems",
  "fail",
  "isObject",
  "member",
  "own",
  "report",
  "stringLength",
  "MAX_DEPTH",
];

function checks(
  shape: Shape,
  v: string,
  path: GuardPath,
  optional: boolean,
  g: GuardContext,
  /** The value's type was tested already: only the checks that assume it. */
  known = false,
): string[] {
  let test: { mismatch: string; expected: string } | undefined;
  const typed = new Map<string, string[]>();
  const general: string[] = [];
  for (const keyword of KEYWORDS) {
    test ??= keyword.test?.(shape, v, g);
    // Listed values were checked against the typed keywords when the spec was read.
    if (!keyword.guard || (shape.values && keyword.appliesTo)) continue;
    const lines = keyword.guard(shape, v, path, g);
    if (lines.length === 0) continue;
    if (keyword.appliesTo) typed.set(keyword.appliesTo, [...(typed.get(keyword.appliesTo) ?? []), ...lines]);
    else general.push(...lines);
  }
  const body: string[] = [];
  for (const [type, lines] of typed) {
    // Checks that assume a type run only on values of that type, unless the type test already made sure.
    // (`Number.isInteger` does not narrow a type in TypeScript, so number checks always test `typeof`.)
    const sure = type !== "number" && shape.types?.every((t) => t === type);
    if (sure) body.push(...lines);
    else {
      if (type === "object") g.helper("isObject");
      const when = type === "number" ? `typeof ${v} === "number"` : TYPE_TESTS[type as "string"](v);
      body.push(`if (${when}) {`, ...lines, `}`);
    }
  }
  body.push(...general);

  if (known) return body;
  const present = optional ? `${v} !== undefined && ` : "";
  const guarded = (lines: string[]) => (optional ? [`if (${v} !== undefined) {`, ...lines, `}`] : lines);
  if (test) {
    if (body.length === 0) return [g.fail(present + test.mismatch, path, test.expected, v)];
    return guarded([`if (${test.mismatch}) {`, g.fail("true", path, test.expected, v), `} else {`, ...body, `}`]);
  }
  if (body.length === 0) return optional ? [] : [g.fail(`${v} === undefined`, path, "a value", v)];
  if (optional) return guarded(body);
  return [`if (${v} === undefined) {`, g.fail("true", path, "a value", v), `} else {`, ...body, `}`];
}

/** `depth`, or `_depth` where the checks do not pass it on (an unused parameter is marked so). */
export function depthParameter(body: readonly string[]): string {
  return body.some((line) => /\bdepth\b/.test(line)) ? "depth" : "_depth";
}
