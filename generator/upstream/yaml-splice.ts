/**
 * Writes an edited YAML document back as the smallest change to its source text: the edits made
 * through the `yaml` Document API are found by comparing the edited tree with the original one,
 * and only the nodes that changed are replaced, inserted or cut at their source positions. Every
 * other byte (flow style, spacing, quoting, comments, line folding) stays as written, which
 * re-printing the whole document would not keep.
 */
import { isDeepStrictEqual } from "node:util";
import {
  Document,
  isAlias,
  isCollection,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseDocument,
  stringify,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";

interface Splice {
  start: number;
  end: number;
  text: string;
}

type Range = [number, number, number];
const OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/** The original text with the changes of `edited` (a mutated parse of it) spliced in; null when it cannot be kept. */
export function spliceEdits(text: string, edited: Document): string | null {
  const original = parseDocument(text);
  const splices: Splice[] = [];
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const ctx = new Context(text, splices);
  ctx.node(original.contents as Node, edited.contents as Node, false);
  splices.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of splices) out = out.slice(0, s.start) + s.text.replace(/\n/g, eol) + out.slice(s.end);
  // Checked, not trusted: the spliced text must read back as the edited document.
  const reread = parseDocument(out);
  return reread.errors.length === 0 && isDeepStrictEqual(reread.toJS(), edited.toJS()) ? out : null;
}

class Context {
  constructor(
    private readonly text: string,
    private readonly splices: Splice[],
  ) {}

  node(before: Node, edited: unknown, flow: boolean): void {
    const after = asNode(edited);
    if (isAlias(before) && isAlias(after)) {
      // `*name` stays as written while it names the same anchor.
      if (before.source !== after.source) this.replace(before, after, flow);
    } else if (isScalar(before) && isScalar(after)) {
      if (!Object.is(before.value, after.value)) this.replace(before, after, flow);
    } else if (!flow && isCollection(before) && before.flow && before.items.length === 0 && isCollection(after))
      this.filled(before, after);
    else if (isMap(before) && isMap(after)) this.map(before, after, flow || Boolean(before.flow));
    else if (isSeq(before) && isSeq(after)) this.seq(before, after, flow || Boolean(before.flow));
    else this.replace(before, after, flow);
  }

  /** An empty `[]` or `{}` in block context that gets items becomes a block collection, as people write one. */
  private filled(before: YAMLMap | YAMLSeq, after: YAMLMap | YAMLSeq): void {
    if (after.items.length === 0) return;
    let [start, end] = range(before);
    const lineStart = this.lineStart(start);
    const indent = /^ */.exec(this.text.slice(lineStart))![0].length + 2;
    while (start > lineStart && this.text[start - 1] === " ") start--;
    const copy = after.clone() as YAMLMap | YAMLSeq;
    copy.flow = false;
    const text = this.block(copy, indent, true).replace(/\n$/, "");
    if (this.text[end - 1] === "\n") end--;
    this.splices.push({ start, end, text: `\n${text}` });
  }

  private map(before: YAMLMap, after: YAMLMap, flow: boolean): void {
    const keyOf = (pair: Pair) => String(isScalar(pair.key) ? pair.key.value : pair.key);
    const kept = new Map(after.items.map((pair) => [keyOf(pair), pair]));
    const had = new Set(before.items.map(keyOf));
    const cuts = before.items.flatMap((pair, i) => (kept.has(keyOf(pair)) ? [] : [i]));
    if (!cuts.every((i) => this.canCut(before, i, flow))) return this.replace(before, after, flow);
    before.items.forEach((pair, i) => {
      const now = kept.get(keyOf(pair));
      if (!now) this.cut(before, i, flow);
      else if (!pair.value || !now.value) {
        if (!isDeepStrictEqual(pair.value, now.value)) this.replacePair(pair, now, flow);
      } else this.node(pair.value as Node, now.value as Node, flow);
    });
    const added = after.items.filter((pair) => !had.has(keyOf(pair)));
    if (added.length > 0) this.append(before, added, flow);
  }

  private seq(before: YAMLSeq, after: YAMLSeq, flow: boolean): void {
    const json = (n: unknown) => JSON.stringify((n as Node | null)?.toJSON?.() ?? n);
    if (after.items.length >= before.items.length) {
      const dash = this.column(range(before)[0]);
      before.items.forEach((item, i) => this.item(item as Node, after.items[i], flow, dash));
      if (after.items.length > before.items.length) this.append(before, after.items.slice(before.items.length), flow);
      return;
    }
    // Items taken out: the rest must be the same, in order.
    const cuts: number[] = [];
    let j = 0;
    before.items.forEach((item, i) => {
      if (j < after.items.length && json(item) === json(after.items[j])) j++;
      else cuts.push(i);
    });
    if (j !== after.items.length || !cuts.every((i) => this.canCut(before, i, flow)))
      return this.replace(before, after, flow);
    for (const i of cuts) this.cut(before, i, flow);
  }

  private item(before: Node, edited: unknown, flow: boolean, dash: number): void {
    const after = asNode(edited);
    if (!flow && after.commentBefore !== before.commentBefore && isCollection(before)) {
      // A comment put on an item (docs:sync marks events this way) goes on the lines before its dash.
      const start = this.lineStart(range(before)[0]);
      const indent = " ".repeat(dash);
      const old = before.commentBefore ?? "";
      const now = after.commentBefore ?? "";
      if (now.startsWith(old)) {
        const added = now.slice(old.length).replace(/^\n/, "");
        const lines = added.split("\n").map((line) => `${indent}#${line}\n`);
        this.splices.push({ start, end: start, text: lines.join("") });
      } else return this.replace(before, after, flow);
    }
    this.node(before, after, flow);
  }

