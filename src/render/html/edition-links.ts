/**
 * The links between an article's editions: the header every HTML briefing carries (the other
 * language, this edition's PDF and Markdown, the bilingual edition, the index) and the `<link>`
 * elements of its `<head>` (`alternate` per other language, `canonical` with a site address).
 *
 * Pure data for the templates: every href is built here from the slug and file names (each path
 * segment percent-encoded), every label is plain text the template escapes. Files sit side by side
 * in `output/<slug>/` and the index at `output/index.html`, so links are relative unless the
 * site's address (`--base-url`) is known; then they are absolute, as feed readers and search
 * engines need.
 */
import { SOURCE_LANG, type Lang } from '../../core/types.js';

/** The editions of one article that this build publishes, and where the site lives. */
export interface EditionSet {
  slug: string;
  /** Languages whose edition is published (French first); a withheld translation is absent. */
  langs: readonly Lang[];
  /** Each language's own name (`languageName` of its common.json), shown on the link to it. */
  names: Readonly<Partial<Record<Lang, string>>>;
  /** Whether the French–English edition is published (both editions are). */
  bilingual: boolean;
  /** The site's address (`--base-url`): the `output/` folder as served. */
  baseUrl?: string;
}

/** Which page the links are for. */
export type EditionPage = { kind: 'edition'; lang: Lang } | { kind: 'bilingual' };

/** One link of the header. `lang`/`hreflang` are '' when the target is in the page's language. */
interface EditionNavLink {
  href: string;
  text: string;
  lang: string;
  hreflang: string;
  type: string;
  rel: string;
}

/** What a page template receives: the header links and the `<head>` links. */
export interface EditionNav {
  label: string;
  links: EditionNavLink[];
  alternates: { href: string; hreflang: string }[];
  /** Absolute address of this page ('' without a site address). */
  canonical: string;
}

/** Strings of the page's language, by `common.json` key. */
export type Translate = (key: string) => string;

/** The file name of an edition inside `output/<slug>/`. */
function editionFile(slug: string, page: EditionPage, ext: 'html' | 'pdf' | 'md', target = 'en'): string {
  return page.kind === 'bilingual' ? `${slug}.${SOURCE_LANG}-${target}.${ext}` : `${slug}.${page.lang}.${ext}`;
}

/**
 * The address of a file of the output folder (`<slug>/<name>` or `index.html`) as seen from a page
 * in `output/<slug>/`: relative, or absolute against the site's address.
 */
function siteHref(set: EditionSet, name: string, inArticle = true): string {
  const segments = inArticle ? [set.slug, name] : [name];
  const encoded = segments.map(encodeURIComponent);
  if (set.baseUrl === undefined) return inArticle ? encoded[1]! : `../${encoded.join('/')}`;
  const base = set.baseUrl.endsWith('/') ? set.baseUrl : `${set.baseUrl}/`;
  return new URL(encoded.join('/'), base).href;
}

/** The absolute address of `page`'s HTML file, when the site's address is known (the PDF links back to it). */
export function webAddress(set: EditionSet | undefined, page: EditionPage): string | undefined {
  if (set?.baseUrl === undefined) return undefined;
  const target = set.langs.find((lang) => lang !== SOURCE_LANG) ?? 'en';
  return siteHref(set, editionFile(set.slug, page, 'html', target));
}

/** The header and head links of `page`, an edition of `set`. */
export function editionNav(set: EditionSet, page: EditionPage, t: Translate): EditionNav {
  const target = set.langs.find((lang) => lang !== SOURCE_LANG) ?? 'en';
  const own = page.kind === 'edition' ? page.lang : SOURCE_LANG;
  const link = (name: string, text: string, options: Partial<EditionNavLink> = {}): EditionNavLink => ({
    href: siteHref(set, name),
    text,
    lang: '',
    hreflang: '',
    type: 'text/html',
    rel: '',
    ...options,
  });
  const other = (lang: Lang) => {
    const hreflang = lang === own ? '' : lang;
    return link(editionFile(set.slug, { kind: 'edition', lang }, 'html'), set.names[lang] ?? lang, { lang: hreflang, hreflang, rel: 'alternate' });
  };
  const links: EditionNavLink[] = [];
  if (page.kind === 'edition') {
    links.push(...set.langs.filter((lang) => lang !== page.lang).map(other));
    links.push(link(editionFile(set.slug, page, 'pdf'), t('index.pdf'), { type: 'application/pdf' }));
    links.push(link(editionFile(set.slug, page, 'md'), t('index.md'), { type: 'text/markdown' }));
    if (set.bilingual) links.push(link(editionFile(set.slug, { kind: 'bilingual' }, 'html', target), t('index.bilingualHtml')));
  } else {
    links.push(...set.langs.map(other));
    links.push(link(editionFile(set.slug, page, 'pdf', target), t('index.bilingualPdf'), { type: 'application/pdf' }));
  }
  links.push({ ...link('index.html', t('editions.index')), href: siteHref(set, 'index.html', false) });
  const alternates = page.kind === 'edition' ? set.langs.filter((lang) => lang !== page.lang).map((lang) => ({ href: other(lang).href, hreflang: lang })) : [];
  return { label: t('editions.label'), links, alternates, canonical: webAddress(set, page) ?? '' };
}
