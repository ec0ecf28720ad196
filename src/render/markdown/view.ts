/**
 * The content template's view of a Briefing: every string is Markdown already escaped by
 * mdast-util-to-markdown, so the template (compiled without HTML escaping) can never receive a
 * raw untrusted string. Blocks shown in French carry their own `<!-- briefing:fallback -->` mark.
 *
 * Nothing here can open a block the template did not write: each string is escaped for the place
 * the template puts it. Headings and the title are escaped as heading text on one line (for after
 * `## `, `### ` or `#### `); a unit's blocks are exactly the unit's kind (src/localize/units.ts), so a paragraph is
 * written as one paragraph, its `#`, `>`, `-`, `1.`, fence or `---` at a line start escaped; a key
 * figure's line and each source name (after `- `) are escaped as the start of a paragraph.
 */
import type { RootContent } from 'mdast';
import type { Briefing, LocalizedBlock, UnitState } from '../../core/types.js';
import { blocksToMarkdown, inlineToMarkdown, inlineToParagraphLine } from '../../core/markdown.js';
import { ANNOTATION } from '../../core/class-names.js';
import type { FallbackReason } from '../../core/node-data.js';
import { annotationMark } from './annotations.js';
import { figureLine } from './key-figures.js';
import { imageMarkdown } from './image-view.js';
import { noteDefinition } from './notes.js';
import { sourceLine, sourcesMark } from './sources.js';

interface BlockView {
  key: string;
  markdown: string;
  fallback: boolean;
}

export interface ContentView {
  lang: string;
  slug: string;
  title: string;
  /** The fallback mark line(s) to put above the title (empty when the title is translated). */
  titleMark: string;
  date: string;
  /**
   * The standfirst (one paragraph), when the article has one. The template puts
   * `<!-- briefing:standfirst -->` above it: HTML gives it `class="standfirst"`, the PDF sets it apart.
   */
  standfirst?: BlockView;
  lead: BlockView[];
  /**
   * Sections and subsections in reading order. `marks` is the heading's `#` marks for its level
   * (`##`, `###`, `####`; the template writes `{{marks}} {{heading}}`), `level` the level (2–4),
   * `parent` the enclosing section's id ('' at level 2). `number` (1, 2, …) counts a section among its siblings,
   * so a template can number them: `{{marks}} {{number}}. {{heading}}`.
   */
  sections: { id: string; level: number; marks: string; parent: string; number: number; heading: string; fallback: boolean; blocks: BlockView[] }[];
  /**
   * Key figures, each one line of Markdown: `**value** — label`, preceded by its fallback mark
   * when the label is shown in French. The template puts `<!-- briefing:figure {{id}} -->` above
   * each: HTML and PDF lay the figure out from data found by that id, not from this line.
   */
  figures: { id: string; markdown: string; fallback: boolean }[];
  /** The declared sources, each escaped as the start of a paragraph (the template writes `- {{this}}`). */
  sources: string[];
  /** The mark naming the sources shown in French ('' when none is): the template writes it on the line above the list. */
  sourcesMark: string;
  /**
   * Footnotes, each a GFM definition `[^label]: …` (preceded by its fallback mark when shown in
   * French). The template puts them under `<!-- briefing:section briefing-notes -->` and a heading.
   */
  notes: BlockView[];
  /** Interface strings the template shows, escaped as inline Markdown. */
  labels: { sources: string; keyFigures: string; notes: string };
}

/** The mark before a block shown in French. */
const fallbackMark = (reason: FallbackReason) => annotationMark(ANNOTATION.fallback, reason);

/** The mark before a table some of whose cells are shown in French: their ids (`r1c2`), joined by `-`. */
const frenchPartsMark = (block: LocalizedBlock) =>
  annotationMark(ANNOTATION.fallbackCells, (block.frenchParts ?? []).map((key) => key.slice(block.key.length + 1)).join('-'));

/** Why a unit shown in French is: its translation is out of date, not valid, or there is none. */
export const fallbackReason = (unit: { state: UnitState }): FallbackReason => (unit.state === 'stale' || unit.state === 'invalid' ? unit.state : 'missing');

export function contentView(briefing: Briefing, date: string): ContentView {
  // Sections counted so far under each parent ('' for the top level).
  const counts = new Map<string, number>();
  const siblingNumber = (parent: string): number => {
    const n = (counts.get(parent) ?? 0) + 1;
    counts.set(parent, n);
    return n;
  };
  return {
    lang: briefing.lang,
    slug: briefing.slug,
    title: inlineToMarkdown(briefing.title.children, 1),
    titleMark: briefing.title.lang !== briefing.lang ? `${fallbackMark(fallbackReason(briefing.title))}\n` : '',
    date,
    ...(briefing.standfirst ? { standfirst: blockView(briefing.standfirst) } : {}),
    lead: briefing.lead.map(blockView),
    sections: briefing.sections.map((section) => ({
      id: section.id,
      level: section.level,
      marks: '#'.repeat(section.level),
      parent: section.parent ?? '',
      number: siblingNumber(section.parent ?? ''),
      heading: inlineToMarkdown(section.heading.children, section.level),
      fallback: section.heading.lang !== briefing.lang,
      blocks: section.blocks.map(blockView),
    })),
    figures: briefing.figures.map((figure) => {
      const fallback = figure.label.lang !== briefing.lang;
      const line = inlineToParagraphLine(figureLine(figure));
      return { id: figure.id, markdown: fallback ? `${fallbackMark(fallbackReason(figure.label))}\n${line}` : line, fallback };
    }),
    sources: briefing.sources.map((source) => inlineToParagraphLine(sourceLine(source, briefing.lang))),
    sourcesMark: sourcesMark(briefing.sources, briefing.lang),
    notes: briefing.notes.map((note) => blockViewOf(note, [noteDefinition(note)])),
    labels: { sources: text(briefing.t('sources')), keyFigures: text(briefing.t('keyFigures')), notes: text(briefing.t('notes')) },
  };

  /** An interface string, escaped as heading text (the template writes `## {{labels.sources}}`). */
  function text(value: string): string {
    return inlineToMarkdown([{ type: 'text', value }], 2);
  }

  function blockView(block: LocalizedBlock): BlockView {
    if (block.image) return { key: block.key, markdown: imageMarkdown(block.image, briefing.lang, fallbackMark), fallback: block.lang !== briefing.lang };
    return blockViewOf(block, block.nodes);
  }

  /** `block` written as `nodes` (a note: its blocks as one definition), with its fallback mark. */
  function blockViewOf(block: LocalizedBlock, nodes: RootContent[]): BlockView {
    const fallback = block.lang !== briefing.lang;
    // A callout's quote gets its mark (`<!-- briefing:callout TYPE -->`), the fallback mark above it.
    const callout = nodes[0]?.data?.callout;
    const markdown = `${callout ? `${annotationMark(ANNOTATION.callout, callout)}\n` : ''}${blocksToMarkdown(nodes)}`;
    if (block.frenchParts?.length) return { key: block.key, markdown: `${frenchPartsMark(block)}\n${markdown}`, fallback };
    return { key: block.key, markdown: fallback ? `${fallbackMark(fallbackReason(block))}\n${markdown}` : markdown, fallback };
  }
}
