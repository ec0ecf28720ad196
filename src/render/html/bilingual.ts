/**
 * The bilingual HTML edition: French and English side by side, one row per pair of blocks (both
 * languages come from the same content template, so blocks pair one to one), each column with
 * its own `lang` (a figure and its caption share one row). On narrow screens the stylesheet stacks each pair.
 */
import { fallbackNote } from '../fallback-note.js';
import path from 'node:path';
import { toString as plainText } from 'mdast-util-to-string';
import { toHtml } from 'hast-util-to-html';
import type { BriefingDocument } from '../../core/types.js';
import { dateline } from '../dateline.js';
import { formatDate } from '../../core/dates.js';
import { loadTemplate } from '../templates.js';
import { pairBlocks } from '../bilingual/pairs.js';
import { blocksToHtml } from './to-hast.js';
import { readStylesheet } from './page.js';
import { tocLevels } from './toc.js';
import { FIGURE_CSS, figureRows, hasFigures } from './image.js';
import type { RenderHtmlOptions } from './index.js';
import { BUILTIN_TEMPLATES } from '../../core/paths.js';
import { editionNav } from './edition-links.js';

export function renderBilingualHtml(source: BriefingDocument, target: BriefingDocument, options: RenderHtmlOptions = {}): string {
  const templatesDir = options.templatesDir ?? BUILTIN_TEMPLATES;
  const page = loadTemplate(path.join(templatesDir, 'html', 'bilingual.hbs'), 'html');
  const css = `${hasFigures(source.tree) ? FIGURE_CSS : ''}${readStylesheet(templatesDir, 'style.css')}`;
  const pairs = pairBlocks(source, target, path.join(templatesDir, 'briefing.md.hbs'));
  const notes = (doc: BriefingDocument) => ({ missing: doc.t('fallbackNote'), stale: doc.t('staleNote'), invalid: fallbackNote(doc.t, 'invalid') });
  // The title pair opens the masthead; every other pair is a row.
  const titleIndex = pairs.findIndex((pair) => pair.source.type === 'heading' && pair.source.depth === 1);
  const title = titleIndex >= 0 ? pairs[titleIndex] : undefined;
  const rows = pairs.filter((_, i) => i !== titleIndex);
  const ids = new Set(rows.flatMap((pair) => (pair.id ? [pair.id] : [])));
  let mainId = 'briefing-content';
  while (ids.has(mainId)) mainId += '-';

  const column = (doc: BriefingDocument, node: (typeof pairs)[number]['source'] | undefined, line = dateline(doc)) => ({
    lang: doc.lang,
    languageName: doc.t('languageName'),
    kicker: doc.t('briefing'),
    title: doc.title,
    titleHtml: node
      ? blocksToHtml([node], notes(doc))
      : toHtml({ type: 'element', tagName: 'h1', properties: {}, children: [{ type: 'text', value: doc.title }] }),
    preparedOn: line.date,
    byline: line.byline,
    updated: line.updated,
    readingTime: doc.readingMinutes ? doc.t('readingTime', { count: doc.readingMinutes }) : '',
    dateText: formatDate(doc.date, doc.lang),
  });
  const nav = options.editions ? editionNav(options.editions, { kind: 'bilingual' }, (key) => source.t(key)) : false;
  return page({
    nav,
    lang: source.lang,
    title: `${source.title} · ${target.title}`,
    stylesheet: css,
    mainId,
    date: source.date,
    updatedIso: source.updated && dateline(source).updated ? source.updated : '',
    author: source.authors?.join(', ') ?? '',
    mark: [source.mark, target.mark].filter(Boolean).join(' · '),
    labels: { skipToContent: `${source.t('skipToContent')} · ${target.t('skipToContent')}`, toc: `${source.t('toc')} · ${target.t('toc')}` },
    columns: [column(source, title?.source), column(target, title?.target)],
    toc: tocLevels(
      rows.flatMap((pair) =>
        pair.id && pair.source.type === 'heading'
          ? [{ id: pair.id, depth: pair.source.depth, source: plainText(pair.source), target: plainText(pair.target) }]
          : [],
      ),
    ),
    // A figure and its caption share a row, so each column's figure holds its figcaption.
    rows: figureRows(rows).map((row) => ({
      id: row[0]!.id ?? '',
      heading: row[0]!.source.type === 'heading',
      source: blocksToHtml(
        row.map((pair) => pair.source),
        notes(source),
        `${source.lang}-`,
      ),
      target: blocksToHtml(
        row.map((pair) => pair.target),
        notes(target),
        `${target.lang}-`,
      ),
    })),
  });
}
