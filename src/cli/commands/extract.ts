/** `briefing extract`: writes `locales/fr/<slug>.json` from each French source (never typed by hand). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EXIT, hasErrors, type Diagnostic } from '../../core/errors.js';
import { projectPaths } from '../../core/paths.js';
import { SOURCE_LANG } from '../../core/types.js';
import { listSources, readSource } from '../../build/inputs.js';
import { parseArticle } from '../../parse/index.js';
import { extractSourceLocale } from '../../i18n/extract.js';
import { writeFileAtomic } from '../../publish/atomic-write.js';
import type { Settings } from '../options.js';
import { formatDiagnostics } from '../report.js';
import type { Output } from '../main.js';

export async function extractCommand(settings: Settings, out: Output): Promise<number> {
  const paths = projectPaths(settings.root);
  const diagnostics: Diagnostic[] = [];
  const changed: string[] = [];
  for (const source of await listSources(paths, settings.slugs)) {
    const read = await readSource(source);
    diagnostics.push(...read.diagnostics);
    if (read.text === undefined) continue;
    const parsed = parseArticle(read.text, source.file, source.slug);
    diagnostics.push(...parsed.diagnostics);
    if (hasErrors(parsed.diagnostics)) continue;
    const target = path.join(paths.locales, SOURCE_LANG, `${source.slug}.json`);
    const next = extractSourceLocale(parsed.article);
    const current = await readFile(target, 'utf8').catch(() => undefined);
    if (current === next) continue;
    changed.push(path.relative(paths.root, target));
    if (!settings.check) await writeFileAtomic(target, next);
  }
  if (diagnostics.length > 0) out.stderr(formatDiagnostics(diagnostics));
  if (settings.check && changed.length > 0) {
    out.stderr(`Extraction would change: ${changed.join(', ')}. Run "briefing extract" and commit the result.`);
    return EXIT.content;
  }
  out.stdout(changed.length > 0 ? `Updated ${changed.join(', ')}` : 'Locale files are up to date.');
  return hasErrors(diagnostics) ? EXIT.content : EXIT.ok;
}
