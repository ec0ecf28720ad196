/**
 * `output/index.html`: every published briefing, by language, with its formats, translation
 * coverage and date, and links to the Atom feeds. Built from the manifest alone (no article is
 * read), so a shard merge can rebuild it. Self-contained like the briefings: the briefing
 * stylesheet inlined, no script, no external request. Every value reaches the page through the
 * template's escaping `{{ }}`.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { LANGS, SOURCE_LANG, type Format, type Lang } from '../core/types.js';
import { formatDate } from '../core/dates.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import type { Manifest, OutputEntry } from './manifest.js';
import { editionsOf, feedFile, hrefOf } from './catalogue.js';
import { loadTemplate, readTemplateFile } from '../render/templates.js';
import { inlineStylesheet } from '../render/html/page.js';

const LANGUAGE_NAMES: Record<Lang, string> = { fr: 'Français', en: 'English' };
const FORMAT_LINKS: readonly { format: Format; kind: OutputEntry['kind']; label: string; type: string }[] = [
  { format: 'html', kind: 'briefing', label: 'HTML', type: 'text/html' },
  { format: 'pdf', kind: 'briefing', label: 'PDF', type: 'application/pdf' },
  { format: 'md', kind: 'briefing', label: 'Markdown', type: 'text/markdown' },
  { format: 'html', kind: 'bilingual', label: 'French–English HTML', type: 'text/html' },
  { format: 'pdf', kind: 'bilingual', label: 'French–English PDF', type: 'application/pdf' },
  { format: 'html', kind: 'review', label: 'Translation review', type: 'text/html' },
];

/** The page's HTML. `templatesDir` may lack `html/index.hbs` (older projects): the package's is used. */
export function renderIndexPage(manifest: Manifest, templatesDir: string, minCoverage: number): string {
  const own = path.join(templatesDir, 'html', 'index.hbs');
  const dir = existsSync(own) ? templatesDir : path.join(PACKAGE_ROOT, 'templates');
  const template = loadTemplate(path.join(dir, 'html', 'index.hbs'), 'html');
  const css = readTemplateFile(dir, path.join('html', 'style.css'));
  let total = 0;
  const languages = LANGS.map((lang) => {
    const rows = editionsOf(manifest, lang).map((edition) => ({
      title: edition.title,
      date: edition.date,
      // The page is in English; titles carry their own language.
      dateText: formatDate(edition.date, 'en'),
      // French is the source: there is nothing to translate.
      coverage: lang === SOURCE_LANG ? 'source' : `${edition.coverage}\u00a0%`,
      low: lang !== SOURCE_LANG && edition.coverage < minCoverage,
      links: FORMAT_LINKS.flatMap(({ format, kind, label, type }) => {
        const output = edition.outputs.find((o) => o.format === format && o.kind === kind);
        return output ? [{ href: hrefOf(output.path), label, type, size: formatSize(output.bytes) }] : [];
      }),
    }));
    total += rows.length;
    return {
      lang,
      id: `briefings-${lang}`,
      name: LANGUAGE_NAMES[lang],
      feed: feedFile(lang),
      count: rows.length,
      caption: `${rows.length} briefing${rows.length === 1 ? '' : 's'}, newest first`,
      rows,
    };
  });
  return template({
    stylesheet: inlineStylesheet(css),
    summary: `${total} edition${total === 1 ? '' : 's'} in ${LANGS.length} languages`,
    languages,
  });
}

function formatSize(bytes: number): string {
  // No-break spaces: a size never wraps between its number and unit.
  return bytes < 1024 ? `${bytes}\u00a0B` : `${(bytes / 1024).toFixed(1)}\u00a0kB`;
}
