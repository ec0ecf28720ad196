/**
 * The catalogue of briefings as the index page and the feeds list them: the editions of a
 * manifest, and the tables both share (which files an edition links to, under which label and
 * media type). `briefing serve` lists its files through the same tables.
 */
import { SOURCE_LANG, type Format, type Lang, type OutputKind } from '../core/types.js';
import type { Manifest, OutputEntry } from './manifest.js';

export const INDEX_FILE = 'index.html';
/** The team's page: coverage, review pages, articles awaiting translation (not for a public upload). */
export const INTERNAL_FILE = 'internal.html';
export const feedFile = (lang: Lang): string => `feed.${lang}.xml`;

/** Media types of the formats, for `type` on links (index page, feeds). */
export const MEDIA_TYPES: Readonly<Record<Format, string>> = { html: 'text/html', pdf: 'application/pdf', md: 'text/markdown' };

/** The files an edition links to, in the order listed, with the `common.json` key of each label. */
export const FORMAT_LINKS: readonly { kind: OutputKind; format: Format; label: string }[] = [
  { kind: 'briefing', format: 'html', label: 'index.html' },
  { kind: 'briefing', format: 'pdf', label: 'index.pdf' },
  { kind: 'briefing', format: 'md', label: 'index.md' },
  { kind: 'bilingual', format: 'html', label: 'index.bilingualHtml' },
  { kind: 'bilingual', format: 'pdf', label: 'index.bilingualPdf' },
  { kind: 'review', format: 'html', label: 'review.title' },
];

/** One published edition (slug × language) with its outputs. */
export interface Edition {
  slug: string;
  title: string;
  date: string;
  coverage: number;
  outputs: OutputEntry[];
}

/** Newest date first, then by slug: the order of the index page and the feeds. */
export function newestFirst(a: { slug: string; date: string }, b: { slug: string; date: string }): number {
  return a.date === b.date ? (a.slug < b.slug ? -1 : 1) : a.date < b.date ? 1 : -1;
}

/** Groups a manifest's public outputs into editions (slug × language), newest date first, then by slug. */
export function editionsOf(manifest: Manifest, lang: Lang): Edition[] {
  const bySlug = new Map<string, OutputEntry[]>();
  for (const output of manifest.outputs) {
    // Drafts and embargoed articles are built for preview, never listed.
    if (output.lang !== lang || output.visibility !== undefined) continue;
    bySlug.set(output.slug, [...(bySlug.get(output.slug) ?? []), output]);
  }
  return [...bySlug.entries()]
    .filter(([, outputs]) => outputs.some((o) => o.kind === 'briefing'))
    .map(([slug, outputs]) => {
      const main = outputs.find((o) => o.kind === 'briefing')!;
      return { slug, title: main.title, date: main.date, coverage: main.coverage, outputs };
    })
    .sort(newestFirst);
}

/** A manifest path as a relative URL (each segment percent-encoded). */
export function hrefOf(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** Coverage of one edition as the index shows it. */
export type CoverageCell =
  | { kind: 'source' }
  | { kind: 'translated'; percent: number; low: boolean; counts?: { ok: number; total: number; stale: number; missing: number } }
  /** The locale file could not be read (the service lists the problem). */
  | { kind: 'unreadable' };

/** A link of an index row: a file of the edition. */
export interface IndexLink {
  href: string;
  /** `common.json` key of the label (see {@link FORMAT_LINKS}). */
  label: string;
  /** Media type, for `type`. */
  type?: string;
  /** File size in bytes (published files). */
  bytes?: number;
  /** Opens as a live preview (the service's HTML). */
  live?: boolean;
  /** The file's name, when a download link goes beside the link. */
  download?: { href: string; name: string };
}

/** One edition on the index page. */
export interface IndexRow {
  title: string;
  /** Language of the title (a French title stands in for a translation the service has not read). */
  titleLang: Lang;
  /** ISO `YYYY-MM-DD`; absent when unknown (an article that does not parse). */
  date?: string;
  coverage: CoverageCell;
  links: IndexLink[];
}

/** The published editions of each language as index rows. */
export function publishedRows(manifest: Manifest, lang: Lang, minCoverage: number): IndexRow[] {
  return editionsOf(manifest, lang).map((edition) => ({
    title: edition.title,
    titleLang: lang,
    date: edition.date,
    // French is the source: there is nothing to translate.
    coverage: lang === SOURCE_LANG ? { kind: 'source' } : { kind: 'translated', percent: edition.coverage, low: edition.coverage < minCoverage },
    links: FORMAT_LINKS.flatMap(({ format, kind, label }) => {
      const output = edition.outputs.find((o) => o.format === format && o.kind === kind);
      return output ? [{ href: hrefOf(output.path), label, type: MEDIA_TYPES[format], bytes: output.bytes }] : [];
    }),
  }));
}
