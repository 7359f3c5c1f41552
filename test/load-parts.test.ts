import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadSpec } from "../generator/load.js";
import { readInParts } from "../generator/load-parts.js";
import { SPEC } from "./helpers.js";

/** The oracle: the whole file as one document, as yaml reads it. */
const whole = (text: string) => parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 100 }) as unknown;
const parts = (text: string) => readInParts(text, 100)?.data;

const corpus = ["accepted", "refused"].flatMap((kind) =>
  readdirSync(join("test/corpus", kind))
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => join("test/corpus", kind, f)),
);

const head = "package: { name: things, version: 1.0.0 }\n";

describe("a spec read in parts", () => {
  it("reads every spec of the repository as the whole parser does, or leaves it to the whole parser", () => {
    let read = 0;
    for (const file of [SPEC, ...corpus]) {
      const text = readFileSync(file, "utf8");
      const data = parts(text);
      if (data === undefined) continue;
      read++;
      expect(data, file).toEqual(whole(text));
    }
    expect(read).toBeGreaterThan(corpus.length / 2);
  });

  // Layouts that could fool a reader of lines: each is read as the whole parser reads it, or not at all.
  const layouts: Record<string, string> = {
    "items at the margin": `${head}events:\n- name: a.b\n  description: x\n- name: b.c\n`,
    "comments and blank lines between items": `${head}events:\n  # first\n\n  - name: a.b\n\n# between\n  - name: b.c\n    # inside\n`,
    "a kept block scalar at the end of the list": `${head}events:\n  - name: a.b\n    description: |+\n      text\n\n\nenvelope: {}\n`,
    "a kept block scalar at the end of the file, with no line break": `${head}events:\n  - name: a.b\n    description: |+\n      text\n\n`,
    "no line break at the end": `${head}events:\n  - name: a.b`,
    "a block scalar with lines that look like items": `${head}events:\n  - name: a.b\n    description: |\n      - name: not.an.event\n  - name: b.c\n`,
    "a quoted value across a line that looks like an item": `${head}events:\n  - name: a.b\n    description: "one\n  - name: fake"\n  - name: b.c\n`,
    "a flow list across such a line": `${head}events:\n  - name: a.b\n    tags: [x,\n  - y]\n`,
    "an alias to an earlier item": `${head}events:\n  - &first\n    name: a.b\n  - *first\n`,
    "an alias within an item": `${head}events:\n  - name: a.b\n    x: &v 1\n    y: *v\n`,
    "keys after the list": `${head}events:\n  - name: a.b\nenvelope:\n  properties: {}\n`,
    "CRLF line breaks": `${head}events:\r\n  - name: a.b\r\n    description: x\r\n`
      .replace(/\n/g, "\r\n")
      .replace(/\r\r/g, "\r"),
    "a document marker": `---\n${head}events:\n  - name: a.b\n`,
    "two events keys": `${head}events:\n  - name: a.b\nevents:\n  - name: b.c\n`,
    "a flow list of events": `${head}events: [{ name: a.b }]\n`,
    "a tab": `${head}events:\n  - name: a.b\n\t  x: 1\n`,
    "a key at the items' column": `${head}events:\n  - name: a.b\n  x: 1\n`,
    "a value JSON cannot hold": `${head}events:\n  - name: a.b\n    x: .inf\n`,
    "a duplicate key in an item": `${head}events:\n  - name: a.b\n    name: b.c\n`,
    "a description cut at a comment": `${head}events:\n  - name: a.b\n    description: one # two\n`,
  };
  const leftToTheWhole = new Set([
    "a quoted value across a line that looks like an item",
    "a flow list across such a line",
    "an alias to an earlier item",
    "an alias within an item",
    "a document marker",
    "two events keys",
    "a flow list of events",
    "a tab",
    "a key at the items' column",
    "a value JSON cannot hold",
    "a duplicate key in an item",
  ]);
  for (const [name, text] of Object.entries(layouts))
    it(`${name}: ${leftToTheWhole.has(name) ? "left to the whole parser" : "the whole parser's data"}`, () => {
      const data = parts(text);
      if (leftToTheWhole.has(name)) expect(data).toBeUndefined();
      else expect(data).toEqual(whole(text));
    });

  it("reads specs mutated at random as the whole parser does, or leaves them to it", () => {
    // Snippets that sit badly with a reader of lines, put at random line starts of a valid spec.
    const snippets = [
      "  - name: x\n",
      "- y\n",
      "    d: |\n      - a\n",
      "    d: |+\n      t\n\n",
      "    d: >-\n  - z\n",
      '    q: "a\n  - b"\n',
      "    f: [1,\n  2]\n",
      "# c\n",
      "\n",
      "  # c\n",
      "k: v\n",
      "    - nested\n",
      "  -\n",
      "    x: &a 1\n",
      "    y: *a\n",
      "\t- t\n",
      "events:\n",
      "---\n",
      "  - name: z\n    description: one # two\n",
      "    p: plain\n  cont\n",
      "? complex\n: v\n",
      "  - !!str 5\n",
      "envelope: {}\n",
      "   - odd\n",
      "\r\n",
      "  - |\n   x\n",
    ];
    let seed = 1;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    let read = 0;
    for (let i = 0; i < 3000; i++) {
      let text = `${head}events:\n  - name: a.b\n    description: d\n`;
      for (let j = random(5); j >= 0; j--) {
        const at = random(2) ? text.length : text.lastIndexOf("\n", random(text.length)) + 1;
        text = text.slice(0, at) + snippets[random(snippets.length)]! + text.slice(at);
      }
      const data = parts(text);
      if (data === undefined) continue;
      read++;
      expect(parseDocument(text, { uniqueKeys: true }).errors, JSON.stringify(text)).toEqual([]);
      expect(data, JSON.stringify(text)).toEqual(whole(text));
    }
    expect(read).toBeGreaterThan(100);
  });

  it("is used for the common layout, and positions are still found (the whole file parsed on demand)", () => {
    const text = readFileSync(SPEC, "utf8");
    expect(parts(text)).toBeDefined();
    const loaded = loadSpec(SPEC, text);
    const lines = text.split("\n");
    const line = lines.findIndex((l, i) => i > lines.indexOf("events:") && /^ {2}- name: /.test(l)) + 1;
    expect(loaded.locate(["events", 0, "name"], "key")).toEqual({ line, column: 5 });
    expect(loaded.locate(["events", 0, "name"])).toEqual({ line, column: 11 });
  });

  it("reports a description cut at a comment at its place in the whole file", () => {
    const text = `${head}envelope: {}\nevents:\n  - name: a.b\n    description: x\n  - name: b.c\n    description: one # two\n`;
    expect(parts(text)).toBeDefined();
    expect(loadSpec("spec.yaml", text).warnings).toEqual([
      expect.objectContaining({ line: 7, column: 18, path: "events[1].description", event: "b.c" }),
    ]);
  });
});
