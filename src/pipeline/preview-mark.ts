/**
 * The words that mark a preview-only edition in every format: "DRAFT — not for publication", or
 * "EMBARGOED until 2 December 2026, 08:00 UTC — not for publication", from the edition's
 * `common.json` (`previewMark.draft`, `previewMark.embargo`).
 */
import { formatDateTime } from '../core/dates.js';
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

/** `2026-12-01T08:00:00.000Z` → fr "1er décembre 2026 à 08:00 UTC", en "December 1, 2026 at 8:00 AM UTC". */
function embargoText(embargo: string, lang: Lang): string {
  return `${formatDateTime(new Date(embargo), lang)} UTC`;
}
