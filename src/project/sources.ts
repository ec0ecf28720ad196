/** Finds and reads a project's source articles (`content/*.md|txt`); reading only, writing is publish's. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ruleDiagnostic, UsageError, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { projectBounds, remember, type ProjectBounds } from './bounds.js';
import { InputError, readInput } from './read-file.js';
import { reservedSlug } from './reserved-slugs.js';

const SOURCE_EXTENSIONS = ['.md', '.txt'] as const;

/** A source article on disk. */
export interface SourceFile {
  slug: string;
  /** Path relative to the project root, for messages. */
  file: string;
  absolute: string;
  /** What the file may resolve to (plain data: the task carries it to a worker). */
  bounds: ProjectBounds;
}

/**
 * Lists `content/*.md|txt`, sorted by slug; `slugs` narrows the list (unknown slugs are a usage
 * error). Every such name is listed, whatever it is (a folder, a FIFO, a link out of the project):
 * reading it reports the problem at its place, and the other articles build.
 */
export async function listSources(paths: ProjectPaths, slugs: readonly string[] = []): Promise<SourceFile[]> {
  let names: string[];
  try {
    names = await readdir(paths.content);
  } catch {
    throw new UsageError(`No content folder at ${paths.content}. Run briefing from a project root (a folder holding content/ and locales/), or pass --root.`);
  }
  const bounds = projectBounds(paths);
  const sources = names
    .filter((name) => (SOURCE_EXTENSIONS as readonly string[]).includes(path.extname(name)) && !name.startsWith('.'))
    .sort()
    .map((name) => ({
      slug: path.basename(name, path.extname(name)),
      file: path.relative(paths.root, path.join(paths.content, name)) || name,
      absolute: path.join(paths.content, name),
      bounds,
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

/**
 * Reads a source file; a reserved name, a file that is not the project's own regular file, or one
 * that cannot be read or decoded becomes a diagnostic naming it, never an exception.
 */
export async function readSource(source: SourceFile): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  const reserved = reservedSlug(source.slug);
  if (reserved) return { diagnostics: [ruleDiagnostic('briefing:reserved-slug', source.file, { slug: source.slug, name: reserved })] };
  remember(source.bounds); // a worker's renderers then find the project's bounds for its templates
  let buffer: Buffer;
  try {
    buffer = await readInput(source.absolute, source.bounds);
  } catch (error) {
    if (error instanceof InputError && error.ruleId !== 'briefing:unreadable-file') return { diagnostics: [error.toDiagnostic(source.file)] };
    const reason = error instanceof InputError ? (error.params as { reason: string }).reason : String(error);
    return { diagnostics: [ruleDiagnostic('briefing:unreadable-article', source.file, { reason })] };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), diagnostics: [] };
  } catch {
    return { diagnostics: [ruleDiagnostic('briefing:unreadable-article', source.file, { reason: 'it is not valid UTF-8 text' })] };
  }
}
