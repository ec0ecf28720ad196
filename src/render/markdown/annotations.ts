/**
 * Marks left in the content template's output as HTML comments, turned into `node.data` (declared
 * in core/node-data.ts) on the block that follows and then removed:
 * - `<!-- briefing:section ID -->` → `data.id`, `data.hProperties.id` on the heading;
 * - `<!-- briefing:fallback REASON -->` → `data.fallback = 'fr'`, `data.fallbackReason` (`missing`,
 *   `stale` or `invalid`), `lang="fr" class="fallback"` (plus `stale` or `invalid`);
 * - `<!-- briefing:figure ID -->` → `data.figure` (the figure's value and label as data) and
 *   `class="figure"` on a key figure's paragraph. A mark without an id (templates written before
 *   figures had one) stands for the figure after the previous one.
 * - `<!-- briefing:standfirst -->` → `data.standfirst` and `class="standfirst"` on the paragraph.
 * - `<!-- briefing:fallback-cells r1c2-r3c1 -->` → the cells named (row, column, 1-based) of the
 *   table that follows get `data.fallback` and `lang="fr" class="fallback"` (./table-cells.ts).
 * - `<!-- briefing:fallback-items m2-s3 -->` → the items named (1-based; `m` missing, `s` stale, `i` invalid) of
 *   the list that follows, and their first paragraph (what the PDF lays out), are French fallbacks.
 * - `<!-- briefing:image -->` → `data.image` on the paragraph holding a figure's image, and
 *   `<!-- briefing:caption -->` → `data.caption` on its caption paragraph (render/markdown/image-view.ts).
 * - `<!-- briefing:callout TYPE -->` → `data.callout` on a block quote, shown as an `aside` (./callout.ts).
 *
 * Only the template can leave a mark: raw HTML in articles is left out and in translations
 * becomes text before the template runs, so neither can forge one.
 */
import type { Data, Root, RootContent } from 'mdast';
import { ANNOTATION, CLASS } from '../../core/class-names.js';
import type { FallbackReason, KeyFigureData } from '../../core/node-data.js';
import { markFallbackCells } from './table-cells.js';
import { isCalloutType, markCallout } from './callout.js';

const MARK = new RegExp(`^<!--\\s*briefing:(${Object.values(ANNOTATION).join('|')})(?:\\s+([a-z0-9-]+))?\\s*-->$`);

/** The mark `<!-- briefing:KIND ARG -->`, as the content view writes it. */
export function annotationMark(kind: (typeof ANNOTATION)[keyof typeof ANNOTATION], arg?: string): string {
  return `<!-- briefing:${kind}${arg ? ` ${arg}` : ''} -->`;
}

interface Mark {
  kind: string;
  arg?: string;
}

/**
 * Applies and removes the marks. `headingFallbacks`: section headings shown in French, by section
 * id; `figures`: the edition's key figures as data, in reading order.
 */
export function applyAnnotations(tree: Root, headingFallbacks: ReadonlyMap<string, FallbackReason>, figures: readonly KeyFigureData[] = []): Root {
  let nextFigure = 0;
  const figureFor = (id: string | undefined): KeyFigureData | undefined => {
    const index = id === undefined ? nextFigure : figures.findIndex((figure) => figure.id === id);
    if (index < 0 || index >= figures.length) return undefined;
    nextFigure = index + 1;
    return figures[index];
  };
  const children: RootContent[] = [];
  let pending: Mark[] = [];
  for (const node of tree.children) {
    const match = node.type === 'html' ? MARK.exec(node.value.trim()) : null;
    if (match) {
      pending.push({ kind: match[1] ?? '', ...(match[2] ? { arg: match[2] } : {}) });
      continue;
    }
    for (const mark of pending) annotate(node, mark, headingFallbacks, figureFor);
    pending = [];
    children.push(node);
  }
  return { ...tree, children };
}

/** The node's data, created empty the first time a mark sets something on it. */
function dataOf(node: RootContent): Data {
  if (!node.data) node.data = {};
  return node.data;
}

function annotate(
  node: RootContent,
  mark: Mark,
  headingFallbacks: ReadonlyMap<string, FallbackReason>,
  figureFor: (id: string | undefined) => KeyFigureData | undefined,
): void {
  if (mark.kind === ANNOTATION.section && mark.arg) {
    const data = dataOf(node);
    data.id = mark.arg;
    data.hProperties = { ...data.hProperties, id: mark.arg };
    const reason = headingFallbacks.get(mark.arg);
    if (reason) markFallback(data, reason);
  } else if (mark.kind === ANNOTATION.fallback) {
    markFallback(dataOf(node), mark.arg === 'stale' || mark.arg === 'invalid' ? mark.arg : 'missing');
  } else if (mark.kind === ANNOTATION.figure && node.type === 'paragraph') {
    // A mark that names no known figure leaves an ordinary paragraph.
    const figure = figureFor(mark.arg);
    if (!figure) return;
    const data = dataOf(node);
    data.figure = figure;
    addClass(data, CLASS.figure);
  } else if (mark.kind === ANNOTATION.fallbackCells && node.type === 'table' && mark.arg) {
    markFallbackCells(node, mark.arg, (data) => markFallback(data, 'missing'));
  } else if (mark.kind === ANNOTATION.fallbackItems && node.type === 'list' && mark.arg) {
    for (const id of mark.arg.split('-')) {
      const item = node.children[Number(id.slice(1)) - 1];
      if (!item || !/^[msi]\d{1,6}$/.test(id)) continue;
      const reason = id.startsWith('s') ? 'stale' : id.startsWith('i') ? 'invalid' : 'missing';
      item.data ??= {};
      markFallback(item.data, reason);
      const first = item.children[0];
      if (first?.type === 'paragraph') markFallback(dataOf(first), reason);
    }
  } else if (mark.kind === ANNOTATION.image && node.type === 'paragraph') {
    dataOf(node).image = true;
  } else if (mark.kind === ANNOTATION.caption && node.type === 'paragraph') {
    dataOf(node).caption = true;
  } else if (mark.kind === ANNOTATION.callout && node.type === 'blockquote' && isCalloutType(mark.arg)) {
    markCallout(node, mark.arg);
  } else if (mark.kind === ANNOTATION.standfirst && node.type === 'paragraph') {
    const data = dataOf(node);
    data.standfirst = true;
    addClass(data, CLASS.standfirst);
  }
}

function addClass(data: Data, name: string): void {
  const current = data.hProperties?.className;
  const list = Array.isArray(current) ? current.map(String) : [];
  data.hProperties = { ...data.hProperties, className: [...list, name] };
}

function markFallback(data: Data, reason: FallbackReason): void {
  data.fallback = 'fr';
  data.fallbackReason = reason;
  data.hProperties = { ...data.hProperties, lang: 'fr' };
  addClass(data, CLASS.fallback);
  if (reason === 'stale') addClass(data, CLASS.stale);
  if (reason === 'invalid') addClass(data, CLASS.invalid);
}
