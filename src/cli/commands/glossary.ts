/**
 * `briefing glossary import FILE.tbx|FILE.csv… [--replace]`: reads terminology exported from a
 * terminology tool (TBX) or a spreadsheet (CSV), merges it into locales/glossary.json (or replaces
 * it) and says what was added, changed and removed. Nothing is written when a file has a problem
 * or the glossary itself is broken (it would lose the entries that cannot be read); the file is
 * written whole, atomically.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, UsageError, hasErrors, type Diagnostic } from '../../core/errors.js';
import { projectPaths } from '../../core/paths.js';
import { formatDiagnostics } from '../../core/report.js';
import { readGlossary } from '../../project/glossary.js';
import { writeFileAtomic } from '../../publish/atomic-write.js';
import { readCsv } from '../../translate/glossary-import/csv.js';
import { mergeGlossary, refusedTerms, serializeGlossary } from '../../translate/glossary-import/merge.js';
import { readTbx } from '../../translate/glossary-import/tbx.js';
import type { ImportedGlossary } from '../../translate/glossary-import/types.js';
import type { Output } from '../output.js';
import type { Settings } from '../options.js';

const USAGE = 'Use: briefing glossary import FILE.tbx|FILE.csv… [--replace]';

const READERS: Record<string, (text: string, file: string) => ImportedGlossary> = { '.tbx': readTbx, '.xml': readTbx, '.csv': readCsv };

export async function glossaryCommand(settings: Settings, out: Output): Promise<number> {
  const [action, ...files] = settings.slugs;
  if (action !== 'import')
    throw new UsageError(action === undefined ? `Say what to do with the glossary. ${USAGE}` : `Unknown glossary action "${action}". ${USAGE}`);
  if (files.length === 0) throw new UsageError(`Name the file to import. ${USAGE}`);
  const paths = projectPaths(settings.root);
  const diagnostics: Diagnostic[] = [];
  const imported = [];
  for (const file of files) {
    const reader = READERS[path.extname(file).toLowerCase()];
    if (!reader) throw new UsageError(`Cannot import "${file}": the glossary is imported from a .tbx or .csv file. ${USAGE}`);
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`Cannot read "${file}" (${error.code ?? error.message}). ${USAGE}`);
    });
    const result = reader(text, file);
    diagnostics.push(...result.diagnostics, ...refusedTerms(result.terms, file));
    imported.push(...result.terms);
  }
  const current = await readGlossary(paths);
  if (hasErrors(current.diagnostics) && !settings.replace) diagnostics.push(...current.diagnostics);
  if (hasErrors(diagnostics)) {
    out.stdout(formatDiagnostics(diagnostics));
    out.stdout(`glossary import failed: nothing written to ${current.file}`);
    return EXIT.content;
  }
  const merge = mergeGlossary(current.glossary, imported, settings.replace);
  const text = serializeGlossary(merge.entries);
  const report = [
    `${merge.added.length} added${names(merge.added)}`,
    `${merge.changed.length} changed${names(merge.changed)}`,
    ...(settings.replace ? [`${merge.removed.length} removed${names(merge.removed)}`] : []),
  ].join(', ');
  if (text === current.text) {
    out.stdout(`glossary import: ${current.file} already holds these ${imported.length} terms; nothing changed`);
    return EXIT.ok;
  }
  await writeFileAtomic(current.absolute, text);
  out.stdout(`glossary import: ${report}; ${current.file} written (${merge.entries.size} terms)`);
  return EXIT.ok;
}

/** " (IA, AGI)", at most ten names. */
function names(list: readonly string[]): string {
  if (list.length === 0) return '';
  return ` (${list.slice(0, 10).join(', ')}${list.length > 10 ? ` and ${list.length - 10} more` : ''})`;
}
