/**
 * Writes the catalogue of a manifest: the public `output/index.html`, the team's
 * `output/internal.html` (unless turned off: then an earlier one is removed) and one Atom feed per
 * language, each only when its bytes change. A page whose input is wrong (a `common.json` that does not parse
 * or lacks a string, a stylesheet that cannot be inlined) is not written, and the problem is
 * reported at that input's file; the other pages are still written.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { LANGS, type Lang } from '../core/types.js';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { commonLocales, type CommonLocales } from '../project/locales.js';
import { writeFileAtomic } from './atomic-write.js';
import type { Manifest } from './manifest.js';
import { feedFile, INDEX_FILE, INTERNAL_FILE, publishedRows } from './catalogue.js';
import type { WrittenFile } from './build-report.js';

/** What the catalogue is written with besides the manifest. */
export interface CatalogueOptions {
  /** Where output/ is published (`--base-url`): the feeds' links are absolute under it. */
  baseUrl?: string;
  /** The build's common-locale cache (default: a new one). */
  common?: CommonLocales;
  /** Write the team's page, `internal.html` (default true; `--no-internal-page` turns it off). */
  internalPage?: boolean;
}

/** index.html, internal.html and one Atom feed per language, from a manifest; each written only when it changes. */
export async function publishCatalogue(
  paths: ProjectPaths,
  manifest: Manifest,
  minCoverage: number,
  options: CatalogueOptions = {},
): Promise<{ written: WrittenFile[]; diagnostics: Diagnostic[] }> {
  const common = options.common ?? commonLocales(paths);
  const written: WrittenFile[] = [];
  const diagnostics: Diagnostic[] = [];
  // Loaded on demand: the tree builders and serialisers are not needed by a build that changed nothing.
  const [
    { renderIndexPage, INDEX_LANG },
    { renderFeed },
    { renderPublicIndex },
    { awaitingSection, awaitingTranslation },
    { CatalogueInputError, languageNames, readIndexStylesheet, readUiStrings, uiStrings },
  ] = await Promise.all([
    import('./index-page.js'),
    import('./feeds.js'),
    import('./public-index.js'),
    import('./awaiting-translation.js'),
    import('./catalogue-inputs.js'),
  ]);
  const internal = options.internalPage ?? true;
  // Turned off: the team's page of an earlier build must not stay beside a public upload.
  if (!internal) await rm(path.join(paths.output, INTERNAL_FILE), { force: true });
  const files: [string, () => Promise<string>][] = [
    [INDEX_FILE, async () => renderPublicIndex({ manifest, strings: await readUiStrings(common), stylesheet: readIndexStylesheet(paths) })],
  ];
  if (internal)
    files.push([
      INTERNAL_FILE,
      async () => {
        const strings = await readUiStrings(common);
        const feeds = Object.fromEntries(LANGS.map((lang) => [lang, feedFile(lang)])) as Record<Lang, string>;
        return renderIndexPage({
          mode: { kind: 'published', feeds, extra: awaitingSection(strings[INDEX_LANG], awaitingTranslation(manifest)) },
          languages: LANGS.map((lang) => ({ lang, rows: publishedRows(manifest, lang, minCoverage) })),
          minCoverage,
          t: strings[INDEX_LANG],
          languageNames: languageNames(strings),
          stylesheet: readIndexStylesheet(paths),
        });
      },
    ]);
  files.push(
    ...LANGS.map((lang): [string, () => Promise<string>] => [
      feedFile(lang),
      async () => renderFeed(manifest, lang, uiStrings(await common(lang), lang), options.baseUrl),
    ]),
  );
  // Projects made before the index page was built in code may still carry its old template.
  const oldTemplate = path.join(paths.templates, 'html', 'index.hbs');
  if (existsSync(oldTemplate)) {
    const instead = 'the index page is built in code. Restyle it in templates/html/index.css and change its text in locales/<lang>/common.json (index.*)';
    diagnostics.push(ruleDiagnostic('briefing:unused-template', path.relative(paths.root, oldTemplate), { instead }));
  }
  for (const [name, make] of files) {
    const start = performance.now();
    const target = path.join(paths.output, name);
    let text: string;
    try {
      text = await make();
    } catch (error) {
      if (!(error instanceof CatalogueInputError)) throw error;
      // The public and internal pages share their inputs: one problem, named once with both pages.
      const { file, line, column, ruleId } = error.diagnostic;
      const same = diagnostics.find(
        (d) => d.file === file && d.line === line && d.column === column && d.ruleId === ruleId && d.note?.endsWith(' not written'),
      );
      if (same) same.note = `${same.note!.slice(0, -' not written'.length)}, ${name} not written`;
      else diagnostics.push({ ...error.diagnostic, note: `${name} not written` });
      continue;
    }
    if (await writeIfChanged(target, text))
      written.push({ path: path.relative(process.cwd(), target) || target, bytes: Buffer.byteLength(text), ms: performance.now() - start });
  }
  return { written, diagnostics };
}

/** Writes `text` atomically unless the file already holds exactly it. Returns true if written. */
export async function writeIfChanged(file: string, text: string, current?: string): Promise<boolean> {
  const existing = current ?? (await readFile(file, 'utf8').catch(() => undefined));
  if (existing === text) return false;
  await writeFileAtomic(file, text);
  return true;
}
