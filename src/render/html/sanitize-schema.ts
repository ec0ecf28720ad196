/**
 * The HTML sanitiser policy, as data: GitHub's default schema (hast-util-sanitize), extended only
 * where the briefing layout needs it.
 *
 * - Section headings keep their `id` unprefixed, so `#id` links from the table of contents and
 *   `aria-labelledby` on sections work. Ids are allowed on `h2`–`h4` only, and only as ASCII slugs;
 *   `id` is therefore taken out of the global attribute list and out of `clobber`. The other
 *   clobbering attributes (`name`, `aria-describedby`, `aria-labelledby`) keep the
 *   `user-content-` prefix.
 * - Blocks shown in French in a non-French edition keep `lang` (already allowed everywhere by
 *   the default schema) and the class `fallback`; the note placed before them is a
 *   `p.fallback-note`. A key figure is a `p.figure` holding a `strong.figure-value` and a
 *   `span.figure-label` (grouped into a box after sanitising). Class names: core/class-names.ts.
 * - A `$$` formula is a `pre.math` (its `code.language-math`, like any code's `language-*`
 *   class, is allowed by the default schema).
 * - Table cells may carry their column's alignment as a class (`align-right`, ./table.ts) and
 *   `fallback`; header cells `scope="col"`.
 * - Footnotes (./notes.ts): a call's `a` keeps an `id` of the form `note-call_x`, a note's `li`
 *   an `id` `note_x` (optionally `fr-`/`en-` first), its `value`, and `fallback` classes; the list
 *   is an `ol.notes`. The default schema already allows `data-footnote-ref`/`-backref` on links.
 * - Everything else is the default: no `style`, no event handlers, no `script`, URLs limited to
 *   http(s)/mailto/… so `javascript:` hrefs are dropped.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { CLASS } from '../../core/class-names.js';
import { ALIGN_CLASSES } from './table.js';
import type { CalloutType } from '../../core/node-data.js';

const CALLOUT_TYPES: readonly CalloutType[] = ['note', 'tip', 'warning', 'important'];
import { NOTE_CALL_ID, NOTE_ID } from './notes.js';
/** What a section id may look like: an ASCII slug (letters, digits, `_`, `-`). */
const SECTION_ID = /^[A-Za-z0-9_-]+$/;

type AttributeList = NonNullable<Schema['attributes']>[string];

const defaults = defaultSchema.attributes ?? {};

/** The default attributes of `tagName`, minus its `className` rule, plus a merged one. */
function withClasses(tagName: string, ...classes: string[]): AttributeList {
  const own = (defaults[tagName] ?? []).filter((definition) => !(Array.isArray(definition) && definition[0] === 'className'));
  const previous = (defaults[tagName] ?? []).find((definition) => Array.isArray(definition) && definition[0] === 'className');
  const allowed = Array.isArray(previous) ? previous.slice(1) : [];
  return [...own, ['className', ...allowed, ...classes]];
}

const fallbackBlocks = ['p', 'ul', 'ol', 'blockquote', 'pre', 'table', 'h1', 'h5', 'h6'];
/** Headings of sections (`h2`) and subsections (`h3`, `h4`): the ones that carry a section id. */
const SECTION_HEADINGS = ['h2', 'h3', 'h4'];

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // Figures (./image.ts): `figure.image`, `figcaption`, and `data:` on an `img` src — the only
  // `img` left is a figure's embedded PNG or JPEG; every other image is a link by then.
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'aside'],
  protocols: { ...defaultSchema.protocols, src: [...(defaultSchema.protocols?.src ?? []), 'data'] },
  attributes: {
    ...defaults,
    '*': (defaults['*'] ?? []).filter((definition) => definition !== 'id'),
    ...Object.fromEntries(fallbackBlocks.map((tag) => [tag, withClasses(tag, CLASS.fallback, CLASS.stale, CLASS.invalid)])),
    p: withClasses('p', CLASS.fallback, CLASS.stale, CLASS.invalid, CLASS.fallbackNote, CLASS.figure, CLASS.standfirst, CLASS.imageAlt, CLASS.calloutLabel),
    // Callouts: `aside.callout.callout-TYPE` with role="note" (render/markdown/callout.ts).
    aside: [
      ['className', CLASS.callout, ...CALLOUT_TYPES.map((type) => `${CLASS.callout}-${type}`), CLASS.fallback, CLASS.stale, CLASS.invalid],
      ['role', 'note'],
      'lang',
    ],
    strong: withClasses('strong', CLASS.figureValue),
    pre: withClasses('pre', CLASS.fallback, CLASS.stale, CLASS.invalid, CLASS.math),
    figure: withClasses('figure', CLASS.image, CLASS.imageFrame, CLASS.fallback, CLASS.stale, CLASS.invalid),
    figcaption: withClasses('figcaption', CLASS.fallback, CLASS.stale, CLASS.invalid),
    span: withClasses('span', CLASS.figureLabel),
    // Table cells: their column's alignment, French in another edition; header cells head their column.
    td: withClasses('td', ...ALIGN_CLASSES, CLASS.fallback),
    th: [...withClasses('th', ...ALIGN_CLASSES, CLASS.fallback), ['scope', 'col']],
    a: [...(defaults.a ?? []), ['id', NOTE_CALL_ID]],
    li: [...withClasses('li', CLASS.fallback, CLASS.stale, CLASS.invalid), ['id', NOTE_ID]],
    ol: withClasses('ol', CLASS.fallback, CLASS.stale, CLASS.invalid, CLASS.notes),
    ...Object.fromEntries(SECTION_HEADINGS.map((tag) => [tag, [...withClasses(tag, CLASS.fallback, CLASS.stale, CLASS.invalid), ['id', SECTION_ID]]])),
  },
  clobber: (defaultSchema.clobber ?? []).filter((name) => name !== 'id'),
};
