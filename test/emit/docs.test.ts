import { describe, expect, it } from "vitest";
import { emitDocs } from "../../generator/emit/docs.js";
import { modelOf } from "../helpers.js";

// EVENTS.md shows the spec's text as text: no HTML, no broken tables or code blocks, no headings
// or links made by a description.
const SPEC = String.raw`package: { name: docs, version: 1.0.0 }
envelope:
  properties:
    id: { type: string }
events:
  - name: thing.created
    description: "# Not a heading <img src=x onerror=alert(1)> [click](javascript:alert(1)) a | b"
    data:
      type: object
      properties:
        "x|y${"`"}z": { type: string, description: "- not a list" }
        kind: { enum: ["a${"`"}|b", "c"] }
    example: { id: a, type: thing.created, data: { note: "${"```"} closes a fence" } }
`;

describe("EVENTS.md", () => {
  const page = emitDocs(modelOf(SPEC))[0]!.contents;

  it("escapes HTML, links and block markers in descriptions", () => {
    expect(page).not.toContain("<img");
    expect(page).toContain(
      String.raw`\# Not a heading &lt;img src=x onerror=alert(1)&gt; \[click\](javascript:alert(1)) a \| b`,
    );
    expect(page).toContain(String.raw`| \- not a list |`);
  });

  it("keeps every table row to four cells, whatever the names and values hold", () => {
    const rows = page.split("\n").filter((line) => line.startsWith("| "));
    for (const row of rows) expect(row.replace(/\\\|/g, "").split("|").length, row).toBe(6);
    expect(page).toContain("| `` data.x\\|y`z `` |");
    expect(page).toContain('`` "a`\\|b" `` or `"c"`');
  });

  it("fences examples with more backticks than they hold", () => {
    expect(page).toContain('````json\n{\n  "id": "a"');
    expect(page).toMatch(/\n````\n/);
  });

  it("names an ID prefix only where the spec gives one", () => {
    expect(page).toContain("Type: `ThingCreatedWebhookEvent`; guard: `isThingCreatedWebhookEvent`.");
    expect(page).not.toContain("undefined");
  });
});

describe("package.json and README of the package", () => {
  it("carry the spec's license, repository, homepage and keywords, ship EVENTS.md, and link each event to its section", async () => {
    const { emitPackageJson } = await import("../../generator/emit/package.js");
    const { emitReadme } = await import("../../generator/emit/readme.js");
    const model = modelOf(
      SPEC.replace(
        "package: { name: docs, version: 1.0.0 }",
        "package: { name: docs, version: 1.0.0, license: MIT, repository: 'https://github.com/o/r', homepage: 'https://o.dev', keywords: [a, b] }",
      ),
    );
    const manifest = JSON.parse(emitPackageJson(model)[0]!.contents);
    expect(manifest).toMatchObject({
      license: "MIT",
      repository: { type: "git", url: "https://github.com/o/r" },
      homepage: "https://o.dev",
      keywords: ["a", "b"],
    });
    expect(manifest.files).toContain("EVENTS.md");
    expect(emitReadme(model)[0]!.contents).toContain("[`ThingCreatedWebhookEvent`](EVENTS.md#thingcreated)");
  });
});

describe("EVENTS.md of a large catalogue", () => {
  it("becomes an index with a page per event under docs/, each page readable on its own", async () => {
    const { emitPackageJson } = await import("../../generator/emit/package.js");
    const long = "word ".repeat(110_000).trim();
    const spec = `package: { name: big, version: 1.0.0 }
envelope:
  properties:
    id: { type: string }
events:
${["a.one", "a.two", "b.three"]
  .map(
    (name) => `  - name: ${name}
    description: ${long}
    data: { type: object }
    example: { id: x, type: ${name}, data: {} }`,
  )
  .join("\n")}
`;
    const model = modelOf(spec);
    const files = emitDocs(model);
    expect(files.map((f) => f.path)).toEqual(["EVENTS.md", "docs/a.one.md", "docs/a.two.md", "docs/b.three.md"]);
    expect(files[0]!.contents).toContain("[`a.one`](docs/a.one.md)");
    for (const file of files) expect(file.contents.length).toBeLessThan(1_000_000);
    expect(JSON.parse(emitPackageJson(model)[0]!.contents).files).toContain("docs");
  });
});
