/** Types shared by the reviewer's QA checks (src/translate/qa/). */
import type { RuleParams } from '../../core/rules.js';

/** The QA rules: warnings a reviewer would raise, each acceptable per key (`check --accept KEY --rule ID`). */
export const QA_RULES = [
  'briefing:number-mismatch',
  'briefing:url-mismatch',
  'briefing:code-mismatch',
  'briefing:name-mismatch',
  'briefing:untranslated',
  'briefing:doubled-word',
  'briefing:unbalanced-pair',
] as const;
type QaRuleId = (typeof QA_RULES)[number];

/** One unit to check: its French and its translation. */
export interface QaUnit {
  key: string;
  french: string;
  english: string;
}

/** One problem found: the rule, its message parameters, the offset in the translation it points at. */
export type QaFinding = { [R in QaRuleId]: { rule: R; params: RuleParams<R>; offset: number } }[QaRuleId];

/** A QA check: pure, over one unit. */
export type QaCheck = (unit: QaUnit) => QaFinding[];
