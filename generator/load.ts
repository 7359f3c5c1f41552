import { readFileSync } from "node:fs";
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { SpecError, type DataPath, type SpecProblem } from "./errors.js";

/** A parsed spec file that can say where any part of its data came from. */
export interface LoadedSpec {
  file: string;
  /** The YAML as plain data. */
  data: unknown;
  /** Source position of a data path: the key when `at` is "key", else the value; falls back to the nearest ancestor. */
  locate(path: DataPath, at?: "key" | "value"): { line: number; column: number };
}

// Bounds that keep a hostile file from exhausting memory: YAML aliases can expand exponentially.
const MAX_ALIAS_COUNT = 100;

/** Reads and parses a spec; YAML syntax errors (tabs, duplicate keys, bad indentation) become SpecErrors. */
export function loadSpec(file: string, text: string = readFileSync(file, "utf8")): LoadedSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems: SpecProblem[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const at = position(e.pos[0]);
    // One error often sets off others on the same line; the first says what to fix.
    if (problems.some((p) => p.line === at.line)) continue;
    problems.push({ file, ...at, path: "", message: `${e.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, "")} (YAML ${e.code})` });
  }
  if (problems.length > 0) throw new SpecError(problems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    throw new SpecError([{ file, line: 1, column: 1, path: "", message: `${(error as Error).message}; write the value out instead of using aliases` }]);
  }

  return {
    file,
    data,
    locate(path, at = "value") {
      const node = nodeAt(doc, path, at);
      return position(node?.range?.[0] ?? 0);
    },
  };
}

function nodeAt(doc: Document, path: DataPath, at: "key" | "value"): Node | undefined {
  let node: Node | undefined = doc.contents ?? undefined;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    const last = i === path.length - 1;
    let next: Node | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (pair && last && at === "key") return pair.key as Node;
      next = (pair?.value ?? undefined) as Node | undefined;
    } else if (isSeq(node) && typeof part === "number") {
      next = (node.items[part] ?? undefined) as Node | undefined;
    }
    if (!next) return node;
    node = next;
  }
  return node;
}
