/**
 * Expressions, described as small trees and printed as prettier prints them: binary chains
 * break after their operators, call arguments one per line with a trailing comma, object
 * literals stay expanded when described so. Type arguments, casts and non-null assertions are
 * TypeScript only: the JavaScript forms print without them.
 */
import {
  breakParent,
  conditionalGroup,
  group,
  ifBreak,
  indent,
  join,
  line,
  softline,
  tsOnly,
  type Doc,
} from "./doc.js";
import { isIdentifier, numberLiteral, propertyKey, stringLiteral, templateText } from "./literals.js";
import { flat } from "./flat.js";
import { printType, typeArgs, type TypeNode } from "./types.js";

export type Expr =
  | { readonly k: "text"; readonly text: string }
  | {
      readonly k: "call";
      readonly callee: Expr;
      readonly args: readonly Expr[];
      readonly typeArgs?: readonly TypeNode[];
      readonly isNew?: boolean;
    }
  | { readonly k: "member"; readonly object: Expr; readonly name: string; readonly optional?: boolean }
  | { readonly k: "index"; readonly object: Expr; readonly index: Expr }
  | { readonly k: "binary"; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly k: "unary"; readonly op: "!" | "-" | "typeof " | "await "; readonly arg: Expr }
  | { readonly k: "non-null"; readonly expr: Expr }
  | { readonly k: "as"; readonly expr: Expr; readonly type: TypeNode }
  | { readonly k: "template"; readonly quasis: readonly string[]; readonly exprs: readonly Expr[] }
  | { readonly k: "object"; readonly props: readonly Property[]; readonly expanded: boolean }
  | { readonly k: "array"; readonly items: readonly Expr[] }
  | { readonly k: "pure"; readonly expr: Expr };

export type Property =
  | { readonly key: string; readonly value: Expr; readonly shorthand?: boolean }
  /** `[key]: value`: `__proto__` stays an own property this way. */
  | { readonly computed: Expr; readonly value: Expr };

export const id = (text: string): Expr => ({ k: "text", text });
export const str = (value: string): Expr => ({ k: "text", text: stringLiteral(value) });
export const num = (value: number): Expr => ({ k: "text", text: numberLiteral(value) });
export const call = (
  callee: Expr | string,
  args: readonly (Expr | string)[] = [],
  typeArgs?: readonly TypeNode[],
): Expr => ({
  k: "call",
  callee: expr(callee),
  args: args.map(expr),
  typeArgs,
});
export const newExpr = (callee: string, args: readonly (Expr | string)[], typeArgs?: readonly TypeNode[]): Expr => ({
  k: "call",
  callee: id(callee),
  args: args.map(expr),
  typeArgs,
  isNew: true,
});
/** `object.name`, or `object["na-me"]` when the name is not an identifier. */
export const member = (object: Expr | string, name: string, optional = false): Expr =>
  isIdentifier(name)
    ? { k: "member", object: expr(object), name, optional }
    : { k: "index", object: expr(object), index: str(name) };
export const index = (object: Expr | string, at: Expr | string): Expr => ({
  k: "index",
  object: expr(object),
  index: expr(at),
});
export function binary(left: Expr | string, op: string, right: Expr | string): Expr {
  const r = expr(right);
  // `a && (b && c)` is `a && b && c`: prettier's parser rebalances logical chains to the left.
  if (LOGICAL.has(op) && r.k === "binary" && r.op === op) return binary(binary(left, op, r.left), op, r.right);
  return { k: "binary", op, left: expr(left), right: r };
}
/** `a && b && c` (or `||`), left to right; one operand is itself. */
export const chain = (op: "&&" | "||" | "+", operands: readonly (Expr | string)[]): Expr =>
  operands.map(expr).reduce((left, right) => binary(left, op, right));
export const not = (arg: Expr | string): Expr => ({ k: "unary", op: "!", arg: expr(arg) });
export const typeOf = (arg: Expr | string): Expr => ({ k: "unary", op: "typeof ", arg: expr(arg) });
export const awaitExpr = (arg: Expr | string): Expr => ({ k: "unary", op: "await ", arg: expr(arg) });
export const nonNull = (e: Expr | string): Expr => ({ k: "non-null", expr: expr(e) });
export const as = (e: Expr | string, type: TypeNode): Expr => ({ k: "as", expr: expr(e), type });
export const pure = (e: Expr): Expr => ({ k: "pure", expr: e });
export const array = (items: readonly (Expr | string)[]): Expr => ({ k: "array", items: items.map(expr) });
export const object = (props: readonly Property[], expanded = false): Expr => ({ k: "object", props, expanded });
/** A template literal: `quasis` is the text (escaped here) around each of `exprs`. */
export const template = (quasis: readonly string[], exprs: readonly (Expr | string)[]): Expr => ({
  k: "template",
  quasis,
  exprs: exprs.map(expr),
});

/** Identifiers and other atoms may be given as text. */
export function expr(e: Expr | string): Expr {
  return typeof e === "string" ? id(e) : e;
}

