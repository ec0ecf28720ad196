/**
 * What importing one XLIFF `<file>` changes in an article's translation, decided before anything is
 * written. Pure: the units read, the article and its current files in; the new locale and state
 * texts (or problems) out.
 * - a unit whose id is not a key, or whose French is not the current French, is refused;
 * - a target replaces the translation; key order stays the French's, other keys are kept;
 * - a target unchanged but marked translated/final in the CAT tool confirms a stale translation
 *   (as `briefing check --accept`); one marked new or needs-review leaves it stale;
 * - the imported translations go through the same checks as `briefing check`, placed at the unit.
 */
import type { Diagnostic } from '../../core/errors.js';
import { ruleDiagnostic } from '../../core/errors.js';
import type { Article, Lang } from '../../core/types.js';
import { nestedJson, segmentsOf } from '../../i18n/extract.js';
import { readLocaleFile, type LocaleFile } from '../../i18n/locale-file.js';
import { lintLocale } from '../lint/index.js';
import { sameState, serializeState, type TranslationState } from '../state.js';
import { acceptKeys, articleStatus } from '../status.js';
import type { ReadFile } from './read.js';

export interface ImportInput {
  article: Article;
  lang: Lang;
  /** The XLIFF file, relative to the project (where problems are placed). */
  xliffFile: string;
  read: ReadFile;
  french: LocaleFile;
  target: LocaleFile;
  state: TranslationState;
  /** Current texts of the locale and state files (undefined when absent). */
  texts: { target?: string; state?: string };
}

export interface ImportPlan {
  diagnostics: Diagnostic[];
  /** New text of the locale file; undefined when it does not change. */
  targetText?: string;
  /** New text of the state file; undefined when it does not change. */
  stateText?: string;
  /** Keys whose translation the import changes. */
  changed: string[];
  /** Stale keys the CAT tool confirmed. */
  confirmed: string[];
}

export function planImport(input: ImportInput): ImportPlan {
  const { article, read, xliffFile } = input;
  const diagnostics: Diagnostic[] = [];
  const segments = new Map(segmentsOf(article).map((segment) => [segment.key, segment]));
  const current = new Map(input.target.entries.map((entry) => [entry.key, entry.value]));
  const imported = new Map<string, string>();
  const marked = new Map<string, ReadFile['units'][number]>();
  for (const unit of read.units) {
    const segment = segments.get(unit.id);
    if (!segment) {
      diagnostics.push(ruleDiagnostic('briefing:xliff-unknown-unit', xliffFile, { id: unit.id, slug: article.slug }, unit.place));
      continue;
    }
    if (unit.source !== segment.markdown) {
      diagnostics.push(
        ruleDiagnostic('briefing:xliff-source-changed', xliffFile, { id: unit.id }, unit.place, {
          note: `French now: ${JSON.stringify(segment.markdown)}\nFrench in the file: ${JSON.stringify(unit.source)}`,
        }),
      );
      continue;
    }
    marked.set(unit.id, unit);
    if (unit.target !== undefined && unit.target !== (current.get(unit.id) ?? '')) imported.set(unit.id, unit.target);
  }

  // The French's keys in order, then any other key the file holds (obsolete: extract's business).
  const entries: [string, string][] = [...segments.keys()].map((key) => [key, imported.get(key) ?? current.get(key) ?? '']);
  for (const [key, value] of current) if (!segments.has(key)) entries.push([key, value]);
  const changed = [...imported.keys()];
  const targetText = changed.length > 0 ? nestedJson(entries) : input.target.text;
  const next = changed.length > 0 ? readLocaleFile(targetText, input.target.file) : input.target;

  // The same checks as `briefing check`, kept for the imported keys and placed at their units.
  const lineKeys = new Map(next.entries.map((entry) => [entry.place.line, entry.key]));
  for (const d of lintLocale({ target: next, targetLang: input.lang, source: input.french, text: targetText, units: segmentsOf(article) })) {
    const key = lineKeys.get(d.line);
    const unit = key !== undefined && imported.has(key) ? marked.get(key) : undefined;
    if (unit)
      diagnostics.push({
        ...d,
        file: xliffFile,
        line: unit.targetPlace.line,
        column: unit.targetPlace.column,
        note: [`key ${key}`, d.note].filter(Boolean).join('\n'),
      });
  }

  let { status, nextState } = articleStatus(article, input.lang, next, input.state);
  const confirmed = status.units
    .filter((unit) => unit.status === 'stale' && ['translated', 'final'].includes(marked.get(unit.key)?.state ?? '') && !imported.has(unit.key))
    .map((unit) => unit.key);
  if (confirmed.length > 0) ({ nextState } = articleStatus(article, input.lang, next, acceptKeys(status, nextState, confirmed)));
  const stateChanged = !sameState(nextState, input.state) || input.texts.state === undefined;
  return {
    diagnostics,
    ...(targetText !== input.texts.target && changed.length > 0 ? { targetText } : {}),
    ...(stateChanged ? { stateText: serializeState(nextState) } : {}),
    changed,
    confirmed,
  };
}
