/**
 * A callout (a block quote marked `data.callout`, see render/markdown/callout.ts): a lightly tinted
 * box with a rule on the left in the type's colour (theme `colors.callout*`), its label or title
 * (the first paragraph) in that colour, then its blocks. The box follows the content across pages
 * (layout.ts `withLeftBar`). Tagged as a `Div` holding the label's `P` and the blocks.
 */
import type { Blockquote } from 'mdast';
import type { CalloutType } from '../../core/node-data.js';
import type { PdfTheme } from './theme.js';
import { blockOpening, type BlockRenderer } from './containers.js';
import { bodyLineHeight, columnWidth, columnX, ensureSpace, space, withLeftBar, type Column, type LayoutContext } from './layout.js';
import { endGroup, tagGroup, type StructParent } from './tagging.js';

/** Opacity of the tint laid over the box (drawn after its text, so light enough to leave the text as dark as before). */
const TINT_OPACITY = 0.08;
/** Width of the left rule, in points. */
const RULE_WIDTH = 3;
/** Padding inside the box, in points. */
const PADDING = 6;

function calloutColor(theme: PdfTheme, type: CalloutType): string {
  const colors = {
    note: theme.colors.calloutNote,
    tip: theme.colors.calloutTip,
    warning: theme.colors.calloutWarning,
    important: theme.colors.calloutImportant,
  };
  return colors[type];
}

export function renderCallout(ctx: LayoutContext, node: Blockquote, parent: StructParent, col: Column, renderBlocks: BlockRenderer): void {
  const { doc, theme } = ctx;
  const color = calloutColor(theme, node.data?.callout ?? 'note');
  const group = tagGroup(ctx, parent, 'Div');
  const inner: Column = { ...col, indent: col.indent + theme.spacing.quoteIndent };
  const [label, ...blocks] = node.children;
  // The label with the first lines after it: never a label alone at the foot of a page or column.
  const opening = label ? blockOpening(ctx, label, inner) + (blocks.length > 0 ? theme.spacing.listItem + blockOpening(ctx, blocks[0], inner) : 0) : 0;
  ensureSpace(ctx, Math.max(3 * bodyLineHeight(ctx), PADDING + opening));
  const x = columnX(ctx, col);
  const tint = { x, width: columnWidth(ctx, col), color, opacity: TINT_OPACITY };
  const rule = { x, width: RULE_WIDTH, color };
  withLeftBar(ctx, tint, () =>
    withLeftBar(ctx, rule, () => {
      // Inside the box: kept at the top of a page too, where space() would collapse it.
      doc.y += PADDING;
      if (label) renderBlocks(ctx, [label], group, { ...inner, color });
      if (blocks.length > 0) {
        space(ctx, theme.spacing.listItem);
        renderBlocks(ctx, blocks, group, inner);
      }
      space(ctx, PADDING);
    }),
  );
  endGroup(group);
  doc.x = ctx.left;
}
