/**
 * What one JSON Schema keyword (or family) means, in one place: how it is read into the model,
 * which contradictions are refused, what the generator accepts (examples), the TS type, the
 * guard's checks and messages, the exported JSON Schema and the JSDoc. A new keyword is a new
 * module listed in `index.ts`, not edits in four emitters.
 */
import type { MutableShape, Shape } from "../shape.js";
import type { JsonType, ShapeSpec } from "../spec.js";

export interface ShapeMismatch {
  path: (string | number)[];
  message: string;
}

export interface CheckContext {
  /** Reports a problem at a path relative to the shape being checked. */
  report(path: readonly (string | number)[], message: string, at?: "key" | "value"): void;
  /** The spec's shared shapes, by name. */
  defs: Readonly<Record<string, ShapeSpec>>;
  checkFormats: boolean;
  /** The value check of the finished model, for keywords whose rules are about values (const, enum). */
  accepts(spec: ShapeSpec, value: unknown): ShapeMismatch[];
}

export interface AcceptContext {
  defs: ReadonlyMap<string, Shape>;
  checkFormats: boolean;
  /** Checks `value` against `shape`, recording mismatches in `into` (default: the result); true when it matches. */
  check(shape: Shape, value: unknown, path: (string | number)[], into?: ShapeMismatch[]): boolean;
}

/** A place in the checked value, as the generated code builds it (only when a check fails). */
export interface GuardPath {
  expression(): string;
  child(name: string): GuardPath;
  index(variable: string): GuardPath;
  key(variable: string): GuardPath;
}

export interface GuardContext {
  /** The checks of `shape` for the value in variable `v`; `optional` skips an absent value. */
  checks(shape: Shape, v: string, path: GuardPath, optional?: boolean): string[];
  /** A statement: when `condition` holds, record "expected …, got …" and stop if nobody collects. */
  fail(condition: string, path: GuardPath, expected: string, v: string): string;
  /** The same with a message of its own: `message` is a JS expression of type string. */
  report(condition: string, path: GuardPath, message: string): string;
  /** A module-level constant; returns its name. */
  constant(hint: string, expression: string): string;
  /** A module-level function `(value, issues, path, depth) => boolean` that checks `shape`; returns its name. */
  functionFor(shape: Shape): string;
  /** The name of the validator of the shared shape `name` (imported as needed). */
  validatorOf(name: string): string;
  /** A fresh local variable name. */
  local(hint: string): string;
  /** Marks a runtime helper (`runtime/validation.ts`) as used; returns its name. */
  helper(name: string): string;
  /** The expression for the current nesting depth of shared shapes. */
  depth: string;
  defs: ReadonlyMap<string, Shape>;
  checkFormats: boolean;
}

export interface TypeContext {
  /** The TS type of a nested shape. */
  typeOf(shape: Shape): string;
  /** A JSDoc block for a shape, or "" when it has nothing to say. */
  docOf(shape: Shape, extra?: readonly string[]): string;
  /** Records that the type refers to the shared shape `name`; returns the identifier. */
  reference(name: string): string;
}

export interface Keyword {
  /** The keywords it owns, as written in a spec. */
  readonly names: readonly string[];
  /** The JSON type its checks assume; they run only on values of that type (JSON Schema's rule). */
  readonly appliesTo?: "string" | "number" | "object" | "array";
  /** True for the keywords that say what a value is (`type`, `enum`): when they fail, nothing else is checked. */
  readonly decidesType?: boolean;
  read?(spec: ShapeSpec, shape: MutableShape, read: (spec: ShapeSpec) => Shape): void;
  check?(spec: ShapeSpec, context: CheckContext): void;
  accepts?(shape: Shape, value: unknown, path: (string | number)[], out: ShapeMismatch[], context: AcceptContext): void;
  /** The type test: a condition that holds on a mismatch, and what was expected, for `decidesType` keywords. */
  test?(shape: Shape, v: string, guard: GuardContext): { mismatch: string; expected: string } | undefined;
  guard?(shape: Shape, v: string, path: GuardPath, guard: GuardContext): string[];
  tsType?(shape: Shape, context: TypeContext): string | undefined;
  schema?(shape: Shape, out: Record<string, unknown>, child: (shape: Shape) => Record<string, unknown>): void;
  /** JSDoc tag lines, such as `@minimum 0`. */
  doc?(shape: Shape): string[];
}

/** How a JSON type is tested in generated code. */
export const TYPE_TESTS: Record<JsonType, (v: string) => string> = {
  object: (v) => `isObject(${v})`,
  array: (v) => `Array.isArray(${v})`,
  string: (v) => `typeof ${v} === "string"`,
  integer: (v) => `Number.isInteger(${v})`,
  number: (v) => `Number.isFinite(${v})`,
  boolean: (v) => `typeof ${v} === "boolean"`,
  null: (v) => `${v} === null`,
};

/** `1 item`, `2 items`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
