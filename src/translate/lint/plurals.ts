/**
 * `briefing:incomplete-plural`: i18next v4 plural keys (`key_one`, `key_other`, …, and ordinal
 * `key_ordinal_one`, …). For every base key with a plural form in the target or in French, the
 * target needs every category `Intl.PluralRules` lists for its language (en: one, other;
 * fr: one, many, other). `_zero` is not required in either: i18next uses it for 0 when present.
 */
import type { Diagnostic } from '../../core/errors.js';
import type { Lang } from '../../core/types.js';
import type { LocaleEntry } from '../../i18n/locale-file.js';
import { frenchNote, report, type RuleContext } from './context.js';

export type PluralType = 'cardinal' | 'ordinal';

const PLURAL_KEY = /^(.+?)(_ordinal)?_(zero|one|two|few|many|other)$/;

/** `readingTime_one` → `{ base: "readingTime", type: "cardinal", category: "one" }`. */
export function pluralBase(key: string): { base: string; type: PluralType; category: string } | undefined {
  const m = PLURAL_KEY.exec(key);
  if (!m) return undefined;
  return m[2] ? { base: `${m[1]!}_ordinal`, type: 'ordinal', category: m[3]! } : { base: m[1]!, type: 'cardinal', category: m[3]! };
}

/** The categories i18next will ask for in `lang` (from the runtime's ICU data). */
export function pluralCategories(lang: Lang, type: PluralType = 'cardinal'): string[] {
  return new Intl.PluralRules(lang, { type }).resolvedOptions().pluralCategories;
}

const ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

export function checkPlurals(ctx: RuleContext): Diagnostic[] {
  const groups = new Map<string, { type: PluralType; target: LocaleEntry[]; french: LocaleEntry[] }>();
  const add = (entry: LocaleEntry, side: 'target' | 'french') => {
    const plural = pluralBase(entry.key);
    if (!plural) return;
    let group = groups.get(plural.base);
    if (!group) {
      group = { type: plural.type, target: [], french: [] };
      groups.set(plural.base, group);
    }
    group[side].push(entry);
  };
  for (const e of ctx.entries) add(e, 'target');
  for (const e of ctx.french?.values() ?? []) add(e, 'french');

  const out: Diagnostic[] = [];
  for (const [base, group] of groups) {
    const needed = [...pluralCategories(ctx.lang, group.type)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
    const present = new Set(group.target.map((e) => e.key));
    const missing = needed.map((c) => `${base}_${c}`).filter((k) => !present.has(k));
    if (missing.length === 0) continue;
    const french = group.french.find((e) => e.key === `${base}_other`) ?? group.french[0];
    out.push(
      report(
        ctx,
        'briefing:incomplete-plural',
        { base, lang: ctx.lang, missing, needed },
        group.target[0]?.place ?? { line: 1, column: 1 },
        french ? frenchNote(ctx, french.key) : undefined,
      ),
    );
  }
  return out;
}
