/**
 * `briefing check`: lints every locale file and reports each problem as
 * `path:line:column  severity  message  rule-id`, the French source shown for context
 * (`--format json`: the same diagnostics as objects, each with the `url` of its rule's section in
 * docs/rules.md).
 * It also records automatic acceptances (French and translation both changed) and `--accept`ed
 * keys in the state files. Exit 0 when clean, 1 on errors (or warnings with --strict).
 */
import { EXIT, UsageError, ruleDiagnostic, hasErrors, type Diagnostic } from '../../core/errors.js';
import { projectPaths } from '../../core/paths.js';
import { SOURCE_LANG } from '../../core/types.js';
import { readLocale } from '../../project/locales.js';
import { COMMON_NS } from '../../i18n/instance.js';
import { extractSourceLocale, segmentsOf } from '../../i18n/extract.js';
import { lintFrenchTypography, lintLocale } from '../../translate/lint/index.js';
import { coverageRow, loadArticles, loadTranslations } from '../../translate/project.js';
import { acceptKeys, articleStatus } from '../../translate/status.js';
import { lintQa, qaFindings } from '../../translate/qa/index.js';
import { acceptWarnings } from '../../translate/qa/accept.js';
import { sameState, serializeState } from '../../translate/state.js';
import { coverageDiagnostic, obsoleteFileDiagnostic, statusDiagnostics } from '../../translate/diagnostics.js';
import type { ArticleStatus } from '../../translate/types.js';
import { writeFileAtomic } from '../../publish/atomic-write.js';
import type { Settings } from '../options.js';
import { countLine, formatDiagnostics } from '../../core/report.js';
import { shownDiagnostics } from '../shown-diagnostics.js';
import { annotationsForRun } from '../github-annotations.js';
import type { Output } from '../output.js';
import { keyFigureCap } from '../../render/pdf/theme.js';
import { readGlossary } from '../../project/glossary.js';
import { orphanedLocaleFiles } from '../../translate/orphans.js';

