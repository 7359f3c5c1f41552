/**
 * The declarations a generated module is made of, each printing in the four forms: TypeScript
 * source, JavaScript (ESM, CommonJS: types gone) and declarations (`.d.ts`: bodies gone,
 * `declare` added). One description, so the forms cannot say different things.
 */
import {
  group,
  hardline,
  ifBreak,
  indent,
  join,
  line,
  only,
  running,
  softline,
  typed,
  type Doc as Layout,
  type Form,
} from "./doc.js";
import { printExpr, type Expr } from "./expressions.js";
import { stringLiteral } from "./literals.js";
import { assignment, assignmentLayout, block, type Stmt } from "./statements.js";
import { hugs, jsDoc, printType, type Member, type TypeNode, objectType } from "./types.js";

/** JSDoc lines (a block), or one string (a one-line comment). */
type Doc = readonly string[] | string;

export interface Specifier {
  readonly name: string;
  /** `type Name`: a type, gone from JavaScript. */
  readonly type?: boolean;
}

export type Declaration =
  | {
      readonly k: "import" | "export-from";
      readonly from: string;
      readonly names: readonly Specifier[];
      readonly typeOnly: boolean;
    }
  | {
      readonly k: "type";
      readonly name: string;
      readonly type: TypeNode;
      readonly doc?: Doc;
      readonly exported: boolean;
    }
  | {
      readonly k: "interface";
      readonly name: string;
      readonly members: readonly Member[];
      readonly doc?: Doc;
      readonly exported: boolean;
    }
  | {
      readonly k: "function";
      readonly name: string;
      readonly params: readonly FunctionParam[];
      readonly returns: TypeNode;
      readonly body: readonly Stmt[];
      readonly doc?: Doc;
      readonly exported: boolean;
      /** `async function`: the declarations keep only its `Promise` return type. */
      readonly async?: boolean;
    }
  | {
      readonly k: "const";
      readonly name: string;
      readonly type?: TypeNode;
      readonly init: Expr;
      readonly doc?: Doc;
      readonly exported: boolean;
    }
  | { readonly k: "comment"; readonly lines: readonly string[] };

export interface FunctionParam {
  readonly name: string;
  readonly type: TypeNode;
  readonly optional?: boolean;
  /** A default value: the source says `name = value`, the declarations `name?: type`. */
  readonly default?: Expr;
}

export const importFrom = (from: string, names: readonly (string | Specifier)[], typeOnly = false): Declaration => ({
  k: "import",
  from,
  names: names.map(specifier),
  typeOnly,
});
export const exportFrom = (from: string, names: readonly (string | Specifier)[], typeOnly = false): Declaration => ({
  k: "export-from",
  from,
  names: names.map(specifier),
  typeOnly,
});
/** `"type X"` names a type. */
function specifier(name: string | Specifier): Specifier {
  if (typeof name !== "string") return name;
  return name.startsWith("type ") ? { name: name.slice(5), type: true } : { name };
}

const JS: readonly Form[] = ["esm", "cjs"];

/** The document of one declaration, in every form (CommonJS module syntax is `module.ts`'s). */
export function printDeclaration(d: Declaration): Layout {
  switch (d.k) {
    case "import":
    case "export-from":
      return printModuleReference(d);
    case "type":
      return typed([jsDoc(d.doc), exportKeyword(d.exported), typeAlias(d.name, d.type)]);
    case "interface":
      return typed([
        jsDoc(d.doc),
        exportKeyword(d.exported),
        "interface ",
        d.name,
        " ",
        printType(objectType(d.members)),
      ]);
    case "function":
      return printFunction(d);
    case "const":
      return printConst(d);
    case "comment":
      return join(
        hardline,
        d.lines.map((l) => (l ? `// ${l}` : "//")),
      );
  }
}

const exportKeyword = (exported: boolean): Layout => (exported ? only(["ts", "esm", "dts"], "export ") : "");

function printModuleReference(d: Extract<Declaration, { k: "import" | "export-from" }>): Layout {
  const keyword = d.k === "import" ? "import" : "export";
  const values = d.names.filter((n) => !n.type);
  const print = (names: readonly Specifier[], typeOnly: boolean) => {
    const specs = names.map((n) => (n.type && !typeOnly ? `type ${n.name}` : n.name));
    const list =
      specs.length === 1
        ? ["{ ", specs[0]!, " }"]
        : group(["{", indent([line, join([",", line], specs)]), ifBreak(","), line, "}"]);
    return [keyword, typeOnly ? " type " : " ", list, " from ", stringLiteral(d.from), ";"];
  };
  const ts = print(d.names, d.typeOnly);
  if (d.typeOnly || values.length === 0) return typed(ts);
  return [only(["ts", "dts"], ts), only(["esm"], print(values, false))];
}

function typeAlias(name: string, type: TypeNode): Layout {
  // A union that does not hug goes below the `=`, its members one per line when it breaks.
  const layout = type.k === "union" && !hugs(type) ? "break-after-operator" : "fluid";
  return [assignmentLayout(["type ", name], printType(type, "alias"), layout), ";"];
}

function printFunction(d: Extract<Declaration, { k: "function" }>): Layout {
  const params = d.params.map(printParam);
  const list =
    params.length === 0 ? "()" : ["(", indent([softline, join([",", line], params)]), ifBreak(","), softline, ")"];
  const signature = [
    jsDoc(d.doc),
    exportKeyword(d.exported),
    only(["dts"], "declare "),
    d.async ? running("async ") : "",
    "function ",
    d.name,
    group([list, typed([": ", printType(d.returns)])]),
  ];
  const whole = [signature, running([" ", block(d.body)]), only(["dts"], ";")];
  return d.exported ? whole : running(whole);
}

function printParam(p: FunctionParam): Layout {
  if (p.default) return [p.name, running([" = ", printExpr(p.default)]), only(["dts"], ["?: ", printType(p.type)])];
  return [p.name, typed([p.optional ? "?" : "", ": ", printType(p.type)])];
}

function printConst(d: Extract<Declaration, { k: "const" }>): Layout {
  const type = d.type;
  const left = (withType: boolean): Layout => ["const ", d.name, withType && type ? [": ", printType(type)] : ""];
  const head = [jsDoc(d.doc), exportKeyword(d.exported)];
  const ts = [assignment(left(true), d.init, type !== undefined && type.k !== "text"), ";"];
  const js = [assignment(left(false), d.init), ";"];
  const dts = ["declare ", left(true), ";"];
  const forms = [only(["ts"], ts), only(JS, js), ...(d.exported ? [only(["dts"], dts)] : [])];
  return d.exported ? [head, forms] : running([head, forms]);
}
