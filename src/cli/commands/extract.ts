/**
 * `briefing extract`: writes `locales/fr/<slug>.json` from each French source (never typed by
 * hand) and keeps every other language's file in step (see translate/sync.ts).
 */
import path from 'node:path';
import { EXIT, hasErrors } from '../../core/errors.js';
import { projectPaths } from '../../core/paths.js';
import { SOURCE_LANG } from '../../core/types.js';
import { readLocale } from '../../project/locales.js';
import { extractSourceLocale } from '../../i18n/extract.js';
import { serializeState } from '../../translate/state.js';
import { syncTranslations, type SyncResult } from '../../translate/sync.js';
import { articleStatus } from '../../translate/status.js';
import { readLocaleFile } from '../../i18n/locale-file.js';
import { loadArticles, loadTranslations } from '../../translate/project.js';
import { writeFileAtomic, removeFile } from '../../publish/atomic-write.js';
import type { Settings } from '../options.js';
import { formatDiagnostics } from '../../core/report.js';
import { annotationsForRun } from '../github-annotations.js';
import type { Output } from '../output.js';
import { keyFigureCap } from '../../render/pdf/theme.js';
import { orphanedLocaleFiles } from '../../translate/orphans.js';

export async function extractCommand(settings: Settings, out: Output): Promise<number> {
  const paths = projectPaths(settings.root);
  const { articles, diagnostics } = await loadArticles(paths, settings.slugs, { keyFigures: keyFigureCap(paths.templates) });
  const targets = settings.langs.filter((lang) => lang !== SOURCE_LANG);
  /** file → new text (undefined: remove the file). */
  const changes = new Map<string, string | undefined>();
  const notes: string[] = [];
  const change = (file: string, current: string | undefined, next: string | undefined) => {
    if (current !== next) changes.set(file, next);
  };

  for (const article of articles) {
    const frenchFile = path.join(paths.locales, SOURCE_LANG, `${article.slug}.json`);
    const previousFrench = await readLocale(paths, SOURCE_LANG, article.slug, false);
    change(frenchFile, previousFrench.text, extractSourceLocale(article));
    for (const translation of await loadTranslations(paths, [article], targets)) {
      const { inputs, lang } = translation;
      diagnostics.push(...inputs.diagnostics);
      if (hasErrors(inputs.diagnostics)) continue; // never rewrite a file we could not read
      const sync = syncTranslations({
        article,
        ...(hasErrors(previousFrench.diagnostics) ? {} : { previousFrench }),
        target: inputs.target,
        ...(inputs.obsolete ? { obsolete: inputs.obsolete } : {}),
        state: inputs.state,
        prune: settings.prune,
      });
      change(inputs.files.target, inputs.texts.target, sync.targetText);
      change(inputs.files.obsolete, inputs.texts.obsolete, sync.obsoleteText);
      // Record the baseline too (what `check` would accept), so extract leaves a complete state file.
      const synced = readLocaleFile(sync.targetText, inputs.target.file);
      change(inputs.files.state, inputs.texts.state, serializeState(articleStatus(article, lang, synced, sync.state).nextState));
      const where = `${article.slug} (${lang})`;
      if (sync.added.length) notes.push(`${where}: ${sync.added.length} new key${sync.added.length === 1 ? '' : 's'} to translate: ${sync.added.join(', ')}`);
      if (sync.obsoleted.length)
        notes.push(
          `${where}: ${sync.obsoleted.length} obsolete translation${sync.obsoleted.length === 1 ? '' : 's'} moved to ${path.relative(paths.root, inputs.files.obsolete)}: ${sync.obsoleted.join(', ')}`,
        );
      for (const carry of sync.carried) notes.push(`${where}: ${carryNote(carry, path.relative(paths.root, inputs.files.obsolete))}`);
      if (sync.pruned.length) notes.push(`${where}: pruned ${sync.pruned.join(', ')}`);
    }
  }
  const orphans = settings.slugs.length === 0 ? await orphanedLocaleFiles(paths) : [];
  diagnostics.push(...orphans);
  if (diagnostics.length > 0) out.stderr(formatDiagnostics(diagnostics));
  for (const line of annotationsForRun(diagnostics, paths.root)) out.stderr(line);
  // Not "up to date" while translations of renamed or deleted articles lie unused.
  const upToDate =
    orphans.length === 0
      ? 'Locale files are up to date.'
      : `Locale files of the articles are up to date, but ${orphans.length} locale file${orphans.length === 1 ? ' has' : 's have'} no article (see above).`;
  const changed = [...changes.keys()].map((file) => path.relative(paths.root, file));
  if (settings.check) {
    if (changed.length > 0) {
      out.stderr(`Extraction would change: ${changed.join(', ')}. Run "briefing extract" and commit the result.`);
      return EXIT.content;
    }
    out.stdout(upToDate);
    return hasErrors(diagnostics) ? EXIT.content : EXIT.ok;
  }
  for (const [file, text] of changes) {
    if (text === undefined) await removeFile(file);
    else await writeFileAtomic(file, text);
  }
  for (const note of notes) out.stdout(note);
  const removed = [...changes].filter(([, text]) => text === undefined).map(([file]) => path.relative(paths.root, file));
  const updated = changed.filter((file) => !removed.includes(file));
  if (updated.length > 0) out.stdout(`Updated ${updated.join(', ')}`);
  if (removed.length > 0) out.stdout(`Removed ${removed.join(', ')}`);
  if (changed.length === 0) out.stdout(hasErrors(diagnostics) ? 'Nothing updated (see the errors above).' : upToDate);
  return hasErrors(diagnostics) ? EXIT.content : EXIT.ok;
}

/** What `extract` says about one translation it reused, in the translator's words. */
function carryNote(carry: SyncResult['carried'][number], obsoleteFile: string): string {
  const review = carry.stale ? ', marked stale: review it' : '';
  switch (carry.reason) {
    case 'returned':
      return `took the translation of "${carry.to}" back from ${obsoleteFile} (its French is back${carry.stale ? ', changed: marked stale, review it' : ', unchanged'})`;
    case 'twin':
      return `carried "${carry.from}" over to "${carry.to}" (the key looks mistyped${carry.stale ? `${review}` : '; same French, up to date'})`;
    default:
      return `carried "${carry.from}" over to "${carry.to}" (${Math.round(carry.similarity * 100)} % similar${review})`;
  }
}
