/** Reads a project's locale files (`locales/<lang>/*.json`) with their places, for every stage that needs them. */
import path from 'node:path';
import type { Lang } from '../core/types.js';
import { ruleDiagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import type { LocaleFile } from '../i18n/locale-file.js';
import { COMMON_NS } from '../i18n/namespaces.js';
import { projectBounds } from './bounds.js';
import { InputError, readOptionalInput } from './read-file.js';

/**
 * Reads `locales/<lang>/<name>.json`. A missing file is an empty locale (every key missing),
 * reported when `required`; one that cannot be read (a link out of the project, a folder,
 * permissions) is an empty locale with an error at the file, so what needs it fails and nothing else.
 */
export async function readLocale(paths: ProjectPaths, lang: Lang, name: string, required: boolean): Promise<LocaleFile> {
  // Loaded on first use: the reader and its JSON parser with places (momoa) are not needed by a
  // no-op build, which knows common.json is clean from its stat data (publish/input-hash.ts).
  const { emptyLocale, readLocaleFile } = await import('../i18n/locale-file.js');
  const absolute = path.join(paths.locales, lang, `${name}.json`);
  const file = path.relative(paths.root, absolute);
  let bytes: Buffer | undefined;
  try {
    bytes = await readOptionalInput(absolute, projectBounds(paths));
  } catch (error) {
    const empty = emptyLocale(file);
    empty.diagnostics.push(
      error instanceof InputError ? error.toDiagnostic(file) : ruleDiagnostic('briefing:unreadable-file', file, { reason: String(error) }),
    );
    return empty;
  }
  if (bytes === undefined) {
    const empty = emptyLocale(file);
    if (required) empty.diagnostics.push(ruleDiagnostic('briefing:missing-locale-file', file, { file }));
    return empty;
  }
  return readLocaleFile(bytes.toString('utf8'), file);
}

/** Reads `locales/<lang>/common.json`, once per process and build. */
export type CommonLocales = (lang: Lang) => Promise<LocaleFile>;

export function commonLocales(paths: ProjectPaths): CommonLocales {
  const cache = new Map<Lang, Promise<LocaleFile>>();
  return (lang) => {
    let hit = cache.get(lang);
    if (!hit) {
      hit = readLocale(paths, lang, COMMON_NS, true);
      cache.set(lang, hit);
    }
    return hit;
  };
}
