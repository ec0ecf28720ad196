/**
 * Container blocks: lists (bullets or numbers, nested, task boxes) and block quotes
 * (indented, with a rule on the left that follows the quote across pages).
 */
import type { Blockquote, List, RootContent } from 'mdast';
import {
  bodyLineHeight,
  columnWidth,
  columnX,
  ensureSpace,
  KEPT_WHOLE_LINES,
  openingHeight,
  space,
  useFont,
  withLeftBar,
  type Column,
  type LayoutContext,
} from './layout.js';
import { endGroup, tagBlock, tagGroup, type StructParent } from './tagging.js';
import { collectRuns, measureRuns, writeText } from './inline.js';

/**
 * Sets the blocks inside a container: blocks.ts's `renderBlocks`, passed in because a list item or
 * a quote holds blocks of any kind (so the two modules would otherwise import each other).
 */
export type BlockRenderer = (ctx: LayoutContext, blocks: readonly RootContent[], parent: StructParent, col: Column, gap?: number) => void;

const BULLETS = ['•', '–', '◦'];
const MARKER_GAP = 6;

function markerText(list: List, index: number, checked: boolean | null | undefined, level: number): string {
  if (checked === true) return '☑';
  if (checked === false) return '☐';
  if (list.ordered) return `${(list.start ?? 1) + index}.`;
  return BULLETS[level % BULLETS.length] ?? '•';
}

export function renderList(ctx: LayoutContext, list: List, parent: StructParent, col: Column, renderBlocks: BlockRenderer): void {
  const { doc, theme } = ctx;
  const level = col.listLevel ?? 0;
  const group = tagGroup(ctx, parent, 'L');
  // Room for the widest marker, but at least the theme's indent step.
  useFont(ctx, 'body', theme.sizes.body);
  const widest = list.ordered ? doc.widthOfString(`${(list.start ?? 1) + list.children.length - 1}.`) : 0;
  const step = Math.max(theme.spacing.listIndent, Math.ceil(widest + MARKER_GAP));
  const itemCol: Column = { ...col, indent: col.indent + step, listLevel: level + 1 };
  const itemGap = list.spread ? theme.spacing.paragraph : theme.spacing.listItem;

  list.children.forEach((item, i) => {
    if (i > 0) space(ctx, itemGap);
    // The marker goes where its first lines go: never alone at the foot of a page or column.
    ensureSpace(ctx, blockOpening(ctx, item.children[0], itemCol));
    const li = tagGroup(ctx, group, 'LI');
    const y = doc.y;
    const marker = markerText(list, i, item.checked, level);
    tagBlock(ctx, li, 'Lbl', () => {
      useFont(ctx, 'body', theme.sizes.body);
      // Through the fallback fonts: the serif lacks the task boxes ☐ ☑ (DejaVu Sans has them).
      doc.fillColor(theme.colors.accent);
      writeText(ctx, 'body', marker, columnX(ctx, col), y, {
        width: step - MARKER_GAP,
        align: list.ordered ? 'right' : 'left',
        lineBreak: false,
        // A footnote's number is where its calls link to (./notes.ts).
        ...(list.data?.noteDestination ? { destination: `${ctx.lang}-${list.data.noteDestination}` } : {}),
      });
    });
    doc.y = y;
    const body = tagGroup(ctx, li, 'LBody');
    const spread = list.spread || item.spread === true;
    renderBlocks(ctx, item.children, body, itemCol, spread ? theme.spacing.paragraph : theme.spacing.listItem);
    endGroup(body);
    endGroup(li);
  });
  endGroup(group);
  doc.x = ctx.left;
}

/**
 * Room a block asks for before it starts (a paragraph: whole when three lines or fewer, else two
 * lines, as blocks.ts sets it; anything else two lines), so that what is drawn above it first, a
 * list marker or a callout's label, moves to the next page with it.
 */
export function blockOpening(ctx: LayoutContext, first: RootContent | undefined, col: Column): number {
  if (first?.type !== 'paragraph' || first.data?.image) return 2 * bodyLineHeight(ctx);
  const runs = collectRuns(first.children, { italic: col.italic === true });
  if (runs.length === 0) return bodyLineHeight(ctx);
  const { theme } = ctx;
  const layout = { x: columnX(ctx, col), y: 0, width: columnWidth(ctx, col), size: theme.sizes.body, color: '' };
  return openingHeight(ctx, measureRuns(ctx, runs, layout, KEPT_WHOLE_LINES));
}

export function renderQuote(ctx: LayoutContext, quote: Blockquote, parent: StructParent, col: Column, renderBlocks: BlockRenderer): void {
  const { doc, theme } = ctx;
  const group = tagGroup(ctx, parent, 'BlockQuote');
  const inner: Column = {
    ...col,
    indent: col.indent + theme.spacing.quoteIndent,
    color: theme.colors.quoteText,
    italic: true,
  };
  ensureSpace(ctx, 2 * bodyLineHeight(ctx));
  const bar = { x: columnX(ctx, col) + 1, width: theme.rules.quote, color: theme.colors.quoteRule, trim: ctx.bodyLineGap };
  withLeftBar(ctx, bar, () => renderBlocks(ctx, quote.children, group, inner));
  endGroup(group);
  doc.x = ctx.left;
}
