/**
 * Links written for a web site, made to work in a briefing read anywhere: a site-relative link
 * (`/blog/x`, `../x`, `x.html`) is resolved against the article's own address (front matter `url`,
 * `canonical` or `source_url`) or the project's (`--base-url`), or, with none, shown as its text (reported as
 * `briefing:relative-link`); `www.example.fr` and `//example.fr` get `https:`. One transform of
 * the document tree, so Markdown, HTML and PDF agree. Links with a scheme and `#anchors` stay.
 */
import type { Root, RootContent } from 'mdast';
import { ruleDiagnostic, type Diagnostic } from '../../core/errors.js';
import { parseMarkdown } from '../../core/markdown.js';
import { unitsOf, type Article, type Place } from '../../core/types.js';

/** What becomes of one link target. */
export type LinkTarget = { kind: 'keep' } | { kind: 'rewrite'; url: string } | { kind: 'unlink' };

/** A scheme (`https:`, `mailto:`), as RFC 3986 spells it. */
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** What to do with `url` in an article whose own address is `base` (an absolute http(s) URL). */
export function linkTarget(url: string, base: string | undefined): LinkTarget {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || SCHEME.test(trimmed)) return { kind: 'keep' };
  if (trimmed.startsWith('//')) return { kind: 'rewrite', url: `https:${trimmed}` };
  if (/^www\./i.test(trimmed)) return { kind: 'rewrite', url: `https://${trimmed}` };
  if (base === undefined) return { kind: 'unlink' };
  const resolved = URL.canParse(trimmed, base) ? new URL(trimmed, base).href : undefined;
  return resolved === undefined ? { kind: 'unlink' } : { kind: 'rewrite', url: resolved };
}

/** The article's address, when the front matter gives an absolute web address. */
export function articleBase(url: string | undefined): string | undefined {
  if (url === undefined || !/^https?:\/\//i.test(url)) return undefined;
  return URL.canParse(url) ? url : undefined;
}

/** What relative links resolve against: the article's own address, else the project's (`--base-url`). */
export function linkBase(articleUrl: string | undefined, baseUrl: string | undefined): string | undefined {
  return articleBase(articleUrl) ?? articleBase(baseUrl);
}

/** A copy of `tree` with its links resolved, completed or unlinked (see above). */
export function resolveLinks(tree: Root, base: string | undefined): Root {
  return { ...tree, children: tree.children.flatMap((node) => resolve(node, base)) as RootContent[] };
}

function resolve(node: RootContent, base: string | undefined): RootContent[] {
  if (node.type === 'link' || node.type === 'definition') {
    const target = linkTarget(node.url, base);
    if (target.kind === 'rewrite') node = { ...node, url: target.url };
    // A definition without an address is left: its references show their text in every format.
    else if (target.kind === 'unlink' && node.type === 'link') return node.children.flatMap((child) => resolve(child, base));
  }
  return 'children' in node ? [{ ...node, children: node.children.flatMap((child: RootContent) => resolve(child, base)) } as RootContent] : [node];
}

/**
 * One `briefing:relative-link` warning per link of the French article that cannot be resolved
 * (no address of its own), at the link's line and column in the article.
 */
export function relativeLinkWarnings(article: Article, baseUrl?: string): Diagnostic[] {
  if (linkBase(article.meta.url, baseUrl) !== undefined) return [];
  const units = unitsOf([article.title, ...article.lead, ...article.sections.flatMap((s) => [s.heading, ...s.blocks])]);
  const out: Diagnostic[] = [];
  for (const unit of units) {
    // Every link that can be unlinked is written with `[`: autolinks (`<https://…>`, `www.…`) keep
    // or complete their address. Skipping the others saves parsing each unit a second time.
    if (!unit.markdown.includes('[')) continue;
    const visit = (node: RootContent | Root): void => {
      if (node.type === 'link' && linkTarget(node.url, undefined).kind === 'unlink') {
        out.push(ruleDiagnostic('briefing:relative-link', article.path, { url: node.url }, placeIn(unit.place, node.position?.start)));
      }
      if ('children' in node) for (const child of node.children) visit(child as RootContent);
    };
    visit(parseMarkdown(unit.markdown));
  }
  return out;
}

/** A position inside a unit's Markdown, as a place in the article (the unit starts at `start`). */
function placeIn(start: Place, at: Place | undefined): Place {
  if (!at) return start;
  return at.line === 1 ? { line: start.line, column: start.column + at.column - 1 } : { line: start.line + at.line - 1, column: at.column };
}
