/**
 * Stable dates. An edition's content time is when what it says last changed: the time of the
 * build that first saw its current content hash, remembered in the manifest (`editions`). The
 * date an undated briefing shows, its PDF dates and its feed entry's `<updated>` follow it, so a
 * build on another day, or after a commit that touched nothing the edition reads, re-dates and
 * rewrites nothing. The content hash covers what the edition says — the article, its images and,
 * for a translation, its locale and state files — and not how it is laid out (templates, tool
 * version, options): a new theme re-renders every edition but moves no date.
 */
import { sha256 } from '../core/hash.js';
import { SOURCE_LANG, type Lang } from '../core/types.js';
import type { ProjectPaths } from '../core/paths.js';
import type { ImageInput } from '../project/image-inputs.js';
import type { EditionPlan } from '../pipeline/article-task.js';
import type { FileHasher } from './input-hash.js';
import { editionInputFiles } from './input-hash.js';
import type { EditionEntry } from './manifest.js';

/** The files whose bytes are an edition's content: the article, and a translation's locale and state files. */
export function editionContentFiles(paths: ProjectPaths, sourceFile: string, slug: string, lang: Lang): string[] {
  const [article, , ...translation] = editionInputFiles(paths, sourceFile, slug, lang);
  // common.json (interface strings) and obsolete keys change no content.
  return [article!, ...(lang === SOURCE_LANG ? [] : translation.filter((file) => !file.endsWith('.obsolete.json')))];
}

/** sha256 over an edition's content files and the states of the images its article shows. */
export function contentHash(hasher: FileHasher, files: readonly string[], images: readonly ImageInput[]): string {
  const parts = [...files.map((file) => `${file}=${hasher.file(file)}`), ...images.map((image) => `image:${image.file}=${image.state}`)];
  return sha256(parts.join('\n'));
}

/**
 * The content time of an edition (ms since 1970): the remembered one while its content hash is the
 * one remembered, else `nowMs` (the build's clock: `SOURCE_DATE_EPOCH` when set).
 */
function contentTime(remembered: EditionEntry | undefined, hash: string, nowMs: number): number {
  if (remembered?.contentHash === hash) {
    const ms = Date.parse(remembered.changedAt);
    if (Number.isFinite(ms)) return ms;
  }
  return nowMs;
}

/** Content hash and time of each edition of `slug` to render (the date it shows when the article gives none, and its PDF dates). */
export function editionContent(
  remembered: ReadonlyMap<string, EditionEntry>,
  slug: string,
  editions: readonly Pick<EditionPlan, 'lang'>[],
  contentHashes: Partial<Record<Lang, string>>,
  nowMs: number,
): { hashes: Partial<Record<Lang, string>>; times: Partial<Record<Lang, number>> } {
  const hashes: Partial<Record<Lang, string>> = {};
  const times: Partial<Record<Lang, number>> = {};
  for (const edition of editions) {
    const hash = contentHashes[edition.lang] ?? '';
    hashes[edition.lang] = hash;
    times[edition.lang] = contentTime(remembered.get(`${slug}.${edition.lang}`), hash, nowMs);
  }
  return { hashes, times };
}
