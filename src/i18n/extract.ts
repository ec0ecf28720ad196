/** Article → the French locale file's text: every translation unit in document order. */
import { unitsOf, type Article, type Segment } from '../core/types.js';

/**
 * All translation units of an article: the text in reading order, its notes, then the furniture (the declared
 * key figures' values and labels, the declared sources' titles), which translators meet after the article they label.
 */
export function segmentsOf(article: Article): Segment[] {
  const standfirst = article.standfirst ? [article.standfirst] : [];
  return unitsOf([
    article.title,
    ...standfirst,
    ...article.lead,
    ...article.sections.flatMap((s) => [s.heading, ...s.blocks]),
    ...article.notes,
    // A figure's free-text value, then its label: as the box shows them.
    ...article.figures.flatMap((f) => ('text' in f.value ? [f.value.text, f.label] : [f.label])),
    ...article.sources.flatMap((source) => (source.title ? [source.title] : [])),
  ]);
}

/** The text of `locales/fr/<slug>.json` for `article` (keys nested on ".", order kept). */
export function extractSourceLocale(article: Article): string {
  return nestedJson(segmentsOf(article).map((s) => [s.key, s.markdown]));
}

/**
 * Serialises dotted keys as nested JSON in the order given. `JSON.stringify` would move
 * integer-like keys ("1", "2") before "heading"; translators should read a section top-down.
 */
export function nestedJson(entries: readonly (readonly [string, string])[]): string {
  interface Tree {
    order: string[];
    values: Map<string, string | Tree>;
  }
  const root: Tree = { order: [], values: new Map() };
  for (const [key, value] of entries) {
    const parts = key.split('.');
    let node = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      let next = node.values.get(part);
      if (next === undefined) {
        next = last ? value : { order: [], values: new Map() };
        node.values.set(part, next);
        node.order.push(part);
      }
      if (!last) {
        if (typeof next === 'string') throw new TypeError(`Key "${key}" nests under a string value`);
        node = next;
      }
    });
  }
  const write = (tree: Tree, indent: string): string => {
    const inner = `${indent}  `;
    const lines = tree.order.map((name) => {
      const value = tree.values.get(name)!;
      return `${inner}${JSON.stringify(name)}: ${typeof value === 'string' ? JSON.stringify(value) : write(value, inner)}`;
    });
    return lines.length ? `{\n${lines.join(',\n')}\n${indent}}` : '{}';
  };
  return `${write(root, '')}\n`;
}
