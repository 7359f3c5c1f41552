import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Alias } from "yaml";
import { formatProblem, SpecError } from "../generator/errors.js";
import { loadSpec } from "../generator/load.js";
import { edit, MINIMAL_SPEC, problemsOf, tempDir } from "./helpers.js";

describe("loadSpec", () => {
  it("reports a duplicate key where the second one stands", () => {
    expect(problemsOf(edit("    id_prefix: thing_\n", "    id_prefix: thing_\n    id_prefix: thing_\n"))).toEqual([
      "spec/events.yaml:12:5 Map keys must be unique (YAML DUPLICATE_KEY): keep one of them",
    ]);
  });

  it("reports tab indentation once, on its line", () => {
    expect(problemsOf(edit("  - name", "\t- name"))[0]).toBe(
      "spec/events.yaml:9:1 Tabs are not allowed as indentation (YAML TAB_AS_INDENT): indent with spaces",
    );
  });

  it("lists every line a repeated YAML error counts, at the key to move", () => {
    // One key dedented by a space: its mapping's keys no longer line up, here and on the next line.
    const spec = edit("      required: [id]\n", "     required: [id]\n");
    const lines = spec.split("\n");
    const at = (text: string) => `spec/events.yaml:${lines.findIndex((l) => l.includes(text)) + 1}`;
    expect(problemsOf(spec)).toEqual([
      `${at("required: [id]")}:6 All mapping items must start at the same column (YAML BAD_INDENT): line the keys of one mapping up in the same column, and close [ and { on the line they end; the same on 1 more line: ${at("      properties:")}:7`,
    ]);
    const tabs = "a: 1\n\tb: 2\n\tc: 3\n\td: 4\n";
    expect(problemsOf(tabs)).toEqual([
      "spec/events.yaml:2:1 Tabs are not allowed as indentation (YAML TAB_AS_INDENT): indent with spaces; the same on 2 more lines: spec/events.yaml:3:1, spec/events.yaml:4:1",
    ]);
  });

  it("reports unclosed flow collections with a position", () => {
    expect(problemsOf(edit("required: [id]", "required: [id"))[0]).toMatch(
      /^spec\/events\.yaml:\d+:\d+ .*\(YAML [A-Z_]+\)(: .*)?$/,
    );
  });

  it("refuses alias expansion bombs instead of expanding them", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${"abcdefghij"[i]}: &${"abcdefghij"[i]} [${Array(10)
          .fill(`*${"abcdefghij"[i - 1]}`)
          .join(", ")}]`,
      );
    // Counted, not timed: each alias is resolved at most once before the spec is refused (fully
    // expanded, these nine levels of ten would be a billion values).
    let resolved = 0;
    const resolve = Alias.prototype.resolve;
    Alias.prototype.resolve = function (this: Alias, ...args: Parameters<Alias["resolve"]>) {
      resolved++;
      return resolve.apply(this, args);
    };
    try {
      expect(problemsOf(bomb.join("\n"))).toEqual([
        "spec/events.yaml:1:1 Excessive alias count indicates a resource exhaustion attack; write the value out instead of using aliases",
      ]);
    } finally {
      Alias.prototype.resolve = resolve;
    }
    expect(resolved).toBeGreaterThan(0);
    expect(resolved).toBeLessThanOrEqual(bomb.join("\n").split("*").length - 1);
  });

  it("refuses keys that become the same once written as text, naming both places", () => {
    const spec = edit(
      "        id: { type: string }\n",
      '        id: { type: string }\n        1: { type: string }\n        "1": { type: string }\n        true: { type: string }\n        "true": { type: string }\n',
    );
    expect(problemsOf(spec)).toEqual([
      'spec/events.yaml:18:9 events[0] (thing.created).data.properties["1"] is the same key as the one on line 17 once written as text ("1"); keep one of them',
      'spec/events.yaml:20:9 events[0] (thing.created).data.properties.true is the same key as the one on line 19 once written as text ("true"); keep one of them',
    ]);
  });

  it("refuses values JSON cannot hold, with the form it can", () => {
    const spec = edit(
      "data: { id: thing_1 } }",
      "data: { id: thing_1, bytes: !!binary aGk=, when: !!timestamp 2026-11-24, big: .inf, tags: !!set { a } } }",
    );
    expect(problemsOf(spec)).toEqual([
      "spec/events.yaml:17:100 events[0] (thing.created).example.data.bytes is binary data, which JSON cannot hold; write it as a base64 string",
      "spec/events.yaml:17:124 events[0] (thing.created).example.data.when is a date, which JSON cannot hold; quote it to keep it as a string",
      "spec/events.yaml:17:141 events[0] (thing.created).example.data.big is Infinity, which JSON cannot hold; use a finite number or a string",
      "spec/events.yaml:17:159 events[0] (thing.created).example.data.tags is tagged !!set, which JSON cannot hold; use a plain mapping",
    ]);
  });

  it("warns when a plain description is cut at a ` #` comment, and still loads", () => {
    const spec = edit("description: Sent when a thing is created.", "description: Sent when a thing # is created.");
    const loaded = loadSpec("spec/events.yaml", spec);
    expect(loaded.warnings.map(formatProblem)).toEqual([
      'spec/events.yaml:10:18 events[0] (thing.created).description is cut at " #": YAML reads the rest of the line ("# is created.") as a comment; quote the text or use | to keep it',
    ]);
    expect(loadSpec("spec/events.yaml", MINIMAL_SPEC).warnings).toEqual([]);
  });

  it("reads an endless file (/dev/zero) only up to the size cap, and refuses it", () => {
    // In a child process, so its memory is its own: a read without a cap would grow without end.
    const script = `import { loadSpec } from "./generator/load.ts";
try { loadSpec("/dev/zero"); } catch (e) { console.log(e.problems[0].message, process.memoryUsage().rss < 512 * 2 ** 20); }`;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect(out.trim()).toBe("is over 32 MiB; specs over 32 MiB are refused to bound time and memory true");
  });

  it("refuses a folder given as the spec, saying so", () => {
    const dir = tempDir();
    expect(() => loadSpec(join(dir))).toThrow(SpecError);
    try {
      loadSpec(dir);
    } catch (error) {
      expect((error as SpecError).problems[0]!.message).toBe("cannot be read: it is a folder; pass the spec file");
    }
  });

  it("says what to do about the YAML mistakes people make most", () => {
    expect(
      problemsOf(edit("description: Sent when a thing is created.", "description: Sent when: a thing is created.")),
    ).toEqual([
      'spec/events.yaml:10:18 Nested mappings are not allowed in compact mappings (YAML BLOCK_AS_IMPLICIT_KEY): a value that holds ": " must be quoted ("…"), or this line is indented deeper than its neighbours',
    ]);
    expect(problemsOf(edit("      required: [id]\n", "     required: [id]\n"))[0]).toMatch(
      /\(YAML BAD_INDENT\): line the keys of one mapping up in the same column/,
    );
    expect(problemsOf(edit("    id_prefix: thing_\n", "   id_prefix: thing_\n"))[0]).toMatch(
      /Sequence item without - indicator \(YAML MISSING_CHAR\): start a list item with "- ", or indent this line like its neighbours$/,
    );
  });
});
