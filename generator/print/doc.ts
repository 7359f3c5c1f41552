/**
 * The document the emitters describe code with: text, groups, indentation and line breaks, as in
 * Wadler's "A prettier printer", the algorithm prettier's own printer implements. A group is laid
 * out on one line when it fits, else its lines break; `printer.ts` decides, once per file. `only`
 * marks parts that belong to some forms of a file (types vanish from JavaScript, bodies from
 * declarations), so one description prints the `.ts`, the `.js` and the `.d.ts`.
 */

/** The forms a module prints in: TypeScript source, JavaScript (ESM or CommonJS), declarations. */
export type Form = "ts" | "esm" | "cjs" | "dts";

export type Doc =
  string | readonly Doc[] | Group | Indent | Align | Line | IfBreak | Only | BreakParent | IndentIfBreak;

export interface Group {
  readonly kind: "group";
  readonly contents: Doc;
  /** Broken whatever the width (set by the emitter, or because it holds a hard line). */
  readonly shouldBreak: boolean;
  readonly id?: symbol;
  /** Layouts from flattest to most broken: the first that fits is printed (prettier's conditionalGroup). */
  readonly states?: readonly Doc[];
}
export interface Indent {
  readonly kind: "indent";
  readonly contents: Doc;
}
/** Indented by `n` spaces more (a union member's continuation lines line up after `| `). */
export interface Align {
  readonly kind: "align";
  readonly n: number;
  readonly contents: Doc;
}
export interface Line {
  readonly kind: "line";
  /** Nothing when flat (else a space). */
  readonly soft: boolean;
  /** Always a newline. */
  readonly hard: boolean;
}
export interface IfBreak {
  readonly kind: "if-break";
  readonly broken: Doc;
  readonly flat: Doc;
  /** The group whose layout decides; the enclosing one when absent. */
  readonly groupId?: symbol;
}
export interface IndentIfBreak {
  readonly kind: "indent-if-break";
  readonly contents: Doc;
  readonly groupId: symbol;
}
export interface Only {
  readonly kind: "only";
  readonly forms: readonly Form[];
  readonly contents: Doc;
}
export interface BreakParent {
  readonly kind: "break-parent";
}

export const line: Line = { kind: "line", soft: false, hard: false };
export const softline: Line = { kind: "line", soft: true, hard: false };
const hardLineOnly: Line = { kind: "line", soft: false, hard: true };
export const breakParent: BreakParent = { kind: "break-parent" };
/** A newline that also breaks every group around it. */
export const hardline: Doc = [hardLineOnly, breakParent];

export function group(contents: Doc, options: { shouldBreak?: boolean; id?: symbol } = {}): Group {
  return { kind: "group", contents, shouldBreak: options.shouldBreak ?? false, id: options.id };
}

/** The first of `states` that fits on the line, else the last, broken. */
export function conditionalGroup(states: readonly Doc[]): Group {
  return { kind: "group", contents: states[0]!, shouldBreak: false, states };
}

export function indent(contents: Doc): Indent {
  return { kind: "indent", contents };
}

export function align(n: number, contents: Doc): Align {
  return { kind: "align", n, contents };
}

export function ifBreak(broken: Doc, flat: Doc = "", groupId?: symbol): IfBreak {
  return { kind: "if-break", broken, flat, groupId };
}

export function indentIfBreak(contents: Doc, groupId: symbol): IndentIfBreak {
  return { kind: "indent-if-break", contents, groupId };
}

/** `contents` in the listed forms only. */
export function only(forms: readonly Form[], contents: Doc): Only {
  return { kind: "only", forms, contents };
}

/** Types and type-only syntax: in the TypeScript source and the declarations, not in JavaScript. */
export const typed = (contents: Doc): Only => only(["ts", "dts"], contents);
/** Code that runs: in the TypeScript source and JavaScript, not in declarations. */
export const running = (contents: Doc): Only => only(["ts", "esm", "cjs"], contents);
/** TypeScript source only (a non-null `!`, a type argument of a call). */
export const tsOnly = (contents: Doc): Only => only(["ts"], contents);

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  docs.forEach((doc, i) => {
    if (i > 0) out.push(separator);
    out.push(doc);
  });
  return out;
}
