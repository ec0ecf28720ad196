/**
 * What an edition's feed entry says, taken from its localized briefing when it is laid out, and
 * remembered in the manifest so the feeds are written from the manifest alone.
 */
import { toString as plainText } from 'mdast-util-to-string';
import type { Briefing, LocalizedBlock } from '../core/types.js';
import type { EditionFeed } from './article-task.js';

/** The summary is the standfirst, else the first lead paragraph that has text (a figure has none). */
export function editionFeed(briefing: Briefing): EditionFeed {
  const candidates: LocalizedBlock[] = [...(briefing.standfirst ? [briefing.standfirst] : []), ...briefing.lead];
  let summary: { text: string; block: LocalizedBlock } | undefined;
  for (const block of candidates) {
    const text = plainText({ type: 'root', children: block.nodes }).replace(/\s+/g, ' ').trim();
    if (text !== '') {
      summary = { text, block };
      break;
    }
  }
  const { meta } = briefing;
  return {
    ...(summary ? { summary: summary.text, summaryLang: summary.block.lang } : {}),
    authors: [...meta.authors],
    ...(meta.date !== undefined ? { published: meta.date } : {}),
    ...(meta.updated !== undefined ? { updated: meta.updated } : {}),
  };
}
