/** `check --rule ID` (with `--accept KEY`): the QA rules to accept, as full ids, or a usage error naming them. */
import { UsageError } from '../core/errors.js';
// The rule ids alone: the checks (and the Markdown parser they load) are not needed to read options.
import { QA_RULES } from '../translate/qa/types.js';

/** `number-mismatch` or `briefing:number-mismatch`, comma-separated or repeated → full rule ids. */
export function qaRuleOption(raw: readonly string[] | undefined, accept: readonly string[]): string[] {
  const rules = (raw ?? [])
    .flatMap((item) => item.split(','))
    .map((rule) => rule.trim())
    .filter(Boolean)
    .map((rule) => (rule.startsWith('briefing:') ? rule : `briefing:${rule}`));
  const names = QA_RULES.map((id) => id.slice('briefing:'.length)).join(', ');
  const unknown = rules.filter((rule) => !(QA_RULES as readonly string[]).includes(rule));
  if (unknown.length > 0) throw new UsageError(`--rule ${unknown.join(', ')}: not a warning that can be accepted. Use one of ${names}.`);
  if (rules.length > 0 && accept.length === 0)
    throw new UsageError(
      `--rule needs --accept KEY: the key whose warning is right as it is, e.g. --accept title --rule ${rules[0]!.slice('briefing:'.length)}.`,
    );
  return rules;
}
