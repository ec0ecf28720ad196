/**
 * Typed data passed between the pipeline's pure stages:
 * source text → Article (parse) → Briefing (localize) → BriefingDocument (render/markdown) → files.
 */
import type { Root, PhrasingContent, BlockContent } from 'mdast';
// The project's `node.data` fields (section ids, French fallbacks, key figures), typed wherever the document tree is.
import type { CalloutType } from './node-data.js';

/** Languages a briefing can be rendered in. French is always the source language. */
export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export const SOURCE_LANG: Lang = 'fr';

/** Output formats of one language edition. */
export type Format = 'md' | 'html' | 'pdf';
export const FORMATS: readonly Format[] = ['md', 'html', 'pdf'];
/** Formats of the French–English edition (side by side makes no sense in Markdown). */
export const BILINGUAL_FORMATS: readonly Format[] = ['html', 'pdf'];

/** A place in a source file, 1-based like unist positions. */
export interface Place {
  line: number;
  column: number;
}

/** Metadata from YAML front matter (all optional in the source). */
export interface ArticleMeta {
  title?: string;
  /** Calendar date `YYYY-MM-DD`, as written (a date-time's date in its own offset). */
  date?: string;
  /** Date of the last update, `YYYY-MM-DD` (front matter `updated`, `lastmod` or `modified`). */
  updated?: string;
  /**
   * One-line summary shown under the title, a translation unit (front matter `description`,
   * `excerpt`, `summary` or `subtitle`): plain text.
   */
  standfirst?: string;
  /** Sources declared in `sources:` (src/parse/declared-sources.ts), in their order. */
  sources: DeclaredSource[];
  /** Names of the authors (`author`/`authors`: a name, names, or entries with a `name`). */
  authors: string[];
  status?: string;
  /** The article's own web address (`url`, `canonical` or `source_url`): site-relative links resolve against it. */
  url?: string;
  /** Forces the source format instead of detecting it per block (`briefing: {format: wire}`). */
  format?: 'wire' | 'markdown';
  /** Key figures declared in `figures:` (src/parse/declared-figures.ts); `false`: no box. */
  figures?: DeclaredFigure[] | false;
  /** `embargo:` — not public before this instant (ISO 8601 in UTC, `…Z`); a draft until then. */
  embargo?: string;
  /** `briefing: { min-coverage: N }` — this article's translated editions publish at N % (overrides `--min-coverage`). */
  minCoverage?: number;
}

/**
 * A key figure's value declared typed in the front matter: formatted per language at render time
 * (src/localize/figure-value.ts), never translated.
 */
export type TypedFigure =
  /** `currency`: an ISO 4217 code ICU knows (`Intl.supportedValuesOf('currency')`). */
  | { type: 'amount'; amount: number; currency: string }
  | { type: 'quantity'; amount: number; unit: string }
  | { type: 'percent'; percent: number }
  | { type: 'count'; count: number }
  | { type: 'date'; date: string }
  | { type: 'year'; year: number };

/**
 * One entry of the front matter `sources:`. `title` is one line of inline Markdown (a Markdown-link
 * entry holds its link), a translation unit; the publisher's name (a plain string entry is one),
 * the address and the date are never translated.
 */
export interface DeclaredSource {
  title?: string;
  /** Where the title (or the entry) is written. */
  titlePlace: Place;
  url?: string;
  publisher?: string;
  /** `YYYY-MM-DD`, formatted per language. */
  date?: string;
}

/** One entry of the front matter `figures:`: a typed value or free text, and its label, with their places. */
export interface DeclaredFigure {
  value: { typed: TypedFigure } | { text: string; place: Place };
  label: string;
  labelPlace: Place;
}

/**
 * One translation unit: a heading or a block (paragraph, list, quote) of the French source.
 * `markdown` is the block's Markdown source as serialised by remark-stringify; it is what goes
 * into `locales/fr/<slug>.json` under `key`.
 */
export interface Segment {
  key: string;
  kind: SegmentKind;
  markdown: string;
  place: Place;
  /**
   * The units a composite block is made of (a table's cells, an image's alt text and caption, a
   * callout's blocks), keyed under the block's key (`sections.<id>.3.r1c2`). When present, the
   * block's own `markdown` is its French source, not a unit: each language rebuilds the block from
   * its parts.
   */
  parts?: Segment[];
  /** Shown as written in every language, never extracted nor typeset (code). */
  verbatim?: true;
  /** A callout's type (kind `callout`); its parts are its title (`<key>.title`) and blocks (`<key>.1`, …). */
  callout?: CalloutType;
}

