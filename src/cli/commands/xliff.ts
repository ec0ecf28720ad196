/**
 * `briefing xliff export [slug…]` and `briefing xliff import FILE…`: the translations as XLIFF
 * (2.0, or 1.2 with --xliff-version 1.2) for CAT tools, and back. Export writes one file per
 * article and language into xliff/ (or --out); import checks every file first and writes the
 * locale and state files only when all of them are clean, each atomically.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULTS } from '../../core/defaults.js';
import { EXIT, UsageError, hasErrors, ruleDiagnostic, type Diagnostic } from '../../core/errors.js';
import { projectPaths } from '../../core/paths.js';
import { SOURCE_LANG, type Lang } from '../../core/types.js';
import { formatDiagnostics } from '../../core/report.js';
import { readLocale } from '../../project/locales.js';
import { loadArticles, loadTranslations } from '../../translate/project.js';
import { exportFile } from '../../translate/xliff/export.js';
import { planImport } from '../../translate/xliff/import.js';
import { readXliff, type ReadFile } from '../../translate/xliff/read.js';
import { xliffXml } from '../../translate/xliff/write.js';
import { writeFileAtomic } from '../../publish/atomic-write.js';
import { keyFigureCap } from '../../render/pdf/theme.js';
import type { Settings } from '../options.js';
import type { Output } from '../output.js';

export async function xliffCommand(settings: Settings, out: Output): Promise<number> {
  const [action, ...rest] = settings.slugs;
  const targets = settings.langs.filter((lang) => lang !== SOURCE_LANG);
  if (action === 'export') return exportXliff(settings, rest, targets, out);
  if (action === 'import') {
    if (rest.length === 0) throw new UsageError('Name the XLIFF files to import, e.g. briefing xliff import xliff/my-article.en.xlf');
    return importXliff(settings, rest, targets, out);
  }
  throw new UsageError(`Use "briefing xliff export [slug…]" or "briefing xliff import FILE…"${action ? ` (not "${action}")` : ''}.`);
}

async function exportXliff(settings: Settings, slugs: string[], targets: Lang[], out: Output): Promise<number> {
  const paths = projectPaths(settings.root);
  const dir = settings.out !== undefined ? path.resolve(settings.out) : path.join(paths.root, DEFAULTS.xliffDir);
  const { articles, diagnostics } = await loadArticles(paths, slugs, { keyFigures: keyFigureCap(paths.templates) });
  const written: string[] = [];
  for (const translation of await loadTranslations(paths, articles, targets)) {
    const { article, lang, inputs, result } = translation;
    diagnostics.push(...inputs.diagnostics);
    if (!result) continue; // the locale file is unreadable: its diagnostics say why
    const file = exportFile(article, result.status, path.relative(paths.root, path.resolve(article.path)));
    const target = path.join(dir, `${article.slug}.${lang}.xlf`);
    await writeFileAtomic(target, xliffXml({ version: settings.xliffVersion, sourceLang: SOURCE_LANG, targetLang: lang, files: [file] }));
    written.push(`${path.relative(paths.root, target)} (${file.units.length} units)`);
  }
  if (diagnostics.length > 0) out.stderr(formatDiagnostics(diagnostics));
  out.stdout(written.length ? `Exported XLIFF ${settings.xliffVersion}: ${written.join(', ')}` : 'Nothing exported.');
  return hasErrors(diagnostics) ? EXIT.content : EXIT.ok;
}

async function importXliff(settings: Settings, files: string[], targets: Lang[], out: Output): Promise<number> {
  const paths = projectPaths(settings.root);
  const diagnostics: Diagnostic[] = [];
  const writes = new Map<string, string>();
  const notes: string[] = [];
  for (const given of files) {
    const absolute = path.resolve(given);
    const shown = path.relative(paths.root, absolute);
    const text = await readXliffText(absolute, shown, diagnostics);
    if (text === undefined) continue;
    const { document, diagnostics: problems } = readXliff(text, shown);
    diagnostics.push(...problems);
    for (const read of document?.files ?? []) {
      const lang = languageOf(read, targets, shown, diagnostics);
      if (lang === undefined) continue;
      const { articles, diagnostics: parsing } = await loadArticles(paths, [], { keyFigures: keyFigureCap(paths.templates) });
      const article = articles.find((a) => a.slug === read.slug);
      if (!article) {
        diagnostics.push(...parsing.filter((d) => d.severity === 'error'));
        diagnostics.push(ruleDiagnostic('briefing:xliff-unknown-article', shown, { slug: read.slug }, read.place));
        continue;
      }
      const [translation] = await loadTranslations(paths, [article], [lang]);
      const french = await readLocale(paths, SOURCE_LANG, article.slug, false);
      if (!translation || hasErrors(translation.inputs.diagnostics)) {
        diagnostics.push(...(translation?.inputs.diagnostics ?? []));
        continue;
      }
      const { inputs } = translation;
      const plan = planImport({ article, lang, xliffFile: shown, read, french, target: inputs.target, state: inputs.state, texts: inputs.texts });
      diagnostics.push(...plan.diagnostics);
      if (plan.targetText !== undefined) writes.set(inputs.files.target, plan.targetText);
      if (plan.stateText !== undefined) writes.set(inputs.files.state, plan.stateText);
      const where = `${article.slug} (${lang})`;
      notes.push(
        `${where}: ${plan.changed.length} translation${plan.changed.length === 1 ? '' : 's'} imported${plan.changed.length ? `: ${plan.changed.join(', ')}` : ''}`,
      );
      if (plan.confirmed.length) notes.push(`${where}: confirmed as still right: ${plan.confirmed.join(', ')}`);
    }
  }
  if (diagnostics.length > 0) out.stderr(formatDiagnostics(diagnostics));
  if (hasErrors(diagnostics)) {
    out.stderr('Nothing imported: fix the errors above (in the CAT tool, or export again) and import again.');
    return EXIT.content;
  }
  for (const [file, text] of writes) await writeFileAtomic(file, text);
  for (const note of notes) out.stdout(note);
  out.stdout(writes.size ? `Updated ${[...writes.keys()].map((file) => path.relative(paths.root, file)).join(', ')}` : 'Locale files are up to date.');
  return EXIT.ok;
}

/** The file's text, or undefined (with a placed problem) when it is unreadable or too large to be an export. */
async function readXliffText(file: string, shown: string, diagnostics: Diagnostic[]): Promise<string | undefined> {
  try {
    const { size } = await stat(file);
    if (size > DEFAULTS.xliffMaxBytes) {
      diagnostics.push(ruleDiagnostic('briefing:xliff-too-large', shown, { size, max: DEFAULTS.xliffMaxBytes }));
      return undefined;
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    diagnostics.push(ruleDiagnostic('briefing:unreadable-file', shown, { reason: error instanceof Error ? error.message : String(error) }));
    return undefined;
  }
}

/** The target language of a `<file>` (`en-GB` counts as `en`), if French is its source and the project translates into it. */
function languageOf(read: ReadFile, targets: readonly Lang[], shown: string, diagnostics: Diagnostic[]): Lang | undefined {
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';
  const lang = targets.find((candidate) => candidate === primary(read.targetLang));
  if (primary(read.sourceLang) === SOURCE_LANG && lang !== undefined) return lang;
  const wrongSource = primary(read.sourceLang) !== SOURCE_LANG;
  diagnostics.push(
    ruleDiagnostic(
      'briefing:xliff-wrong-language',
      shown,
      wrongSource
        ? { found: read.sourceLang, expected: `"${SOURCE_LANG}" as the source` }
        : { found: read.targetLang, expected: targets.map((t) => `"${t}"`).join(' or ') },
      read.place,
    ),
  );
  return undefined;
}
