/**
 * `briefing:glossary-term` and `briefing:glossary-forbidden` (warnings): a French term of the
 * glossary (locales/glossary.json) found in a unit's French asks for one of its English terms in
 * the translation, and none of its forbidden variants. Placed at the translation's value (a
 * forbidden variant at its own column). Missing translations are another rule's business.
 */
import type { Diagnostic } from '../../core/errors.js';
import type { Segment } from '../../core/types.js';
import type { Glossary } from '../../i18n/glossary.js';
import { containsPhrase, findPhrase, termFinder } from '../../i18n/glossary-match.js';
import { placeAt, report, type RuleContext } from './context.js';

export function checkGlossary(ctx: RuleContext & { units: ReadonlyMap<string, Segment> }, glossary: Glossary): Diagnostic[] {
  if (glossary.size === 0) return [];
  const finder = termFinder(glossary);
  const out: Diagnostic[] = [];
  for (const entry of ctx.entries) {
    const unit = ctx.units.get(entry.key);
    if (!unit || entry.value.trim() === '') continue;
    for (const term of finder.termsIn(unit.markdown)) {
      const expected = term.en;
      const note = term.note === undefined ? undefined : `Glossary note: ${term.note}`;
      const forbidden = term.forbidden
        .filter((variant) => !expected.includes(variant))
        .map((variant) => ({ variant, at: findPhrase(entry.value, variant) }))
        .find((hit) => hit.at !== undefined);
      if (forbidden?.at) {
        const params = { term: term.fr, found: entry.value.slice(forbidden.at.start, forbidden.at.end), expected };
        out.push(report(ctx, 'briefing:glossary-forbidden', params, placeAt(entry, forbidden.at.start, ctx.text), note));
      } else if (!expected.some((english) => containsPhrase(entry.value, english))) {
        out.push(report(ctx, 'briefing:glossary-term', { term: term.fr, expected }, entry.place, note));
      }
    }
  }
  return out;
}
