/** What a glossary import reads from a TBX or CSV file, before it is merged into locales/glossary.json. */
import type { Diagnostic } from '../../core/errors.js';

/** One entry of an imported file: a French term and what English it asks for. */
export interface ImportedTerm {
  fr: string;
  en: string[];
  forbidden: string[];
  note?: string;
}

/** The entries of one file, or the problems that stop its import (then nothing is imported). */
export interface ImportedGlossary {
  terms: ImportedTerm[];
  diagnostics: Diagnostic[];
}
