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
import type { Declaration } from "../print/declarations.js";
import { binary, call, chain, id, num, pure, str, template, typeOf, type Expr } from "../print/expressions.js";
import { constant, ifStmt, ret, type Stmt } from "../print/statements.js";
import { arrayOf, t, union } from "../print/types.js";
// The generated code formats path segments at run time with the same function.
import { member as pathSegment } from "../runtime/validation.js";
import type { Shape } from "../shape.js";

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

  expression(): Expr {
    if (this.base !== undefined && this.parts.length === 0) return id(this.base);
    const suffix = this.suffix(this.base === undefined);
    return this.base === undefined ? suffix : call(this.module.helper("at"), [this.base, suffix]);
  }

  private suffix(atRoot: boolean): Expr {
    const strip = (text: string, i: number) => (atRoot && i === 0 ? text.replace(/^\./, "") : text);
    if (this.parts.every((p) => "text" in p))
      return str(this.parts.map((p, i) => strip((p as { text: string }).text, i)).join(""));
    // A template: text between the run-time parts (an index, a key formatted as the path formats it).
    const quasis = [""];
    const exprs: Expr[] = [];
    this.parts.forEach((p, i) => {
      if ("text" in p) quasis[quasis.length - 1] += strip(p.text, i);
      else if ("index" in p) {
        quasis[quasis.length - 1] += "[";
        exprs.push(id(p.index));
        quasis.push("]");
      } else {
        exprs.push(call(this.module.helper("member"), [p.key]));
        quasis.push("");
      }
    });
    return template(quasis, exprs);
  }
}

/** The checks of one generated module: its constants, helper functions and what it imports. */
export class GuardModule {
  readonly helpers = new Set<string>();
  /** Shared shapes whose validators the module calls. */
  readonly references = new Set<string>();
  private readonly declarations: Declaration[] = [];
  private readonly functions = new Map<Shape, string>();
  private readonly names: LocalNames;
  /** Whether the body being compiled passes its depth on (an unused parameter is marked `_depth`). */
  private depthUsed = false;

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
  get statements(): readonly Declaration[] {
    return this.declarations;
  }

  /** The statements of a validator's body for `shape`, the value in `value`, and whether they use `depth`. */
  body(shape: Shape, base: string | undefined, depth: Expr): { statements: Stmt[]; usesDepth: boolean } {
    const outer = this.depthUsed;
    this.depthUsed = false;
    const statements = this.context(depth).checks(shape, "value", new Path(this, base));
    const usesDepth = this.depthUsed;
    this.depthUsed = outer;
    return { statements, usesDepth };
  }

  /** The statements checking `shape`'s fields on a `value` already known to be an object (no type test). */
  fieldChecks(shape: Shape): Stmt[] {
    return checks(
      { ...shape, types: ["object"] },
      "value",
      new Path(this, undefined),
      false,
      this.context(num(0)),
      true,
    );
  }

  private context(depth: Expr): GuardContext {
    const module = this;
    const stop = (condition: Expr | undefined, helper: string, args: readonly (Expr | string)[]): Stmt => {
      const record = call(this.helper(helper), ["issues", ...args]);
      return ifStmt(condition ? chain("&&", [condition, record]) : record, ret(id("false")));
    };
    const g: GuardContext = {
      get depth() {
        module.depthUsed = true;
        return depth;
      },
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
        // A call made at load time is marked pure, so a bundler may drop it with the module's unused checks.
        const init = expression.k === "call" ? pure(expression) : expression;
        this.declarations.push({ k: "const", name, init, exported: false });
        return name;
      },
      functionFor: (shape) => module.functionFor(shape),
      fail: (condition, path, expected, v) => stop(condition, "fail", [path.expression(), str(expected), v]),
      report: (condition, path, message) => stop(condition, "report", [path.expression(), message]),
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
    const { statements, usesDepth } = this.body(shape, "path", id("depth"));
    this.helpers.add("ValidationIssue");
    this.declarations.push({
      k: "function",
      name,
      exported: false,
      params: [
        { name: "value", type: t("unknown") },
        { name: "issues", type: union([arrayOf(t("ValidationIssue")), t("undefined")]) },
        { name: "path", type: t("string") },
        { name: usesDepth ? "depth" : "_depth", type: t("number") },
      ],
      returns: t("boolean"),
      body: [startCount(), ...statements, outcome()],
    });
    return name;
  }
}

/** `const start = issues?.length ?? 0;`: where this check's issues begin. */
export function startCount(): Stmt {
  return constant("start", binary({ k: "member", object: id("issues"), name: "length", optional: true }, "??", num(0)));
}

/** `return issues === undefined || issues.length === start;`: true when this check found nothing. */
export function outcome(): Stmt {
  return ret(
    chain("||", [
      binary("issues", "===", "undefined"),
      binary({ k: "member", object: id("issues"), name: "length" }, "===", "start"),
    ]),
  );
}

/** Helpers of `runtime/validation.ts` the checks may call. */
export const RUNTIME_HELPERS = [
  "at",
  "duplicateItems",
  "equalJson",
  "includesJson",
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
): Stmt[] {
  let test: { mismatch: Expr; expected: string } | undefined;
  const typed = new Map<string, Stmt[]>();
  const general: Stmt[] = [];
  for (const keyword of KEYWORDS) {
    test ??= keyword.test?.(shape, v, g);
    // Listed values were checked against the typed keywords when the spec was read.
    if (!keyword.guard || (shape.values && keyword.appliesTo)) continue;
    const lines = keyword.guard(shape, v, path, g);
    if (lines.length === 0) continue;
    if (keyword.appliesTo) typed.set(keyword.appliesTo, [...(typed.get(keyword.appliesTo) ?? []), ...lines]);
    else general.push(...lines);
  }
  const body: Stmt[] = [];
  for (const [type, lines] of typed) {
    // Checks that assume a type run only on values of that type, unless the type test already made sure.
    // (`Number.isInteger` does not narrow a type in TypeScript, so number checks always test `typeof`.)
    const sure = type !== "number" && shape.types?.every((x) => x === type);
    if (sure) body.push(...lines);
    else {
      if (type === "object") g.helper("isObject");
      const when = type === "number" ? binary(typeOf(v), "===", str("number")) : TYPE_TESTS[type as "string"](v);
      body.push(ifStmt(when, lines));
    }
  }
  body.push(...general);

  if (known) return body;
  const absent = binary(v, "===", "undefined");
  const present = binary(v, "!==", "undefined");
  const guarded = (lines: Stmt[]) => (optional ? [ifStmt(present, lines)] : lines);
  if (test) {
    if (body.length === 0)
      return [g.fail(optional ? chain("&&", [present, test.mismatch]) : test.mismatch, path, test.expected, v)];
    return guarded([ifStmt(test.mismatch, [g.fail(undefined, path, test.expected, v)], body)]);
  }
  if (body.length === 0) return optional ? [] : [g.fail(absent, path, "a value", v)];
  if (optional) return guarded(body);
  return [ifStmt(absent, [g.fail(undefined, path, "a value", v)], body)];
}
