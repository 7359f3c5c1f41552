import { describe, expect, it } from "vitest";
import { edit, problemsOf } from "./helpers.js";

describe("loadSpec", () => {
  it("reports a duplicate key where the second one stands", () => {
    expect(problemsOf(edit("    id_prefix: thing_\n", "    id_prefix: thing_\n    id_prefix: thing_\n"))).toEqual([
      "spec/events.yaml:12:5 Map keys must be unique (YAML DUPLICATE_KEY)",
    ]);
  });

  it("reports tab indentation once, on its line", () => {
    expect(problemsOf(edit("  - name", "\t- name"))[0]).toBe(
      "spec/events.yaml:9:1 Tabs are not allowed as indentation (YAML TAB_AS_INDENT)",
    );
  });

  it("reports unclosed flow collections with a position", () => {
    expect(problemsOf(edit("required: [id]", "required: [id"))[0]).toMatch(
      /^spec\/events\.yaml:\d+:\d+ .*\(YAML [A-Z_]+\)$/,
    );
  });

  it("refuses alias expansion bombs quickly instead of expanding them", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${"abcdefghij"[i]}: &${"abcdefghij"[i]} [${Array(10)
          .fill(`*${"abcdefghij"[i - 1]}`)
          .join(", ")}]`,
      );
    const started = Date.now();
    expect(problemsOf(bomb.join("\n"))).toEqual([
      "spec/events.yaml:1:1 Excessive alias count indicates a resource exhaustion attack; write the value out instead of using aliases",
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
