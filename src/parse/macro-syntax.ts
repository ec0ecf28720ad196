/**
 * Reading one macro or shortcode of a site generator, by hand (no regular expression): Hugo
 * `{{< name args >}}` / `{{% name args %}}` (and their closing `{{< /name >}}`), Liquid
 * `{% tag args %}` and `{{ variable }}`, MDN `{{Macro("arg", "text")}}`.
 */

/** What a macro leaves in the text. */
type MacroOutput = { kind: 'text'; value: string } | { kind: 'image'; url: string; alt: string; title?: string } | { kind: 'nothing' };

/** One macro found in a string: where it ends, its name and what it leaves. */
export interface Macro {
  end: number;
  name: string;
  output: MacroOutput;
}

/** The delimiters of each form, longest opener first. */
const FORMS = [
  { open: '{{<', close: '>}}', hugo: true },
  { open: '{{%', close: '%}}', hugo: true },
  { open: '{%', close: '%}', hugo: false },
  { open: '{{', close: '}}', hugo: false },
] as const;

/** Index of the next place a macro may start at or after `from`, or -1. */
export function nextMacroStart(text: string, from: number): number {
  const a = text.indexOf('{{', from);
  const b = text.indexOf('{%', from);
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

/** Reads the macro at `start` (where {@link nextMacroStart} found one); undefined when it does not close. */
export function readMacro(text: string, start: number): Macro | undefined {
  const form = FORMS.find((f) => text.startsWith(f.open, start));
  if (!form) return undefined;
  const closeAt = text.indexOf(form.close, start + form.open.length);
  if (closeAt < 0) return undefined;
  const inner = text.slice(start + form.open.length, closeAt).trim();
  const end = closeAt + form.close.length;
  const { name, rest } = splitName(inner);
  if (form.hugo) return { end, name: name.replace(/^\//, ''), output: name.startsWith('/') ? { kind: 'nothing' } : hugoOutput(name, rest) };
  // MDN `{{Glossary("HTML", "langage HTML")}}` (name then parentheses), else a Liquid tag or variable.
  const paren = name.indexOf('(');
  const macroName = paren >= 0 ? name.slice(0, paren) : name;
  const args = paren >= 0 ? arguments_(inner.slice(inner.indexOf('(') + 1)) : [];
  const shown = args.filter((arg) => arg.quoted).at(-1);
  return { end, name: macroName, output: shown?.value ? { kind: 'text', value: shown.value } : { kind: 'nothing' } };
}

function splitName(inner: string): { name: string; rest: string } {
  let i = 0;
  // A name runs to a space or a quote (`Glossary("x")` has no space before its arguments).
  while (i < inner.length && inner[i] !== ' ' && inner[i] !== '\n' && inner[i] !== '\t' && inner[i] !== '"') i++;
  return { name: inner.slice(0, i), rest: inner.slice(i) };
}

/** A Hugo shortcode's output: a figure is an image; others their last quoted argument (their display text). */
function hugoOutput(name: string, rest: string): MacroOutput {
  const args = arguments_(rest);
  if (name === 'figure') {
    const named = (key: string) => args.find((arg) => arg.key === key)?.value;
    const url = named('src');
    if (url) {
      const title = named('caption') ?? named('title');
      return { kind: 'image', url, alt: named('alt') ?? '', ...(title ? { title } : {}) };
    }
  }
  const shown = args.filter((arg) => arg.quoted).at(-1);
  return shown?.value ? { kind: 'text', value: shown.value } : { kind: 'nothing' };
}

interface Argument {
  key?: string;
  value: string;
  quoted: boolean;
}

/** `key="value"`, `"value"`, `value` tokens, separated by spaces or commas, up to a closing `)`. */
function arguments_(text: string): Argument[] {
  const out: Argument[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === ',' || c === '\n' || c === '\t') {
      i++;
      continue;
    }
    if (c === ')') break;
    let key: string | undefined;
    const start = i;
    while (i < text.length && !' ,\n\t=")'.includes(text[i]!)) i++;
    if (text[i] === '=') {
      key = text.slice(start, i);
      i++;
    } else if (i > start) {
      out.push({ value: text.slice(start, i), quoted: false });
      continue;
    }
    const quote = text[i];
    if (quote === '"' || quote === "'" || quote === '`') {
      const close = text.indexOf(quote, i + 1);
      const stop = close < 0 ? text.length : close;
      out.push({ ...(key ? { key } : {}), value: text.slice(i + 1, stop), quoted: true });
      i = stop + 1;
    } else {
      const from = i;
      while (i < text.length && !' ,\n\t)'.includes(text[i]!)) i++;
      out.push({ ...(key ? { key } : {}), value: text.slice(from, i), quoted: false });
      if (i === from) i++;
    }
  }
  return out;
}
