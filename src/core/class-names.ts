/**
 * The names the document tree and its renderers agree on, written once: the content template's
 * annotation marks, the HTML classes (styled by `templates/html/style.css`, allowed by the
 * sanitiser policy) and the ids of the sections the template adds itself.
 */

/** Kinds of `<!-- briefing:KIND [ARG] -->` mark the content template may leave (see render/markdown/annotations.ts). */
export const ANNOTATION = {
  /** `section ID`, above a section heading: its stable id. */
  section: 'section',
  /** `fallback missing|stale|invalid`, above a block shown in French in another edition. */
  fallback: 'fallback',
  /** `figure ID`, above a key figure's line. */
  figure: 'figure',
  /** `standfirst`, above the standfirst's paragraph (under the title). */
  standfirst: 'standfirst',
  /** `fallback-cells r1c2-r3c1`, above a table some of whose cells are shown in French. */
  fallbackCells: 'fallback-cells',
  /** `fallback-items m2-s3`, above a list some of whose items are shown in French (m: missing, s: stale, i: invalid; 1-based). */
  fallbackItems: 'fallback-items',
  /** `image`, above the paragraph holding a figure's one image (src/render/markdown/image-view.ts). */
  image: 'image',
  /** `caption`, above a figure's caption paragraph, right after its image. */
  caption: 'caption',
  /** `callout TYPE`, above a callout's block quote (its first paragraph is the label or title). */
  callout: 'callout',
} as const;

/** HTML classes set on the document and the page. */
export const CLASS = {
  /** A block shown in French in another language's edition. */
  fallback: 'fallback',
  /** With `fallback`: shown in French because the translation is out of date (not missing). */
  stale: 'stale',
  /** With `fallback`: shown in French because the translation is not valid (src/translate/validate-unit.ts). */
  invalid: 'invalid',
  /** The visible note placed before each fallback block. */
  fallbackNote: 'fallback-note',
  /** A key figure's paragraph: `<p class="figure">`. */
  figure: 'figure',
  /** A key figure's value, shown large: `<strong class="figure-value">`. */
  figureValue: 'figure-value',
  /** A key figure's label: `<span class="figure-label">`. */
  figureLabel: 'figure-label',
  /** One key figure with its fallback note, if any. */
  figureCard: 'figure-card',
  /** The box that holds the figure cards. */
  keyFigures: 'key-figures',
  /** The standfirst's paragraph, under the title: `<p class="standfirst">`. */
  standfirst: 'standfirst',
  /** A `$$` formula's block: `<pre class="math">`. */
  math: 'math',
  /** The wrapper a table scrolls in when it is wider than the column: `<div class="table-scroll">`. */
  tableScroll: 'table-scroll',
  /** A figure: `<figure class="image">` holding the embedded image and its caption. */
  image: 'image',
  /** A figure whose image is not embedded (remote, or refused): a framed box with its alt text and link. */
  imageFrame: 'image-frame',
  /** The alt text shown inside an image frame. */
  imageAlt: 'image-alt',
  /** A callout: `<aside class="callout callout-TYPE">` (the type's class is `callout-` + its type). */
  callout: 'callout',
  /** A callout's first paragraph: its label or title. */
  calloutLabel: 'callout-label',
  /** The list of footnotes in the Notes section: `<ol class="notes">`. */
  notes: 'notes',
  /** A phrase no line may break inside (`8 Mbit/s`, typography/no-break.ts): `<span class="nowrap">`. */
  noWrap: 'nowrap',
} as const;

/** Ids of the sections the content template adds to every briefing (`templates/briefing.md.hbs`). */
export const BRIEFING_SECTION = {
  keyFigures: 'briefing-key-figures',
  sources: 'briefing-sources',
  notes: 'briefing-notes',
} as const;
