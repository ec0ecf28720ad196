/** Where the translator workflow's files live, and reading them (writing is publish's job). */
import path from 'node:path';
import type { Lang } from '../core/types.js';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { emptyLocale, readLocaleFile, type LocaleFile } from '../i18n/locale-file.js';
import { projectBounds } from '../project/bounds.js';
import { InputError, readOptionalInput } from '../project/read-file.js';
import { parseState, type TranslationState } from './state.js';

export interface TranslationFiles {
  /** `locales/<lang>/<slug>.json` */
  target: string;
  /** `locales/<lang>/<slug>.state.json` */
  state: string;
  /** `locales/<lang>/<slug>.obsolete.json` */
  obsolete: string;
}

export function translationFiles(paths: ProjectPaths, lang: Lang, slug: string): TranslationFiles {
  const dir = path.join(paths.locales, lang);
  return {
    target: path.join(dir, `${slug}.json`),
    state: path.join(dir, `${slug}.state.json`),
    obsolete: path.join(dir, `${slug}.obsolete.json`),
  };
}

export interface TranslationInputs {
  files: TranslationFiles;
  target: LocaleFile;
  obsolete?: LocaleFile;
  state: TranslationState;
  /** Current text of each file (undefined when absent), to write only what changes. */
  texts: { target?: string; state?: string; obsolete?: string };
  diagnostics: Diagnostic[];
}

/** Reads a translation, its state and its obsolete file; absent files are empty. */
export async function readTranslationInputs(paths: ProjectPaths, lang: Lang, slug: string): Promise<TranslationInputs> {
  const files = translationFiles(paths, lang, slug);
  const rel = (file: string) => path.relative(paths.root, file);
  const unreadable: Diagnostic[] = [];
  const read = (file: string) => readOptional(file, paths, unreadable);
  const [target, state, obsolete] = await Promise.all([files.target, files.state, files.obsolete].map(read));
  const targetFile = target === undefined ? emptyLocale(rel(files.target)) : readLocaleFile(target, rel(files.target));
  const obsoleteFile = obsolete === undefined ? undefined : readLocaleFile(obsolete, rel(files.obsolete));
  const parsedState = parseState(state, rel(files.state));
  return {
    files,
    target: targetFile,
    ...(obsoleteFile ? { obsolete: obsoleteFile } : {}),
    state: parsedState.state,
    texts: { ...(target !== undefined ? { target } : {}), ...(state !== undefined ? { state } : {}), ...(obsolete !== undefined ? { obsolete } : {}) },
    diagnostics: [...unreadable, ...targetFile.diagnostics, ...(obsoleteFile?.diagnostics ?? []), ...parsedState.diagnostics],
  };
}

/** The file's text, or undefined when it is absent or unreadable (then with an error at the file in `problems`). */
async function readOptional(file: string, paths: ProjectPaths, problems: Diagnostic[]): Promise<string | undefined> {
  try {
    return (await readOptionalInput(file, projectBounds(paths)))?.toString('utf8');
  } catch (error) {
    const shown = path.relative(paths.root, file);
    problems.push(error instanceof InputError ? error.toDiagnostic(shown) : ruleDiagnostic('briefing:unreadable-file', shown, { reason: String(error) }));
    return undefined;
  }
}
