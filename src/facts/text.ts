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
 * The title is NOT scanned: without front matter it is the file slug (e.g. "budget-2025"), and a
 * real headline repeats facts that the body states anyway.
 */
export function segmentsInReadingOrder(article: Article): Segment[] {
  return [...article.lead, ...article.sections.flatMap((section) => [section.heading, ...section.blocks])];
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
const SENTENCE_BREAK = /(?<=[.!?…]["»”’)\]]*)[ \t\u00a0\u202f]+(?=[«"“\p{Lu}\p{N}])|\n/gu;

/** The sentence of `text` that contains offset `index`, trimmed. */
export function sentenceAt(text: string, index: number): string {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(SENTENCE_BREAK)) {
    const at = match.index;
    if (at + match[0].length <= index) start = at + match[0].length;
    else if (at >= index) {
      end = at;
      break;
    }
  }
  return text.slice(start, end).trim();
}

/** Case- and spacing-insensitive comparison key for names. */
export function foldKey(text: string): string {
  return text.normalize('NFC').replace(/['’]/g, '’').replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');
}
