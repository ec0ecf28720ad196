/**
 * The words that mark a preview-only edition in every format: "DRAFT — not for publication", or
 * "EMBARGOED until 2 December 2026, 08:00 UTC — not for publication", from the edition's
 * `common.json` (`previewMark.draft`, `previewMark.embargo`).
 */
import { dateTimeFormat } from '../core/intl-formats.js';
import type { i18n } from 'i18next';
import type { Lang } from '../core/types.js';
import { COMMON_NS } from '../i18n/instance.js';
import type { Visibility } from '../parse/visibility.js';

/** The mark of an edition hidden as `visibility` (an embargo's instant shown in UTC, as the build reads it). */
export function previewMark(hidden: { visibility: Visibility; embargo?: string }, lang: Lang, i18n: i18n): string {
  const t = i18n.getFixedT(lang, COMMON_NS);
  if (hidden.visibility === 'draft' || hidden.embargo === undefined) return String(t('previewMark.draft'));
  return String(t('previewMark.embargo', { date: embargoText(hidden.embargo, lang) }));
}

/** `2026-12-02T08:00:00.000Z` → "2 December 2026 at 08:00 UTC" in the edition's language. */
function embargoText(embargo: string, lang: Lang): string {
  return `${dateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(embargo))} UTC`;
}
