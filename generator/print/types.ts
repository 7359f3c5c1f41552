/**
 * TypeScript types, described as small trees and printed as prettier prints them: unions break
 * one member per line with a leading `|`, object types keep one member per line with its JSDoc,
 * arrays of unions are parenthesized. Types appear in the `.ts` and `.d.ts` forms only.
 */
import { align, group, hardline, ifBreak, indent, join, line, softline, type Doc } from "./doc.js";
import { propertyKey } from "./literals.js";

export type TypeNode =
  | { readonly k: "text"; readonly text: string; readonly void?: boolean }
  | { readonly k: "ref"; readonly name: string; readonly args: readonly TypeNode[] }
  | { readonly k: "union"; readonly types: readonly TypeNode[] }
  | { readonly k: "intersection"; readonly types: readonly TypeNode[] }
  | { readonly k: "array"; readonly item: TypeNode }
  | { readonly k: "tuple"; readonly items: readonly TypeNode[] }
  /** `readonly T[]`. */
  | { readonly k: "readonly"; readonly type: TypeNode }
  /** `{ readonly [K in Keys]: Value }`. */
  | {
      readonly k: "mapped";
      readonly key: string;
      readonly keys: TypeNode;
      readonly value: TypeNode;
      readonly readonly: boolean;
    }
  | { readonly k: "object"; readonly members: readonly Member[]; readonly expanded: boolean }
  | { readonly k: "function"; readonly params: readonly Param[]; readonly returns: TypeNode }
  | { readonly k: "indexed"; readonly object: TypeNode; readonly index: TypeNode }
  | { readonly k: "predicate"; readonly param: string; readonly type: TypeNode };

export type Member =
  | {
      readonly name: string;
      readonly optional: boolean;
      readonly type: TypeNode;
      readonly doc?: readonly string[] | string;
    }
  | { readonly indexKey: string; readonly type: TypeNode; readonly doc?: readonly string[] | string };

export interface Param {
  readonly name: string;
  readonly type: TypeNode;
  readonly optional?: boolean;
}

/** A keyword, a literal or a plain name: `string`, `"event"`, `SipHeader`. */
export const t = (text: string): TypeNode => ({ k: "text", text, void: text === "null" || text === "void" });
export const ref = (name: string, args: readonly TypeNode[] = []): TypeNode =>
  args.length === 0 ? t(name) : { k: "ref", name, args };
/** A union of distinct types; one type is itself. */
/** `A | B`, written as TypeScript reads it: `unknown` absorbs the rest, `never` adds nothing. */
export function union(types: readonly TypeNode[]): TypeNode {
  const flatTypes = types.flatMap((x) => (x.k === "union" ? x.types : [x]));
  if (flatTypes.some((x) => isKeyword(x, "unknown"))) return t("unknown");
  const kept = flatTypes.filter((x) => !isKeyword(x, "never"));
  if (kept.length === 0) return t("never");
  return kept.length === 1 ? kept[0]! : { k: "union", types: kept };
}
/** `A & B`, written as TypeScript reads it: `never` absorbs the rest, `unknown` adds nothing. */
export function intersection(types: readonly TypeNode[]): TypeNode {
  if (types.some((x) => isKeyword(x, "never"))) return t("never");
  const kept = types.filter((x) => !isKeyword(x, "unknown"));
  if (kept.length === 0) return t("unknown");
  return kept.length === 1 ? kept[0]! : { k: "intersection", types: kept };
}
function isKeyword(type: TypeNode, name: "unknown" | "never"): boolean {
  return type.k === "text" && type.text === name;
}
export const arrayOf = (item: TypeNode): TypeNode => ({ k: "array", item });
export const tuple = (items: readonly TypeNode[]): TypeNode => ({ k: "tuple", items });
export const readonlyOf = (type: TypeNode): TypeNode => ({ k: "readonly", type });
export const mapped = (key: string, keys: TypeNode, value: TypeNode, readonly = false): TypeNode => ({
  k: "mapped",
  key,
  keys,
  value,
  readonly,
});
export const objectType = (members: readonly Member[], expanded = true): TypeNode => ({
  k: "object",
  members,
  expanded,
});
export const functionType = (params: readonly Param[], returns: TypeNode): TypeNode => ({
  k: "function",
  params,
  returns,
});
export const indexed = (object: TypeNode, index: TypeNode): TypeNode => ({ k: "indexed", object, index });
export const predicate = (param: string, type: TypeNode): TypeNode => ({ k: "predicate", param, type });

/** Where a type stands decides how a union in it indents. */
type Place = "alias" | "annotation" | "argument" | "operand";

