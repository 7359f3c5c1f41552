// Prettier is the judge of the printer: every generated `.ts`, `.js`, `.d.ts` and `.json` file is
// a fixed point of prettier with the generated package's options (formatting it changes no byte).
// Checked over the committed catalogue, every accepted corpus spec, GitHub's imported document and
// a generated 1,000-event catalogue (a sample of its files). Markdown is not prettier's: it must
// render (tables with the right cells, in-page links that resolve), checked with markdown-it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { syntheticSpec } from "../../bench/synthetic.js";
import type { GeneratedFile } from "../../generator/emit/module.js";
import { loadSpec } from "../../generator/load.js";
import { buildModel } from "../../generator/model.js";
import { packageFiles } from "../../generator/pipeline.js";
import { importOpenApi } from "../../generator/upstream/import.js";
import { validateSpec } from "../../generator/validate.js";
import { OPENAI_SPEC } from "../helpers.js";
import { headingAnchors } from "../markdown.js";

const OPTIONS = { printWidth: 100, trailingComma: "all", endOfLine: "lf" } as const;
const PARSERS: [RegExp, string][] = [
  [/\.d\.ts$|\.ts$/, "typescript"],
  [/\.js$/, "babel"],
  [/\.json$/, "json"],
];

function filesOf(specText: string, name: string): GeneratedFile[] {
  return packageFiles(buildModel(validateSpec(loadSpec(name, specText)), name));
}

let thousand: GeneratedFile[] | undefined;
/** A generated 1,000-event catalogue's package, made once for this file. */
const thousandEvents = () => (thousand ??= filesOf(syntheticSpec(1000), "synthetic.yaml"));

/** The files prettier would change, with the first line that differs. */
async function notFixedPoints(files: readonly GeneratedFile[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const parser = PARSERS.find(([pattern]) => pattern.test(file.path))?.[1];
    if (!parser) continue;
    // Identical texts (a module's ESM and CommonJS declarations) are judged once.
    const key = `${parser}\0${file.contents}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const formatted = await format(file.contents, { ...OPTIONS, parser });
    if (formatted === file.contents) continue;
    const ours = file.contents.split("\n");
    const theirs = formatted.split("\n");
    const line = ours.findIndex((l, i) => l !== theirs[i]);
    out.push(`${file.path}:${line + 1}\n  printed  ${ours[line]}\n  prettier ${theirs[line]}`);
  }
  return out;
}

/** Every `n`th event's (and shared shape's) files, and every whole-catalogue file: what a sample must cover. */
function sample(files: readonly GeneratedFile[], every: number): GeneratedFile[] {
  const perEvent = /(?:^|\/)(events|guards|fixtures|schemas|defs)\/([^/]+)\.(?:ts|js|d\.ts|json)$/;
  const names = [...new Set(files.map((f) => perEvent.exec(f.path)?.[2]).filter((n) => n !== undefined))].sort();
  const kept = new Set(names.filter((_, i) => i % every === 0));
  return files.filter((f) => {
    const m = perEvent.exec(f.path);
    return !m || kept.has(m[2]!);
  });
}

describe("every generated file is a fixed point of prettier", () => {
  const corpus = readdirSync("test/corpus/accepted").filter((f) => f.endsWith(".yaml"));

  it("the OpenAI catalogue", async () => {
    const files = filesOf(readFileSync(OPENAI_SPEC, "utf8"), OPENAI_SPEC);
    expect(files.filter((f) => /\.(ts|js|json)$/.test(f.path)).length).toBeGreaterThan(100);
    expect(await notFixedPoints(files)).toEqual([]);
  });

  it.each(corpus)("the corpus spec %s", async (name) => {
    const path = join("test/corpus/accepted", name);
    expect(await notFixedPoints(filesOf(readFileSync(path, "utf8"), path))).toEqual([]);
  });

  it("GitHub's webhooks document, imported (a sample of its events and shared shapes)", async () => {
    const text = readFileSync("node_modules/@octokit/openapi-webhooks/generated/api.github.com.json", "utf8");
    const spec = stringify(importOpenApi(text, "api.github.com.json").spec, { lineWidth: 0 });
    const files = sample(filesOf(spec, "github.yaml"), 25);
    expect(files.some((f) => f.path.startsWith("defs/"))).toBe(true);
    expect(await notFixedPoints(files)).toEqual([]);
  });

  it("a 1,000-event catalogue (a sample of its events and shared shapes)", async () => {
    const files = sample(thousandEvents(), 50);
    expect(files.some((f) => f.path === "parse.ts")).toBe(true);
    expect(await notFixedPoints(files)).toEqual([]);
  });
});

describe("generated Markdown renders", () => {
  const markdown = new MarkdownIt();
  function problems(files: readonly GeneratedFile[]): string[] {
    const out: string[] = [];
    const paths = new Set(files.map((f) => f.path));
    for (const file of files.filter((f) => f.path.endsWith(".md"))) {
      const lines = file.contents.split("\n");
      const tokens = markdown.parse(file.contents, {});
      const known = new Set(headingAnchors(tokens));
      tokens.forEach((t, i) => {
        // A table row written with more or fewer cells than its header renders wrong.
        if (t.type === "thead_open") {
          const end = tokens.findIndex((x, j) => j > i && x.type === "table_close");
          const cells = (line: string) =>
            line
              .replace(/\\\|/g, "")
              .replace(/^\s*\||\|\s*$/g, "")
              .split("|").length;
          const [first, last] = [t.map![0], tokens[end]!.map?.[1] ?? tokens[i - 1]!.map![1]];
          const header = cells(lines[first]!);
          for (let n = first; n < last; n++)
            if (lines[n]!.trim() && cells(lines[n]!) !== header)
              out.push(`${file.path}:${n + 1} has ${cells(lines[n]!)} cells, the header ${header}`);
        }
        for (const child of t.children ?? []) {
          const href = child.type === "link_open" ? String(child.attrGet("href")) : null;
          if (href === null || /^[a-z]+:/.test(href)) continue;
          const [target, anchor] = String(href).split("#");
          if (target) {
            const resolved = join(file.path, "..", target).split("\\").join("/");
            if (!paths.has(resolved)) out.push(`${file.path}: link to ${href}, which the package does not have`);
          } else if (anchor !== undefined && !known.has(anchor))
            out.push(`${file.path}: link to #${anchor}, which no heading has`);
        }
      });
    }
    return out;
  }

  it("in every accepted corpus spec, the OpenAI catalogue and a 1,000-event catalogue", () => {
    const specs = [...readdirSync("test/corpus/accepted").map((f) => join("test/corpus/accepted", f)), OPENAI_SPEC];
    const packages = [...specs.map((path) => filesOf(readFileSync(path, "utf8"), path)), thousandEvents()];
    expect(packages.flat().filter((f) => f.path.endsWith(".md")).length).toBeGreaterThan(specs.length);
    expect(packages.flatMap(problems)).toEqual([]);
  });
});
