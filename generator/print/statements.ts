/**
 * Statements, described as small trees and printed as prettier prints them: an `if` whose
 * condition is too long breaks inside its parentheses, a single statement after `if (…)` moves to
 * the next line when it does not fit, assignments choose prettier's layout for their right side.
 */
import {
  breakParent,
  group,
  hardline,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  softline,
  typed,
  type Doc,
} from "./doc.js";
import { inlineLogical, LOGICAL, printExpr, type Expr } from "./expressions.js";
import { printType, type TypeNode } from "./types.js";

export type Stmt =
  | { readonly k: "expr"; readonly e: Expr }
  | {
      readonly k: "decl";
      readonly kind: "const" | "let";
      readonly name: string;
      readonly init: Expr;
      readonly type?: TypeNode;
    }
  | { readonly k: "return"; readonly e?: Expr }
  | { readonly k: "throw"; readonly e: Expr }
  | { readonly k: "if"; readonly test: Expr; readonly then: Body; readonly else?: Body }
  | {
      readonly k: "for";
      readonly init: Stmt;
      readonly test: Expr;
      readonly update: string;
      readonly body: readonly Stmt[];
    }
  | { readonly k: "for-of"; readonly name: string; readonly of: Expr; readonly body: readonly Stmt[] }
  | { readonly k: "switch"; readonly on: Expr; readonly cases: readonly Case[] }
  | { readonly k: "try"; readonly body: readonly Stmt[]; readonly catch: readonly Stmt[]; readonly binding?: string }
  | { readonly k: "comment"; readonly text: string }
  /** A statement followed by `// text` on its line. */
  | { readonly k: "trailing"; readonly stmt: Stmt; readonly text: string }
  | { readonly k: "break" }
  | { readonly k: "blank" };

/** A block (`{ … }`) or, after `if (…)` or `else`, one statement without braces. */
export type Body = readonly Stmt[] | Stmt;
/** `case a: case b:` (no tests: `default:`) and what runs. */
export interface Case {
  readonly tests: readonly Expr[];
  readonly body: readonly Stmt[];
}

export const exprStmt = (e: Expr): Stmt => ({ k: "expr", e });
export const constant = (name: string, init: Expr, type?: TypeNode): Stmt => ({
  k: "decl",
  kind: "const",
  name,
  init,
  type,
});
export const variable = (name: string, init: Expr): Stmt => ({ k: "decl", kind: "let", name, init });
export const ret = (e?: Expr): Stmt => ({ k: "return", e });
export const throwStmt = (e: Expr): Stmt => ({ k: "throw", e });
/** `if (…) … else …`; an else block of one `if` reads `else if`, as a person writes it. */
export const ifStmt = (test: Expr, then: Body, otherwise?: Body): Stmt => ({
  k: "if",
  test,
  then,
  else: Array.isArray(otherwise) && otherwise.length === 1 && otherwise[0]!.k === "if" ? otherwise[0] : otherwise,
});
export const forOf = (name: string, of: Expr, body: readonly Stmt[]): Stmt => ({ k: "for-of", name, of, body });
export const forIndex = (init: Stmt, test: Expr, update: string, body: readonly Stmt[]): Stmt => ({
  k: "for",
  init,
  test,
  update,
  body,
});
export const switchStmt = (on: Expr, cases: readonly Case[]): Stmt => ({ k: "switch", on, cases });
/** `try { … } catch { … }`, or `catch (binding)` when the handler reads the error. */
export const tryCatch = (body: readonly Stmt[], handler: readonly Stmt[], binding?: string): Stmt => ({
  k: "try",
  body,
  catch: handler,
  binding,
});
export const comment = (text: string): Stmt => ({ k: "comment", text });
export const trailing = (stmt: Stmt, text: string): Stmt => ({ k: "trailing", stmt, text });
export const blank: Stmt = { k: "blank" };
export const breakStmt: Stmt = { k: "break" };

export function printStmt(s: Stmt): Doc {
  switch (s.k) {
    case "expr":
      return [printExpr(s.e), ";"];
    case "decl":
      return [
        assignment([s.kind, " ", s.name, s.type ? typed([": ", printType(s.type)]) : ""], s.init, s.type !== undefined),
        ";",
      ];
    case "return":
      if (!s.e) return "return;";
      if (s.e.k === "binary" && !inlineLogical(s.e))
        return [
          "return",
          group([" ", ifBreak("("), indent([softline, printExpr(s.e, "return")]), softline, ifBreak(")")]),
          ";",
        ];
      return ["return ", printExpr(s.e, "return"), ";"];
    case "throw":
      return ["throw ", printExpr(s.e), ";"];
    case "if":
      return printIf(s);
    case "for":
      return [
        "for (",
        group([
          indent([softline, printStmt(s.init), line, printExpr(s.test, "for-head"), ";", line, s.update]),
          softline,
        ]),
        ") ",
        block(s.body),
      ];
    case "for-of":
      return group(["for (const ", s.name, " of ", printExpr(s.of), ") ", block(s.body)]);
    case "switch":
      return [
        group(["switch (", indent([softline, printExpr(s.on)]), softline, ")"]),
        " {",
        s.cases.length > 0 ? indent([hardline, join(hardline, s.cases.map(printCase))]) : "",
        hardline,
        "}",
      ];
    case "try":
      return ["try ", block(s.body), s.binding ? ` catch (${s.binding}) ` : " catch ", block(s.catch)];
    case "comment":
      return `// ${s.text}`;
    case "trailing":
      return [printStmt(s.stmt), ` // ${s.text}`, breakParent];
    case "break":
      return "break;";
    case "blank":
      return "";
  }
}

