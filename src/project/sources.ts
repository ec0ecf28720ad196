/** Reads a project's sources and locale files from disk (reading only; writing is publish's). */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from '../core/types.js';
import { ruleDiagnostic, UsageError, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { emptyLocale, readLocaleFile, type LocaleFile } from '../i18n/locale-file.js';
import { COMMON_NS } from '../i18n/instance.js';

export const SOURCE_EXTENSIONS = ['.md', '.txt'] as const;

/** A source article on disk. */
export interface SourceFile {
  slug: string;
  /** Path relative to the project root, for messages. */
  file: string;
  absolute: string;
}

/** Lists `content/*.md|txt`, sorted by slug; `slugs` narrows the list (unknown slugs are a usage error). */
export async function listSources(paths: ProjectPaths, slugs: readonly string[] = []): Promise<SourceFile[]> {
  let names: string[];
  try {
    names = await readdir(paths.content);
  } catch {
    throw new UsageError(`No content folder at ${paths.content}. Run briefing from a project root (a folder holding content/ and locales/), or pass --root.`);
  }
  const sources = names
    .filter((name) => (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(name)) && !name.startsWith('.'))
    .sort()
    .map((name) => ({
      slug: path.basename(name, path.extname(name)),
      file: path.relative(paths.root, path.join(paths.content, name)) || name,
      absolute: path.join(paths.content, name),
    }));
  const bySlug = new Map<string, SourceFile>();
  for (const source of sources) {
    const other = bySlug.get(source.slug);
    if (other) throw new UsageError(`Two sources share the slug "${source.slug}": ${other.file} and ${source.file}. Rename or remove one.`);
    bySlug.set(source.slug, source);
  }
  if (slugs.length === 0) return sources;
  const unknown = slugs.filter((slug) => !bySlug.has(slug));
  if (unknown.length > 0) {
    const known = [...bySlug.keys()].join(', ') || '(none)';
    throw new UsageError(`Unknown article ${unknown.map((s) => `"${s}"`).join(', ')}. Articles in ${path.relative(paths.root, paths.content) || 'content'}/: ${known}.`);
  }
  return slugs.map((slug) => bySlug.get(slug)!);
}

/** Reads a source file; an unreadable file becomes a diagnostic naming it. */
export async function readSource(source: SourceFile): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  try {
    const buffer = await readFile(source.absolute);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    return { text, diagnostics: [] };
  } catch (error) {
    const reason = error instanceof TypeError ? 'it is not valid UTF-8 text' : (error as NodeJS.ErrnoException).code ?? String(error);
    return { diagnostics: [ruleDiagnostic('briefing:unreadable-article', source.file, { reason })] };
  }
}

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
    if (!hit) cache.set(lang, (hit = readLocale(paths, lang, COMMON_NS, true)));
    return hit;
  };
}
