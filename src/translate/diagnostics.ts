/** Translation status as diagnostics: what `briefing check` reports for each unit. */
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../core/errors.js';
import type { ArticleStatus } from './types.js';

const quote = (text: string) => `"${text.length > 160 ? `${text.slice(0, 157)}…` : text}"`;

/** Missing and stale units are errors (they would be published as French); obsolete ones warnings. */
export function statusDiagnostics(status: ArticleStatus): Diagnostic[] {
  return status.units.flatMap((unit): Diagnostic[] => {
    switch (unit.status) {
      case 'missing':
        return [withNote(diagnostic(status.file, 'briefing:missing-translation', `Missing ${status.lang} translation of "${unit.key}"`, unit.place), `French: ${quote(unit.french)}`)];
      case 'stale':
        return [
          withNote(
            diagnostic(status.file, 'briefing:stale-translation', `Stale translation of "${unit.key}": the French changed since it was translated. Update it, or run "briefing check --accept ${unit.key}" if it is still right`, unit.place),
            changeNote(unit.french, unit.previousFrench ?? ''),
          ),
        ];
      case 'obsolete':
        return [diagnostic(status.file, 'briefing:obsolete-key', `Obsolete key "${unit.key}": the French source has no such unit. Run "briefing extract" to move it aside`, unit.place, 'warning')];
      default:
        return [];
    }
  });
}

/** Translations kept aside by `extract`: one reminder per file. */
export function obsoleteFileDiagnostic(file: string, count: number, root: string): Diagnostic {
  return diagnostic(path.relative(root, file), 'briefing:obsolete-kept', `${count} obsolete translation${count === 1 ? '' : 's'} kept aside here for reuse; drop ${count === 1 ? 'it' : 'them'} with "briefing extract --prune"`, { line: 1, column: 1 }, 'warning');
}

export function coverageDiagnostic(status: ArticleStatus, minCoverage: number): Diagnostic {
  return diagnostic(status.file, 'briefing:low-coverage', `${status.lang} coverage of "${status.slug}" is ${status.coverage} % (${status.counts.ok} of ${status.counts.total} up to date), below --min-coverage ${minCoverage} %`);
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

function withNote(d: Diagnostic, note: string): Diagnostic {
  return { ...d, note };
}
