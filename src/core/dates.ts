/**
 * Dates as a briefing shows them, the one formatter every format and page uses: day month year in
 * both languages ("26 novembre 2026", "26 November 2026"), and French writes the first day of a
 * month as an ordinal ("1er décembre 2026"), which ICU does not ("1 décembre 2026"). English has
 * no such rule ("1 December 2026").
 *
 * The ordinal is plain "1er", not "1<sup>er</sup>": French typography accepts the unraised form in
 * running text, and plain text is the same string in Markdown, HTML and PDF (a `<sup>` would exist
 * only in HTML, and an interface string such as "Publié le {{date}}" could not carry it).
 */
import { dateTimeFormat } from './intl-formats.js';
import type { Lang } from './types.js';

/** The locale whose long date is day–month–year: British English for English editions. */
const DATE_LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Formats an ISO `YYYY-MM-DD` date (read as UTC); an unparsable date is shown as given. */
export function formatDate(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return iso;
  return formatDay(date, lang);
}

/** The UTC day of `date` (a `Date` or epoch milliseconds), written as {@link formatDate} writes it. */
export function formatDay(date: Date | number, lang: Lang): string {
  return withOrdinal(dateTimeFormat(DATE_LOCALES[lang] ?? lang, { dateStyle: 'long', timeZone: 'UTC' }), date, lang);
}

/**
 * A UTC instant with its time, for an embargo, in the same day–month–year order as every other
 * date of the edition: fr "1er décembre 2026 à 08:00", en "1 December 2026 at 08:00" (24-hour, as
 * British English writes it). The caller adds the zone's name.
 */
export function formatDateTime(date: Date | number, lang: Lang): string {
  return withOrdinal(dateTimeFormat(DATE_LOCALES[lang] ?? lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }), date, lang);
}

/** `format` applied to `date`, the day 1 written "1er" in French. */
function withOrdinal(format: Intl.DateTimeFormat, date: Date | number, lang: Lang): string {
  if (lang !== 'fr') return format.format(date);
  const parts = format.formatToParts(date);
  if (!parts.some((part) => part.type === 'day' && Number(part.value) === 1)) return format.format(date);
  // V8's format() turns ICU's narrow no-break space (U+202F, before "AM") into a space; formatToParts
  // does not, so the same is done here for the text to equal format()'s but for "1er".
  return parts
    .map((part) => (part.type === 'day' ? '1er' : part.value))
    .join('')
    .replace(/\u202f/g, ' ');
}
