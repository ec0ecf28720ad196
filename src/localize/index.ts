/** Localize stage: Article + the language's i18next instance → Briefing (format-free). */
import type { i18n } from 'i18next';
import type { Article, Briefing, Lang, LocalizedBlock, LocalizedInline, Segment, UnitState } from '../core/types.js';
import { SOURCE_LANG } from '../core/types.js';
import { COMMON_NS } from '../i18n/instance.js';
import { blockUnit, inlineUnit, verbatimUnit } from './units.js';
import { localizeTable } from './table.js';
import { imageBlock } from './image.js';
import { localizeCallout } from './callout.js';
import { noteBlocks, restoreNoteCalls } from './notes.js';
import { localizeFigure } from './figure.js';
import type { KeyStatus } from '../translate/types.js';

/**
 * Builds the `lang` edition of `article`. French comes from the article itself (always current);
 * other languages from the `<slug>` namespace of `i18n`; a unit whose status is `stale` is shown
 * in French like a missing one (never published as if it were current), and so is a unit in
 * `invalid` (its translation failed the validation of src/translate/validate-unit.ts). Article strings are read raw with
 * `getResource`: they are data, so i18next interpolation and `$t()` nesting never run on them.
 * Every string, French or translated, is parsed as its unit's kind (./units.ts): none can add a
 * title, a section or any other block to the document.
 */
export function localize(
  article: Article,
  lang: Lang,
  i18n: i18n,
  statuses?: ReadonlyMap<string, KeyStatus>,
  invalid: ReadonlySet<string> = new Set(),
): Briefing {
  const fallbacks: string[] = [];
  // Calls to the article's notes (`[^label]`), turned back into calls in every unit.
  const labels = new Set(article.notes.map((note) => note.key.slice('notes.'.length)));
  const pick = (segment: Segment): { markdown: string; state: UnitState; lang: Lang } => {
    if (lang === SOURCE_LANG) return { markdown: segment.markdown, state: 'source', lang };
    const value: unknown = i18n.getResource(lang, article.slug, segment.key);
    const status = statuses?.get(segment.key);
    const present = typeof value === 'string' && value.trim() !== '';
    if (present && status !== 'stale' && !invalid.has(segment.key)) return { markdown: value, state: 'translated', lang };
    fallbacks.push(segment.key);
    return { markdown: segment.markdown, state: status === 'stale' ? 'stale' : present ? 'invalid' : 'missing', lang: SOURCE_LANG };
  };
  const inline = (segment: Segment): LocalizedInline => {
    const { markdown, ...rest } = pick(segment);
    return { key: segment.key, children: restoreNoteCalls(inlineUnit(markdown), labels), ...rest };
  };
  const fixedT = i18n.getFixedT(lang, COMMON_NS);
  const block = (segment: Segment): LocalizedBlock => {
    // Code and formulas are the same in every language: never looked up, never a fallback.
    if (segment.verbatim) return { key: segment.key, nodes: verbatimUnit(segment.markdown), state: 'source', lang };
    if (segment.kind === 'table') return localizeTable(segment, lang, pick);
    if (segment.kind === 'image') return imageBlock(segment, lang, inline);
    if (segment.kind === 'callout') return localizeCallout(segment, lang, { block, inline, label: (type) => String(fixedT(`callout.${type}`)) });
    const { markdown, ...rest } = pick(segment);
    const kind = segment.kind === 'list' || segment.kind === 'blockquote' ? segment.kind : 'paragraph';
    const nodes = segment.kind === 'note' ? noteBlocks(markdown) : blockUnit(markdown, kind);
    return { key: segment.key, nodes: restoreNoteCalls(nodes, labels), ...rest };
  };
  return {
    slug: article.slug,
    lang,
    meta: article.meta,
    title: inline(article.title),
    ...(article.standfirst ? { standfirst: block(article.standfirst) } : {}),
    lead: article.lead.map(block),
    figures: article.figures.map((figure) => localizeFigure(figure, inline)),
    sections: article.sections.map(({ id, level, parent, heading, blocks }) => ({
      id,
      level,
      ...(parent ? { parent } : {}),
      heading: inline(heading),
      blocks: blocks.map(block),
    })),
    notes: article.notes.map(block),
    t: (key, vars) => String(fixedT(key, vars ?? {})),
    sources: article.sources.map(({ title, ...rest }) => ({ ...rest, ...(title ? { title: inline(title) } : {}) })),
    fallbacks,
  };
}
