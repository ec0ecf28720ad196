/**
 * Plain-text view of an article's segments for the furniture extractors (sources, key figures).
 * Segments hold Markdown (escapes, emphasis, links); detection runs on the text a reader sees.
 * Pure: no I/O.
 */
import type { Nodes } from 'mdast';
import type { Article, Segment } from '../core/types.js';
import { parseMarkdown } from '../core/markdown.js';

/**
 * The segments scanned, in reading order: lead paragraphs, then each section's heading and blocks.
 * Verbatim blocks (code, formulas) are not scanned either. The title is NOT scanned: without front matter it is the file slug (e.g. "budget-2025"), and a
 * real headline repeats facts that the body states anyway.
 */
export function segmentsInReadingOrder(article: Article): Segment[] {
  // Code and formulas are not prose: no key figure or source is looked for in them.
  return [...article.lead, ...article.sections.flatMap((section) => [section.heading, ...section.blocks])].filter((segment) => !segment.verbatim);
}

/** Nodes whose children are blocks (one per line); paragraphs and headings hold inline text. */
const BLOCKS = new Set(['root', 'list', 'listItem', 'blockquote', 'table', 'tableRow']);

function nodeText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (node.type === 'break') return '\n';
  if (!('children' in node)) return '';
  const parts = (node.children as Nodes[]).map(nodeText);
  return parts.join(BLOCKS.has(node.type) ? '\n' : '');
}

/** The plain text of a segment: Markdown parsed, blocks (list items, quotes) on their own lines. */
export function segmentText(segment: Segment): string {
  return nodeText(parseMarkdown(segment.markdown))
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/**
 * Sentence ends: `. ! ? …` (maybe closed by a quote or bracket) before a capital, digit or quote; or a
 * line break. Known limit: an abbreviation before a name ("M. Altman") also ends a sentence.
 */
// The lookbehind runs only at the first space of a run (checked first): run at every character,
// it would reread a long run of closing quotes from each of them.
const SENTENCE_BREAK = /(?<![ \t\u00a0\u202f])(?=[ \t\u00a0\u202f])(?<=[.!?…]["»”’)\]]*)[ \t\u00a0\u202f]+(?=[«"“\p{Lu}\p{N}])|\n/gu;

/**
 * The sentences of `text`: a function from a span (a figure's offset and length) to the trimmed
 * sentence that contains it, at most `context` characters either side of the span (a longer
 * sentence is cut at a space). The breaks are found once and each sentence is cut to a window,
 * so asking for many figures of one long sentence stays linear.
 */
export function sentenceFinder(text: string, context: number): (index: number, length: number) => string {
  const breaks: [start: number, end: number][] = [];
  for (const match of text.matchAll(SENTENCE_BREAK)) breaks.push([match.index, match.index + match[0].length]);
  return (index, length) => {
    // The first break that does not end before `index` closes the sentence; the one before it opens it.
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (breaks[mid]![1] <= index) low = mid + 1;
      else high = mid;
    }
    let start = low > 0 ? breaks[low - 1]![1] : 0;
    // An offset inside a break (a space between sentences) belongs to neither side's end: skip that break.
    const next = breaks[low] && breaks[low]![0] < index ? breaks[low + 1] : breaks[low];
    let end = next ? next[0] : text.length;
    if (index - start > context) start = wordBoundaryAfter(text, index - context, index);
    if (end - (index + length) > context) end = wordBoundaryBefore(text, index + length + context, index + length);
    return text.slice(start, end).trim();
  };
}

/** The first offset after a white space in [from, limit), else `limit`. */
function wordBoundaryAfter(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (/\s/.test(text[i]!)) return i + 1;
  return limit;
}

/** The last offset of a white space in [limit, from), else `limit`. */
function wordBoundaryBefore(text: string, from: number, limit: number): number {
  for (let i = from - 1; i >= limit; i--) if (/\s/.test(text[i]!)) return i;
  return limit;
}

/** Case- and spacing-insensitive comparison key for names. */
export function foldKey(text: string): string {
  return text.normalize('NFC').replace(/['’]/g, '’').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
}
