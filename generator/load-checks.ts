/**
 * What the loader checks in the parsed YAML beyond the parser: keys that become the same string
 * (`1` and `"1"`), values JSON cannot hold (dates, binary, sets, `.inf`), and descriptions cut
 * short by a ` #` that YAML reads as a comment.
 */
import { isPair, isScalar, isSeq, Scalar, visit, type Document, type Node } from "yaml";
import type { DataPath } from "./errors.js";

export interface Found {
  offset: number;
  path: DataPath;
  message: string;
}

/** Keys of one mapping that convert to the same string, and keys that are not plain values. */
export function collapsedKeys(doc: Document, lineAt: (offset: number) => number): Found[] {
  const out: Found[] = [];
  visit(doc, {
    Map(_, map, ancestors) {
      const seen = new Map<string, Node>();
      const path = pathOf(ancestors, map);
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key)) {
          out.push({
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
          out.push({
            offset: key.range![0],
            path: [...path, name],
            message: `is the same key as the one on line ${line} once written as text ("${name}"); keep one of them`,
          });
        } else seen.set(name, key);
      }
    },
  });
  return out;
}

/** Values JSON cannot hold, anywhere in the data, with the nearest form it can. */
export function nonJsonValues(doc: Document): Found[] {
  const out: Found[] = [];
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === "key") return;
      const value = node.value;
      let message: string | undefined;
      if (value instanceof Date) message = "is a date, which JSON cannot hold; quote it to keep it as a string";
      else if (value instanceof Uint8Array)
        message = "is binary data, which JSON cannot hold; write it as a base64 string";
      else if (typeof value === "number" && !Number.isFinite(value))
        message = `is ${String(value)}, which JSON cannot hold; use a finite number or a string`;
      else if (typeof value === "bigint") message = "is a number too large for JSON; write it as a string";
      if (message) out.push({ offset: node.range?.[0] ?? 0, path: pathOf(ancestors, node), message });
    },
    Map(key, node, ancestors) {
      if (node.tag && node.tag !== "tag:yaml.org,2002:map")
        out.push({
          offset: node.range?.[0] ?? 0,
          path: pathOf(ancestors, node),
          message: `is tagged ${node.tag.replace("tag:yaml.org,2002:", "!!")}, which JSON cannot hold; use a plain mapping`,
        });
    },
    Seq(key, node, ancestors) {
      if (node.tag && node.tag !== "tag:yaml.org,2002:seq")
        out.push({
          offset: node.range?.[0] ?? 0,
          path: pathOf(ancestors, node),
          message: `is tagged ${node.tag.replace("tag:yaml.org,2002:", "!!")}, which JSON cannot hold; use a plain list`,
        });
    },
  });
  return out;
}

const PROSE_KEYS = new Set(["description", "type_description"]);

/** Plain (unquoted) prose followed by a comment on the same line: YAML cut the text at ` #`. */
export function cutByComment(doc: Document, text: string): Found[] {
  const out: Found[] = [];
  visit(doc, {
    Pair(_, pair, ancestors) {
      const value = pair.value;
      if (!isScalar(pair.key) || !PROSE_KEYS.has(String(pair.key.value))) return;
      if (!isScalar(value) || value.type !== Scalar.PLAIN || !value.comment || !value.range) return;
      const end = value.range[1];
      const rest = text.slice(end, text.indexOf("\n", end) === -1 ? undefined : text.indexOf("\n", end));
      if (!/^\s+#/.test(rest)) return;
      out.push({
        offset: value.range[0],
        path: pathOf(ancestors, pair),
        message: `is cut at " #": YAML reads the rest of the line ("${rest.trim().slice(0, 40)}") as a comment; quote the text or use | to keep it`,
      });
    },
  });
  return out;
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
