/**
 * `briefing rename OLD NEW`: renames an article with everything that hangs on its name —
 * `content/OLD.{md,txt}`, its locale files in every language (`.json`, `.state.json`,
 * `.obsolete.json`) — and removes its published `output/OLD/` (the next build writes
 * `output/NEW/`). Every translation is kept. Also finishes the job when the article file was
 * already renamed by hand (then only the locale files move).
 *
 * Crash safety: every new file is written first (atomically), and only then are the old ones
 * removed, the article last. Interrupted, the project holds both names, never neither; running the
 * same command again completes it (an identical `content/NEW` is taken as a rename under way).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, UsageError } from '../../core/errors.js';
import { projectPaths, type ProjectPaths } from '../../core/paths.js';
import { LANGS, SOURCE_LANG } from '../../core/types.js';
import { readLocaleFile } from '../../i18n/locale-file.js';
import { projectBounds } from '../../project/bounds.js';
import { readOptionalInput } from '../../project/read-file.js';
import { reservedSlug } from '../../project/reserved-slugs.js';
import { listSources } from '../../project/sources.js';
import { removeFile, writeFileAtomic } from '../../publish/atomic-write.js';
import type { Settings } from '../options.js';
import type { Output } from '../output.js';

const LOCALE_SUFFIXES = ['.json', '.state.json', '.obsolete.json'] as const;

/** One file to move: its old and new paths and its bytes. */
interface Move {
  from: string;
  to: string;
  bytes: Buffer;
}

export async function renameCommand(settings: Settings, out: Output): Promise<number> {
  if (settings.slugs.length !== 2)
    throw new UsageError('Name the article and its new name: briefing rename OLD NEW (e.g. briefing rename ia-2025 ia-bilan-2025).');
  const [from, to] = settings.slugs as [string, string];
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(to) || reservedSlug(to))
    throw new UsageError(`"${to}" cannot be an article name: use letters, digits, - and _ (not starting with index, manifest or feed), e.g. ${from}-2.`);
  if (from === to) throw new UsageError(`"${from}" already has that name.`);
  const paths = projectPaths(settings.root, settings.out);
  const read = (file: string) => readOptionalInput(file, projectBounds(paths));
  const rel = (file: string) => path.relative(paths.root, file);

  const sources = new Map((await listSources(paths)).map((source) => [source.slug, source]));
  const oldSource = sources.get(from);
  const newSource = sources.get(to);
  const moves: Move[] = [];
  /** Old files whose new counterpart is already right. */
  const drops: string[] = [];
  if (oldSource) {
    const bytes = (await read(oldSource.absolute))!;
    const target = path.join(paths.content, `${to}${path.extname(oldSource.absolute)}`);
    // An identical content/NEW is this rename, interrupted: carry on.
    if (newSource && !(newSource.absolute === target && (await read(target))?.equals(bytes)))
      throw new UsageError(`There is already an article ${newSource.file}: choose another name, or remove it first.`);
    moves.push({ from: oldSource.absolute, to: target, bytes });
  }

  for (const lang of LANGS) {
    for (const suffix of LOCALE_SUFFIXES) {
      const oldFile = path.join(paths.locales, lang, `${from}${suffix}`);
      const bytes = await read(oldFile);
      if (bytes === undefined) continue;
      const newFile = path.join(paths.locales, lang, `${to}${suffix}`);
      const existing = await read(newFile);
      // The French extraction of an article already renamed by hand is current: keep it, drop the old one.
      if (lang === SOURCE_LANG && suffix === '.json' && existing !== undefined) {
        drops.push(oldFile);
        continue;
      }
      if (existing !== undefined && !existing.equals(bytes) && suffix === '.json' && hasTranslations(existing.toString('utf8'), rel(newFile)))
        throw new UsageError(`${rel(newFile)} already holds translations: move them by hand, or delete that file first. Nothing was changed.`);
      moves.push({ from: oldFile, to: newFile, bytes });
    }
  }
  if (moves.length === 0 && drops.length === 0) throw new UsageError(`No article "${from}" and no locale files of that name: nothing to rename.`);

  for (const move of moves) await writeFileAtomic(move.to, move.bytes);
  // The article last: until it goes, a rerun finds the rename under way.
  for (const file of drops) await removeFile(file);
  for (const move of [...moves].reverse()) await removeFile(move.from);
  const output = await removeOutput(paths, from);

  for (const move of moves) out.stdout(`${rel(move.from)} → ${rel(move.to)}`);
  for (const file of drops) out.stdout(`Removed ${rel(file)} (the current extraction is kept)`);
  if (output) out.stdout(`Removed ${rel(output)}/ (the next build writes ${rel(path.join(paths.output, to))}/)`);
  if (!oldSource) out.stdout(`The article file was already renamed: its translations now follow it. Run "briefing extract ${to}".`);
  return EXIT.ok;
}

/** Whether a locale file holds a non-empty string (unreadable counts as yes: never overwrite it). */
function hasTranslations(text: string, file: string): boolean {
  const locale = readLocaleFile(text, file);
  return locale.diagnostics.length > 0 || locale.entries.some((entry) => entry.value.trim() !== '');
}

/** Removes the published `output/<slug>/`; returns it when it was there. */
async function removeOutput(paths: ProjectPaths, slug: string): Promise<string | undefined> {
  const dir = path.join(paths.output, slug);
  const there = (await rm(dir, { recursive: true }).then(
    () => true,
    () => false,
  )) as boolean;
  return there ? dir : undefined;
}
