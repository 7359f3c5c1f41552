/**
 * What the loader checks in the parsed YAML beyond the parser: keys that become the same string
 * (`1` and `"1"`), values JSON cannot hold (dates, binary, sets, `.inf`), and descriptions cut
 * short by a ` #` that YAML reads as a comment.
 */
import { isPair, isScalar, isSeq, Scalar, visit, type Document, type Node, type Pair } from "yaml";
import type { DataPath } from "./errors.js";

export interface Found {
  offset: number;
  path: DataPath;
  message: string;
}

/**
 * Everything the loader checks, in one walk of the document: keys of one mapping that convert to
 * the same string and keys that are not plain values; values JSON cannot hold, anywhere in the
 * data, with the nearest form it can (problems); plain prose cut at ` #` (warnings); and whether
 * the document has an alias.
 */
export function inspect(
  doc: Document,
  text: string,
  lineAt: (offset: number) => number,
): { problems: Found[]; warnings: Found[]; hasAlias: boolean } {
  const collapsed: Found[] = [];
  const nonJson: Found[] = [];
  const warnings: Found[] = [];
  let hasAlias = false;
  const tagged = (node: Node, ancestors: readonly unknown[], plain: string, what: string) => {
    if (node.tag && node.tag !== plain)
      nonJson.push({
        offset: node.range?.[0] ?? 0,
        path: pathOf(ancestors, node),
        message: `is tagged ${node.tag.replace("tag:yaml.org,2002:", "!!")}, which JSON cannot hold; use a plain ${what}`,
      });
  };
  visit(doc, {
    Alias() {
      hasAlias = true;
    },
    Map(_, map, ancestors) {
      tagged(map, ancestors, "tag:yaml.org,2002:map", "mapping");
      const seen = new Map<string, Node>();
      const path = pathOf(ancestors, map);
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key)) {
          collapsed.push({
            offset: (key as Node | null)?.range?.[0] ?? 0,
            path,
            message: "has a key that is not a plain value; write keys as strings",
          });
          continue;
        }
        const name = String(key.value);
        const before = seen.get(name) as Scalar | undefined;
        // Keys equal as written are YAML's own DUPLICATE_KEY error, reported by the parser.
        if (before && before.value !== key.value) {
          const line = lineAt(before.range![0]);
          collapsed.push({
            offset: key.range![0],
            path: [...path, name],
            message: `is the same key as the one on line ${line} once written as text ("${name}"); keep one of them`,
          });
        } else seen.set(name, key);
      }
    },
    Seq(_, seq, ancestors) {
      tagged(seq, ancestors, "tag:yaml.org,2002:seq", "list");
    },
    Scalar(key, node, ancestors) {
      if (key === "key") return;
      const message = nonJsonMessage(node.value);
      if (message) nonJson.push({ offset: node.range?.[0] ?? 0, path: pathOf(ancestors, node), message });
    },
    Pair(_, pair, ancestors) {
      const cut = cutByComment(pair, text);
      if (cut) warnings.push({ offset: cut.offset, path: pathOf(ancestors, pair), message: cut.message });
    },
  });
  return { problems: [...collapsed, ...nonJson], warnings, hasAlias };
}

function nonJsonMessage(value: unknown): string | undefined {
  if (value instanceof Date) return "is a date, which JSON cannot hold; quote it to keep it as a string";
  if (value instanceof Uint8Array) return "is binary data, which JSON cannot hold; write it as a base64 string";
  if (typeof value === "number" && !Number.isFinite(value))
    return `is ${String(value)}, which JSON cannot hold; use a finite number or a string`;
  if (typeof value === "bigint") return "is a number too large for JSON; write it as a string";
  return undefined;
}

const PROSE_KEYS = new Set(["description", "type_description"]);

/** Plain (unquoted) prose followed by a comment on the same line: YAML cut the text at ` #`. */
function cutByComment(pair: Pair, text: string): { offset: number; message: string } | undefined {
  const value = pair.value;
  if (!isScalar(pair.key) || !PROSE_KEYS.has(String(pair.key.value))) return undefined;
  if (!isScalar(value) || value.type !== Scalar.PLAIN || !value.comment || !value.range) return undefined;
  const end = value.range[1];
  const rest = text.slice(end, text.indexOf("\n", end) === -1 ? undefined : text.indexOf("\n", end));
  if (!/^\s+#/.test(rest)) return undefined;
  return {
    offset: value.range[0],
    message: `is cut at " #": YAML reads the rest of the line ("${rest.trim().slice(0, 40)}") as a comment; quote the text or use | to keep it`,
  };
}

/** The data path of a node, from the chain of nodes `visit` passes down to it. */
function pathOf(ancestors: readonly unknown[], node: unknown): DataPath {
  const chain = [...ancestors, node];
  const path: (string | number)[] = [];
  chain.forEach((n, i) => {
    if (isPair(n) && isScalar(n.key)) path.push(String(n.key.value));
    else if (isSeq(n) && i + 1 < chain.length) path.push(n.items.indexOf(chain[i + 1] as never));
  });
  return path;
}
