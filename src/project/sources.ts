/** Finds and reads a project's source articles (`content/*.md|txt`); reading only, writing is publish's. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ruleDiagnostic, UsageError, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';

const SOURCE_EXTENSIONS = ['.md', '.txt'] as const;

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
    throw new UsageError(
      `Unknown article ${unknown.map((s) => `"${s}"`).join(', ')}. Articles in ${path.relative(paths.root, paths.content) || 'content'}/: ${known}.`,
    );
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
    const reason = error instanceof TypeError ? 'it is not valid UTF-8 text' : ((error as NodeJS.ErrnoException).code ?? String(error));
    return { diagnostics: [ruleDiagnostic('briefing:unreadable-article', source.file, { reason })] };
  }
}
