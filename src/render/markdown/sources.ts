/**
 * The declared sources in the document: one list item each, `[title](url), publisher, date`, and
 * the mark naming the items whose title is shown in French (missing or stale translation).
 */
import type { Link, PhrasingContent } from 'mdast';
import { visit, EXIT } from 'unist-util-visit';
import type { Lang, LocalizedSource } from '../../core/types.js';
import { formatDate } from '../../core/dates.js';
import { ANNOTATION } from '../../core/class-names.js';
import { annotationMark } from './annotations.js';

/** What separates the title, publisher and date of a source. */
const SEPARATOR = ', ';

/**
 * The source's line as inline content. The title (or, without one, the publisher) links to `url`;
 * a title that holds a link of its own (`[Dossier](https://…)`) keeps it.
 */
export function sourceLine(source: LocalizedSource, lang: Lang): PhrasingContent[] {
  const title = source.title?.children;
  const head: PhrasingContent[] = title ?? [{ type: 'text', value: source.publisher ?? '' }];
  const linked = source.url && !hasLink(head) ? [{ type: 'link', url: source.url, children: head } as Link] : head;
  const rest = [title ? source.publisher : undefined, source.date ? formatDate(source.date, lang) : undefined].filter((part) => part !== undefined);
  return rest.length ? [...linked, { type: 'text', value: `${SEPARATOR}${rest.join(SEPARATOR)}` }] : linked;
}

/**
 * The mark above the sources list, `<!-- briefing:fallback-items m2-s3 -->`, naming the items
 * (1-based, `m` missing, `s` stale) whose title is shown in French; '' when none is.
 */
export function sourcesMark(sources: readonly LocalizedSource[], lang: Lang): string {
  const items = sources.flatMap((source, i) =>
    source.title && source.title.lang !== lang ? [`${source.title.state === 'stale' ? 's' : source.title.state === 'invalid' ? 'i' : 'm'}${i + 1}`] : [],
  );
  return items.length ? annotationMark(ANNOTATION.fallbackItems, items.join('-')) : '';
}

function hasLink(nodes: PhrasingContent[]): boolean {
  let found = false;
  for (const node of nodes) {
    visit(node, 'link', () => {
      found = true;
      return EXIT;
    });
  }
  return found;
}
