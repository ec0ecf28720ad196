/**
 * Links of a translation, compared with its French unit's:
 * - `briefing:broken-link` (error): the French has more links than the translation, and the
 *   translation shows link syntax as text: an unclosed `[text](address` (no `)`), or a `[text]`
 *   with no `(address)` after it. Markdown shows either as literal brackets and loses the link.
 * - `briefing:invalid-url` (error): a link's address that a reader cannot follow and the French
 *   does not use: anything but `http(s)://host…`, `mailto:…`, a site path `/…` or an anchor `#…`.
 *   `www.example.fr` (no scheme) would be read as a file next to the page: the fix names
 *   `https://www.example.fr`.
 * Brackets the French shows literally too (`[…]` in a quotation) are not counted.
 */
import type { Link } from 'mdast';
import type { Diagnostic } from '../../core/errors.js';
import type { LocaleEntry } from '../../i18n/locale-file.js';
import { frenchNote, placeAt, report } from './context.js';
import type { ShapeContext } from './shape.js';
import { linksOf, textRuns, unitTree, type TextRun } from './unit-tree.js';

/** Offsets of `needle` in the literal text of `runs`. */
function literal(runs: readonly TextRun[], needle: string): number[] {
  const found: number[] = [];
  for (const { source, offset } of runs) {
    for (let at = source.indexOf(needle); at >= 0; at = source.indexOf(needle, at + needle.length)) found.push(offset + at);
  }
  return found;
}

/** Whether a reader can follow `url`: a web or mail address, a path on the site or an anchor. */
function followable(url: string): boolean {
  if (url.startsWith('#') || (url.startsWith('/') && !url.startsWith('//'))) return true;
  if (/^mailto:[^@\s]+@[^@\s]+$/i.test(url)) return true;
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return false;
  return new URL(url).hostname.includes('.') || new URL(url).hostname === 'localhost';
}

/** The fix of an address written without its scheme (`www.x.fr/a`, `x.gouv.fr`): the same with `https://`. */
function withScheme(url: string): string | undefined {
  const candidate = `https://${url.replace(/^\/\//, '')}`;
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && /^(?:\/\/)?[\w-]+(?:\.[\w-]+)+(?:[/?#]|$)/.test(url) && followable(candidate) ? candidate : undefined;
}

export function checkLinks(ctx: ShapeContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of ctx.entries) {
    const unit = ctx.units.get(entry.key);
    if (!unit || entry.value.trim() === '') continue;
    const frenchTree = unitTree(unit.markdown, unit.kind, ctx.trees);
    const tree = unitTree(entry.value, unit.kind, ctx.trees);
    const french = linksOf(frenchTree, unit.markdown);
    const links = linksOf(tree, entry.value);
    const note = frenchNote(ctx, entry.key) ?? `French: ${JSON.stringify(unit.markdown)}`;
    const at = (offset: number) => placeAt(entry, offset, ctx.text);
    if (links.length < french.length) {
      const broken = brokenLink(entry, textRuns(tree, entry.value), textRuns(frenchTree, unit.markdown));
      if (broken) out.push(report(ctx, 'briefing:broken-link', { problem: broken.problem }, at(broken.offset), note));
    }
    const known = new Set(french.map((link) => link.url));
    for (const link of links) {
      if (known.has(link.url) || followable(link.url)) continue;
      const fix = withScheme(link.url);
      out.push(report(ctx, 'briefing:invalid-url', { url: link.url, ...(fix ? { fix } : {}) }, at(addressOffset(entry.value, link)), note));
    }
  }
  return out;
}

/** The first link syntax shown as text that the French does not show: `](` of an unclosed link, else a `[`. */
function brokenLink(
  entry: LocaleEntry,
  runs: readonly TextRun[],
  frenchRuns: readonly TextRun[],
): { problem: 'unclosed' | 'no-target'; offset: number } | undefined {
  const opened = literal(runs, '](');
  if (opened.length > literal(frenchRuns, '](').length) {
    const at = opened[0]!;
    const bracket = entry.value.lastIndexOf('[', at);
    return { problem: 'unclosed', offset: bracket >= 0 ? bracket : at };
  }
  const brackets = literal(runs, '[');
  if (brackets.length > literal(frenchRuns, '[').length) return { problem: 'no-target', offset: brackets[0]! };
  return undefined;
}

/** Offset of a link's address in `value`: after the `](` that follows its text. */
function addressOffset(value: string, link: Link): number {
  const start = link.position?.start.offset ?? 0;
  const textEnd = link.children.at(-1)?.position?.end.offset ?? start;
  const at = value.indexOf('](', textEnd);
  const end = link.position?.end.offset ?? value.length;
  return at >= 0 && at < end ? at + 2 : start;
}