/** What a unit or block is. */
export type SegmentKind =
  | 'title'
  | 'heading'
  | 'paragraph'
  | 'list'
  | 'blockquote'
  | 'figure'
  | 'source'
  | 'table'
  | 'cell'
  | 'code'
  | 'math'
  | 'callout'
  | 'image'
  | 'alt'
  | 'caption'
  | 'note';

/** The translation units of some blocks, in reading order: composite blocks give their parts, verbatim blocks none. */
export function unitsOf(segments: readonly Segment[]): Segment[] {
  return segments.flatMap((segment) => (segment.verbatim ? [] : segment.parts ? unitsOf(segment.parts) : [segment]));
}

/**
 * Depth of a section in the document: 2 a section (`##`), 3 a subsection (`###`), 4 a
 * sub-subsection (`####`, and any deeper heading). The title is level 1.
 */
export type SectionLevel = 2 | 3 | 4;

/**
 * A section or subsection. Sections are kept as a flat list in reading order, each with its level
 * and its parent's id, so everything that walks the units (extraction, key figures, sources) sees
 * every one of them; the nesting is `level` and `parent`.
 */
export interface Section {
  /**
   * Stable id: ASCII-folded slug of the French heading, unique within the article (across all
   * levels), so a heading keeps its id — and its translation keys — when it moves level.
   */
  id: string;
  level: SectionLevel;
  /** Id of the enclosing section (absent for level 2). */
  parent?: string;
  heading: Segment;
  /** The section's own blocks, before its first subsection. */
  blocks: Segment[];
}

export type FigureKind = 'amount' | 'year' | 'date' | 'percent';
export type Currency = 'USD' | 'EUR';
export type Scale = 'thousand' | 'million' | 'billion';

/** A key figure detected in the French text (src/facts/key-figures.ts): a suggestion, never shown unless declared. */
export interface KeyFigure {
  /** Stable id, e.g. "amount-1-milliard-de-dollars", "year-2019" */
  id: string;
  kind: FigureKind;
  /** Exact French text as found, e.g. "1 milliard de dollars", "2019", "2030" */
  text: string;
  /** Structured value for per-language formatting: the full number (1e9), the percentage (20), the year, or a date's UTC epoch milliseconds. */
  value: number;
  currency?: Currency;
  scale?: Scale;
  /** Key of the segment where it was found, e.g. "sections.une-alliance-historique-a-redefinir.1" */
  key: string;
  /** The French sentence it comes from (context for the label) */
  sentence: string;
}

/**
 * A declared key figure as translation units: its label (`figures.<id>.label`) and, when the value
 * is free text, the value (`figures.<id>.value`); `id` is its position in `figures:`, from 1.
 */
export interface FigureUnit {
  id: string;
  value: { typed: TypedFigure } | { text: Segment };
  label: Segment;
}

/** A declared source: its title as a translation unit (`sources.<id>.title`), the rest as declared; `id` is its position from 1. */
export interface SourceUnit {
  id: string;
  title?: Segment;
  url?: string;
  publisher?: string;
  date?: string;
}

/** A parsed French source article. */
export interface Article {
  slug: string;
  /** Path of the source file, as given (for messages). */
  path: string;
  meta: ArticleMeta;
  /** Title segment (front matter title, a leading `# heading`, or the slug as last resort). */
  title: Segment;
  /** The standfirst (front matter `description`, `excerpt`, `summary` or `subtitle`): one paragraph, key `standfirst`. */
  standfirst?: Segment;
  lead: Segment[];
  /** Key figures declared in the front matter, in their order (shown as a box near the top). */
  figures: FigureUnit[];
  sections: Section[];
  /** Footnotes (kind `note`, key `notes.<label>`), in order of first call; their calls are `[^label]` in the units. */
  notes: Segment[];
  /** Sources declared in the front matter, in their order (listed at the end). */
  sources: SourceUnit[];
}

/** Translation state of one localized unit. */
export type UnitState = 'source' | 'translated' | 'missing' | 'stale' | 'invalid';

