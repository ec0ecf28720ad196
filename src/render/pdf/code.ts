/**
 * Code blocks and `$$` formulas: their source as written, in the theme's monospace font (DejaVu
 * Sans Mono) on a tinted box. Lines longer than the box wrap after a space or a path/punctuation
 * character (`lint("mesfonctions_pour_` / `faire_ceci.R")`), mid-token only when a token is longer
 * than the line, and their continuation hangs two columns right of the line's own indentation. The box breaks
 * across pages: each page's part is one `Code` element in a `Div`.
 */
import type { LayoutContext, Column } from './layout.js';
import { columnWidth, columnX, pageBottom, useFont } from './layout.js';
import { artifact, endGroup, tagBlock, tagGroup, type StructParent } from './tagging.js';
import { writeText } from './inline.js';

/** Line height of code as a multiple of its size (tighter than prose: lines are short and many). */
const CODE_LINE_HEIGHT = 1.3;
/** Spaces a tab stands for: pdfkit has no tab stops, and code is aligned in columns. */
const TAB_WIDTH = 4;
/** Fewest lines of a box put at the foot of a page: fewer start on the next page. */
const MIN_LINES_AT_FOOT = 2;

/** One line as drawn: its text and how many characters in from the box's left edge it starts. */
interface VisualLine {
  text: string;
  indent: number;
}

/** Tabs expanded to the next multiple of TAB_WIDTH columns. */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const char of line) out += char === '\t' ? ' '.repeat(TAB_WIDTH - (out.length % TAB_WIDTH)) : char;
  return out;
}

/** Columns a continuation starts right of its line's indentation: it must not pass for a line of its own. */
const CONTINUATION_INDENT = 2;
/** Characters a code line may wrap after: where a reader sees a token end (paths, names, calls, lists). */
const BREAK_AFTER: ReadonlySet<string> = new Set([' ', '/', '_', '.', '-', ',', ';', '(', ')', '=']);
const SPACE: ReadonlySet<string> = new Set([' ']);

/**
 * Where the segment of `chars` starting at `from` ends on a line of `width` characters: after
 * the last space in the line's second half (between tokens reads best), else after the last
 * break character that fits, else at `width` (the token runs over the whole line). A break never
 * leaves a segment of spaces only (`skip`: the line's indentation) nor starts the next one with a
 * space: a run of spaces stays at the end of the line it ends.
 */
function segmentEnd(chars: readonly string[], from: number, width: number, skip: number): number {
  const limit = from + width;
  if (limit >= chars.length) return chars.length;
  const first = Math.max(from, skip) + 1;
  const breaksAt = (end: number, set: ReadonlySet<string>) => set.has(chars[end - 1]!) && chars[end] !== ' ';
  for (let end = limit; end >= Math.max(first, limit - Math.floor(width / 2)); end--) if (breaksAt(end, SPACE)) return end;
  for (let end = limit; end >= first; end--) if (breaksAt(end, BREAK_AFTER)) return end;
  return limit;
}

/**
 * The lines of `source` wrapped to `perLine` characters, every character kept in order (a space
 * at a wrap ends its line). A continuation hangs two columns right of its line's indentation
 * (unless that takes half the width or more: then it starts at the edge).
 */
export function wrapCode(source: string, perLine: number): VisualLine[] {
  const out: VisualLine[] = [];
  for (const raw of source.split('\n')) {
    const chars = Array.from(expandTabs(raw));
    let indent = 0;
    while (indent < chars.length && chars[indent] === ' ') indent++;
    const hanging = (indent + CONTINUATION_INDENT) * 2 < perLine ? indent + CONTINUATION_INDENT : 0;
    let start = 0;
    do {
      const lineIndent = start === 0 ? 0 : hanging;
      const end = segmentEnd(chars, start, perLine - lineIndent, indent);
      out.push({ text: chars.slice(start, end).join(''), indent: lineIndent });
      start = end;
    } while (start < chars.length);
  }
  return out;
}

/** Lays out `source` verbatim in a tinted box across the column `col`. */
export function renderCodeBlock(ctx: LayoutContext, source: string, parent: StructParent, col: Column): void {
  const { doc, theme } = ctx;
  const pad = theme.spacing.codePadding;
  const x = columnX(ctx, col);
  const width = columnWidth(ctx, col);
  useFont(ctx, 'mono', theme.sizes.code, CODE_LINE_HEIGHT);
  const lineHeight = theme.sizes.code * CODE_LINE_HEIGHT;
  const charWidth = doc.widthOfString('0');
  const perLine = Math.max(8, Math.floor((width - 2 * pad) / charWidth));
  const lines = wrapCode(source, perLine);
  const group = tagGroup(ctx, parent, 'Div');
  let next = 0;
  while (next < lines.length) {
    const room = Math.floor((pageBottom(ctx) - doc.y - 2 * pad) / lineHeight);
    if (room < Math.min(MIN_LINES_AT_FOOT, lines.length - next) && doc.y > doc.page.margins.top + 0.5) {
      doc.addPage();
      continue;
    }
    const part = lines.slice(next, next + Math.max(1, room));
    next += part.length;
    const top = doc.y;
    const height = part.length * lineHeight + 2 * pad;
    artifact(ctx, 'Layout', () => {
      doc.save().rect(x, top, width, height).fill(theme.colors.codeBackground).restore();
    });
    tagBlock(ctx, group, 'Code', () => {
      useFont(ctx, 'mono', theme.sizes.code, CODE_LINE_HEIGHT);
      doc.fillColor(theme.colors.text);
      part.forEach((line, i) => {
        if (line.text.trim() === '') return;
        writeText(ctx, 'mono', line.text, x + pad + line.indent * charWidth, top + pad + i * lineHeight, { lineBreak: false });
      });
    });
    doc.y = top + height;
    if (next < lines.length) doc.addPage();
  }
  endGroup(group);
  doc.x = ctx.left;
}
