/**
 * Accepted QA warnings, kept in the state file's entry of their key (`"accepted": [rule ids]`).
 * An acceptance holds while the entry's French and English hashes are those of the current texts:
 * editing either makes `check` record a fresh entry, without it, so the warning is raised again.
 */
import { checkedEntry, textHash, type TranslationState } from '../state.js';
import type { QaUnit } from './types.js';

/** Whether `rule` is accepted for `unit` as it reads now. */
export function isAccepted(state: TranslationState, unit: QaUnit, rule: string): boolean {
  const entry = state.get(unit.key);
  return entry?.accepted?.includes(rule) === true && entry.source === textHash(unit.french) && entry.target === textHash(unit.english);
}

/** `state` with `rules` accepted for `unit` (sorted, added to those already accepted for the same texts). */
function acceptRules(state: TranslationState, unit: QaUnit, rules: readonly string[]): TranslationState {
  const next = new Map(state);
  const entry = state.get(unit.key);
  const same = entry !== undefined && entry.source === textHash(unit.french) && entry.target === textHash(unit.english);
  const accepted = [...new Set([...(same ? (entry.accepted ?? []) : []), ...rules])].sort();
  // A reviewer's mark is about these same texts: accepting a warning keeps it.
  next.set(unit.key, { ...checkedEntry(unit.french, unit.english), accepted, ...(same && entry.reviewed === true ? { reviewed: true as const } : {}) });
  return next;
}

/**
 * `check --accept KEY --rule ID`: accepts, for each of `keys` that is up to date in `status`, the
 * `rules` that currently warn about it. Returns the new state and the keys where something was
 * accepted (a key not listed there had no such warning: the caller says so).
 */
export function acceptWarnings(
  status: { units: readonly { key: string; status: string; french: string; translation?: string }[] },
  state: TranslationState,
  keys: readonly string[],
  rules: readonly string[],
  findings: (unit: QaUnit) => readonly { rule: string }[],
): { state: TranslationState; accepted: string[] } {
  let next = state;
  const accepted: string[] = [];
  for (const unit of status.units) {
    if (!keys.includes(unit.key) || unit.status !== 'ok' || unit.translation === undefined) continue;
    const qaUnit = { key: unit.key, french: unit.french, english: unit.translation };
    const raised = findings(qaUnit)
      .map((f) => f.rule)
      .filter((rule) => rules.includes(rule));
    if (raised.length === 0) continue;
    next = acceptRules(next, qaUnit, raised);
    accepted.push(unit.key);
  }
  return { state: next, accepted };
}
