import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { edit, MINIMAL_SPEC, problemsOf } from "./helpers.js";

/** The spec's lines with the example block of event `index` indented two spaces deeper (into its data). */
function exampleIndentedIntoData(
  text: string,
  index: number,
): { spec: string; exampleLine: number; dataColumn: number } {
  const names = (parse(text) as { events: { name: string }[] }).events.map((e) => e.name);
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.trimStart() === `- name: ${names[index]}`);
  const example = lines.findIndex((l, i) => i > start && /^\s*example:/.test(l));
  const data = lines.findIndex((l, i) => i > start && /^\s*data:/.test(l));
  const indent = lines[example]!.search(/\S/);
  for (let i = example; i < lines.length; i++) {
    if (i > example && (lines[i]!.trim() === "" || lines[i]!.search(/\S/) <= indent)) break;
    lines[i] = `  ${lines[i]}`;
  }
  return { spec: lines.join("\n"), exampleLine: example + 1, dataColumn: lines[data]!.search(/\S/) + 1 };
}

describe("describeAjvErrors: the YAML slips that land a value somewhere else", () => {
  it("tells a bare null in a type list to be quoted, at that item", () => {
    const spec = edit("id: { type: string }\n    example", "id: { type: [string, null] }\n    example");
    const line = spec.split("\n").findIndex((l) => l.includes("[string, null]")) + 1;
    const column = spec.split("\n")[line - 1]!.indexOf("null") + 1;
    expect(problemsOf(spec)).toEqual([
      `spec/events.yaml:${line}:${column} events[0] (thing.created).data.properties.id.type[1] is a bare null, which YAML reads as no value, not the type name: quote it, "null" (as in type: [string, "null"])`,
    ]);
  });

  it("tells a bare null as the whole type to be quoted", () => {
    expect(problemsOf(edit("id: { type: string }\n    example", "id: { type: null }\n    example"))).toEqual([
      'spec/events.yaml:16:21 events[0] (thing.created).data.properties.id.type expected a type name (string, integer, number, boolean, null, object, array) or a list of them, got null; a bare null is no value in YAML: quote it, type: "null"',
    ]);
  });

  it("tells an event's example indented into data to dedent to data's column (the repo's catalogue)", () => {
    const text = readFileSync("spec/events.yaml", "utf8");
    const events = (parse(text) as { events: { name: string }[] }).events;
    const last = events.length - 1;
    const { spec, exampleLine, dataColumn } = exampleIndentedIntoData(text, last);
    const problems = problemsOf(spec);
    const named = `events[${last}] (${events[last]!.name})`;
    expect(problems).toContainEqual(
      `spec/events.yaml:${exampleLine}:${dataColumn + 2} ${named}.data.example is the event's example indented one level too deep, so it lands inside data (a shape, where example is not a keyword): dedent it to column ${dataColumn}, the column of data:`,
    );
    expect(problems.join("\n")).not.toContain("use examples: [ ... ]");
    expect(problems.find((p) => p.includes(`${named}.example is required`))).toContain(
      `the one on line ${exampleLine} is indented one level too deep, inside data: dedent it to column ${dataColumn}`,
    );
  });

  it("tells the same in header layout, where the example is the payload itself", () => {
    const text = readFileSync("test/corpus/accepted/header-named.yaml", "utf8");
    const { spec, exampleLine, dataColumn } = exampleIndentedIntoData(text, 0);
    expect(problemsOf(spec)).toContainEqual(
      `spec/events.yaml:${exampleLine}:${dataColumn + 2} events[0] (issues.opened).data.example is the event's example indented one level too deep, so it lands inside data (a shape, where example is not a keyword): dedent it to column ${dataColumn}, the column of data:`,
    );
  });

  it("keeps the examples hint for a shape's own example", () => {
    // Not shaped like an event's example (no type, no data, not the event's name): a shape-level example.
    const shapeLevel = MINIMAL_SPEC.replace(/\n {4}example:.*/, "\n      example: { id: thing_1 }");
    expect(problemsOf(shapeLevel)).toContain(
      "spec/events.yaml:17:7 events[0] (thing.created).data.example is not supported: use examples: [ ... ] (a list)",
    );
    // The event has its own example: the one under data is the shape's, whatever it holds.
    const both = edit("        id: { type: string }\n", "        id: { type: string }\n      example: { type: x }\n");
    expect(problemsOf(both)).toEqual([
      "spec/events.yaml:17:7 events[0] (thing.created).data.example is not supported: use examples: [ ... ] (a list)",
    ]);
    // Inside a property, an example is a shape's, even one shaped like an event's.
    const nested = edit("id: { type: string }\n    example", "id: { type: string, example: { type: x } }\n    example");
    expect(problemsOf(nested)).toEqual([
      "spec/events.yaml:16:29 events[0] (thing.created).data.properties.id.example is not supported: use examples: [ ... ] (a list)",
    ]);
  });
});
