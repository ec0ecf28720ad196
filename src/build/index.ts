/**
 * `briefing build`: every article × language × format. Each article is parsed once; each edition
 * is rendered fully in memory and only then written (atomically), so a failure never leaves a
 * partial file and the previous good output stays. One failing article or language does not stop
 * the others: all diagnostics are gathered and returned.
 */
import path from 'node:path';
import type { Format, Lang } from '../core/types.js';
import { SOURCE_LANG } from '../core/types.js';
import { diagnostic, hasErrors, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { buildTime, isoDate } from '../core/clock.js';
import { parseArticle } from '../parse/index.js';
import { createI18n, COMMON_NS } from '../i18n/instance.js';
import { TemplateError } from '../render/templates.js';
import { writeFileAtomic, removeStaleTemporaries } from '../publish/atomic-write.js';
import { listSources, readLocale, readSource } from './inputs.js';
import { renderEdition } from './edition.js';

export interface BuildOptions {
  paths: ProjectPaths;
  slugs?: readonly string[];
  langs: readonly Lang[];
  formats: readonly Format[];
  env?: NodeJS.ProcessEnv;
}

export interface WrittenFile {
  /** Path relative to the current directory's view of the output folder. */
  path: string;
  bytes: number;
  ms: number;
}

export interface BuildReport {
  written: WrittenFile[];
  diagnostics: Diagnostic[];
  /** Editions (slug.lang) that could not be built. */
  failed: string[];
  /** Per written edition, the keys that fell back to French. */
  fallbacks: Record<string, string[]>;
}

export async function buildProject(options: BuildOptions): Promise<BuildReport> {
  const { paths } = options;
  const now = buildTime(options.env);
  const report: BuildReport = { written: [], diagnostics: [], failed: [], fallbacks: {} };
  const sources = await listSources(paths, options.slugs);
  const common = new Map<Lang, Awaited<ReturnType<typeof readLocale>>>();
  for (const lang of options.langs) common.set(lang, await readLocale(paths, lang, COMMON_NS, true));
  for (const file of common.values()) report.diagnostics.push(...file.diagnostics);

  for (const source of sources) {
    const read = await readSource(source);
    report.diagnostics.push(...read.diagnostics);
    if (read.text === undefined) {
      report.failed.push(...options.langs.map((lang) => `${source.slug}.${lang}`));
      continue;
    }
    const { article, diagnostics } = parseArticle(read.text, source.file, source.slug);
    report.diagnostics.push(...diagnostics);
    if (hasErrors(diagnostics)) {
      report.failed.push(...options.langs.map((lang) => `${source.slug}.${lang}`));
      continue;
    }
    const outDir = path.join(paths.output, source.slug);
    await removeStaleTemporaries(outDir);
    for (const lang of options.langs) {
      const commonFile = common.get(lang)!;
      const articleFile = lang === SOURCE_LANG ? undefined : await readLocale(paths, lang, source.slug, false);
      if (articleFile) report.diagnostics.push(...articleFile.diagnostics);
      if (hasErrors(commonFile.diagnostics) || (articleFile && hasErrors(articleFile.diagnostics))) {
        report.failed.push(`${source.slug}.${lang}`);
        continue;
      }
      const namespaces = { [COMMON_NS]: commonFile.resources, ...(articleFile ? { [source.slug]: articleFile.resources } : {}) };
      try {
        const edition = await renderEdition(article, lang, createI18n(lang, namespaces), {
          formats: options.formats,
          templatesDir: paths.templates,
          date: article.meta.date ?? isoDate(now),
          creationDate: now,
        });
        for (const file of edition.files) {
          const target = path.join(outDir, file.name);
          await writeFileAtomic(target, file.data);
          report.written.push({ path: path.relative(process.cwd(), target) || target, bytes: Buffer.byteLength(file.data), ms: file.ms });
        }
        if (edition.fallbacks.length > 0) report.fallbacks[`${source.slug}.${lang}`] = edition.fallbacks;
      } catch (error) {
        report.failed.push(`${source.slug}.${lang}`);
        report.diagnostics.push(errorDiagnostic(error, paths, source.file));
      }
    }
  }
  return report;
}

/** A template or renderer failure as a diagnostic in the user's own file. */
function errorDiagnostic(error: unknown, paths: ProjectPaths, articleFile: string): Diagnostic {
  if (error instanceof TemplateError) {
    return diagnostic(path.relative(paths.root, error.file), 'briefing:template-error', error.message, { line: error.line, column: error.column });
  }
  const message = error instanceof Error ? error.message : String(error);
  return diagnostic(articleFile, 'briefing:render-failed', `Rendering failed: ${message}`);
}