export async function checkCommand(settings: Settings, out: Output): Promise<number> {
  const paths = projectPaths(settings.root);
  const targets = settings.langs.filter((lang) => lang !== SOURCE_LANG);
  const { articles, diagnostics } = await loadArticles(paths, settings.slugs, { keyFigures: keyFigureCap(paths.templates) });
  const statuses: ArticleStatus[] = [];
  const { glossary, diagnostics: glossaryProblems } = await readGlossary(paths);
  diagnostics.push(...glossaryProblems);
  // Renamed or deleted articles' translations: a project-wide question, asked when no article is named.
  if (settings.slugs.length === 0) diagnostics.push(...(await orphanedLocaleFiles(paths)));

  // Interface strings: French typography in French, the rest against French in each target.
  const frenchCommon = await readLocale(paths, SOURCE_LANG, COMMON_NS, true);
  diagnostics.push(...frenchCommon.diagnostics, ...lintFrenchTypography(frenchCommon, frenchCommon.text));
  for (const lang of targets) {
    const common = await readLocale(paths, lang, COMMON_NS, true);
    diagnostics.push(...common.diagnostics, ...lintLocale({ target: common, targetLang: lang, source: frenchCommon, text: common.text }));
  }

  const accepted = new Set<string>();
  /** State files to write, once the command line is known to be valid (a usage error changes nothing). */
  const stateWrites: [file: string, text: string][] = [];
  for (const article of articles) {
    const french = await readLocale(paths, SOURCE_LANG, article.slug, false);
    // Typography of article text is applied in every output (src/typography); only hand-written
    // French (common.json) is linted for it.
    diagnostics.push(...french.diagnostics);
    if (french.text === '' && french.diagnostics.length === 0) {
      // No locales/fr/<slug>.json: nothing to check against, and no state file to start.
      diagnostics.push(ruleDiagnostic('briefing:not-extracted', article.path, { slug: article.slug }));
      continue;
    }
    if (french.text !== extractSourceLocale(article)) {
      diagnostics.push(ruleDiagnostic('briefing:extraction-outdated', french.file, { file: french.file, article: article.path }));
    }
    for (const translation of await loadTranslations(paths, [article], targets)) {
      const { inputs, lang } = translation;
      diagnostics.push(...inputs.diagnostics);
      if (!translation.result) continue;
      diagnostics.push(
        ...lintLocale({ target: inputs.target, targetLang: lang, source: french, text: inputs.target.text, units: segmentsOf(article), glossary }),
      );
      let { status, nextState } = translation.result;
      if (settings.accept.length > 0 && settings.rules.length > 0) {
        const result = acceptWarnings(status, nextState, settings.accept, settings.rules, qaFindings);
        for (const key of result.accepted) accepted.add(key);
        nextState = result.state;
      } else if (settings.accept.length > 0) {
        const keys = settings.accept.filter((key) => status.units.some((unit) => unit.key === key && unit.status === 'stale'));
        for (const key of keys) accepted.add(key);
        nextState = acceptKeys(status, nextState, keys);
        ({ status, nextState } = articleStatus(article, lang, inputs.target, nextState));
      }
      statuses.push(status);
      diagnostics.push(...statusDiagnostics(status), ...lintQa(status, nextState, inputs.target.text));
      if (inputs.obsolete && inputs.obsolete.entries.length > 0)
        diagnostics.push(obsoleteFileDiagnostic(inputs.files.obsolete, inputs.obsolete.entries.length, paths.root));
      if (settings.minCoverage !== undefined && status.coverage < settings.minCoverage) diagnostics.push(coverageDiagnostic(status, settings.minCoverage));
      if (!sameState(nextState, translation.inputs.state) || inputs.texts.state === undefined) {
        stateWrites.push([inputs.files.state, serializeState(nextState)]);
      }
    }
  }
  const unknown = settings.accept.filter((key) => !accepted.has(key));
  if (unknown.length > 0) {
    throw new UsageError(
      `Nothing to accept for ${unknown.map((k) => `"${k}"`).join(', ')}: ${settings.rules.length > 0 ? `no up-to-date translation has a ${settings.rules.join(' or ')} warning at that key` : 'no stale translation has that key'}${settings.slugs.length ? '' : ' (name the article to narrow the search)'}.`,
    );
  }
  for (const [file, text] of stateWrites) await writeFileAtomic(file, text);
  const failed = hasErrors(diagnostics) || (settings.strict && diagnostics.some((d) => d.severity === 'warning'));
  const code = failed ? EXIT.content : EXIT.ok;
  const shown = shownDiagnostics(diagnostics, settings.verbose);
  for (const line of annotationsForRun(shown, paths.root)) out.stderr(line);
  if (settings.report === 'json') {
    out.stdout(
      JSON.stringify({ ok: !failed, exitCode: code, summary: summaryCounts(diagnostics), diagnostics: shown, coverage: statuses.map(coverageRow) }, null, 2),
    );
    return code;
  }
  // --quiet prints only the problems: on stderr, stdout being silenced (../main.ts).
  if (shown.length > 0) (settings.quiet ? out.stderr : out.stdout)(formatDiagnostics(shown));
  if (targets.length === 0) {
    out.stdout(
      `French (${SOURCE_LANG}) is the source language: it has nothing to translate. Checked its interface strings (locales/${SOURCE_LANG}/common.json) and the extraction of the articles; name a target language (--lang en) to check translations.`,
    );
  }
  const counts = countLine(diagnostics) || 'no problems';
  const coverage = statuses.map((s) => `${s.slug} ${s.lang} ${s.coverage} %`).join(', ');
  const verdict = failed ? (hasErrors(diagnostics) ? 'failed' : 'failed (--strict: warnings count)') : 'passed';
  out.stdout(`check ${verdict}: ${counts}${coverage ? `; coverage: ${coverage}` : ''}${accepted.size ? `; accepted: ${[...accepted].join(', ')}` : ''}`);
  return code;
}

function summaryCounts(diagnostics: readonly Diagnostic[]) {
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}
