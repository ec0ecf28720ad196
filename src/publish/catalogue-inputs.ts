/**
 * What the index page and the feeds read besides the manifest: the interface strings of every
 * language (`locales/<lang>/common.json`) and the stylesheets (`templates/html/style.css`, then
 * `templates/html/index.css`). A problem in one of them is a {@link CatalogueInputError} naming
 * that file (with line and column where known), so a broken string is never reported against a
 * template, nor a page against another.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LocaleFile } from '../i18n/locale-file.js';
import { COMMON_NS, createI18n } from '../i18n/instance.js';
import { LANGS, type Lang } from '../core/types.js';
import { PACKAGE_ROOT, type ProjectPaths } from '../core/paths.js';
import type { CommonLocales } from '../project/sources.js';

/** An input of the index page or a feed is unusable; `file` is relative to the project root. */
export class CatalogueInputError extends Error {
  override name = 'CatalogueInputError';
  constructor(
    readonly file: string,
    readonly ruleId: string,
    message: string,
    readonly place: { line: number; column: number } = { line: 1, column: 1 },
  ) {
    super(message);
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
  if (broken) throw new CatalogueInputError(broken.file, broken.ruleId, broken.message, broken);
  const i18n = createI18n(lang, { [COMMON_NS]: locale.resources });
  return (key, vars = {}) => {
    // No fallback language: a missing key would come back as the key itself.
    if (!i18n.exists(key, vars)) throw new CatalogueInputError(locale.file, 'briefing:missing-translation', `Missing ${lang} interface string "${key}"`);
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
  const index = existsSync(own) ? own : path.join(PACKAGE_ROOT, 'templates', 'html', 'index.css');
  return `${inlineCss(paths, path.join(paths.templates, 'html', 'style.css'))}\n${inlineCss(paths, index)}`;
}

/** Reads a stylesheet that will sit inside `<style>`, refusing what would end that element early. */
function inlineCss(paths: ProjectPaths, file: string): string {
  const shown = path.relative(paths.root, file);
  let css: string;
  try {
    css = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CatalogueInputError(shown, 'briefing:template-error', `Cannot read the stylesheet: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const unsafe = /<\/style|<!--/i.exec(css);
  if (unsafe) {
    const before = css.slice(0, unsafe.index).split('\n');
    const place = { line: before.length, column: before.at(-1)!.length + 1 };
    throw new CatalogueInputError(shown, 'briefing:template-error', `A stylesheet inlined in <style> must not contain "${unsafe[0]}"`, place);
  }
  return css;
}
