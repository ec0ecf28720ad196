/**
 * The key figures the front matter declares (`figures:`, src/parse/declared-figures.ts) as
 * translation units: each label under `figures.<n>.label` and each free-text value under
 * `figures.<n>.value`, `n` the figure's position in the list from 1 (docs/writing.md, "Key
 * figures"). A typed value is no unit: it is formatted per language at render time. Nothing found
 * in the text becomes a figure here: detection only suggests (`briefing suggest`).
 */
import type { Article, FigureUnit, Segment } from '../core/types.js';
import { inlineToMarkdown } from '../core/markdown.js';

export function figureUnits(article: Article): FigureUnit[] {
  const declared = article.meta.figures;
  if (!declared) return [];
  return declared.map((figure, index) => {
    const id = String(index + 1);
    const unit = (part: 'label' | 'value', text: string, place: Segment['place']): Segment => ({
      key: `figures.${id}.${part}`,
      kind: 'figure',
      // Escaped like a heading's text: a label or value is one line of inline Markdown.
      markdown: inlineToMarkdown([{ type: 'text', value: text }], 2),
      place,
    });
    const value = 'typed' in figure.value ? { typed: figure.value.typed } : { text: unit('value', figure.value.text, figure.value.place) };
    return { id, value, label: unit('label', figure.label, figure.labelPlace) };
  });
}
