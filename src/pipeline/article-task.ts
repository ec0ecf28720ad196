/**
 * What one article's render is asked to do and what it gives back: plain data, so a task crosses
 * to a worker thread and back. Kept apart from the renderers so the build can plan, and report a
 * crashed worker, without loading them.
 */
import type { Diagnostic } from '../core/errors.js';
import type { Format, Lang, OutputKind } from '../core/types.js';
import type { ProjectPaths } from '../core/paths.js';
import type { SourceFile } from '../project/sources.js';
import type { ArticleStatus } from '../translate/types.js';
import type { Visibility } from '../parse/visibility.js';

/** What to do for one language edition of the article. */
export interface EditionPlan {
  lang: Lang;
  /** Formats whose outputs are missing or out of date. */
  formats: Format[];
  /** The review page (translated editions, when html is built) is missing or out of date. */
  review: boolean;
  /** Lay the document out even if no format of it is rendered: the bilingual edition needs it. */
  document?: boolean;
}

export interface ArticleTask {
  paths: ProjectPaths;
  source: SourceFile;
  /** The build's clock (ms since 1970), already resolved from SOURCE_DATE_EPOCH. */
  nowMs: number;
  minCoverage: number;
  /**
   * The theme's cap on key figure cards (templates/pdf/theme.json), when the caller read it once
   * for all its articles (a build); absent, each render reads the theme (serve, whose theme may change).
   */
  keyFigures?: number;
  /** Per edition, when its content last changed (ms since 1970; `nowMs` when absent): the date it shows and its PDF dates. */
  contentMs?: Partial<Record<Lang, number>>;
  /** The site's address (`--base-url`): site-relative links resolve against it when the article gives no `url`. */
  baseUrl?: string;
  editions: EditionPlan[];
  /** Formats of the French–English edition to render (from the two editions' documents). */
  bilingual?: Format[];
  /** Reuse the parse of an unchanged text from an earlier task (serve re-renders at every save; see parse/reused.ts). */
  reuseParse?: boolean;
}

export interface BuiltFile {
  kind: OutputKind;
  format: Format;
  /** File name inside `<output>/<slug>/`. */
  name: string;
  data: Uint8Array;
  sha256: string;
  ms: number;
}

export interface EditionOutcome {
  lang: Lang;
  /** `built`: files rendered; `withheld`: under --min-coverage (only the review page, if any); `failed`. */
  outcome: 'built' | 'withheld' | 'failed';
  /** Title of the edition, plain text (the French title until the edition is rendered). */
  title: string;
  /** The article's French title, plain text: what the review page shows. */
  sourceTitle: string;
  /** Day shown (ISO). */
  date: string;
  coverage: number;
  files: BuiltFile[];
  /** Keys shown in French because their translation is missing or stale. */
  fallbacks: string[];
  status?: ArticleStatus;
  /** What its feed entry says, once its briefing is laid out. */
  feed?: EditionFeed;
  /** Problems of this edition (the article's own are in ArticleResult). */
  diagnostics: Diagnostic[];
  /** False when the failure may not recur with the same inputs (a renderer crash): not replayed. */
  recordable: boolean;
  /** Built for preview only (a draft, or an embargo still running): never listed in the index or feeds. */
  visibility?: Visibility;
  /** When the embargo lifts (ISO instant, UTC). */
  embargo?: string;
  /**
   * What failed although the edition itself was built, as the build summary names it after the
   * slug: `fr-en` (the bilingual edition, whose files travel with this one), `review`.
   */
  notBuilt?: string[];
}

/** An edition's feed entry data, taken from its localized briefing. */
export interface EditionFeed {
  /** The standfirst, else the first lead paragraph, as plain text. */
  summary?: string;
  /** Language the summary is shown in (French where it is not translated). */
  summaryLang?: Lang;
  authors: string[];
  /** Front matter `date` and `updated` (YYYY-MM-DD), when given. */
  published?: string;
  updated?: string;
}

export interface ArticleResult {
  slug: string;
  /** Problems reading or parsing the article (shared by its editions). */
  diagnostics: Diagnostic[];
  editions: EditionOutcome[];
}

/**
 * An article none of whose editions could be rendered (unreadable, unparsable, or its renderer
 * stopped): `diagnostics` say why; `recordable` when the same inputs would fail the same way.
 */
export function articleFailed(task: ArticleTask, diagnostics: Diagnostic[], recordable: boolean): ArticleResult {
  const { slug } = task.source;
  return {
    slug,
    diagnostics,
    editions: task.editions.map(({ lang }) => ({
      lang,
      outcome: 'failed',
      title: slug,
      sourceTitle: slug,
      date: '',
      coverage: 0,
      files: [],
      fallbacks: [],
      diagnostics: [],
      recordable,
    })),
  };
}
