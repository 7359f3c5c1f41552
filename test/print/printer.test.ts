// The printer against prettier's own: random documents, printed by both at random widths, give
// the same text. Prettier's document printer is the oracle; ours shares no code with it.
import fc from "fast-check";
import { doc as prettierDoc } from "prettier";
import { describe, expect, it } from "vitest";
import * as ours from "../../generator/print/doc.js";
import { printDoc } from "../../generator/print/printer.js";

const b = prettierDoc.builders;

type Tree =
  | { t: "text"; s: string }
  | { t: "line" | "softline" | "hardline" }
  | { t: "group"; c: Tree[]; brk: boolean }
  | { t: "indent"; c: Tree[] }
  | { t: "ifBreak"; a: Tree[]; b: Tree[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({
      t: fc.constant("text" as const),
      s: fc.constantFrom("a", "bb", "ccc ", "ddddddd", "中文", "é", "x".repeat(12)),
    }),
    fc.record({ t: fc.constantFrom("line" as const, "softline" as const, "hardline" as const) }),
    fc.record({
      t: fc.constant("group" as const),
      c: fc.array(tie("node"), { maxLength: 5 }),
      brk: fc.boolean(),
    }),
    fc.record({ t: fc.constant("indent" as const), c: fc.array(tie("node"), { maxLength: 5 }) }),
    fc.record({
      t: fc.constant("ifBreak" as const),
      a: fc.array(tie("node"), { maxLength: 3 }),
      b: fc.array(tie("node"), { maxLength: 3 }),
    }),
  ),
})).node;

function toOurs(n: Tree): ours.Doc {
  switch (n.t) {
    case "text":
      return n.s;
    case "line":
      return ours.line;
    case "softline":
      return ours.softline;
    case "hardline":
      return ours.hardline;
    case "group":
      return ours.group(n.c.map(toOurs), { shouldBreak: n.brk });
    case "indent":
      return ours.indent(n.c.map(toOurs));
    case "ifBreak":
      return ours.ifBreak(n.a.map(toOurs), n.b.map(toOurs));
  }
}

function toPrettier(n: Tree): unknown {
  switch (n.t) {
    case "text":
      return n.s;
    case "line":
      return b.line;
    case "softline":
      return b.softline;
    case "hardline":
      return b.hardline;
    case "group":
      return b.group(n.c.map(toPrettier) as never, { shouldBreak: n.brk });
    case "indent":
      return b.indent(n.c.map(toPrettier) as never);
    case "ifBreak":
      return b.ifBreak(n.a.map(toPrettier) as never, n.b.map(toPrettier) as never);
  }
}

describe("printer", () => {
  it("lays out random documents as prettier's printer does", () => {
    let cases = 0;
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 6 }), fc.integer({ min: 4, max: 40 }), (nodes, width) => {
        cases++;
        const theirs = prettierDoc.printer.printDocToString(
          nodes.map(toPrettier) as never,
          {
            printWidth: width,
            tabWidth: 2,
            useTabs: false,
          } as never,
        ).formatted;
        expect(printDoc(nodes.map(toOurs), "ts", width)).toBe(theirs);
      }),
      { numRuns: 2000, seed: 7 },
    );
    expect(cases).toBe(2000);
  });

  it("prints only the parts of the form asked for, and breaks groups by that form's lines", () => {
    const d = ours.group([
      "f(",
      ours.indent([ours.softline, "a", ours.typed([": T", ours.breakParent])]),
      ours.softline,
      ")",
    ]);
    expect(printDoc(d, "esm")).toBe("f(a)");
    expect(printDoc(d, "ts")).toBe("f(\n  a: T\n)");
  });
});
