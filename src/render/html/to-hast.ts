/**
 * mdast → sanitised HTML fragments: the whole tree is converted once (raw `html` nodes are
 * dropped: `allowDangerousHtml` stays off; key figures are built from their data), split into
 * title / lead / sections, and each part is annotated, sanitised with {@link sanitizeSchema} and
 * serialised on its own.
 */
import type { Root as MdastRoot, RootContent as MdastContent, Paragraph } from 'mdast';
import type { Element, Root, RootContent } from 'hast';
import { toHast } from 'mdast-util-to-hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { sanitizeSchema } from './sanitize-schema.js';
import { isElement, splitOutline } from './outline.js';
import { addFallbackNotes, imagesToLinks, markExternalLinks, type FallbackNotes } from './transforms.js';
import { figureBox, figureHandlers } from './key-figures.js';
import { mathHandlers } from './code.js';
import { focusableCode } from './code-scroll.js';
import { prepareTables, wrapTables } from './table.js';
import { checkboxesToGlyphs } from './task-lists.js';
import { figureElement, groupFigures } from './image.js';
import { groupNotes, noteHandlers } from './notes.js';
import { wrapNoBreakPhrases } from './no-break.js';
import { BRIEFING_SECTION } from '../../core/class-names.js';
import { isKeyFigure } from '../../core/node-data.js';

export interface BodyHtml {
  /** The `<h1>` (and its fallback note, if any), or undefined when the tree has no h1. */
  title: string | undefined;
  /** Lead blocks, '' when there are none. */
  lead: string;
  /** One entry per `h2`: its sanitised id ('' if it has none) and the section's inner HTML. */
  sections: { id: string; html: string }[];
}

/** The tree as hast nodes: no raw HTML, key figures from their data, notes in place (`idPrefix` before their ids). */
function convert(tree: MdastRoot, idPrefix = ''): RootContent[] {
  const converted = toHast(tree, {
    allowDangerousHtml: false,
    handlers: {
      ...figureHandlers,
      ...mathHandlers,
      ...noteHandlers(idPrefix),
      paragraph: (state, node: Paragraph) => figureElement(state, node) ?? figureHandlers.paragraph!(state, node, undefined),
    },
  });
  return converted.type === 'root' ? groupNotes(groupFigures(converted.children)) : [];
}

export function bodyToHtml(tree: MdastRoot, notes: FallbackNotes): BodyHtml {
  const children = convert(tree);
  const outline = splitOutline(children);
  const title = outline.title ? fragment([outline.title], notes) : undefined;
  const lead = fragment(outline.lead, notes);
  const sections = outline.sections.map((part) => {
    const root = clean(part, notes);
    const heading = root.children.find((node): node is Element => isElement(node, 'h2'));
    const id = heading?.properties.id;
    if (id === BRIEFING_SECTION.keyFigures) root.children = figureBox(root.children);
    return { id: typeof id === 'string' ? id : '', html: toHtml(root) };
  });
  return { title: title || undefined, lead, sections };
}

function fragment(nodes: RootContent[], notes: FallbackNotes): string {
  return toHtml(clean(nodes, notes));
}

function clean(nodes: RootContent[], notes: FallbackNotes): Root {
  const root: Root = { type: 'root', children: addFallbackNotes(trim(nodes), notes) };
  imagesToLinks(root);
  prepareTables(root);
  checkboxesToGlyphs(root);
  const safe = sanitize(root, sanitizeSchema);
  const out: Root = safe.type === 'root' ? safe : { type: 'root', children: [] };
  markExternalLinks(out);
  wrapNoBreakPhrases(out);
  wrapTables(out);
  focusableCode(out);
  return out;
}

/** Drops the whitespace-only text nodes at both ends of a part. */
function trim(nodes: RootContent[]): RootContent[] {
  let start = 0;
  let end = nodes.length;
  while (start < end && isBlank(nodes[start])) start++;
  while (end > start && isBlank(nodes[end - 1])) end--;
  return nodes.slice(start, end);
}

function isBlank(node: RootContent | undefined): boolean {
  return node?.type === 'text' && node.value.trim() === '';
}

/**
 * Some top-level blocks on their own, sanitised like the rest (bilingual columns). Heading ids
 * are dropped: both columns hold the same section, so the pair carries the id instead. Note ids
 * get `idPrefix` (the column's language and `-`), so both columns' notes link within their column.
 */
export function blocksToHtml(nodes: MdastContent[], notes: FallbackNotes, idPrefix = ''): string {
  const root = clean(convert({ type: 'root', children: nodes }, idPrefix), notes);
  for (const node of root.children) if (isElement(node) && /^h[1-6]$/.test(node.tagName)) delete node.properties.id;
  if (nodes.some(isKeyFigure)) root.children = figureBox(root.children);
  return toHtml(root);
}