  /** Replaces a node's value text with the new node's, in the style of its place. */
  private replace(before: Node, after: Node, flow: boolean): void {
    const [start, end] = range(before);
    const block = !flow && isCollection(before) && !before.flow && isCollection(after);
    let text = block ? this.block(after, this.column(start)).trimStart() : this.inline(after, flow);
    if (this.text[end - 1] === "\n" && !text.endsWith("\n")) text += "\n";
    this.splices.push({ start, end, text });
  }

  private replacePair(before: Pair, after: Pair, flow: boolean): void {
    const key = range(before.key as Node);
    const end = before.value ? range(before.value as Node)[1] : key[1];
    const text = flow ? this.inlinePair(after) : this.block(pairMap(after), this.column(key[0])).trim();
    this.splices.push({ start: key[0], end, text });
  }

  /** New pairs or items at the end of a collection. */
  private append(target: YAMLMap | YAMLSeq, added: unknown[], flow: boolean): void {
    const [start, end] = range(target);
    if (flow) {
      const close = this.text.lastIndexOf(isMap(target) ? "}" : "]", end - 1);
      let at = close;
      while (at > start + 1 && /\s/.test(this.text[at - 1]!)) at--;
      const parts = added.map((a) => (isMap(target) ? this.inlinePair(a as Pair) : this.inline(asNode(a), true)));
      this.splices.push({
        start: at,
        end: at,
        text: `${target.items.length > added.length ? ", " : ""}${parts.join(", ")}`,
      });
      return;
    }
    // A block collection starts at its first key or dash: that is its indentation.
    const indent = this.column(start);
    const holder = isMap(target) ? new Document({}) : new Document([]);
    for (const a of added) (holder.contents as YAMLMap | YAMLSeq).items.push(a as never);
    const text = this.block(holder.contents as Node, indent, true);
    this.splices.push({ start: end, end, text: `${this.text[end - 1] === "\n" ? "" : "\n"}${text}` });
  }

  /**
   * Takes item `index` out of a collection, with its lines (block) or its comma (flow); false when
   * that would leave the text wrong (the last key of a map that shares its line with a dash).
   */
  private canCut(target: YAMLMap | YAMLSeq, index: number, flow: boolean): boolean {
    return this.cut(target, index, flow, true);
  }

  private cut(target: YAMLMap | YAMLSeq, index: number, flow: boolean, dryRun = false): boolean {
    const push = (splice: Splice) => dryRun || this.splices.push(splice);
    // Where an item begins: its key, or (block sequences) its dash.
    const startOf = (i: number) => {
      const at = range((isMap(target) ? (target.items[i] as Pair).key : target.items[i]) as Node)[0];
      return isSeq(target) && !flow ? this.text.lastIndexOf("-", at - 1) : at;
    };
    const endOf = (i: number) => {
      const item = target.items[i];
      return range((isMap(target) ? ((item as Pair).value ?? (item as Pair).key) : item) as Node);
    };
    const last = index === target.items.length - 1;
    if (flow) {
      if (!last) push({ start: startOf(index), end: startOf(index + 1), text: "" });
      else if (index > 0) push({ start: endOf(index - 1)[1], end: endOf(index)[1], text: "" });
      else push({ start: startOf(index), end: endOf(index)[1], text: "" });
      return true;
    }
    const lineStart = this.lineStart(startOf(index));
    if (this.text.slice(lineStart, startOf(index)).trim() !== "") {
      if (last) return false;
      push({ start: startOf(index), end: startOf(index + 1), text: "" });
      return true;
    }
    let end = endOf(index)[2];
    if (this.text[end - 1] !== "\n") {
      const newline = this.text.indexOf("\n", end);
      end = newline === -1 ? this.text.length : newline + 1;
    }
    push({ start: lineStart, end, text: "" });
    return true;
  }

  private block(node: Node, indent: number, all = false): string {
    const lines = new Document(node).toString(OPTIONS).replace(/\n$/, "").split("\n");
    const pad = " ".repeat(indent);
    return `${lines.map((line, i) => (line === "" || (i === 0 && !all) ? line : pad + line)).join("\n")}\n`;
  }

  /** A value on one line; a string that could read otherwise there is JSON-quoted (valid YAML anywhere). */
  private inline(node: Node, flow: boolean): string {
    if (isScalar(node)) {
      const text = stringify(node, OPTIONS).trimEnd();
      const unsafe = typeof node.value === "string" && (/\n/.test(text) || (flow && /[,[\]{}#]/.test(text)));
      return unsafe ? JSON.stringify(node.value) : text;
    }
    return stringify(node.toJSON(), { ...OPTIONS, collectionStyle: "flow" }).trimEnd();
  }

  private inlinePair(pair: Pair): string {
    return `${this.inline(asNode(pair.key), true)}: ${pair.value != null ? this.inline(asNode(pair.value), true) : "null"}`;
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf("\n", offset - 1) + 1;
  }

  private column(offset: number): number {
    return offset - this.lineStart(offset);
  }
}

/** The Document API stores plain values set with `setIn` as they are; compared as nodes. */
function asNode(value: unknown): Node {
  return isNode(value) ? value : (new Document().createNode(value) as Node);
}

function range(node: Node): Range {
  if (!node.range) throw new Error("yaml-splice: a node of the original document has no source range");
  return node.range as Range;
}

function pairMap(pair: Pair): Node {
  const map = new Document({}).contents as YAMLMap;
  map.items.push(pair as never);
  return map;
}
