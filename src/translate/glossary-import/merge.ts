/**
 * Merging imported terms into the glossary, and writing the glossary back as JSON. Pure: the
 * command reads and writes the files. Without `replace`, an imported term new to the glossary is
 * added, and one already there gains the imported English terms and forbidden variants it lacked
 * (and the imported note, when there is one); nothing is removed. With `replace`, the glossary
 * becomes the imported file's terms.
 */
import { ruleDiagnostic, type Diagnostic } from '../../core/errors.js';
import type { Glossary } from '../../i18n/glossary.js';
import type { ImportedTerm } from './types.js';

/** A glossary entry as written in the file (no place: it may be new). */
export type GlossaryEntry = ImportedTerm;

export interface GlossaryMerge {
  /** The glossary after the import, in order: the terms it had, then the new ones. */
  entries: Map<string, GlossaryEntry>;
  added: string[];
  changed: string[];
  removed: string[];
}

const REFUSED = new Set(['__proto__', 'constructor', 'prototype']);

/** Imported terms the glossary cannot hold (names that JSON readers turn into prototype keys). */
export function refusedTerms(terms: readonly ImportedTerm[], file: string): Diagnostic[] {
  return terms
    .filter((term) => REFUSED.has(term.fr))
    .map((term) =>
      ruleDiagnostic('briefing:glossary-import', file, { problem: `"${term.fr}" cannot be a glossary term (it could reach the object prototype)` }),
    );
}

export function mergeGlossary(current: Glossary, imported: readonly ImportedTerm[], replace: boolean): GlossaryMerge {
  const before = new Map<string, GlossaryEntry>();
  for (const [fr, term] of current) before.set(fr, { fr, en: term.en, forbidden: term.forbidden, ...(term.note !== undefined ? { note: term.note } : {}) });
  const entries = new Map<string, GlossaryEntry>(replace ? [] : before);
  for (const term of imported) {
    const had = entries.get(term.fr);
    entries.set(term.fr, had ? combine(had, term) : { ...term, en: unique(term.en), forbidden: unique(term.forbidden) });
  }
  const added = [...entries.keys()].filter((fr) => !before.has(fr));
  const changed = [...entries.keys()].filter((fr) => before.has(fr) && !sameEntry(before.get(fr)!, entries.get(fr)!));
  const removed = [...before.keys()].filter((fr) => !entries.has(fr));
  return { entries, added, changed, removed };
}

function combine(had: GlossaryEntry, term: ImportedTerm): GlossaryEntry {
  const note = term.note ?? had.note;
  return { fr: had.fr, en: unique([...had.en, ...term.en]), forbidden: unique([...had.forbidden, ...term.forbidden]), ...(note !== undefined ? { note } : {}) };
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

function sameEntry(a: GlossaryEntry, b: GlossaryEntry): boolean {
  return JSON.stringify(entryValue(a)) === JSON.stringify(entryValue(b));
}

/** The JSON value of an entry: one English term as a text, several as a list. */
function entryValue(entry: GlossaryEntry): Record<string, string | string[]> {
  const value: Record<string, string | string[]> = { en: entry.en.length === 1 ? entry.en[0]! : entry.en };
  if (entry.forbidden.length > 0) value.forbidden = entry.forbidden;
  if (entry.note !== undefined) value.note = entry.note;
  return value;
}

/** The glossary file's text: one entry per line, so a change shows as one line in a diff. */
export function serializeGlossary(entries: ReadonlyMap<string, GlossaryEntry>): string {
  const json = (value: string | string[]) => (typeof value === 'string' ? JSON.stringify(value) : `[${value.map((v) => JSON.stringify(v)).join(', ')}]`);
  const lines = [...entries.values()].map((entry) => {
    const fields = Object.entries(entryValue(entry)).map(([name, value]) => `${JSON.stringify(name)}: ${json(value)}`);
    return `  ${JSON.stringify(entry.fr)}: { ${fields.join(', ')} }`;
  });
  return lines.length === 0 ? '{}\n' : `{\n${lines.join(',\n')}\n}\n`;
}
