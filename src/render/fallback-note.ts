/** The note shown before a block shown in French, in the edition's language, by why it is shown. */
import { FALLBACK_NOTE, type FallbackReason } from '../core/node-data.js';
import type { BriefingDocument } from '../core/types.js';

/**
 * The note of `reason` from the interface strings; a project whose `common.json` predates a
 * reason's string (i18next then returns the key) gets the missing-translation note instead.
 */
export function fallbackNote(t: BriefingDocument['t'], reason: FallbackReason = 'missing'): string {
  const key = FALLBACK_NOTE[reason];
  const text = t(key);
  return text === key && reason !== 'missing' ? t(FALLBACK_NOTE.missing) : text;
}
