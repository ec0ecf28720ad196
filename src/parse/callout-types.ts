/**
 * The names each dialect gives its admonitions, mapped onto the briefing's four callout types, and
 * the reading of a fence's info string (`::: tip Titre`, `:::{.callout-note title="…"}`,
 * `:::tip[Titre]`). Hand scanners, no regular expressions: each runs once over one short line.
 */
import type { CalloutType } from '../core/node-data.js';

/** Dialect names (lower case) → callout type. Any other name is a note: its content is kept all the same. */
const CALLOUT_NAMES: Readonly<Record<string, CalloutType>> = {
  // Generic names (`:::callout`, `::: admonition`, `::: aside`): a note, with no word of their own in the title.
  callout: 'note',
  admonition: 'note',
  aside: 'note',
  note: 'note',
  info: 'note',
  details: 'note',
  abstract: 'note',
  summary: 'note',
  tip: 'tip',
  hint: 'tip',
  success: 'tip',
  warning: 'warning',
  danger: 'warning',
  caution: 'warning',
  error: 'warning',
  important: 'important',
};

/** The callout type a dialect's name stands for (`callout-tip` and `Tip` are `tip`). */
function calloutType(name: string): CalloutType {
  const bare = name.toLowerCase();
  const key = bare.startsWith('callout-') ? bare.slice('callout-'.length) : bare;
  return Object.hasOwn(CALLOUT_NAMES, key) ? CALLOUT_NAMES[key]! : 'note';
}

/** What an opening fence says: its type and its title's Markdown, if any. */
export interface FenceInfo {
  type: CalloutType;
  title?: string;
}

/** Reads the text after the colons of an opening fence. */
export function readFenceInfo(info: string): FenceInfo {
  const text = info.trim();
  if (text.startsWith('{')) return readAttributes(text);
  let end = 0;
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
  const name = text.slice(0, end);
  let rest = text.slice(end).trim();
  // Pandoc also allows attributes after a bare name; Docusaurus a title in brackets.
  if (rest.startsWith('{')) {
    const attributes = readAttributes(rest);
    return name ? { ...attributes, type: calloutType(name) } : attributes;
  }
  if (rest.startsWith('[') && rest.endsWith(']')) rest = rest.slice(1, -1).trim();
  // A name of no known type (`::: lexique`) is a word of the text: it heads the title, capitalised
  // as a title's first word ("Lexique — Base de données"); a title of only a no-break space is none.
  if (name && !Object.hasOwn(CALLOUT_NAMES, name.toLowerCase().replace(/^callout-/, ''))) {
    const word = name[0]!.toUpperCase() + name.slice(1);
    rest = BLANK_TITLE.test(rest) ? word : `${word} — ${rest}`;
  }
  return { type: calloutType(name || 'note'), ...(rest ? { title: rest } : {}) };
}

/** Nothing but spaces and no-break space entities (`::: lexique &nbsp;`). */
const BLANK_TITLE = /^(?:\s|&nbsp;|&#160;|&#xa0;)*$/iu;

function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45 || code === 95;
}

/** `{.callout-tip title="Le titre" #id}`: the first class gives the type, `title` the title. */
function readAttributes(text: string): FenceInfo {
  const inner = text.slice(1, text.endsWith('}') ? -1 : undefined);
  let type: CalloutType | undefined;
  let title: string | undefined;
  let i = 0;
  while (i < inner.length) {
    while (i < inner.length && inner[i] === ' ') i++;
    const start = i;
    // A token runs to the next space outside quotes.
    let quote = '';
    while (i < inner.length && (quote || inner[i] !== ' ')) {
      const c = inner[i]!;
      if (quote && c === quote) quote = '';
      else if (!quote && (c === '"' || c === "'")) quote = c;
      i++;
    }
    const token = inner.slice(start, i);
    if (token.startsWith('.') && type === undefined) type = calloutType(token.slice(1));
    else if (token.startsWith('title=')) title = unquote(token.slice('title='.length));
  }
  return { type: type ?? 'note', ...(title ? { title } : {}) };
}

function unquote(value: string): string {
  const first = value[0];
  return (first === '"' || first === "'") && value.endsWith(first) && value.length >= 2 ? value.slice(1, -1) : value;
}

/** GitHub alert markers (`> [!TIP]`), upper case as GitHub writes them. */
const ALERTS: Readonly<Record<string, CalloutType>> = { NOTE: 'note', TIP: 'tip', IMPORTANT: 'important', WARNING: 'warning', CAUTION: 'warning' };

/** The type of a GitHub alert marker `[!NAME]` at the start of `text`, and the marker's length. */
export function alertMarker(text: string): { type: CalloutType; length: number } | undefined {
  if (!text.startsWith('[!')) return undefined;
  const close = text.indexOf(']', 2);
  if (close < 0 || close > 12) return undefined;
  const name = text.slice(2, close).toUpperCase();
  return Object.hasOwn(ALERTS, name) ? { type: ALERTS[name]!, length: close + 1 } : undefined;
}

/** The GitHub alert name of a type, for the Markdown edition (`> [!TIP]`). */
export const ALERT_NAME: Readonly<Record<CalloutType, string>> = { note: 'NOTE', tip: 'TIP', warning: 'WARNING', important: 'IMPORTANT' };