const PRECEDENCE: Record<string, number> = {
  "??": 1,
  "||": 2,
  "&&": 3,
  "|": 4,
  "^": 5,
  "&": 6,
  "==": 7,
  "!=": 7,
  "===": 7,
  "!==": 7,
  "<": 8,
  ">": 8,
  "<=": 8,
  ">=": 8,
  in: 8,
  instanceof: 8,
  "<<": 9,
  ">>": 9,
  ">>>": 9,
  "+": 10,
  "-": 10,
  "*": 11,
  "/": 11,
  "%": 11,
  "**": 12,
};
/** The logical operators: their chains are rebalanced and inlined as prettier does. */
export const LOGICAL: ReadonlySet<string> = new Set(["&&", "||", "??"]);
const EQUALITY = new Set(["==", "!=", "===", "!=="]);

/** Whether `child` joins `parent`'s chain unparenthesized (prettier's shouldFlatten). */
function flattens(parent: string, child: string): boolean {
  if (PRECEDENCE[parent] !== PRECEDENCE[child] || parent === "**") return false;
  if (EQUALITY.has(parent) && EQUALITY.has(child)) return false;
  if ((child === "%" && "*/".includes(parent)) || (parent === "%" && "*/".includes(child))) return false;
  if (child !== parent && "*/".includes(child) && "*/".includes(parent)) return false;
  return true;
}

/** Where a binary expression stands decides how its chain indents. */
/** `for-head`: a for statement's test, not indented further (prettier's rule, as in a return). */
export type Place = "test" | "return" | "for-head" | "unary" | "assign" | "argument" | "other";

/** The document of an expression. */
export function printExpr(e: Expr, place: Place = "other"): Doc {
  switch (e.k) {
    case "text":
      return e.text;
    case "call":
      return printCall(e);
    case "member":
      return [operand(e.object), e.optional ? "?." : ".", e.name];
    case "index":
      return [operand(e.object), "[", printExpr(e.index), "]"];
    case "binary":
      return printBinary(e, place);
    case "unary": {
      const arg = e.arg.k === "binary" ? ["(", printBinary(e.arg, "unary"), ")"] : printExpr(e.arg);
      return [e.op, arg];
    }
    case "non-null":
      return [operand(e.expr), tsOnly("!")];
    case "as":
      return [printExpr(e.expr), tsOnly([" as ", printType(e.type)])];
    case "template":
      return [
        "`",
        ...e.quasis.flatMap((q, i) => [
          templateText(q),
          ...(i < e.exprs.length ? ["${", flat(printExpr(e.exprs[i]!)), "}"] : []),
        ]),
        "`",
      ];
    case "object":
      return printObject(e);
    case "array":
      return printArray(e);
    case "pure":
      return ["/* @__PURE__ */ ", printExpr(e.expr, place)];
  }
}

/** An operand of `.`, `[…]` or `!`: a binary expression in parentheses. */
function operand(e: Expr): Doc {
  return e.k === "binary" ? ["(", printBinary(e, "unary"), ")"] : printExpr(e);
}

function printCall(e: Extract<Expr, { k: "call" }>): Doc {
  // `require("x")` never breaks (prettier's rule for module definitions).
  if (e.callee.k === "text" && e.callee.text === "require" && e.args.length === 1 && e.args[0]!.k === "text")
    return ["require(", e.args[0]!.text, ")"];
  const typeArguments = e.typeArgs?.length ? tsOnly(typeArgs(e.typeArgs)) : "";
  const args = printArguments(e.args);
  const callee = e.isNew ? ["new ", printExpr(e.callee)] : operand(e.callee);
  // A call on a member (`Number.isInteger(x)`) is a short member chain: prettier groups it.
  return e.callee.k === "member" && !e.isNew ? group([callee, typeArguments, args]) : [callee, typeArguments, args];
}

/** `(a, b)`, one per line when long; an object or array last is hugged as prettier hugs it. */
function printArguments(args: readonly Expr[]): Doc {
  if (args.length === 0) return "()";
  const printed = args.map((a) => printExpr(a, "argument"));
  const last = args[args.length - 1]!;
  const penultimate = args[args.length - 2];
  const allBroken = group(["(", indent([line, join([",", line], printed)]), ifBreak(","), line, ")"], {
    shouldBreak: true,
  });
  const huggable =
    (last.k === "object" && last.props.length > 0) || (last.k === "array" && last.items.length > 0 && !concise(last));
  if (huggable && (!penultimate || penultimate.k !== last.k)) {
    const head = printed.slice(0, -1).flatMap((p) => [p, ", "]);
    const hugged = printed[printed.length - 1]!;
    return conditional(
      ["(", ...head, hugged, ")"],
      ["(", ...head, group(hugged, { shouldBreak: true }), ")"],
      allBroken,
      willBreak(hugged),
    );
  }
  return group(["(", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ")"]);
}

/** An array of numbers prettier fills rather than hugs. */
function concise(e: Extract<Expr, { k: "array" }>): boolean {
  return e.items.length > 1 && e.items.every((i) => i.k === "text" && /^-?[\d.]/.test(i.text));
}

