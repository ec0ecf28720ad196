/**
 * A declared key figure in one language: its label and, for free text, its value are translation
 * units; a typed value is written for the language the figure is shown in. Label and value read
 * as one phrase, so when either is shown in French (missing or stale) both are: the figure then
 * falls back as a whole, marked like any French block.
 */
import { toString as plainText } from 'mdast-util-to-string';
import type { FigureUnit, LocalizedFigure, LocalizedInline, Segment } from '../core/types.js';
import { SOURCE_LANG } from '../core/types.js';
import { inlineUnit } from './units.js';
import { formatTypedFigure } from './figure-value.js';

export function localizeFigure(figure: FigureUnit, inline: (segment: Segment) => LocalizedInline): LocalizedFigure {
  let label = inline(figure.label);
  let text = 'text' in figure.value ? inline(figure.value.text) : undefined;
  const french = text && text.lang === SOURCE_LANG && label.lang !== SOURCE_LANG ? text : undefined;
  if (french) {
    // The value fell back but the label did not: the label is shown in French too, with the value's state.
    label = { key: label.key, children: inlineUnit(figure.label.markdown), state: french.state, lang: SOURCE_LANG };
  } else if (text && label.lang === SOURCE_LANG && text.lang !== SOURCE_LANG && 'text' in figure.value) {
    text = { key: text.key, children: inlineUnit(figure.value.text.markdown), state: label.state, lang: SOURCE_LANG };
  }
  const value = 'typed' in figure.value ? formatTypedFigure(figure.value.typed, label.lang) : plainText({ type: 'paragraph', children: text?.children ?? [] });
  return { id: figure.id, value, label };
}