/** Statements one per line; a blank statement leaves one empty line. */
export function printStatements(stmts: readonly Stmt[]): Doc {
  const out: Doc[] = [];
  stmts.forEach((s, i) => {
    if (s.k === "blank") return;
    if (out.length > 0) out.push(stmts[i - 1]?.k === "blank" ? [hardline, hardline] : hardline);
    out.push(printStmt(s));
  });
  return out;
}

export function block(stmts: readonly Stmt[]): Doc {
  if (stmts.every((s) => s.k === "blank")) return "{}";
  return ["{", indent([hardline, printStatements(stmts)]), hardline, "}"];
}

function printCase(c: Case): Doc {
  const labels = c.tests.length === 0 ? ["default:"] : c.tests.map((t) => ["case ", printExpr(t), ":"]);
  const parts: Doc[] = [join(hardline, labels)];
  if (c.body.length > 0) parts.push(indent([hardline, printStatements(c.body)]));
  return parts;
}

function printIf(s: Extract<Stmt, { k: "if" }>): Doc {
  const test = printExpr(s.test, "test");
  // `!(a || b)` stays inside the parentheses of `if (…)` (prettier's inlined condition).
  const inline = s.test.k === "unary" && s.test.op === "!" && s.test.arg.k === "binary" && LOGICAL.has(s.test.arg.op);
  const condition = inline ? test : group([indent([softline, test]), softline]);
  const opening = group(["if (", condition, ")", clause(s.then)]);
  if (s.else === undefined) return opening;
  const isBlock = Array.isArray(s.then);
  const alternate =
    !Array.isArray(s.else) && (s.else as Stmt).k === "if" ? [" ", printStmt(s.else as Stmt)] : clause(s.else);
  return [opening, isBlock ? " " : hardline, "else", group(alternate)];
}

function clause(body: Body): Doc {
  return Array.isArray(body) ? [" ", block(body as readonly Stmt[])] : indent([line, printStmt(body as Stmt)]);
}

/**
 * `left = right`, laid out as prettier chooses: after the `=` for a binary expression, a string or
 * a call chain that breaks poorly; never after it for a template or a number; else the right
 * side's own breaks first ("fluid").
 */
export function assignment(left: Doc, right: Expr, leftCanBreak = false): Doc {
  return assignmentLayout(left, printExpr(right, "assign"), chooseLayout(right, leftCanBreak));
}

export type AssignmentLayout = "break-after-operator" | "never-break-after-operator" | "fluid";

/** `left = right` in one of prettier's layouts (a type alias uses them too). */
export function assignmentLayout(left: Doc, right: Doc, layout: AssignmentLayout): Doc {
  if (layout === "break-after-operator") return group([group(left), " =", group(indent([line, right]))]);
  if (layout === "never-break-after-operator") return group([group(left), " = ", right]);
  const id = Symbol("assignment");
  return group([group(left), " =", group(indent(line), { id }), indentIfBreak(right, id)]);
}

function chooseLayout(right: Expr, leftCanBreak: boolean): AssignmentLayout {
  if (right.k === "binary" && !inlineLogical(right)) return "break-after-operator";
  if (right.k === "call" && right.callee.k === "text" && right.callee.text === "require")
    return "never-break-after-operator";
  let node = right.k === "pure" ? right.expr : right;
  while (node.k === "unary" || node.k === "non-null") node = node.k === "unary" ? node.arg : node.expr;
  if (isString(node) || poorlyBreakable(node, false)) return "break-after-operator";
  if (!leftCanBreak && (right.k === "template" || (right.k === "text" && /^(?:-?\d|true$|false$)/.test(right.text))))
    return "never-break-after-operator";
  return "fluid";
}

const isString = (e: Expr) => e.k === "text" && /^["']/.test(e.text);

/** A chain with no calls, or calls with no arguments or one short one (prettier's rule). */
function poorlyBreakable(e: Expr, deep: boolean): boolean {
  if (e.k === "non-null") return poorlyBreakable(e.expr, deep);
  if (e.k === "call") {
    if (e.isNew) return false;
    const short = e.args.length === 0 || (e.args.length === 1 && loneShort(e.args[0]!));
    if (!short) return false;
    if (e.typeArgs && (e.typeArgs.length > 1 || ["union", "intersection", "object"].includes(e.typeArgs[0]?.k ?? "")))
      return false;
    return poorlyBreakable(e.callee, true);
  }
  if (e.k === "member" || e.k === "index") return poorlyBreakable(e.object, true);
  return deep && e.k === "text" && /^[A-Za-z_$][\w$]*$/.test(e.text);
}

const THRESHOLD = 25;
function loneShort(e: Expr): boolean {
  if (e.k === "text") {
    if (/^[A-Za-z_$][\w$]*$/.test(e.text) && !/^(?:true|false|null)$/.test(e.text)) return e.text.length <= THRESHOLD;
    if (/^["']/.test(e.text)) return e.text.length <= THRESHOLD;
    return true;
  }
  if (e.k === "unary") return loneShort(e.arg);
  if (e.k === "template") return e.exprs.length === 0 && e.quasis[0]!.length <= THRESHOLD;
  if (e.k === "call") return e.args.length === 0 && e.callee.k === "text" && e.callee.text.length <= THRESHOLD - 2;
  return false;
}