function printObject(e: Extract<Expr, { k: "object" }>): Doc {
  if (e.props.length === 0) return "{}";
  const props = e.props.map((p) => {
    if ("key" in p && p.shorthand) return p.key;
    const key = "key" in p ? keyDoc(p.key) : ["[", printExpr(p.computed), "]"];
    return group([key, ": ", printExpr(p.value, "assign")]);
  });
  return group(["{", indent([line, join([",", line], props)]), ifBreak(","), line, "}"], { shouldBreak: e.expanded });
}

/** A key: bare where prettier unquotes it; in JavaScript also a plain number. */
function keyDoc(name: string): Doc {
  const ts = propertyKey(name, false);
  const js = propertyKey(name, true);
  return ts === js
    ? ts
    : [
        { kind: "only", forms: ["ts", "dts"], contents: ts },
        { kind: "only", forms: ["esm", "cjs"], contents: js },
      ];
}

function printArray(e: Extract<Expr, { k: "array" }>): Doc {
  if (e.items.length === 0) return "[]";
  const items = e.items.map((i) => printExpr(i, "argument"));
  // Arrays of objects or arrays with more than one element break as a whole (prettier's rule).
  const shouldBreak =
    e.items.length > 1 &&
    e.items.every(
      (i, n, all) =>
        (i.k === "object" && i.props.length > 1) ||
        (i.k === "array" && i.items.length > 1 && (n === 0 || all[n - 1]!.k === i.k)),
    ) &&
    e.items.every((i) => i.k === e.items[0]!.k);
  return group(["[", indent([softline, join([",", line], items)]), ifBreak(","), softline, "]"], { shouldBreak });
}

function printBinary(e: Extract<Expr, { k: "binary" }>, place: Place): Doc {
  const parts = binaryParts(e, place === "test");
  if (place === "test") return parts;
  if (place === "unary") return group([indent([softline, ...parts]), softline]);
  if (place === "return" || place === "for-head" || (place === "assign" && !inlineLogical(e))) return group(parts);
  if (inlineLogical(e) && !(e.left.k === "binary" && flattens(e.op, e.left.op))) return group(parts);
  const head = parts.slice(0, 1);
  return group([...head, indent(parts.slice(1))]);
}

/** An `&&`/`||` whose right side is a non-empty object or array stays on the operator's line. */
export function inlineLogical(e: Extract<Expr, { k: "binary" }>): boolean {
  return (
    LOGICAL.has(e.op) &&
    ((e.right.k === "object" && e.right.props.length > 0) || (e.right.k === "array" && e.right.items.length > 0))
  );
}

function binaryParts(e: Extract<Expr, { k: "binary" }>, inTest: boolean, parentOp?: string): Doc[] {
  const parts: Doc[] =
    e.left.k === "binary" && flattens(e.op, e.left.op)
      ? binaryParts(e.left, inTest, e.op)
      : [group(side(e.left, e.op))];
  const logical = LOGICAL.has(e.op);
  const right: Doc = inlineLogical(e)
    ? [e.op, " ", side(e.right, e.op, true)]
    : [e.op, line, side(e.right, e.op, true)];
  const kind = (op: string) => (LOGICAL.has(op) ? "logical" : "binary");
  const sameKind = (x: Expr) => x.k === "binary" && kind(x.op) === kind(e.op);
  const parentSame = parentOp !== undefined && kind(parentOp) === kind(e.op);
  const grouped = !(inTest && logical) && !parentSame && !sameKind(e.left) && !sameKind(e.right);
  parts.push(" ", grouped ? group(right) : right);
  return parts;
}

/** An operand of a binary operator, parenthesized where precedence (or prettier's clarity rule) asks. */
function side(x: Expr, op: string, isRight = false): Doc {
  if (x.k !== "binary") return printExpr(x);
  const p = PRECEDENCE[x.op]!;
  const q = PRECEDENCE[op]!;
  const mixedLogical = LOGICAL.has(op) && LOGICAL.has(x.op) && x.op !== op;
  const needs = p < q || (isRight && p === q) || mixedLogical || (p === q && !flattens(op, x.op)) || (q > 7 && p === 7);
  return needs ? ["(", printBinary(x, "unary"), ")"] : printExpr(x);
}

// The last argument hugged when it can be, as prettier does (`f(a, {` … `})`).
function conditional(flatState: Doc, hugged: Doc, broken: Doc, lastWillBreak: boolean): Doc {
  return lastWillBreak
    ? [breakParent, conditionalGroup([hugged, broken])]
    : conditionalGroup([flatState, hugged, broken]);
}

/** Whether a document holds a line that always breaks. */
function willBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.some(willBreak);
  const d = doc as Exclude<Doc, string | readonly Doc[]>;
  switch (d.kind) {
    case "break-parent":
      return true;
    case "group":
      return d.shouldBreak || willBreak(d.contents);
    case "line":
      return d.hard;
    case "if-break":
      return willBreak(d.broken) || willBreak(d.flat);
    default:
      return willBreak((d as { contents: Doc }).contents);
  }
}
