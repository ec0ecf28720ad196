/** Dates as a briefing shows them: day month year in both languages ("26 novembre 2026", "26 November 2026"). */
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
  return dateTimeFormat(DATE_LOCALES[lang] ?? lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
