/**
 * PDF bookmarks nested like the headings: a subsection's bookmark goes under its section's, a
 * sub-subsection's under its subsection's. pdfkit's outline items nest by `addItem` on an item,
 * so the items still open are kept, one per heading depth at most.
 */

/** A bookmark whose later headings of greater depth go under it. */
export interface OpenBookmark {
  depth: number;
  item: PDFKit.PDFOutline;
}

/**
 * Adds a bookmark for a heading of `depth` under the nearest open bookmark of smaller depth, or
 * under `root` when there is none, and records it in `open` (changed in place).
 */
export function addNestedBookmark(
  open: OpenBookmark[],
  root: PDFKit.PDFOutline,
  depth: number,
  text: string,
  options: { expanded: boolean },
): PDFKit.PDFOutline {
  while ((open.at(-1)?.depth ?? 0) >= depth) open.pop();
  const item = (open.at(-1)?.item ?? root).addItem(text, options);
  open.push({ depth, item });
  return item;
}
