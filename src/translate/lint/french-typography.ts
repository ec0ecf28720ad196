/**
 * `briefing:french-typography` (French strings only): French puts a no-break space before
 * `;` `!` `?` (narrow, U+202F) and `:` (U+00A0), and inside « » (narrow). An ordinary space there
 * lets the line break before the mark; no space at all is an English habit.
 *
 * Not flagged: URLs and Markdown link destinations, inline code spans, `:` between non-spaces
 * (`10:55`, `1:2`), a mark at the start of a line, `?!` runs (only the first mark needs the
 * space), Markdown images `![`, HTML entities `&amp;`, and a mark already preceded (or `«`
 * followed) by U+00A0 or U+202F.
 */
import type { Diagnostic } from '../../core/errors.js';
import type { LocaleEntry } from '../../i18n/locale-file.js';
import { placeAt, report, type RuleContext } from './context.js';
import { codeSpans, inside, urls } from './spans.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const isNoBreak = (c: string | undefined) => c === NBSP || c === NNBSP;
/** What may follow a mark used as punctuation (when no space precedes it). */
const CLOSING = /[\s»"”’)\]*_.,…!?]/;

const WANTS: Record<string, { space: string; side: 'before' | 'after' }> = {
  ';': { space: 'a narrow no-break space (U+202F)', side: 'before' },
  '!': { space: 'a narrow no-break space (U+202F)', side: 'before' },
  '?': { space: 'a narrow no-break space (U+202F)', side: 'before' },
  ':': { space: 'a no-break space (U+00A0)', side: 'before' },
  '«': { space: 'a narrow no-break space (U+202F)', side: 'after' },
  '»': { space: 'a narrow no-break space (U+202F)', side: 'before' },
};

/** Offsets of the marks in `value` that lack their no-break space. */
export function typographyIssues(value: string): { offset: number; mark: string }[] {
  const skip = [...codeSpans(value), ...urls(value)];
  const issues: { offset: number; mark: string }[] = [];
  for (let i = 0; i < value.length; i++) {
    const mark = value[i]!;
    if (!(mark in WANTS) || inside(skip, i)) continue;
    const prev = i === 0 ? undefined : value[i - 1];
    const next = value[i + 1];
    if (mark === '«') {
      if (next === undefined || next === '\n' || isNoBreak(next)) continue;
    } else {
      if (prev === undefined || prev === '\n' || isNoBreak(prev)) continue;
      if ((mark === '?' || mark === '!') && (prev === '?' || prev === '!')) continue;
      if (mark === '!' && next === '[') continue;
      if (mark === ';' && /&#?\w+$/.test(value.slice(0, i))) continue;
      if (mark !== '»' && prev !== ' ' && next !== undefined && !CLOSING.test(next)) continue;
    }
    issues.push({ offset: i, mark });
  }
  return issues;
}

export function checkFrenchTypography(ctx: Pick<RuleContext, 'file' | 'text'> & { entries: readonly LocaleEntry[] }): Diagnostic[] {
  return ctx.entries.flatMap((entry) =>
    typographyIssues(entry.value).map(({ offset, mark }) => {
      const want = WANTS[mark]!;
      return report(ctx, 'briefing:french-typography', { space: want.space, side: want.side, mark }, placeAt(entry, offset, ctx.text));
    }),
  );
}