/** A localized unit: the text to show (parsed back into mdast) and where it came from. */
export interface LocalizedInline {
  key: string;
  children: PhrasingContent[];
  state: UnitState;
  /** Language the text is actually in (French when it fell back). */
  lang: Lang;
}
export interface LocalizedBlock {
  key: string;
  nodes: BlockContent[];
  state: UnitState;
  lang: Lang;
  /** Keys of the parts shown in French in a block that is not (a table's cells without a translation). */
  frenchParts?: string[];
  /** A figure (kind `image`): its parts, localized each; `nodes` is then empty. */
  image?: LocalizedImage;
}

/** A figure's image address (never translated) and its localized alt text and caption, when it has them. */
export interface LocalizedImage {
  src: string;
  /** The link the source wraps the image in (`[![alt](src)](href)`), never translated. */
  href?: string;
  alt?: LocalizedInline;
  caption?: LocalizedInline;
}
interface LocalizedSection {
  id: string;
  level: SectionLevel;
  parent?: string;
  heading: LocalizedInline;
  blocks: LocalizedBlock[];
}

/** A declared source in one language: its title translated (or French), the rest as declared. */
export interface LocalizedSource {
  id: string;
  title?: LocalizedInline;
  url?: string;
  publisher?: string;
  date?: string;
}

export interface LocalizedFigure {
  id: string;
  /** The figure written for the label's language ("$1 billion", "1 milliard de dollars"). */
  value: string;
  label: LocalizedInline;
}

/** One language edition of an article, format-free. */
export interface Briefing {
  slug: string;
  lang: Lang;
  meta: ArticleMeta;
  title: LocalizedInline;
  /** The standfirst shown under the title, when the article has one. */
  standfirst?: LocalizedBlock;
  lead: LocalizedBlock[];
  sections: LocalizedSection[];
  /** Footnotes, in the article's order (numbered from 1 in every edition). */
  notes: LocalizedBlock[];
  /** Interface strings of this language (`locales/<lang>/common.json`), plain text. */
  t: (key: string, vars?: Record<string, string | number>) => string;
  /** Sources the article's front matter declares, in their order (none is ever detected in the text). */
  sources: LocalizedSource[];
  /** Key figures: the value formatted for this language, and the label (translated or French). */
  figures: LocalizedFigure[];
  /** Keys shown in French because the translation is missing or stale. */
  fallbacks: string[];
}

/**
 * The rendered content of one edition: the mdast tree produced by the content template
 * (`templates/briefing.md.hbs`). HTML and PDF are laid out from this same tree.
 *
 * render/markdown sets `node.data` on its top-level blocks (declared in core/node-data.ts):
 * - section headings (depth 2, subsections 3 and 4) carry `data.id` (the stable section id) and
 *   `data.hProperties.id` (so mdast-util-to-hast writes it as the HTML id);
 * - blocks shown in French in a non-French edition carry `data.fallback = 'fr'`,
 *   `data.fallbackReason` and `data.hProperties = { lang: 'fr', className: ['fallback'] }`;
 * - key figures' paragraphs carry `data.figure` (value and label) and `className: ['figure']`.
 */
export interface BriefingDocument {
  slug: string;
  lang: Lang;
  /** Plain-text title (for metadata: PDF Title, HTML <title>). */
  title: string;
  tree: Root;
  /**
   * Interface strings of this edition's language (`locales/<lang>/common.json`), through the
   * build's own i18next instance: `t('page', { page: 2, pages: 3 })` → "Page 2 of 3".
   * Returns plain text (no HTML escaping); callers escape for their target.
   */
  t: (key: string, vars?: Record<string, string | number>) => string;
  /** Table of contents: the headings that carry a section id, in order, with their depth (2–4). */
  toc: { id: string; text: string; depth: number }[];
  /** Date shown, ISO `YYYY-MM-DD` (from front matter or the build clock). */
  date: string;
  /** The article's authors (front matter `author`/`authors`), shown under the title and in metadata. */
  authors?: readonly string[];
  /** The article's own date (front matter `date`), when it has one: shown as "published", not "prepared". */
  published?: string;
  /** The article's last update (front matter `updated`, `lastmod`…), when it has one. */
  updated?: string;
  /** Estimated reading time in minutes (shown in the title block when present). */
  readingMinutes?: number;
  /** "DRAFT — not for publication" on a preview-only edition (draft, embargo): shown in every format. */
  mark?: string;
}

/** Output kinds: a briefing in one format, the French–English edition, or the translators' review page. */
export type OutputKind = 'briefing' | 'bilingual' | 'review';
