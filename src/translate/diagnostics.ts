/** Translation status as diagnostics: what `briefing check` reports for each unit. */
import path from 'node:path';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { nearestTwin } from './near-key.js';
import type { ArticleStatus } from './types.js';
import { wordDiff } from './word-diff.js';

const quote = (text: string) => `"${text.length > 160 ? `${text.slice(0, 157)}…` : text}"`;

/** Missing and stale units are errors (they would be published as French); obsolete ones warnings. */
export function statusDiagnostics(status: ArticleStatus): Diagnostic[] {
  // A key typed wrong (`haeding`) shows as one obsolete key and one missing key: each names the other.
  const missing = status.units.filter((u) => u.status === 'missing').map((u) => u.key);
  const unknown = status.units.filter((u) => u.status === 'obsolete').map((u) => u.key);
  const twin = (key: string, among: readonly string[]) => {
    const found = nearestTwin(key, among);
    return found === undefined ? {} : { twin: found };
  };
  return status.units.flatMap((unit): Diagnostic[] => {
    switch (unit.status) {
      case 'missing':
        return [
          ruleDiagnostic('briefing:missing-translation', status.file, { lang: status.lang, key: unit.key, ...twin(unit.key, unknown) }, unit.place, {
            note: `French: ${quote(unit.french)}`,
          }),
        ];
      case 'stale':
        return [
          ruleDiagnostic('briefing:stale-translation', status.file, { key: unit.key }, unit.place, {
            note: changeNote(unit.french, unit.previousFrench ?? ''),
          }),
        ];
      case 'obsolete':
        return [ruleDiagnostic('briefing:obsolete-key', status.file, { key: unit.key, ...twin(unit.key, missing) }, unit.place)];
      default:
        return [];
    }
  });
}

/** Translations kept aside by `extract`: one reminder per file. */
export function obsoleteFileDiagnostic(file: string, count: number, root: string): Diagnostic {
  return ruleDiagnostic('briefing:obsolete-kept', path.relative(root, file), { count });
}

/**
 * A translation below `minCoverage`: `build` does not write that edition, `check` fails. One
 * message for both, listing the keys that are missing or stale.
 */
export function coverageDiagnostic(status: ArticleStatus, minCoverage: number): Diagnostic {
  const keys = (kind: 'missing' | 'stale') => status.units.filter((u) => u.status === kind).map((u) => u.key);
  return ruleDiagnostic('briefing:low-coverage', status.file, {
    lang: status.lang,
    slug: status.slug,
    coverage: status.coverage,
    total: status.counts.total,
    minCoverage,
    missing: keys('missing'),
    stale: keys('stale'),
  });
}

/**
 * The change from the French the translation was made from to the French now, as a word diff over
 * the whole text (`[-removed-]{+added+}`, as wdiff writes it; the review page shows the same diff
 * in colour). Never cut: a cut could hide the very change to translate.
 */
function changeNote(now: string, was: string): string {
  const marked = wordDiff(was, now)
    .map((part) => (part.kind === 'removed' ? `[-${part.text}-]` : part.kind === 'added' ? `{+${part.text}+}` : part.text))
    .join('');
  return `French change: "${marked}"`;
}
