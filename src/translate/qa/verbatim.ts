/**
 * `briefing:url-mismatch` and `briefing:code-mismatch`: URLs, e-mail addresses and inline code
 * spans are the same in the French and the English (as sets: each of one side is on the other).
 */
import { codeSpans, urls } from '../lint/spans.js';
import { emailRanges } from './skip.js';
import type { QaCheck } from './types.js';

/** A URL as written, without a Markdown destination's `](`, `)` and title, or a sentence's final punctuation. */
function cleanUrl(raw: string): string {
  if (raw.startsWith('](')) return raw.slice(2, -1).split(/\s/)[0] ?? '';
  let url = raw;
  while (/[.,;:!?)\]*_»”’]$/.test(url) && !(url.endsWith(')') && url.includes('('))) url = url.slice(0, -1);
  return url;
}

function addresses(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const [start, end] of [...urls(text), ...emailRanges(text)]) {
    const url = cleanUrl(text.slice(start, end));
    if (url !== '' && !found.has(url)) found.set(url, start);
  }
  return found;
}

function spans(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const [start, end] of codeSpans(text)) {
    const code = text.slice(start, end);
    if (!found.has(code)) found.set(code, start);
  }
  return found;
}

/** What one side has and the other lacks, the English offset of the first extra. */
function compare(french: Map<string, number>, english: Map<string, number>) {
  const missing = [...french.keys()].filter((item) => !english.has(item));
  const extra = [...english].filter(([item]) => !french.has(item));
  return { missing, extra: extra.map(([item]) => item), offset: extra[0]?.[1] ?? 0 };
}

export const checkUrls: QaCheck = ({ french, english }) => {
  const { missing, extra, offset } = compare(addresses(french), addresses(english));
  return missing.length + extra.length === 0 ? [] : [{ rule: 'briefing:url-mismatch', params: { missing, extra }, offset }];
};

export const checkCode: QaCheck = ({ french, english }) => {
  const { missing, extra, offset } = compare(spans(french), spans(english));
  return missing.length + extra.length === 0 ? [] : [{ rule: 'briefing:code-mismatch', params: { missing, extra }, offset }];
};