const isObjectLike = (x: TypeNode) =>
  x.k === "object" ||
  x.k === "ref" ||
  (x.k === "text" &&
    /^[A-Z_$]/i.test(x.text) &&
    !/^(?:string|number|boolean|unknown|never|null|undefined|void|any|object|bigint|symbol|true|false)$/.test(x.text) &&
    !/^["'\d-]/.test(x.text));

/** `{ … } | null` and `Name | null` stay on one line (prettier's hugged union). */
export function hugs(x: TypeNode): boolean {
  if (x.k !== "union") return false;
  const object = x.types.find(isObjectLike);
  return object !== undefined && x.types.every((y) => y === object || (y.k === "text" && y.void === true));
}

export function printType(x: TypeNode, place: Place = "annotation"): Doc {
  switch (x.k) {
    case "text":
      return x.text;
    case "ref":
      return [x.name, typeArgs(x.args)];
    case "union":
      return printUnion(x, place);
    case "intersection":
      return printIntersection(x);
    case "array":
      return [needsParens(x.item) ? ["(", printType(x.item, "operand"), ")"] : printType(x.item, "operand"), "[]"];
    case "tuple":
      return x.items.length === 0
        ? "[]"
        : group([
            "[",
            indent([
              softline,
              join(
                [",", line],
                x.items.map((y) => printType(y, "argument")),
              ),
            ]),
            ifBreak(","),
            softline,
            "]",
          ]);
    case "readonly":
      return ["readonly ", printType(x.type, "operand")];
    case "mapped":
      return group([
        "{",
        indent([
          line,
          group([x.readonly ? "readonly " : "", "[", x.key, " in ", printType(x.keys), "]: ", printType(x.value)]),
          ifBreak(";"),
        ]),
        line,
        "}",
      ]);
    case "object":
      return printObjectType(x);
    case "function":
      return group([params(x.params), " => ", printType(x.returns)]);
    case "indexed":
      return [printType(x.object, "operand"), "[", printType(x.index, "argument"), "]"];
    case "predicate":
      return [x.param, " is ", printType(x.type)];
  }
}

const needsParens = (x: TypeNode) => x.k === "union" || x.k === "intersection" || x.k === "function";

/** `<A, B>`: a lone simple argument stays inline, more break one per line (no trailing comma). */
export function typeArgs(args: readonly TypeNode[]): Doc {
  const only = args[0];
  const simple = (y: TypeNode) => y.k === "text" || y.k === "object";
  if (args.length === 1 && (simple(only!) || hugs(only!))) return ["<", printType(only!, "argument"), ">"];
  return group([
    "<",
    indent([
      softline,
      join(
        [",", line],
        args.map((a) => printType(a, "argument")),
      ),
    ]),
    softline,
    ">",
  ]);
}

function printUnion(x: Extract<TypeNode, { k: "union" }>, place: Place): Doc {
  if (hugs(x))
    return join(
      " | ",
      x.types.map((y) => printType(y, "operand")),
    );
  const members = x.types.map((y, i) => {
    const printed = needsParens(y) && y.k !== "union" ? ["(", printType(y, "operand"), ")"] : printType(y, "operand");
    return i === 0 ? [ifBreak("| "), align(2, printed)] : [line, "| ", align(2, printed)];
  });
  const printed = group(members);
  if (place === "operand") return group([indent([softline, printed]), softline]);
  if (place === "alias" || place === "argument") return printed;
  return group(indent([softline, printed]));
}

function printIntersection(x: Extract<TypeNode, { k: "intersection" }>): Doc {
  let wasIndented = false;
  const isObject = (y: TypeNode) => y.k === "object";
  return group(
    x.types.map((y, i) => {
      const doc = needsParens(y) ? ["(", printType(y, "operand"), ")"] : printType(y, "operand");
      if (i === 0) return doc;
      const previous = x.types[i - 1]!;
      if (isObject(previous) && isObject(y)) return [" & ", wasIndented ? indent(doc) : doc];
      if (!isObject(previous) && !isObject(y)) return indent([" &", line, doc]);
      if (i > 1) wasIndented = true;
      return [" & ", i > 1 ? indent(doc) : doc];
    }),
  );
}

function printObjectType(x: Extract<TypeNode, { k: "object" }>): Doc {
  if (x.members.length === 0) return "{}";
  const members = x.members.map((m) => [jsDoc(m.doc), printMember(m)]);
  return group(["{", indent([line, join([";", line], members)]), ifBreak(";"), line, "}"], { shouldBreak: x.expanded });
}

function printMember(m: Member): Doc {
  if ("indexKey" in m) return ["[", m.indexKey, ": string]: ", printType(m.type)];
  return [propertyKey(m.name, false), m.optional ? "?" : "", ": ", printType(m.type)];
}

/** `(a: A, b?: B)`, one per line with a trailing comma when long. */
export function params(list: readonly Param[]): Doc {
  if (list.length === 0) return "()";
  const printed = list.map((p) => [p.name, p.optional ? "?" : "", ": ", printType(p.type)]);
  return ["(", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ")"];
}

/** A JSDoc block above a declaration or member, or nothing; given as one string, it stays on one line. */
export function jsDoc(lines: readonly string[] | string | undefined): Doc {
  if (typeof lines === "string") return [`/** ${lines} */`, hardline];
  if (!lines || lines.length === 0) return "";
  const body = lines.map((l) => (l ? ` * ${l}`.trimEnd() : " *"));
  return [join(hardline, ["/**", ...body, " */"]), hardline];
}
