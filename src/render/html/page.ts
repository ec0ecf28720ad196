/**
 * Assembles the page: everything the shell template (`templates/html/page.hbs`) receives.
 * Plain strings are escaped by the template's `{{ }}`; only the sanitised body fragments (and the
 * project's own stylesheet, checked by {@link readStylesheet}) are inserted with `{{{ }}}`.
 */
import type { BriefingDocument, Lang } from '../../core/types.js';
import type { BodyHtml } from './to-hast.js';
import { tocLevels } from './toc.js';
import { formatDate } from '../../core/dates.js';
import { dateline } from '../dateline.js';
import { FileProblem } from '../../core/errors.js';
import { readInputSync } from '../../project/read-file.js';
import path from 'node:path';

export interface PageContext {
  lang: Lang;
  title: string;
  /** `lang` of the title where it differs from the page's (a French fallback title), else ''. */
  titleLang: string;
  stylesheet: string;
  mainId: string;
  labels: {
    skipToContent: string;
    briefing: string;
    /** The date line: "Publié le …" for a dated article, else "Préparée le …" (../dateline.ts). */
    preparedOn: string;
    /** "Par …" ('' without authors) and "mis à jour le …" ('' without an update). */
    byline: string;
    updated: string;
    /** Empty when the document has no reading-time estimate. */
    readingTime: string;
    toc: string;
    lead: string;
    languageName: string;
  };
  date: { iso: string; text: string };
  /** The update's ISO date ('' without one). */
  updatedIso: string;
  /** The authors for `<meta name="author">` ('' without any). */
  author: string;
  titleHtml: string;
  /** The preview mark of a draft or embargoed edition ('' when public). */
  mark: string;
  leadHtml: string;
  hasToc: boolean;
  /** Sections, each with its subsections (two levels: ./toc.ts). */
  toc: { id: string; text: string; children: { id: string; text: string }[] }[];
  sections: { labelledBy: string; html: string }[];
}

/** `css` is the stylesheet as checked by {@link readStylesheet}. */
export function pageContext(doc: BriefingDocument, body: BodyHtml, css: string, titleHtml: string): PageContext {
  const dateText = formatDate(doc.date, doc.lang);
  const line = dateline(doc);
  const ids = new Set(body.sections.map((section) => section.id));
  let mainId = 'briefing-content';
  while (ids.has(mainId)) mainId += '-';
  return {
    lang: doc.lang,
    title: doc.title,
    titleLang: titleLang(doc),
    stylesheet: css,
    mainId,
    labels: {
      skipToContent: doc.t('skipToContent'),
      briefing: doc.t('briefing'),
      preparedOn: line.date,
      byline: line.byline,
      updated: line.updated,
      readingTime: doc.readingMinutes ? doc.t('readingTime', { count: doc.readingMinutes }) : '',
      toc: doc.t('toc'),
      lead: doc.t('lead'),
      languageName: doc.t('languageName'),
    },
    date: { iso: doc.date, text: dateText },
    updatedIso: line.updated && doc.updated ? doc.updated : '',
    author: doc.authors?.join(', ') ?? '',
    titleHtml,
    mark: doc.mark ?? '',
    leadHtml: body.lead,
    hasToc: doc.toc.length > 0,
    toc: tocLevels(doc.toc).map(({ id, text, children }) => ({ id, text, children: children.map((child) => ({ id: child.id, text: child.text })) })),
    sections: body.sections.map(({ id, html }) => ({ labelledBy: id, html })),
  };
}

/**
 * The title is shown in French when its translation is missing or stale: the h1 then carries
 * `lang="fr"` (from the tree), and the other places that repeat the title need it too.
 */
function titleLang(doc: BriefingDocument): string {
  const heading = doc.tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  const lang = heading?.data?.hProperties?.lang;
  return typeof lang === 'string' && lang !== doc.lang ? lang : '';
}

/** A stylesheet that would break out of its `<style>` element, at the place of the offending text. */
class StylesheetError extends FileProblem<'briefing:invalid-stylesheet'> {
  override name = 'StylesheetError';
}

/**
 * The stylesheet goes into a `<style>` element, whose content is raw text: HTML escaping would
 * break it (`>` selectors, quoted strings), and the only way out of it is a `</style` end tag.
 * Refuse a stylesheet that contains one (or a comment opener) rather than emit broken markup:
 * a {@link StylesheetError} at its line and column in `file` (the path reported).
 */
export function inlineStylesheet(css: string, file = path.join('templates', 'html', 'style.css')): string {
  const found = /<\/style|<!--/i.exec(css);
  if (found) {
    const before = css.slice(0, found.index).split(/\r\n|\r|\n/);
    const place = { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
    throw new StylesheetError('briefing:invalid-stylesheet', file, { found: found[0] }, place);
  }
  return css;
}

/** Reads `<templatesDir>/html/<name>` and checks it with {@link inlineStylesheet}, naming that file. */
export function readStylesheet(templatesDir: string, name: string): string {
  const file = path.join(templatesDir, 'html', name);
  return inlineStylesheet(readInputSync(file).toString('utf8'), file);
}

export { formatDate } from '../../core/dates.js';
