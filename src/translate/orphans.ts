/**
 * Orphaned locale files: `locales/<lang>/<slug>.json` (and its `.state.json`, `.obsolete.json`)
 * whose article `content/<slug>.*` is gone — renamed or deleted. Their translations would be lost
 * silently, so `check`, `status` and `extract` name them, with the fix.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { LANGS } from '../core/types.js';
import { COMMON_NS } from '../i18n/instance.js';
import { listSources } from '../project/sources.js';

/** The article a locale file belongs to (`a.state.json` → `a`), or undefined for common.json and non-JSON files. */
function localeSlug(name: string): string | undefined {
  for (const suffix of ['.state.json', '.obsolete.json', '.json']) {
    if (name.endsWith(suffix)) {
      const slug = name.slice(0, -suffix.length);
      return slug === COMMON_NS || slug === '' || slug.startsWith('.') ? undefined : slug;
    }
  }
  return undefined;
}

/** Locale files of every language whose article is not in `content/`, one warning each (sorted). */
export async function orphanedLocaleFiles(paths: ProjectPaths): Promise<Diagnostic[]> {
  const articles = new Set((await listSources(paths)).map((source) => source.slug));
  const diagnostics: Diagnostic[] = [];
  for (const lang of LANGS) {
    let names: string[];
    try {
      names = await readdir(path.join(paths.locales, lang));
    } catch {
      continue; // no folder for this language: nothing orphaned
    }
    for (const name of names.sort()) {
      const slug = localeSlug(name);
      if (slug === undefined || articles.has(slug)) continue;
      const file = path.relative(paths.root, path.join(paths.locales, lang, name));
      diagnostics.push(ruleDiagnostic('briefing:orphaned-locale', file, { slug }));
    }
  }
  return diagnostics;
}
