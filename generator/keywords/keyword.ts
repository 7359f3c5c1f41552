/**
 * What one JSON Schema keyword (or family) means, in one place: how it is read into the model,
 * which contradictions are refused, what the generator accepts (examples), the TS type, the
 * guard's checks and messages, the exported JSON Schema and the JSDoc. A new keyword is a new
 * module listed in `index.ts`, not edits in four emitters.
 */
import { binary, call, chain, id, member, not, num, str, typeOf, type Expr } from "../print/expressions.js";
import { ifStmt, ret, type Stmt } from "../print/statements.js";
import type { TypeNode } from "../print/types.js";
import type { MutableShape, Shape } from "../shape.js";
import type { JsonType, SchemaSpec, ShapeSpec } from "../spec.js";

export interface ShapeMismatch {
  path: (string | number)[];
  message: string;
}

export interface CheckContext {
  /** Reports a problem at a path relative to the shape being checked. */
  report(path: readonly (string | number)[], message: string, at?: "key" | "value"): void;
  /** The spec's shared shapes, by name. */
  defs: Readonly<Record<string, SchemaSpec>>;
  checkFormats: boolean;
  /** The value check of the finished model, for keywords whose rules are about values (const, enum). */
  accepts(spec: SchemaSpec, value: unknown): ShapeMismatch[];
}

export interface AcceptContext {
  defs: ReadonlyMap<string, Shape>;
  checkFormats: boolean;
  /** Checks `value` against `shape`, recording mismatches in `into` (default: the result); true when it matches. */
  check(shape: Shape, value: unknown, path: (string | number)[], into?: ShapeMismatch[]): boolean;
}

/** A place in the checked value, as the generated code builds it (only when a check fails). */
export interface GuardPath {
  expression(): Expr;
  child(name: string): GuardPath;
  index(variable: string): GuardPath;
  key(variable: string): GuardPath;
}

export interface GuardContext {
  /** The checks of `shape` for the value in variable `v`; `optional` skips an absent value. */
  checks(shape: Shape, v: string, path: GuardPath, optional?: boolean): Stmt[];
  /** A statement: when `condition` holds (always, when absent), record "expected …, got …" and stop if nobody collects. */
  fail(condition: Expr | undefined, path: GuardPath, expected: string, v: string): Stmt;
  /** The same with a message of its own: `message` is an expression of type string. */
  report(condition: Expr | undefined, path: GuardPath, message: Expr): Stmt;
  /** A module-level constant; returns its name. */
  constant(hint: string, expression: Expr): string;
  /** A module-level function `(value, issues, path, depth) => boolean` that checks `shape`; returns its name. */
  functionFor(shape: Shape): string;
  /** The name of the validator of the shared shape `name` (imported as needed). */
  validatorOf(name: string): string;
  /** A fresh local variable name. */
  local(hint: string): string;
  /** Marks a runtime helper (`runtime/validation.ts`) as used; returns its name. */
  helper(name: string): string;
  /** The current nesting depth of shared shapes. */
  depth: Expr;
  defs: ReadonlyMap<string, Shape>;
  checkFormats: boolean;
}

export interface TypeContext {
  /** The TS type of a nested shape. */
  typeOf(shape: Shape): TypeNode;
  /** The JSDoc lines of a shape, none when it has nothing to say. */
  docOf(shape: Shape, extra?: readonly string[]): string[];
  /** Records that the type refers to the shared shape `name`; returns the type. */
  reference(name: string): TypeNode;
}

export interface Keyword {
  /** The keywords it owns, as written in a spec. */
  readonly names: readonly string[];
  /** The JSON type its checks assume; they run only on values of that type (JSON Schema's rule). */
  readonly appliesTo?: "string" | "number" | "object" | "array";
  /** True for the keywords that say what a value is (`type`, `enum`): when they fail, nothing else is checked. */
  readonly decidesType?: boolean;
  read?(spec: ShapeSpec, shape: MutableShape, read: (spec: SchemaSpec) => Shape): void;
  check?(spec: ShapeSpec, context: CheckContext): void;
  accepts?(shape: Shape, value: unknown, path: (string | number)[], out: ShapeMismatch[], context: AcceptContext): void;
  /** The type test: a condition that holds on a mismatch, and what was expected, for `decidesType` keywords. */
  test?(shape: Shape, v: string, guard: GuardContext): { mismatch: Expr; expected: string } | undefined;
  guard?(shape: Shape, v: string, path: GuardPath, guard: GuardContext): Stmt[];
  tsType?(shape: Shape, context: TypeContext): TypeNode | undefined;
  schema?(shape: Shape, out: Record<string, unknown>, child: (shape: Shape) => Record<string, unknown>): void;
  /** JSDoc tag lines, such as `@minimum 0`. */
  doc?(shape: Shape): string[];
}

/** How a JSON type is tested in generated code. */
export const TYPE_TESTS: Record<JsonType, (v: string) => Expr> = {
  object: (v) => call("isObject", [v]),
  array: (v) => call(member("Array", "isArray"), [v]),
  string: (v) => binary(typeOf(v), "===", str("string")),
  integer: (v) => call(member("Number", "isInteger"), [v]),
  number: (v) => call(member("Number", "isFinite"), [v]),
  boolean: (v) => binary(typeOf(v), "===", str("boolean")),
  null: (v) => binary(v, "===", "null"),
};

/** The opposite test: `a !== b` for `a === b`, else `!test`. */
export function negate(test: Expr): Expr {
  return test.k === "binary" && test.op === "===" ? binary(test.left, "!==", test.right) : not(test);
}

/** `if (!check && issues === undefined) return false;`: a call that records its own issues, stopping when nobody collects them. */
export function stopUnless(check: Expr): Stmt {
  return ifStmt(chain("&&", [not(check), binary("issues", "===", "undefined")]), ret(id("false")));
}

/** The depth one level down: `1` below `0`, `depth + 1` below `depth`. */
export function deeper(depth: Expr): Expr {
  return depth.k === "text" && /^\d+$/.test(depth.text) ? num(Number(depth.text) + 1) : binary(depth, "+", "1");
}

/** `1 item`, `2 items`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
