/**
 * What the translator's workbench shows of one article in one language: every unit in document
 * order with its French, its translation, its status and its problems — the problems `briefing
 * check` reports for that unit (the shared validation, the locale lint, the glossary and the QA
 * rules), from the same code, placed by line and column inside the unit's value. Pure.
 */
import { ruleDiagnostic, type Diagnostic, type Severity } from '../core/errors.js';
import { unitsOf, type Article, type Lang, type Place, type Segment, type SegmentKind } from '../core/types.js';
import type { Glossary } from '../i18n/glossary.js';
import { termFinder } from '../i18n/glossary-match.js';
import type { LocaleFile } from '../i18n/locale-file.js';
import { segmentsOf } from '../i18n/extract.js';
import { placeAt, rawLength } from './lint/context.js';
import { lintLocale } from './lint/index.js';
import { isAccepted } from './qa/accept.js';
import { qaFindings } from './qa/index.js';
import type { TranslationState } from './state.js';
import { articleStatus } from './status.js';
import { wordDiff } from './word-diff.js';

type WorkbenchStatus = 'missing' | 'stale' | 'translated' | 'reviewed' | 'invalid';

/** One problem of a unit, placed in its value (1-based line and column). */
export interface WorkbenchProblem {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
}

/** A run of a word diff: unchanged, added or removed text. */
interface DiffRun {
  text: string;
  added?: true;
  removed?: true;
}

export interface WorkbenchUnit {
  key: string;
  kind: SegmentKind;
  section: { id: string; heading: string } | null;
  french: string;
  english: string | null;
  status: WorkbenchStatus;
  reviewed: boolean;
  previousFrench?: string;
  diff?: DiffRun[];
  glossary: { fr: string; en: string[] }[];
  problems: WorkbenchProblem[];
}

export interface WorkbenchInput {
  article: Article;
  lang: Lang;
  /** The locale file as read (its `file`: the path shown in messages). */
  target: LocaleFile;
  state: TranslationState;
  glossary: Glossary;
}

export interface WorkbenchView {
  progress: { total: number; translated: number; reviewed: number };
  units: WorkbenchUnit[];
}

/**
 * Every unit of `input.article` (composite blocks give their parts), in document order; with
 * `only`, just that unit (a save answers with it: checking every unit is most of a save's time).
 */
export function workbenchView(input: WorkbenchInput, only?: string): WorkbenchView {
  const { status } = articleStatus(input.article, input.lang, input.target, input.state);
  const sections = sectionsByKey(input.article);
  const segments = new Map(segmentsOf(input.article).map((segment) => [segment.key, segment]));
  const terms = termFinder(input.glossary);
  const units = status.units.flatMap((report): WorkbenchUnit[] => {
    const segment = segments.get(report.key);
    if (report.status === 'obsolete' || !segment || (only !== undefined && report.key !== only)) return [];
    const english = report.translation ?? null;
    const stale = report.status === 'stale';
    const problems = english === null ? [] : unitProblems(input, segment, english, { qa: !stale });
    const reviewed = !stale && english !== null && input.state.get(report.key)?.reviewed === true;
    return [
      {
        key: report.key,
        kind: segment.kind,
        section: sections.get(report.key) ?? null,
        french: report.french,
        english,
        status: unitStatus(report.status, problems, reviewed),
        reviewed,
        ...(report.previousFrench !== undefined ? { previousFrench: report.previousFrench, diff: diffOf(report.previousFrench, report.french) } : {}),
        glossary: terms.termsIn(report.french).map((term) => ({ fr: term.fr, en: [...term.en] })),
        problems,
      },
    ];
  });
  const count = (...statuses: WorkbenchStatus[]) => units.filter((unit) => statuses.includes(unit.status)).length;
  return { progress: { total: units.length, translated: count('translated', 'reviewed'), reviewed: count('reviewed') }, units };
}

/**
 * The problems `briefing check` would report for `value` as `segment`'s translation: the locale
 * lint with the shared validation and the glossary, and (`qa`, default true) the QA warnings not
 * accepted for these texts.
 */
export function unitProblems(input: WorkbenchInput, segment: Segment, value: string, options: { qa?: boolean } = {}): WorkbenchProblem[] {
  const file = input.target.file;
  // Column 0: a place then reads as an offset into the value (placeAt adds 1 for the opening quote).
  const entry = { key: segment.key, value, place: { line: 1, column: 0 } };
  const target: LocaleFile = { file, text: '', resources: Object.create(null), entries: [entry], diagnostics: [] };
  const french: LocaleFile = {
    file,
    text: '',
    resources: Object.create(null),
    entries: [{ key: segment.key, value: segment.markdown, place: segment.place }],
    diagnostics: [],
  };
  const diagnostics: Diagnostic[] = lintLocale({ target, targetLang: input.lang, source: french, units: [segment], glossary: input.glossary });
  if (options.qa !== false && value.trim() !== '') {
    const unit = { key: segment.key, french: segment.markdown, english: value };
    for (const finding of qaFindings(unit)) {
      if (isAccepted(input.state, unit, finding.rule)) continue;
      diagnostics.push(ruleDiagnostic(finding.rule, file, finding.params as never, placeAt(entry, finding.offset)));
    }
  }
  return diagnostics.map((d) => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, ...placeInValue(value, d) }));
}

/**
 * A diagnostic's place as a line and column inside `value`. The lint saw the value with no raw
 * text, so its column is 1 + the width of the value's start as `JSON.stringify` writes it (a line
 * break counts as the two characters of `\n`): decode that width back into an offset.
 */
function placeInValue(value: string, place: Place): Place {
  if (place.line !== 1 || place.column < 1) return { line: 1, column: 1 };
  const offset = decodedOffset(JSON.stringify(value), place.column - 1);
  const before = value.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** Decoded UTF-16 units in the first `width` raw characters of the JSON string `quoted`. */
function decodedOffset(quoted: string, width: number): number {
  let decoded = 0;
  for (let i = 1; i < 1 + width && i < quoted.length - 1; decoded++) i += rawLength(quoted, i);
  return decoded;
}

function unitStatus(status: 'ok' | 'stale' | 'missing', problems: readonly WorkbenchProblem[], reviewed: boolean): WorkbenchStatus {
  if (status !== 'ok') return status;
  if (problems.some((problem) => problem.severity === 'error')) return 'invalid';
  return reviewed ? 'reviewed' : 'translated';
}

function diffOf(before: string, after: string): DiffRun[] {
  return wordDiff(before, after).map((part) => ({ text: part.text, ...(part.added ? { added: true } : {}), ...(part.removed ? { removed: true } : {}) }));
}

/** Each unit's section (its heading and blocks; subsections are sections of their own). */
function sectionsByKey(article: Article): Map<string, { id: string; heading: string }> {
  const byKey = new Map<string, { id: string; heading: string }>();
  for (const section of article.sections) {
    for (const unit of unitsOf([section.heading, ...section.blocks])) byKey.set(unit.key, { id: section.id, heading: section.heading.markdown });
  }
  return byKey;
}
