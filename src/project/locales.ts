/** Reads a project's locale files (`locales/<lang>/*.json`) with their places, for every stage that needs them. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../core/types.js';
import { ruleDiagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { emptyLocale, readLocaleFile, type LocaleFile } from '../i18n/locale-file.js';
import { COMMON_NS } from '../i18n/instance.js';

/**
 * Reads `locales/<lang>/<name>.json`. A missing file is an empty locale (every key missing),
 * reported when `required`.
 */
export async function readLocale(paths: ProjectPaths, lang: Lang, name: string, required: boolean): Promise<LocaleFile> {
  const absolute = path.join(paths.locales, lang, `${name}.json`);
  const file = path.relative(paths.root, absolute);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch {
    const empty = emptyLocale(file);
    if (required) empty.diagnostics.push(ruleDiagnostic('briefing:missing-locale-file', file, { file }));
    return empty;
  }
  return readLocaleFile(text, file);
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
