/**
 * A translated edition under its coverage threshold is not a failure but a state: the article
 * awaits its translation. The build publishes the French edition, withholds this one, exits 0
 * (1 under `--strict`) and says so in one line per edition instead of an error.
 */
import type { Diagnostic } from '../core/errors.js';
import type { Lang } from '../core/types.js';

/** One edition awaiting its translation. */
export interface PendingTranslation {
  slug: string;
  lang: Lang;
  /** Share of up-to-date units, 0–100. */
  coverage: number;
  /** The locale file to translate, as the coverage diagnostic places it. */
  file: string;
}

/** The rule that withholds an edition under its threshold: reported as a pending line, not as an error. */
const COVERAGE_RULE = 'briefing:low-coverage';

/** The edition's pending state, from its diagnostics (the coverage one names the locale file). */
export function pendingTranslation(slug: string, lang: Lang, coverage: number, diagnostics: readonly Diagnostic[]): PendingTranslation {
  const file = diagnostics.find((d) => d.ruleId === COVERAGE_RULE)?.file ?? `locales/${lang}/${slug}.json`;
  return { slug, lang, coverage, file };
}

/** Diagnostics other than the coverage one: what a pending edition still reports. */
export function withoutCoverage(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId !== COVERAGE_RULE);
}

/** `awaiting translation: <slug> (0 %, run `briefing extract` then translate locales/en/<slug>.json)` */
export function awaitingLine(pending: PendingTranslation): string {
  return `awaiting translation: ${pending.slug} (${pending.coverage} %, run \`briefing extract\` then translate ${pending.file})`;
}
