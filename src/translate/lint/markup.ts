/**
 * `briefing:raw-html`: HTML in a value is shown as literal text (values are Markdown, and raw
 * HTML is never interpreted). Tags follow CommonMark's definition of an HTML tag, so `a < b`
 * and autolinks (`<https://…>`, `<a@b.c>`) are not markup. Inline code spans are text.
 */
import type { Diagnostic } from '../../core/errors.js';
import { frenchNote, placeAt, report, type RuleContext } from './context.js';
import { codeSpans, inside } from './spans.js';

const ATTRIBUTE = String.raw`\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?`;
/**
 * Markup in a translated value (exported for tests/regex-safety.test.ts). A declaration without
 * its `>` is also matched, to the end of the value, and then set aside by `markupIn`: tried at
 * every `<!X ` of a value holding no `>`, a declaration that must close would read the rest of
 * the value each time.
 */
export const MARKUP = new RegExp(
  [
    String.raw`<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*\s*\/?>`, // open tag, <br/>
    String.raw`<\/[A-Za-z][A-Za-z0-9-]*\s*>`, // closing tag
    String.raw`<!--[\s\S]*?(?:-->|$)`, // comment (even unclosed)
    String.raw`<![A-Z]+\s[^>]*(?:>|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)`, // declaration, CDATA, processing instruction
  ].join('|'),
  'g',
);
/** What may still match after an unclosed declaration, there being no `>` left: an unclosed comment, CDATA or processing instruction. */
const UNCLOSED = /<!--|<!\[CDATA\[|<\?/g;

/** Markup in `value`, with offsets; `<` as less-than and autolinks are not. */
export function markupIn(value: string): { offset: number; text: string }[] {
  const code = codeSpans(value);
  const found: { offset: number; text: string }[] = [];
  for (const m of value.matchAll(MARKUP)) {
    if (/^<![A-Z]/.test(m[0]) && !m[0].endsWith('>')) {
      // An unclosed declaration is not markup; the first unclosed construct after its `<` runs to the end.
      UNCLOSED.lastIndex = m.index + 1;
      const rest = UNCLOSED.exec(value);
      if (rest) found.push({ offset: rest.index, text: value.slice(rest.index) });
      break;
    }
    found.push({ offset: m.index, text: m[0] });
  }
  return found.filter((m) => !inside(code, m.offset));
}

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

export function checkMarkup(ctx: RuleContext): Diagnostic[] {
  return ctx.entries.flatMap((entry) =>
    markupIn(entry.value).map((m) =>
      report(ctx, 'briefing:raw-html', { html: shorten(m.text.replace(/\s+/g, ' ')) }, placeAt(entry, m.offset, ctx.text), frenchNote(ctx, entry.key)),
    ),
  );
}
