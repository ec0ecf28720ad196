/** Translation status as diagnostics: what `briefing check` reports for each unit. */
import path from 'node:path';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { ArticleStatus } from './types.js';

const quote = (text: string) => `"${text.length > 160 ? `${text.slice(0, 157)}…` : text}"`;

/** Missing and stale units are errors (they would be published as French); obsolete ones warnings. */
export function statusDiagnostics(status: ArticleStatus): Diagnostic[] {
  return status.units.flatMap((unit): Diagnostic[] => {
    switch (unit.status) {
      case 'missing':
        return [
          ruleDiagnostic('briefing:missing-translation', status.file, { lang: status.lang, key: unit.key }, unit.place, {
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
        return [ruleDiagnostic('briefing:obsolete-key', status.file, { key: unit.key }, unit.place)];
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

/** "French now / was", cut (when long) so that the first difference stays in view. */
function changeNote(now: string, was: string): string {
  let start = 0;
  if (quote(now) === quote(was) && now !== was) {
    let i = 0;
    while (i < now.length && i < was.length && now[i] === was[i]) i++;
    start = now.lastIndexOf(' ', i - 60) + 1;
  }
  const from = (text: string) => quote(start > 0 ? `…${text.slice(start)}` : text);
  return `French now: ${from(now)}\nFrench was: ${from(was)}`;
}
