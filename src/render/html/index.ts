/**
 * HTML edition of a briefing: one self-contained page (inline CSS, no scripts, no external
 * requests) laid out from the document's mdast tree.
 */
import { fallbackNote } from '../fallback-note.js';
import path from 'node:path';
import { BUILTIN_TEMPLATES } from '../../core/paths.js';
import type { BriefingDocument } from '../../core/types.js';
import { loadTemplate } from '../templates.js';
import { bodyToHtml } from './to-hast.js';
import { pageContext, readStylesheet } from './page.js';
import { toHtml } from 'hast-util-to-html';
import { loadLogo, logoDataUri } from '../logo.js';
import { FIGURE_CSS, hasFigures } from './image.js';
import { editionNav, type EditionSet } from './edition-links.js';

export interface RenderHtmlOptions {
  /** Folder holding `html/page.hbs` and `html/style.css` (default: the package's `templates/`). */
  templatesDir?: string;
  /** The article's published editions: the page then gets its header of links (./edition-links.ts). */
  editions?: EditionSet;
}

export function renderHtml(doc: BriefingDocument, options: RenderHtmlOptions = {}): string {
  const templatesDir = options.templatesDir ?? BUILTIN_TEMPLATES;
  const page = loadTemplate(path.join(templatesDir, 'html', 'page.hbs'), 'html');
  // Figures bring their own rules, before the stylesheet so that it can restyle them.
  const css = `${hasFigures(doc.tree) ? FIGURE_CSS : ''}${readStylesheet(templatesDir, 'style.css')}`;
  const body = bodyToHtml(doc.tree, { missing: doc.t('fallbackNote'), stale: doc.t('staleNote'), invalid: fallbackNote(doc.t, 'invalid') });
  // No depth-1 heading in the tree: the plain-text title, as a text node (escaped on output).
  const titleHtml = body.title ?? toHtml({ type: 'element', tagName: 'h1', properties: {}, children: [{ type: 'text', value: doc.title }] });
  const logo = loadLogo(templatesDir);
  // `false`, not undefined: templates are strict, and a page rendered on its own has no links.
  const nav = options.editions ? editionNav(options.editions, { kind: 'edition', lang: doc.lang }, (key) => doc.t(key)) : false;
  return page({ ...pageContext(doc, body, css, titleHtml), logo: logo ? logoDataUri(logo) : '', nav });
}
