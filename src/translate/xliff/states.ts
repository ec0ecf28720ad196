/**
 * The unit states of each XLIFF version, as data: what the export writes for a state, and what the
 * import reads from the values CAT tools set (2.0 `<segment state>`; 1.2 `<target state>`).
 */
import type { UnitState } from './document.js';

/** XLIFF 2.0 `state` (and `subState`, for a stale unit: 2.0 has no "needs review"). */
export const STATE_2_0: Record<UnitState, { state: string; subState?: string }> = {
  new: { state: 'initial' },
  'needs-review': { state: 'initial', subState: 'briefing-status:needs-review' },
  translated: { state: 'translated' },
  final: { state: 'final' },
};

/** XLIFF 1.2 `<target state>`. */
export const STATE_1_2: Record<UnitState, string> = {
  new: 'new',
  'needs-review': 'needs-review-translation',
  translated: 'translated',
  final: 'final',
};

/** A 2.0 segment's state as read: reviewed and final count as final; no state means initial. */
export function readState20(state: string | null, subState: string | null): UnitState {
  if (state === 'final' || state === 'reviewed') return 'final';
  if (state === 'translated') return 'translated';
  return subState === STATE_2_0['needs-review'].subState ? 'needs-review' : 'new';
}

/** A 1.2 target's state as read (the spec's values; `x-…` and none count as new). */
export function readState12(state: string | null): UnitState {
  switch (state) {
    case 'final':
    case 'signed-off':
      return 'final';
    case 'translated':
      return 'translated';
    case 'needs-review-translation':
    case 'needs-review-adaptation':
    case 'needs-review-l10n':
    case 'needs-adaptation':
    case 'needs-l10n':
      return 'needs-review';
    default:
      return 'new';
  }
}
