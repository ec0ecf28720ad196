/**
 * A key figure in the document: one line of the Markdown edition (`**value** — label`) for the
 * content template, and the same value and label as data for the renderers that lay figures out
 * (HTML cards, the PDF box), so that none of them splits the line back apart.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import type { LocalizedFigure } from '../../core/types.js';
import type { KeyFigureData } from '../../core/node-data.js';
import { applyTypography, type TypographyOptions } from '../../typography/index.js';

/** What separates a figure's value from its label in the Markdown line. */
const FIGURE_SEPARATOR = ' — ';

/** The figure's line as inline content: the value in bold, the separator, the label. */
export function figureLine(figure: LocalizedFigure): PhrasingContent[] {
  return [{ type: 'strong', children: [{ type: 'text', value: figure.value }] }, { type: 'text', value: FIGURE_SEPARATOR }, ...figure.label.children];
}

/**
 * The figure as data, typeset in the language of its label (French when it falls back, as the
 * document's typography does for a fallback block). The whole line is typeset as one text, as in
 * the document, so rules that look across the separator see the same characters; value and label
 * are then taken from the nodes this function built, not from the text.
 */
export function figureData(figure: LocalizedFigure, options: TypographyOptions = {}): KeyFigureData {
  const line: Paragraph = { type: 'paragraph', children: figureLine(figure) };
  const [typeset] = applyTypography({ type: 'root', children: [line] }, figure.label.lang, options).children;
  const [value, , ...label] = typeset?.type === 'paragraph' ? typeset.children : [];
  return { id: figure.id, value: value ? plainText(value) : '', label };
}
