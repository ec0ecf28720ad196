/**
 * The content template's view of a Briefing: every string is Markdown already escaped by
 * mdast-util-to-markdown, so the template (compiled without HTML escaping) can never receive a
 * raw untrusted string. Blocks shown in French carry their own `<!-- briefing:fallback -->` mark.
 */
import type { Briefing, LocalizedBlock } from '../../core/types.js';
import { blocksToMarkdown, inlineToMarkdown } from '../../core/markdown.js';

export interface BlockView {
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
  lead: BlockView[];
  sections: { id: string; heading: string; fallback: boolean; blocks: BlockView[] }[];
  /** Names of the sources cited, each escaped as inline Markdown. */
  sources: string[];
  /** Interface strings the template shows, escaped as inline Markdown. */
  labels: { sources: string };
}

/** The mark before a block shown in French; `reason` is `missing` or `stale`. */
export const fallbackMark = (reason: string) => `<!-- briefing:fallback ${reason} -->`;

export function contentView(briefing: Briefing, date: string): ContentView {
  return {
    lang: briefing.lang,
    slug: briefing.slug,
    title: inlineToMarkdown(briefing.title.children, 1),
    titleMark: briefing.title.lang !== briefing.lang ? `${fallbackMark(briefing.title.state === 'stale' ? 'stale' : 'missing')}\n` : '',
    date,
    lead: briefing.lead.map(blockView),
    sections: briefing.sections.map((section) => ({
      id: section.id,
      heading: inlineToMarkdown(section.heading.children, 2),
      fallback: section.heading.lang !== briefing.lang,
      blocks: section.blocks.map(blockView),
    })),
    sources: briefing.sources.map((name) => inlineToMarkdown([{ type: 'text', value: name }], 2)),
    labels: { sources: inlineToMarkdown([{ type: 'text', value: briefing.t('sources') }], 2) },
  };

  function blockView(block: LocalizedBlock): BlockView {
    const fallback = block.lang !== briefing.lang;
    const markdown = blocksToMarkdown(block.nodes);
    return { key: block.key, markdown: fallback ? `${fallbackMark(block.state === 'stale' ? 'stale' : 'missing')}\n${markdown}` : markdown, fallback };
  }
}
