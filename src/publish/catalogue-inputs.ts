/**
 * What the index page and the feeds read besides the manifest: the interface strings of every
 * language (`locales/<lang>/common.json`) and the stylesheets (`templates/html/style.css`, then
 * `templates/html/index.css`). A problem in one of them is a {@link CatalogueInputError} naming
 * that file (with line and column where known), so a broken string is never reported against a
 * template, nor a page against another.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { FileProblem, ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { readStylesheet } from '../render/html/page.js';
import type { LocaleFile } from '../i18n/locale-file.js';
import { COMMON_NS, createI18n } from '../i18n/instance.js';
import { LANGS, type Lang } from '../core/types.js';
import { BUILTIN_TEMPLATES, type ProjectPaths } from '../core/paths.js';
import type { CommonLocales } from '../project/locales.js';

/** An input of the index page or a feed is unusable: its diagnostic names that file (relative to the project root). */
export class CatalogueInputError extends Error {
  override name = 'CatalogueInputError';
  constructor(readonly diagnostic: Diagnostic) {
    super(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`);
  }
}

/**
 * Interface strings of one language: `t('index.caption', { count: 2 })`. Plain text (the tree
 * serialisers escape). A key the file lacks throws a {@link CatalogueInputError} at the file.
 */
export type UiStrings = (key: string, vars?: Record<string, string | number>) => string;

/** Strings of `locale` (a parsed `common.json`); throws at the file if it did not parse. */
export function uiStrings(locale: LocaleFile, lang: Lang): UiStrings {
  const broken = locale.diagnostics.find((d) => d.severity === 'error');
  if (broken) throw new CatalogueInputError(broken);
  const i18n = createI18n(lang, { [COMMON_NS]: locale.resources });
  return (key, vars = {}) => {
    // No fallback language: a missing key would come back as the key itself.
    if (!i18n.exists(key, vars)) throw new CatalogueInputError(ruleDiagnostic('briefing:missing-translation', locale.file, { lang, key }));
    return i18n.t(key, vars);
  };
}

/** Each language's strings, read through the build's (or the service's) common-locale cache. */
export async function readUiStrings(common: CommonLocales): Promise<Record<Lang, UiStrings>> {
  const entries = await Promise.all(LANGS.map(async (lang): Promise<[Lang, UiStrings]> => [lang, uiStrings(await common(lang), lang)]));
  return Object.fromEntries(entries) as Record<Lang, UiStrings>;
}

/** Each language's name in that language (`languageName` of its own common.json): the one table. */
export function languageNames(strings: Readonly<Record<Lang, UiStrings>>): Record<Lang, string> {
  return Object.fromEntries(LANGS.map((lang) => [lang, strings[lang]('languageName')])) as Record<Lang, string>;
}

/**
 * The index page's stylesheet: the briefings' `style.css`, then `index.css` (tables of editions).
 * A project whose templates predate `index.css` gets the package's. Either file must be safe to
 * inline in `<style>`.
 */
export function readIndexStylesheet(paths: ProjectPaths): string {
  const own = path.join(paths.templates, 'html', 'index.css');
  const index = existsSync(own) ? own : path.join(BUILTIN_TEMPLATES, 'html', 'index.css');
  return `${inlineCss(paths, path.join(paths.templates, 'html', 'style.css'))}\n${inlineCss(paths, index)}`;
}

/** Reads a stylesheet that will sit inside `<style>` (render/html/page.ts refuses what would end it early). */
function inlineCss(paths: ProjectPaths, file: string): string {
  const shown = path.relative(paths.root, file);
  try {
    return readStylesheet(path.dirname(path.dirname(file)), path.basename(file));
  } catch (error) {
    if (error instanceof FileProblem) throw new CatalogueInputError(error.toDiagnostic(shown));
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CatalogueInputError(ruleDiagnostic('briefing:unreadable-file', shown, { reason }));
  }
}
