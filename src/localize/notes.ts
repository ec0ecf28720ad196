/**
 * Footnotes in the localized units. A unit's string is parsed on its own, without the note
 * definitions, so micromark leaves every `[^label]` call in it as text: the calls to notes the
 * article defines are turned back into `footnoteReference` nodes here (any other `[^x]` stays
 * text). A note's own string is read as paragraphs and lists only: a heading, quote, table or
 * another definition written in a translated note is text, so a note adds no structure.
 */
import type { BlockContent, FootnoteReference, PhrasingContent, RootContent } from 'mdast';
import { parseMarkdown, parseParagraph } from '../core/markdown.js';
import { NOTE_CALL } from '../parse/footnotes.js';
import { defuse } from './units.js';

/** The blocks of a note's string: its paragraphs and lists, anything else as a paragraph of its text. */
export function noteBlocks(markdown: string): BlockContent[] {
  return parseMarkdown(markdown).children.map((node): BlockContent => {
    if (node.type === 'paragraph' || node.type === 'list') return defuse(node);
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? markdown.length;
    return defuse(parseParagraph(markdown.slice(start, end)));
  });
}

/** Turns `[^label]` text into calls wherever `labels` (the article's notes) has the label. */
export function restoreNoteCalls<T extends RootContent>(nodes: T[], labels: ReadonlySet<string>): T[] {
  return labels.size > 0 ? (restoreIn(nodes, labels) as T[]) : nodes;
}

function restoreIn(children: readonly RootContent[], labels: ReadonlySet<string>): RootContent[] {
  return children.flatMap((child): RootContent[] => {
    if (child.type === 'text') return child.value.includes('[^') ? splitCalls(child.value, labels) : [child];
    // Code is never touched (it has no children): a `[^1]` in inline code is code.
    if (!('children' in child)) return [child];
    return [{ ...child, children: restoreIn(child.children, labels) } as RootContent];
  });
}

/** One text value split at the calls to known notes: text, call, text… (one linear pass). */
function splitCalls(value: string, labels: ReadonlySet<string>): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let from = 0;
  for (const match of value.matchAll(NOTE_CALL)) {
    const label = match[1] ?? '';
    if (!labels.has(label)) continue;
    if (match.index > from) out.push({ type: 'text', value: value.slice(from, match.index) });
    const call: FootnoteReference = { type: 'footnoteReference', identifier: label, label };
    out.push(call);
    from = match.index + match[0].length;
  }
  if (from < value.length) out.push({ type: 'text', value: value.slice(from) });
  return out;
}
