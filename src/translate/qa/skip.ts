/** What QA checks do not read as text: URLs, link destinations, code spans, note calls. */
import { NOTE_CALL } from '../../parse/footnotes.js';
import { codeSpans, urls, type Range } from '../lint/spans.js';

/** Ranges of `text` that hold no prose (compared by the URL and code checks instead). */
export function nonProse(text: string): Range[] {
  const calls = [...text.matchAll(NOTE_CALL)].map((m): Range => [m.index, m.index + m[0].length]);
  return [...codeSpans(text), ...urls(text).map((range) => trimmed(text, range)), ...calls, ...emailRanges(text)];
}

/** A bare URL without the punctuation, quote or emphasis after it (`https://a.b/c)”**` → `https://a.b/c`). */
function trimmed(text: string, [start, end]: Range): Range {
  if (text.startsWith('](', start)) return [start, end];
  let last = end;
  while (last > start && '.,;:!?”»"\'’*_)]'.includes(text[last - 1]!)) last--;
  return [start, last];
}

const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9.-]/;

/**
 * E-mail addresses (`name@host.tld`), found at each `@` and read outwards character by
 * character: a pattern `[\w.]+@` tried at every position of a long word would reread it.
 */
export function emailRanges(text: string): Range[] {
  const ranges: Range[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && EMAIL_LOCAL.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && EMAIL_DOMAIN.test(text[end]!)) end++;
    while (end > at + 1 && text[end - 1] === '.') end--;
    const domain = text.slice(at + 1, end);
    if (start < at && domain.includes('.') && !domain.startsWith('.')) ranges.push([start, end]);
  }
  return ranges;
}
