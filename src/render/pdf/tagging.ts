/**
 * Tagged-PDF helpers. Content drawn through `tagBlock` is wrapped in a structure element
 * (P, H1, LI…) whose drawing closure pdfkit runs as soon as the element is attached to the
 * tree; decorations and page furniture are marked as artifacts so assistive technology
 * skips them. With `parent === null` (untagged rendering) everything is drawn plainly.
 */
import type { LayoutContext } from './context.js';

export type StructParent = PDFKit.PDFStructureElement | null;

interface StructOptions {
  lang?: string;
  alt?: string;
  /** On a table header cell (TH): the cells it heads (pdfkit writes the Table attribute `Scope`). */
  scope?: 'Column';
}

/**
 * Draws one leaf block inside a new structure element of `type` under `parent`.
 * The closure must not add pages itself (pdfkit's own line wrapping may: it carries the open
 * marked content over to the new page).
 */
export function tagBlock(ctx: LayoutContext, parent: StructParent, type: string, draw: () => void, options: StructOptions = {}): void {
  if (!parent) {
    draw();
    return;
  }
  parent.add(ctx.doc.struct(type, options, draw));
}

/** A structure element for a container (L, LI, BlockQuote…), attached to `parent`. */
export function tagGroup(ctx: LayoutContext, parent: StructParent, type: string, options: StructOptions = {}): StructParent {
  if (!parent) return null;
  const element = ctx.doc.struct(type, options);
  parent.add(element);
  return element;
}

/** Closes a container element once all its children are drawn. */
export function endGroup(element: StructParent): void {
  element?.end();
}

/** Draws decorations (rules, bars, running headers, page numbers) as marked artifacts. */
export function artifact(ctx: LayoutContext, type: 'Layout' | 'Pagination', draw: () => void): void {
  if (!ctx.tagged) {
    draw();
    return;
  }
  ctx.doc.markContent('Artifact', { type });
  try {
    draw();
  } finally {
    ctx.doc.endMarkedContent();
  }
}
