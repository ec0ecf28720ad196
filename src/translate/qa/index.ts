/**
 * The reviewer's QA checks (the style of Xbench or memoQ QA): numbers, URLs and code, names and
 * acronyms, untranslated units, doubled words, unbalanced brackets and quotes — all warnings, run
 * by `briefing check` on up-to-date translations and shown on the review page next to their unit.
 * A warning the translator judged wrong is accepted per key and rule (see accept.ts) and comes
 * back when the French or the English of that key changes.
 */
import { LRUCache } from 'lru-cache';
import { ruleDiagnostic, type Diagnostic } from '../../core/errors.js';
import type { LocaleEntry } from '../../i18n/locale-file.js';
import { placeAt, report } from '../lint/context.js';
import type { TranslationState } from '../state.js';
import type { ArticleStatus } from '../types.js';
import { isAccepted } from './accept.js';
import { checkNumbers } from './numbers.js';
import { checkNames } from './names.js';
import { checkDoubledWords, checkPairs } from './punctuation.js';
import type { QaCheck, QaFinding, QaUnit } from './types.js';
import { checkUntranslated } from './untranslated.js';
import { checkCode, checkUrls } from './verbatim.js';

const CHECKS: readonly QaCheck[] = [checkNumbers, checkUrls, checkCode, checkNames, checkUntranslated, checkDoubledWords, checkPairs];

/**
 * The findings of recent units, by their texts: `serve` checks a whole translation at every save
 * of one of its units, the others unchanged. Bounded by the text behind them; findings are only read.
 */
const recent = new LRUCache<string, QaFinding[]>({ max: 8192, maxSize: 512 * 1024, sizeCalculation: (_, id) => id.length + 1 });

/** Every QA finding of one unit, accepted or not. */
export function qaFindings(unit: QaUnit): QaFinding[] {
  const id = `${unit.key}\0${unit.french}\0${unit.english}`;
  const kept = recent.get(id);
  if (kept) return kept;
  const findings = CHECKS.flatMap((check) => check(unit));
  recent.set(id, findings);
  return findings;
}

/** The units QA looks at: translated and up to date (a stale or missing one is already an error). */
function checkedUnits(status: ArticleStatus): (QaUnit & { entry: LocaleEntry })[] {
  return status.units.flatMap((unit) =>
    unit.status === 'ok' && unit.translation !== undefined
      ? [{ key: unit.key, french: unit.french, english: unit.translation, entry: { key: unit.key, value: unit.translation, place: unit.place } }]
      : [],
  );
}

/** The findings of an article's translation that are not accepted in `state`, with their units. */
function openFindings(status: ArticleStatus, state: TranslationState): { unit: QaUnit & { entry: LocaleEntry }; finding: QaFinding }[] {
  return checkedUnits(status).flatMap((unit) =>
    qaFindings(unit)
      .filter((finding) => !isAccepted(state, unit, finding.rule))
      .map((finding) => ({ unit, finding })),
  );
}

/**
 * The QA warnings of `status`'s translation, placed in its locale file (`text`: the file as
 * read, for exact columns), each with the French and the command that accepts it.
 */
export function lintQa(status: ArticleStatus, state: TranslationState, text?: string): Diagnostic[] {
  return openFindings(status, state).map(({ unit, finding }) => {
    const note = `French: ${JSON.stringify(unit.french)}\nIf the translation is right: briefing check ${status.slug} --accept ${unit.key} --rule ${finding.rule.slice('briefing:'.length)}`;
    return report({ file: status.file }, finding.rule, finding.params as never, placeAt(unit.entry, finding.offset, text), note);
  });
}

/**
 * The open QA warnings of each unit (key → messages, in rule order): the review page shows them
 * next to the unit's translation.
 */
export function qaWarnings(status: ArticleStatus, state: TranslationState): ReadonlyMap<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const { unit, finding } of openFindings(status, state)) {
    const { message } = ruleDiagnostic(finding.rule, status.file, finding.params as never, unit.entry.place);
    byKey.set(unit.key, [...(byKey.get(unit.key) ?? []), message]);
  }
  return byKey;
}
