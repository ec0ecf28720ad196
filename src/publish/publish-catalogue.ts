/**
 * Writes the catalogue of a manifest: `output/index.html` and one Atom feed per language, each
 * only when its bytes change. A page whose input is wrong (a `common.json` that does not parse
 * or lacks a string, a stylesheet that cannot be inlined) is not written, and the problem is
 * reported at that input's file; the other pages are still written.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LANGS, type Lang } from '../core/types.js';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { commonLocales, type CommonLocales } from '../project/locales.js';
import { writeFileAtomic } from './atomic-write.js';
import type { Manifest } from './manifest.js';
import { feedFile, INDEX_FILE, publishedRows } from './catalogue.js';
import { CatalogueInputError, languageNames, readIndexStylesheet, readUiStrings, uiStrings } from './catalogue-inputs.js';
import type { WrittenFile } from './build-report.js';

/** What the catalogue is written with besides the manifest. */
export interface CatalogueOptions {
  /** Where output/ is published (`--base-url`): the feeds' links are absolute under it. */
  baseUrl?: string;
  /** The build's common-locale cache (default: a new one). */
  common?: CommonLocales;
}

/** index.html and one Atom feed per language, from a manifest; each written only when it changes. */
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
  const [{ renderIndexPage, INDEX_LANG }, { renderFeed }] = await Promise.all([import('./index-page.js'), import('./feeds.js')]);
  const files: [string, () => Promise<string>][] = [
    [
      INDEX_FILE,
      async () => {
        const strings = await readUiStrings(common);
        return renderIndexPage({
          mode: { kind: 'published', feeds: Object.fromEntries(LANGS.map((lang) => [lang, feedFile(lang)])) as Record<Lang, string> },
          languages: LANGS.map((lang) => ({ lang, rows: publishedRows(manifest, lang, minCoverage) })),
          minCoverage,
          t: strings[INDEX_LANG],
          languageNames: languageNames(strings),
          stylesheet: readIndexStylesheet(paths),
        });
      },
    ],
    ...LANGS.map((lang): [string, () => Promise<string>] => [
      feedFile(lang),
      async () => renderFeed(manifest, lang, uiStrings(await common(lang), lang), options.baseUrl),
    ]),
  ];
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
      diagnostics.push({ ...error.diagnostic, note: `${name} not written` });
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
