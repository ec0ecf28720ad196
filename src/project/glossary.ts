/** Reads the project's glossary, `locales/glossary.json`, when there is one. */
import path from 'node:path';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { GLOSSARY_FILE, readGlossaryFile, type Glossary } from '../i18n/glossary.js';
import { projectBounds } from './bounds.js';
import { InputError, readOptionalInput } from './read-file.js';

export interface ProjectGlossary {
  /** The file, relative to the project root (for messages). */
  file: string;
  /** Absolute path, for writing. */
  absolute: string;
  /** Its text as read; undefined when there is no glossary. */
  text?: string;
  glossary: Glossary;
  diagnostics: Diagnostic[];
}

/** The glossary of the project at `paths`: empty (no diagnostics) when the file does not exist. */
export async function readGlossary(paths: ProjectPaths): Promise<ProjectGlossary> {
  const absolute = path.join(paths.locales, GLOSSARY_FILE);
  const file = path.relative(paths.root, absolute);
  const empty = { file, absolute, glossary: new Map(), diagnostics: [] as Diagnostic[] };
  let bytes: Buffer | undefined;
  try {
    bytes = await readOptionalInput(absolute, projectBounds(paths));
  } catch (error) {
    const diagnostic = error instanceof InputError ? error.toDiagnostic(file) : ruleDiagnostic('briefing:unreadable-file', file, { reason: String(error) });
    return { ...empty, diagnostics: [diagnostic] };
  }
  if (bytes === undefined) return empty;
  const text = bytes.toString('utf8');
  return { file, absolute, text, ...readGlossaryFile(text, file) };
}
