/**
 * A generated module: a header and declarations, printed in each form. Imports and re-exports
 * sit together without blank lines, every other declaration is set off by one. The CommonJS form
 * requires what the module imports and assigns what it exports (functions first, so modules that
 * import each other see each other's functions).
 */
import { group, hardline, ifBreak, indent, join, line, type Doc, type Form } from "./doc.js";
import { printDeclaration, type Declaration, type Specifier } from "./declarations.js";
import { assignment, exprStmt, printStmt } from "./statements.js";
import { call, id, member, object, str } from "./expressions.js";
import { stringLiteral } from "./literals.js";
import { printDoc } from "./printer.js";
import { typeNames } from "./type-names.js";

export interface ModuleSource {
  /** The source's header lines: where the module came from. */
  readonly header: readonly string[];
  /** The header of the JavaScript and declarations, which a consumer reads. */
  readonly distHeader: readonly string[];
  readonly declarations: readonly Declaration[];
}

export function printModule(module: ModuleSource, form: Form): string {
  // Declarations keep the imports their types name; what only code used is gone with the code.
  const used = form === "dts" ? typeNames(module.declarations) : new Set<string>();
  const visible = module.declarations.flatMap((d) => inForm(d, form, used));
  const header = form === "ts" ? module.header : module.distHeader;
  const docs: Doc[] = [
    join(
      hardline,
      header.map((l) => `// ${l}`),
    ),
  ];
  let previous: Declaration | undefined;
  const add = (doc: Doc, d: Declaration) => {
    const together = previous !== undefined && previous.k === d.k && (d.k === "import" || d.k === "export-from");
    // A snippet (no header) starts with its first declaration.
    if (previous !== undefined || header.length > 0) docs.push(together ? hardline : [hardline, hardline]);
    docs.push(doc);
    previous = d;
  };
  if (form === "cjs") {
    // The directive, and the flag bundlers read to give a CommonJS module ES-module interop.
    const esModule = call(member("Object", "defineProperty"), [
      "exports",
      str("__esModule"),
      object([{ key: "value", value: id("true") }]),
    ]);
    docs.push([hardline, hardline], [stringLiteral("use strict"), ";"], hardline, printStmt(exprStmt(esModule)));
    for (const d of visible) if (d.k === "function" && d.exported) docs.push(hardline, exportsAssignment(d.name));
    previous = { k: "comment", lines: [] };
  }
  for (const d of visible) {
    if (form === "cjs" && (d.k === "import" || d.k === "export-from")) add(commonJsReference(d), d);
    else add(declarationDoc(d), d);
    if (form === "cjs" && d.k === "const" && d.exported) docs.push(hardline, exportsAssignment(d.name));
  }
  docs.push(hardline);
  return printDoc(docs, form);
}

/**
 * A declaration that prints the same in every form (no part of it belongs to some forms only, as
 * with a large constant of plain values: the fixtures) is printed once, on its own, and its text
 * used by the other forms. On its own or in its module it is laid out alike: it starts a line
 * and a line break follows it.
 */
function declarationDoc(d: Declaration): Doc {
  const printed = printedOnce.get(d);
  if (printed !== undefined) return printed;
  const doc = printDeclaration(d);
  if (variesByForm.has(d)) return doc;
  if (!sameInEveryForm(doc)) {
    variesByForm.add(d);
    return doc;
  }
  const text = printDoc(doc);
  printedOnce.set(d, text);
  return text;
}

const printedOnce = new WeakMap<Declaration, string>();
const variesByForm = new WeakSet<Declaration>();

function sameInEveryForm(doc: Doc): boolean {
  if (typeof doc === "string") return true;
  if (Array.isArray(doc)) return (doc as readonly Doc[]).every(sameInEveryForm);
  const d = doc as Exclude<Doc, string | readonly Doc[]>;
  switch (d.kind) {
    case "only":
      return false;
    case "group":
      return sameInEveryForm(d.contents) && (d.states ?? []).every(sameInEveryForm);
    case "if-break":
      return sameInEveryForm(d.broken) && sameInEveryForm(d.flat);
    case "indent":
    case "align":
    case "indent-if-break":
      return sameInEveryForm(d.contents);
    default:
      return true;
  }
}

/**
 * True when the module has code: one that declares only types has no JavaScript, so no `.js` is
 * written for it (its importers import it as types only, which JavaScript leaves out).
 */
export function hasJavaScript(module: ModuleSource): boolean {
  return module.declarations.some((d) => d.k !== "comment" && inForm(d, "esm", new Set()).length > 0);
}

/** `exports.name = name;` */
const exportsAssignment = (name: string): Doc => [assignment(`exports.${name}`, id(name)), ";"];

/** What of a declaration a form has; none where it vanishes (types from JavaScript, bodies from declarations). */
function inForm(d: Declaration, form: Form, used: ReadonlySet<string>): Declaration[] {
  const javascript = form === "esm" || form === "cjs";
  switch (d.k) {
    case "import":
    case "export-from": {
      if (javascript) {
        const values = d.typeOnly ? [] : d.names.filter((n) => !n.type);
        return values.length === 0 ? [] : [{ ...d, names: values }];
      }
      if (form === "dts" && d.k === "import") {
        const names = d.names.filter((n) => used.has(n.name));
        if (names.length === 0) return [];
        const typeOnly = d.typeOnly || names.every((n) => n.type);
        return [{ ...d, names: typeOnly ? names.map((n): Specifier => ({ name: n.name })) : names, typeOnly }];
      }
      return [d];
    }
    case "type":
    case "interface":
      return javascript ? [] : [d];
    case "function":
    case "const":
      return form === "dts" && !d.exported ? [] : [d];
    case "comment":
      return form === "dts" ? [] : [d];
  }
}

/** `const { a, b } = require("./x.js");`, or `exports.a = require("./x.js").a;` for each re-exported value. */
function commonJsReference(d: Extract<Declaration, { k: "import" | "export-from" }>): Doc {
  const required = call("require", [str(d.from)]);
  if (d.k === "export-from")
    return join(
      hardline,
      d.names.map((n) => [assignment(`exports.${n.name}`, member(required, n.name)), ";"]),
    );
  const names = d.names.map((n) => n.name);
  const pattern = group(["{", indent([line, join([",", line], names)]), ifBreak(","), line, "}"]);
  return [assignment(["const ", pattern], required), ";"];
}
