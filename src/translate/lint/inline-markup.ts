/**
 * `briefing:unpaired-markup` (error): a `**`, `*`, `_`, `~~` or backtick of a translation that
 * pairs with nothing, where the French has no such stray mark. Markdown shows an unpaired mark as
 * literal text and leaves the words it should have set in bold, italics, strike-through or code
 * plain: the edition would not show the French's emphasis, so the build shows the French instead.
 * Marks are counted in the literal text of both strings (as the build parses them): a mark the
 * French also shows literally (`5 * 3`, `snake_case`) is not the translator's doing.
 */
import type { Diagnostic } from '../../core/errors.js';
import { frenchNote, placeAt, report } from './context.js';
import type { ShapeContext } from './shape.js';
import { textRuns, unitTree, type TextRun } from './unit-tree.js';

const NAMES: Record<string, string> = { '*': 'italics', _: 'italics', '**': 'bold', __: 'bold', '~~': 'strike-through', '`': 'code' };

/** A literal mark: its text (`**`, `` ` ``…) and its offset in the string. */
interface Mark {
  mark: string;
  offset: number;
}

/** The emphasis, strike-through and code marks left as literal text in `runs`. */
function strayMarks(runs: readonly TextRun[], value: string): Mark[] {
  const marks: Mark[] = [];
  for (const { source, offset } of runs) {
    for (let i = 0; i < source.length; i++) {
      const c = source[i]!;
      if (c === '\\') {
        i++; // an escaped character is meant literally
        continue;
      }
      if (c !== '*' && c !== '_' && c !== '~' && c !== '`') continue;
      const start = i;
      let end = i;
      while (source[end + 1] === c) end++;
      const run = source.slice(i, end + 1);
      const before = source[i - 1];
      const after = source[end + 1];
      i = end;
      if (c === '~' && run.length < 2) continue; // one tilde is "about" (~5), never strike-through
      // A fence (```, ~~~) or a rule (***, ___) opening a line is block markup: briefing:block-markup's.
      const at = offset + start;
      if (run.length >= 3 && (at === 0 || value[at - 1] === '\n')) continue;
      if (c === '_' && isWordChar(before) && isWordChar(after)) continue; // snake_case: never emphasis
      if (c !== '`' && isSpace(before) && isSpace(after)) continue; // 5 * 3: not a mark
      const mark = c === '`' ? '`' : run.length >= 2 ? c + c : c;
      marks.push({ mark, offset: at });
    }
  }
  return marks;
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

export function checkInlineMarkup(ctx: ShapeContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of ctx.entries) {
    const unit = ctx.units.get(entry.key);
    if (!unit || entry.value.trim() === '') continue;
    const found = strayMarks(textRuns(unitTree(entry.value, unit.kind, ctx.trees), entry.value), entry.value);
    if (found.length === 0) continue;
    // Stray marks the French has too, by mark.
    const allowed = new Map<string, number>();
    for (const { mark } of strayMarks(textRuns(unitTree(unit.markdown, unit.kind, ctx.trees), unit.markdown), unit.markdown))
      allowed.set(mark, (allowed.get(mark) ?? 0) + 1);
    const stray = found.find(({ mark }) => {
      const left = allowed.get(mark) ?? 0;
      allowed.set(mark, left - 1);
      return left <= 0;
    });
    if (!stray) continue;
    const note = frenchNote(ctx, entry.key) ?? `French: ${JSON.stringify(unit.markdown)}`;
    out.push(report(ctx, 'briefing:unpaired-markup', { mark: stray.mark, name: NAMES[stray.mark] ?? 'markup' }, placeAt(entry, stray.offset, ctx.text), note));
  }
  return out;
}
