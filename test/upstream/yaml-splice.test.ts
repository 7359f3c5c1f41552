import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isCollection,
  isMap,
  isSeq,
  parseDocument,
  visit,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { spliceEdits } from "../../generator/upstream/yaml-splice.js";

// docs:sync edits the spec through the yaml Document API and writes back only what changed: every
// line outside the edited node is kept byte for byte, whatever its style (flow or block, quoting,
// comments), and the result reads back as the edited document (spliceEdits checks that itself).

const key = fc.stringMatching(/^[a-z][a-z_]{0,6}$/);
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("a, b", "x: y", "# not a comment", "[1]", "{}", "true", "multi\nline"),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, scalar, tie("map"), tie("list")),
  map: fc.dictionary(key, tie("node"), { minKeys: 1, maxKeys: 4 }),
  list: fc.array(tie("node"), { minLength: 1, maxLength: 4 }),
})).map;

/** The document in a random mix of styles: flow or block per collection, a comment here and there. */
function styled(data: unknown, seed: number): string {
  const doc = parseDocument(JSON.stringify(data));
  let n = seed;
  const coin = () => ((n = (n * 1103515245 + 12345) & 0x7fffffff) & 4) !== 0;
  visit(doc, {
    Map(_, map) {
      map.flow = coin();
    },
    Seq(_, seq) {
      seq.flow = coin();
    },
    Scalar(_, scalar) {
      scalar.type = typeof scalar.value === "string" && coin() ? "QUOTE_SINGLE" : undefined;
    },
  });
  (doc.contents as YAMLMap).flow = false;
  visit(doc, {
    Pair(_, pair, path) {
      const parent = path.at(-1) as Node;
      if (!(parent as YAMLMap).flow && coin()) (pair.key as Node).commentBefore = " kept as written";
    },
  });
  return doc.toString({ lineWidth: 40 });
}

type Edit = (doc: ReturnType<typeof parseDocument>, pick: number) => (string | number)[] | undefined;

/** The collections of a document, by path. */
function collections(doc: ReturnType<typeof parseDocument>): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (!isCollection(node)) return;
    out.push(path);
    if (isMap(node))
      for (const pair of node.items as Pair[])
        walk(pair.value, [...path, String((pair.key as { value: unknown }).value)]);
    if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return out;
}

const EDITS: Record<string, Edit> = {
  setScalar(doc, pick) {
    const all = collections(doc).filter((p) => isMap(doc.getIn(p, true)));
    const path = all[pick % all.length]!;
    const map = doc.getIn(path, true) as YAMLMap;
    const k = String((map.items[pick % map.items.length]!.key as { value: unknown }).value);
    doc.setIn([...path, k], "changed, by sync");
    return path;
  },
  addKey(doc, pick) {
    const all = collections(doc).filter((p) => isMap(doc.getIn(p, true)));
    const path = all[pick % all.length]!;
    doc.setIn([...path, "zz_added"], doc.createNode({ type: "string", required: ["a"] }));
    return path;
  },
  removeKey(doc, pick) {
    const all = collections(doc).filter((p) => (doc.getIn(p, true) as { items: unknown[] }).items.length > 1);
    if (all.length === 0) return undefined;
    const path = all[pick % all.length]!;
    const node = doc.getIn(path, true) as YAMLMap | YAMLSeq;
    if (isMap(node)) node.delete((node.items[pick % node.items.length]!.key as { value: unknown }).value);
    else node.delete(pick % node.items.length);
    return path;
  },
  appendItem(doc, pick) {
    const all = collections(doc).filter((p) => isSeq(doc.getIn(p, true)));
    if (all.length === 0) return undefined;
    const path = all[pick % all.length]!;
    (doc.getIn(path, true) as { add(v: unknown): void }).add(doc.createNode("new item"));
    return path;
  },
};

describe("spliceEdits", () => {
  it("changes only the lines of the edited collection, in any style", () => {
    const RUNS = 400;
    const reached = Object.fromEntries(Object.keys(EDITS).map((name) => [name, 0]));
    fc.assert(
      fc.property(value, fc.nat(), fc.nat(), fc.nat(), (data, seed, pick, which) => {
        const text = styled(data, seed);
        // The edit is picked among those the document allows (no list: no item to append), so
        // every run reaches the checks below.
        const doc = parseDocument(text);
        const usable = Object.keys(EDITS).filter((name) => EDITS[name]!(parseDocument(text), pick) !== undefined);
        const edit = usable[which % usable.length]!;
        const path = EDITS[edit]!(doc, pick)!;
        const out = spliceEdits(text, doc);
        expect(out, `${edit} at ${JSON.stringify(path)} in\n${text}`).not.toBeNull();
        // The lines before and after the edited collection's lines are the same bytes, in place.
        const original = parseDocument(text).getIn(path, true) as Node;
        const [start, end] = original.range!;
        const first = text.slice(0, start).split("\n").length - 1;
        const last = text.slice(0, end).split("\n").length;
        const lines = text.split("\n");
        const outLines = out!.split("\n");
        const context = `${edit} at ${JSON.stringify(path)} in\n${text}\n---\n${out}`;
        expect(outLines.slice(0, first), context).toEqual(lines.slice(0, first));
        expect(outLines.slice(outLines.length - (lines.length - last)), context).toEqual(lines.slice(last));
        // And the output says what the edited document says.
        expect(parseDocument(out!).toJS(), context).toEqual(doc.toJS());
        reached[edit]!++;
      }),
      { numRuns: RUNS, seed: 20261128 },
    );
    // Every run reached the checks, and every kind of edit was tried often enough to mean something.
    expect(Object.values(reached).reduce((a, b) => a + b, 0)).toBe(RUNS);
    for (const [edit, count] of Object.entries(reached)) expect(count, edit).toBeGreaterThanOrEqual(RUNS / 10);
  });

  it("writes an empty [] or {} that gets items as a block collection, comments included", () => {
    const text = "package: { name: x }\nevents: []\n# end\n";
    const doc = parseDocument(text);
    const item = doc.createNode({ name: "a.b", data: { type: "object" } }) as YAMLMap;
    item.commentBefore = " Added by docs:sync; review it.";
    (doc.get("events") as YAMLSeq).add(item);
    expect(spliceEdits(text, doc)).toBe(
      "package: { name: x }\nevents:\n  # Added by docs:sync; review it.\n  - name: a.b\n    data:\n      type: object\n# end\n",
    );
  });

  it("keeps anchors and aliases as written", () => {
    const text = "shared: &id { type: string }\na:\n  id: *id\n  name: x\nb: [*id, 2]\n";
    const doc = parseDocument(text);
    doc.setIn(["a", "name"], "y");
    expect(spliceEdits(text, doc)).toBe("shared: &id { type: string }\na:\n  id: *id\n  name: y\nb: [*id, 2]\n");
  });

  it("keeps a flow mapping, its spacing and a comment beside an edited value", () => {
    const text = "a: { x: 1,  y: [b,c] }   # mine\nb:\n  - 'q'\n  - r # note\nc: d\n";
    const doc = parseDocument(text);
    doc.setIn(["c"], "e");
    (doc.getIn(["b"]) as { add(v: unknown): void }).add("s");
    expect(spliceEdits(text, doc)).toBe("a: { x: 1,  y: [b,c] }   # mine\nb:\n  - 'q'\n  - r # note\n  - s\nc: e\n");
  });
});
