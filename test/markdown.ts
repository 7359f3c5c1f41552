import type MarkdownIt from "markdown-it";

type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
export function headingAnchors(tokens: readonly Token[]): string[] {
  const seen = new Map<string, number>();
  return tokens.flatMap((t, i) => {
    if (t.type !== "heading_open") return [];
    const slug = tokens[i + 1]!.content.toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    return [n === 0 ? slug : `${slug}-${n}`];
  });
}

/** Every link's and image's target in a parsed page, with the line it is on (1-based). */
export function linkTargets(tokens: readonly Token[]): { href: string; line: number }[] {
  // Inline tokens of table cells carry no line: the last token that does stands in.
  let line = 1;
  return tokens.flatMap((t) => {
    if (t.map) line = t.map[0] + 1;
    return (t.children ?? []).flatMap((child) => {
      const href =
        child.type === "link_open" ? child.attrGet("href") : child.type === "image" ? child.attrGet("src") : null;
      return href === null ? [] : [{ href: String(href), line }];
    });
  });
}
