/**
 * Reads a CSV glossary with csv-parse: a header row naming the columns `fr`, `en`, `forbidden`,
 * `note` (any order; `forbidden` and `note` optional, other columns ignored), then one term per row.
 * Several English terms or forbidden variants in one cell are separated by `|` or `;`. Comma or
 * semicolon delimited (as spreadsheets export), UTF-8 with or without a byte-order mark.
 */
import { parse } from 'csv-parse/sync';
import { ruleDiagnostic, type Diagnostic } from '../../core/errors.js';
import type { ImportedGlossary, ImportedTerm } from './types.js';

const REQUIRED = ['fr', 'en'] as const;

/** The glossary entries of CSV `text` (the file `file`, named in messages). */
export function readCsv(text: string, file: string): ImportedGlossary {
  const diagnostics: Diagnostic[] = [];
  const problem = (message: string, line: number, column = 1) =>
    diagnostics.push(ruleDiagnostic('briefing:glossary-import', file, { problem: message }, { line, column }));
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.indexOf('\n') === -1 ? body.length : body.indexOf('\n'));
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    problem(`the CSV is invalid (${e.message.replace(/^Invalid [^:]*: /, '')})`, e.lines ?? 1);
    return { terms: [], diagnostics };
  }
  const header = records[0]?.record.map((name) => name.toLowerCase()) ?? [];
  const column = (name: string) => header.indexOf(name);
  const missing = REQUIRED.filter((name) => column(name) === -1);
  if (missing.length > 0) {
    problem(`the header row must name the columns fr, en (and optionally forbidden, note); missing: ${missing.join(', ')}`, 1);
    return { terms: [], diagnostics };
  }
  const terms: ImportedTerm[] = [];
  for (const { record, info } of records.slice(1)) {
    const cell = (name: string) => (column(name) === -1 ? '' : (record[column(name)] ?? ''));
    const fr = cell('fr');
    const en = split(cell('en'));
    if (fr === '') problem('the row has no French term (column "fr")', info.lines);
    else if (en.length === 0) problem(`the row "${fr}" has no English term (column "en")`, info.lines);
    else terms.push({ fr, en, forbidden: split(cell('forbidden')), ...(cell('note') !== '' ? { note: cell('note') } : {}) });
  }
  if (terms.length === 0 && diagnostics.length === 0) problem('no term under the header row', 1);
  return { terms, diagnostics };
}

/** "AI | artificial intelligence" → ["AI", "artificial intelligence"]. */
function split(cell: string): string[] {
  return cell
    .split(/[|;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
