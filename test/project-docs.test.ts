import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { headingAnchors, linkTargets } from "./markdown.js";

// The project's own pages: README.md (the quick start) and docs/*.md (the reference by task). Every
// relative link must reach a file of the repository, and every anchor a heading of its page; the
// README never points outside the project.
const PAGES = [
  "README.md",
  ...readdirSync("docs")
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const markdown = new MarkdownIt();
const parsed = new Map(PAGES.map((page) => [page, markdown.parse(readFileSync(page, "utf8"), {})]));

/** The anchors of a page of the repository, read once. */
function anchorsOf(page: string): Set<string> {
  const tokens = parsed.get(page) ?? markdown.parse(readFileSync(page, "utf8"), {});
  return new Set(headingAnchors(tokens));
}

function brokenLinks(page: string): string[] {
  const out: string[] = [];
  for (const { href, line } of linkTargets(parsed.get(page)!)) {
    const where = `${page}:${line}: ${href}`;
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      if (page === "README.md") out.push(`${where} points outside the project`);
      continue;
    }
    const [path = "", anchor] = href.split("#");
    const target = path ? join(dirname(page), decodeURI(path)) : page;
    if (relative(".", resolve(target)).startsWith("..")) out.push(`${where} leaves the repository`);
    else if (!existsSync(target)) out.push(`${where}: ${target} does not exist`);
    else if (anchor !== undefined && target.endsWith(".md") && !anchorsOf(target).has(anchor))
      out.push(`${where}: ${target} has no heading #${anchor}`);
  }
  return out;
}

describe("the project's pages", () => {
  it("are the README and the pages it links to", () => {
    expect(PAGES.length).toBeGreaterThan(1);
    const linked = linkTargets(parsed.get("README.md")!).map(({ href }) => href.split("#")[0]);
    for (const page of PAGES.slice(1)) expect(linked, page).toContain(page);
  });

  it.each(PAGES)("%s: every relative link and anchor resolves", (page) => {
    expect(linkTargets(parsed.get(page)!).length, "a page with no links checks nothing").toBeGreaterThanOrEqual(
      page === "README.md" ? PAGES.length - 1 : 0,
    );
    expect(brokenLinks(page)).toEqual([]);
  });

  it("keep the README a quick start", () => {
    expect(readFileSync("README.md", "utf8").split("\n").length).toBeLessThanOrEqual(150);
  });
});
