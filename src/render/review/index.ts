/**
 * The translator's review page: one self-contained HTML page per article and target language
 * (inline CSS, no scripts, no external requests) listing every unit with its French text, its
 * translation and its status, stale units with a word diff of the French change.
 *
 * Everything shown is untrusted text and reaches the page only through the template's escaping
 * `{{ }}`; values are Markdown source and are shown as such, not rendered.
 */
import { numberFormat } from '../../core/intl-formats.js';
import path from 'node:path';
import { BUILTIN_TEMPLATES } from '../../core/paths.js';
import { SOURCE_LANG, type Lang } from '../../core/types.js';
import type { ArticleStatus, KeyStatus, UnitReport } from '../../translate/types.js';
import { readStylesheet } from '../html/page.js';
import { loadTemplate } from '../templates.js';
import { wordDiff, type DiffPart } from './diff.js';
import { glossaryTerms, type ReviewTerm } from './glossary-terms.js';
import type { Glossary } from '../../i18n/glossary.js';

export interface RenderReviewOptions {
  /** The article's title, plain text, in the source language (French). */
  title: string;
  /** Interface strings of the target language (plain text, unescaped), e.g. `review.title`. */
  t: (key: string, vars?: Record<string, string | number>) => string;
  /** Folder holding `html/review.hbs` and `html/review.css` (default: the package's `templates/`). */
  templatesDir?: string;
  /** The open QA warnings of each unit (src/translate/qa), shown under its translation. */
  warnings?: ReadonlyMap<string, readonly string[]>;
  /** Keys whose translation is not valid (src/translate/validate-unit.ts): the edition shows their French. */
  invalid?: ReadonlySet<string>;
  /** The project's glossary: each unit shows the terms its French holds (French → English). */
  glossary?: Glossary;
}

/** Statuses in legend order. */
const STATUSES: readonly KeyStatus[] = ['ok', 'stale', 'missing', 'obsolete'];

interface ReviewRow {
  key: string;
  status: KeyStatus;
  statusLabel: string;
  french: string;
  hasFrench: boolean;
  translation: string;
  hasTranslation: boolean;
  /** "line 12" of the translation in the locale file, '' when there is no translation. */
  location: string;
  /** Word diff previous → current French (stale units only, else empty). */
  diff: DiffPart[];
  hasDiff: boolean;
  /** True on the first obsolete row: the template opens the obsolete group before it. */
  startsObsoleteGroup: boolean;
  /** The unit's open QA warnings (plain text), in rule order. */
  warnings: readonly string[];
  /** Its translation is not valid: the edition shows the French instead. */
  invalid: boolean;
  /** Glossary terms in the French (current units only). */
  terms: ReviewTerm[];
}

interface ReviewContext {
  lang: Lang;
  title: string;
  /** `lang` of the (French) title where it differs from the page's, else ''. */
  titleLang: string;
  pageTitle: string;
  stylesheet: string;
  file: string;
  labels: Record<
    | 'review'
    | 'languageName'
    | 'language'
    | 'file'
    | 'legend'
    | 'key'
    | 'french'
    | 'translation'
    | 'status'
    | 'change'
    | 'missingHint'
    | 'noFrench'
    | 'obsoleteGroup'
    | 'summary'
    | 'coverage'
    | 'glossary'
    | 'invalid',
    string
  >;
  /** One entry per status, for the legend and the coverage bar (which leaves out obsolete keys). */
  legend: { status: KeyStatus; label: string; help: string; count: number; inBar: boolean }[];
  /** Current units in document order, then obsolete ones. */
  rows: ReviewRow[];
}

export function renderReview(status: ArticleStatus, options: RenderReviewOptions): string {
  const templatesDir = options.templatesDir ?? BUILTIN_TEMPLATES;
  const page = loadTemplate(path.join(templatesDir, 'html', 'review.hbs'), 'html');
  const css = readStylesheet(templatesDir, 'review.css');
  return page(reviewContext(status, options.title, options.t, css, glossaryTerms(options.glossary), options.warnings, options.invalid));
}

function reviewContext(
  status: ArticleStatus,
  title: string,
  t: RenderReviewOptions['t'],
  css: string,
  termsIn: (french: string) => ReviewTerm[],
  warnings: RenderReviewOptions['warnings'] = new Map(),
  invalid: RenderReviewOptions['invalid'] = new Set(),
): ReviewContext {
  const { counts } = status;
  const label = (key: KeyStatus): string => t(`review.${key}`);
  const row = (unit: UnitReport): ReviewRow => {
    const translation = unit.translation ?? '';
    const diff =
      unit.status === 'stale' && unit.previousFrench !== undefined && unit.previousFrench !== unit.french ? wordDiff(unit.previousFrench, unit.french) : [];
    return {
      key: unit.key,
      status: unit.status,
      statusLabel: label(unit.status),
      french: unit.french,
      hasFrench: unit.french !== '',
      translation,
      hasTranslation: unit.status !== 'missing' && translation !== '',
      location: unit.status !== 'missing' && translation !== '' ? t('review.line', { line: unit.place.line }) : '',
      diff,
      hasDiff: diff.length > 0,
      startsObsoleteGroup: false,
      warnings: warnings.get(unit.key) ?? [],
      invalid: unit.status === 'ok' && invalid.has(unit.key),
      terms: unit.status === 'obsolete' ? [] : termsIn(unit.french),
    };
  };
  const current = status.units.filter((unit) => unit.status !== 'obsolete').map(row);
  const obsolete = status.units.filter((unit) => unit.status === 'obsolete').map(row);
  if (obsolete[0]) obsolete[0].startsObsoleteGroup = true;
  const languageName = t('languageName');
  const reviewTitle = t('review.title');
  return {
    lang: status.lang,
    title,
    titleLang: status.lang === SOURCE_LANG ? '' : SOURCE_LANG,
    pageTitle: `${reviewTitle} · ${title} · ${languageName}`,
    stylesheet: css,
    file: status.file,
    labels: {
      review: reviewTitle,
      languageName,
      language: t('review.language'),
      file: t('review.file'),
      legend: t('review.legend'),
      key: t('review.key'),
      french: t('review.french'),
      translation: t('review.translation'),
      status: t('review.status'),
      change: t('review.change'),
      missingHint: t('review.missingHint'),
      noFrench: t('review.noFrench'),
      obsoleteGroup: t('review.obsoleteGroup'),
      glossary: t('review.glossary'),
      invalid: t('review.invalid'),
      summary: t('review.summary', {
        ok: counts.ok,
        total: counts.total,
        stale: counts.stale,
        missing: counts.missing,
        obsolete: counts.obsolete,
      }),
      coverage: t('review.coverage', { coverage: formatPercent(status.coverage, status.lang) }),
    },
    legend: STATUSES.map((key) => ({
      status: key,
      label: label(key),
      help: t(`review.${key}Help`),
      count: counts[key],
      inBar: key !== 'obsolete' && counts[key] > 0,
    })),
    rows: [...current, ...obsolete],
  };
}

/** 87.5 → "87.5" / "87,5"; at most one decimal, as computed by the status. */
function formatPercent(value: number, lang: Lang): string {
  return numberFormat(lang, { maximumFractionDigits: 1 }).format(value);
}
