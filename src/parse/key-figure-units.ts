/**
 * The article's key figures as translation units: each figure found in the French text gets a
 * short French label under `figures.<id>`, extracted, checked and translated like every other
 * string. The value itself is not translated: it is formatted per language at render time.
 */
import type { Article, FigureUnit } from '../core/types.js';
import { inlineToMarkdown } from '../core/markdown.js';
import { figureLabel, keyFigures } from '../facts/key-figures.js';
import { segmentsInReadingOrder } from '../facts/text.js';

export function figureUnits(article: Article): FigureUnit[] {
  const places = new Map(segmentsInReadingOrder(article).map((s) => [s.key, s.place]));
  return keyFigures(article).map((figure) => ({
    figure,
    label: {
      key: `figures.${figure.id}`,
      kind: 'figure',
      // Escaped like a heading's text: the label is one line of inline Markdown.
      markdown: inlineToMarkdown([{ type: 'text', value: figureLabel(figure) }], 2),
      // Where the figure was found: what a translator wants to read for context.
      place: places.get(figure.key) ?? article.title.place,
    },
  }));
}
