/**
 * `briefing:whitespace`: leading or trailing whitespace (including no-break spaces) in a value,
 * or two consecutive ordinary spaces inside a line. Spaces that start a line (Markdown list
 * indentation in a multi-line value) and a Markdown hard break ("  \n") are not flagged.
 */
import type { Diagnostic } from '../../core/errors.js';
import type { RuleParams } from '../../core/rules.js';
import { frenchNote, placeAt, report, type RuleContext } from './context.js';

const NAMES: Record<string, string> = {
  ' ': 'space',
  '\u00a0': 'no-break space (U+00A0)',
  '\u202f': 'narrow no-break space (U+202F)',
  '\t': 'tab',
  '\n': 'line break',
  '\r': 'carriage return',
};

/** Human name of a whitespace character, e.g. "no-break space (U+00A0)". */
function whitespaceName(char: string): string {
  return NAMES[char] ?? `whitespace character (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

export function checkWhitespace(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of ctx.entries) {
    const { value } = entry;
    const at = (offset: number, problem: RuleParams<'briefing:whitespace'>) =>
      out.push(report(ctx, 'briefing:whitespace', problem, placeAt(entry, offset, ctx.text), frenchNote(ctx, entry.key)));
    if (value === '') continue;
    if (value.trim() === '') {
      at(0, { problem: 'only' });
      continue;
    }
    const leading = /^\s+/.exec(value);
    if (leading) at(0, { problem: 'leading', char: whitespaceName(value[0]!) });
    const trailing = value.trimEnd().length; // not `/\s+$/`, which rescans every run of spaces
    if (trailing < value.length) at(trailing, { problem: 'trailing', char: whitespaceName(value[trailing]!) });
    for (const m of value.matchAll(/ {2,}/g)) {
      const end = m.index + m[0].length;
      const lineStart = m.index === 0 || value[m.index - 1] === '\n';
      // Line-start indentation, a Markdown hard break ("  \n"), or trailing (reported above).
      if (lineStart || end === value.length || value[end] === '\n' || value[end] === '\r') continue;
      at(m.index, { problem: 'repeated', count: m[0].length });
    }
  }
  return out;
}
