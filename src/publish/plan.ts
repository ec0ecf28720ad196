/**
 * The build plan: from the previous manifest and what the executor found on disk (input hashes,
 * whether each recorded file is still the one written), decide for every output and edition what
 * this build does, and why. Pure: no I/O, no clock — the riskiest decisions of a build are unit
 * tested here with hand-made manifests (tests/build-plan.test.ts), without rendering anything.
 *
 * What a plan cannot know is whether a rendered translation comes back under --min-coverage: for
 * each rendered edition it lists what an earlier build published of it, and `nextManifest`
 * (next-manifest.ts) withdraws that list when the renderer reports the edition withheld.
 */
import path from 'node:path';
import { BILINGUAL_FORMATS, SOURCE_LANG, type Format, type Lang, type OutputKind } from '../core/types.js';
import { diagnosticKey, ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { ProjectPaths } from '../core/paths.js';
import { sha256 } from '../core/hash.js';
import type { SourceFile } from '../project/sources.js';
import type { ArticleTask, EditionPlan } from '../pipeline/article-task.js';
import { outputHash } from './input-hash.js';
import { pendingTranslation, withoutCoverage, type PendingTranslation } from './pending.js';
import { editionEntries, safeRelative, type EditionEntry, type Manifest, type OutputEntry, type ProblemEntry } from './manifest.js';
import { editionContent } from './content-time.js';

/** A recorded output's file, checked by the executor: still the bytes the manifest lists, edited, or gone. */
export type FileState = 'intact' | 'modified' | 'missing';

/** One article to build, with the input hash of each language edition the build asks for. */
interface SelectedArticle {
  source: SourceFile;
  /** `editionHash` of every language in `PlanOptions.langs`. */
  hashes: Partial<Record<Lang, string>>;
  /** Content hash of each language edition (content-time.ts); the input hash stands in when absent. */
  contentHashes?: Partial<Record<Lang, string>>;
}

/** What the executor gathers before planning: plain data, nothing left to read. */
export interface PlanInputs {
  /** The articles this build covers (after slugs and shard), in build order. */
  selected: readonly SelectedArticle[];
  /** Slugs of every article in content/, selected or not: outputs of any other slug are removed. */
  existing: ReadonlySet<string>;
  /**
   * State of previously recorded outputs, by manifest path: at least those of selected articles
   * and of articles no longer in content/. A path not listed counts as missing.
   */
  files: ReadonlyMap<string, FileState>;
}

export interface PlanOptions {
  paths: ProjectPaths;
  langs: readonly Lang[];
  formats: readonly Format[];
  minCoverage: number;
  /** The site's address (`--base-url`), handed to every render. */
  baseUrl?: string;
  /** Rebuild every selected output even if its inputs are unchanged (and replay no problem). */
  force: boolean;
  /** The build's clock (ms since 1970): handed to the renderer, recorded as new outputs' build time. */
  nowMs: number;
  /** Messages show output paths relative to this folder (the current directory). */
  cwd: string;
  /** `generator` field of the new manifest. */
  generator: string;
}

/** Why a file is deleted: its article is gone, or its edition fell under --min-coverage. */
export type RemovalReason = 'article deleted' | 'below --min-coverage';

/** A recorded output to delete; only outputs whose file is still the one written are listed. */
export interface Removal {
  entry: OutputEntry;
  reason: RemovalReason;
}

/** A previously recorded output with the state of its file. */
interface RecordedOutput {
  entry: OutputEntry;
  state: FileState;
}

/** Why an output is rendered again. */
type RenderReason = 'new' | 'inputs changed' | 'file changed' | 'forced';

/** What this build does with one output file, and why. */
export type OutputDecision =
  /** `unchanged`: same input hash and file; `not selected`: another language, format, shard or slug. */
  | { action: 'keep'; path: string; entry: OutputEntry; reason: 'unchanged' | 'not selected' }
  /** Rendered; if its edition fails, `previous` (when there is one) stays published. */
  | { action: 'render'; path: string; slug: string; lang: Lang; kind: OutputKind; format: Format; reason: RenderReason; previous?: OutputEntry }
  /** Out of date, but its edition (or, for the bilingual edition, one of its two) failed before with the same inputs: not rendered, `previous` stays. */
  | { action: 'replay'; path: string; reason: 'edition failed with the same inputs' | 'paired edition failed with the same inputs'; previous?: OutputEntry }
  | { action: 'remove'; path: string; entry: OutputEntry; reason: 'article deleted'; state: FileState };

/** What this build does with one language edition of a selected article, and why. */
type EditionDecision =
  | { action: 'keep'; slug: string; lang: Lang; reason: 'unchanged' }
  | { action: 'render'; slug: string; lang: Lang; reason: 'forced' | 'outputs out of date' | 'needed by the bilingual edition' }
  | { action: 'replay'; slug: string; lang: Lang; reason: 'same inputs as its recorded problem'; problem: ProblemEntry };

/** One article to render: the renderer's task and what recording its results needs. */
interface PlannedArticle {
  task: ArticleTask;
  /** Input hash of each language edition: new outputs and problems are recorded under it. */
  editionHashes: Partial<Record<Lang, string>>;
  /** Content hash and content time (ms) of each rendered language edition. */
  content: { hashes: Partial<Record<Lang, string>>; times: Partial<Record<Lang, number>> };
  /** Input hash of the French–English edition (both editions'), when it is rendered. */
  bilingualHash?: string;
  /** Per rendered language: what earlier builds published of it (briefings and the bilingual edition), withdrawn if the edition comes back withheld. */
  withdrawIfWithheld: Partial<Record<Lang, RecordedOutput[]>>;
}

export interface Plan {
  options: PlanOptions;
  /** Every output the previous manifest lists or this build asks for, in planning order. */
  outputs: OutputDecision[];
  /** Every language edition of every selected article. */
  editions: EditionDecision[];
  /** The articles to render, in build order. */
  articles: PlannedArticle[];
  /** Problems that stay on record as they are: replayed ones, and those of articles or languages this build does not touch. */
  problems: ProblemEntry[];
  /** Outputs of deleted articles to delete before rendering. */
  removals: Removal[];
  /** Remembered content times of the articles still in content/: kept unless an edition is built with new content. */
  remembered: EditionEntry[];
  /** What planning alone reports (before anything is rendered). */
  report: {
    /** Outputs kept because their inputs and file are unchanged. */
    unchanged: number;
    /** Replayed failed editions (`slug.lang`). */
    failed: string[];
    /** Replayed editions withheld under their threshold: awaiting translation. */
    pending: PendingTranslation[];
    /** The replayed problems (each diagnostic once), then outputs of deleted articles kept because edited by hand. */
    diagnostics: Diagnostic[];
  };
}

/** The output path (relative to the output folder) of an output. */
interface WantedOutput {
  path: string;
  slug: string;
  lang: Lang;
  kind: OutputKind;
  format: Format;
}

/** Decides what the build does, from the previous manifest, what is on disk, and the options. */
export function planBuild(previous: Manifest, inputs: PlanInputs, options: PlanOptions): Plan {
  // A path leaving the output folder is never followed (readManifest already refuses such a manifest).
  const recorded = new Map(previous.outputs.filter((o) => safeRelative(o.path)).map((o) => [o.path, o]));
  const recordedProblems = new Map(previous.problems.map((p) => [editionKey(p.slug, p.lang), p]));
  const remembered = editionEntries(previous);
  const plan: Plan = {
    options,
    outputs: [],
    editions: [],
    articles: [],
    problems: [],
    removals: [],
    remembered: [...remembered.values()].filter((entry) => inputs.existing.has(entry.slug)),
    report: { unchanged: 0, failed: [], pending: [], diagnostics: [] },
  };
  const considered = new Set<string>(); // paths the selection asks for
  const replayedDiagnostics = new Set<string>();
  /** Reports a recorded problem's diagnostics again, each once. */
  const replayDiagnostics = (problem: ProblemEntry) => {
    for (const d of problem.diagnostics) {
      const key = diagnosticKey(d);
      if (replayedDiagnostics.has(key)) continue;
      replayedDiagnostics.add(key);
      plan.report.diagnostics.push(d);
    }
  };

  const decide = (wanted: WantedOutput, inputHash: string): OutputDecision => {
    considered.add(wanted.path);
    const entry = recorded.get(wanted.path);
    const reason: RenderReason | undefined = options.force
      ? 'forced'
      : !entry
        ? 'new'
        : entry.inputHash !== inputHash
          ? 'inputs changed'
          : inputs.files.get(wanted.path) !== 'intact'
            ? 'file changed'
            : undefined;
    if (entry && !reason) {
      plan.report.unchanged++;
      return { action: 'keep', path: wanted.path, entry, reason: 'unchanged' };
    }
    return { action: 'render', ...wanted, reason: reason ?? 'new', ...(entry ? { previous: entry } : {}) };
  };

  for (const { source, hashes, contentHashes } of inputs.selected) {
    const { slug } = source;
    const editions: EditionPlan[] = [];
    const replayed = new Set<Lang>();
    for (const lang of options.langs) {
      const hash = hashOf(hashes, slug, lang);
      const decisions = wantedOutputs(slug, lang, options.formats).map((w) => decide(w, outputHash(hash, w.kind, w.format)));
      const stale = decisions.filter((d) => d.action === 'render');
      const problem = recordedProblems.get(editionKey(slug, lang));
      // Same inputs as when it failed or was withheld: report it again without parsing. A missing
      // review page is rendered anyway (a withheld edition still has one).
      if (!options.force && problem?.reason === 'invalid' && problem.inputHash === hash && stale.length === 0) {
        // Published with invalid units, nothing to render: its files stay, its errors are said again.
        plan.problems.push(problem);
        replayDiagnostics(problem);
      } else if (!options.force && problem && problem.reason !== 'invalid' && problem.inputHash === hash && stale.every((d) => d.kind === 'briefing')) {
        plan.outputs.push(...decisions.map((d) => (d.action === 'render' ? replayOf(d, 'edition failed with the same inputs') : d)));
        plan.editions.push({ action: 'replay', slug, lang, reason: 'same inputs as its recorded problem', problem });
        plan.problems.push(problem);
        const pending = problem.reason === 'withheld';
        if (pending) plan.report.pending.push(pendingTranslation(slug, lang, problem.coverage ?? 0, problem.diagnostics));
        else plan.report.failed.push(editionKey(slug, lang));
        replayDiagnostics(pending ? { ...problem, diagnostics: withoutCoverage(problem.diagnostics) } : problem);
        replayed.add(lang);
        continue;
      }
      plan.outputs.push(...decisions);
      if (stale.length > 0)
        editions.push({ lang, formats: stale.filter((d) => d.kind === 'briefing').map((d) => d.format), review: stale.some((d) => d.kind === 'review') });
    }

    const bilingual = planBilingual(source, hashes, replayed, options, decide);
    if (bilingual) {
      plan.outputs.push(...bilingual.decisions);
      // Both documents are needed, even where none of an edition's own files is.
      for (const lang of bilingual.langs) {
        const edition = editions.find((e) => e.lang === lang);
        if (edition) edition.document = true;
        else editions.push({ lang, formats: [], review: false, document: true });
      }
    }

    for (const lang of options.langs) {
      if (replayed.has(lang)) continue;
      const edition = editions.find((e) => e.lang === lang);
      if (!edition) plan.editions.push({ action: 'keep', slug, lang, reason: 'unchanged' });
      else
        plan.editions.push({
          action: 'render',
          slug,
          lang,
          reason: options.force ? 'forced' : edition.formats.length > 0 || edition.review ? 'outputs out of date' : 'needed by the bilingual edition',
        });
    }
    if (editions.length === 0) continue;
    const content = editionContent(remembered, slug, editions, contentHashes ?? hashes, options.nowMs);
    const withdrawIfWithheld: Partial<Record<Lang, RecordedOutput[]>> = {};
    for (const { lang } of editions) {
      withdrawIfWithheld[lang] = [...recorded.values()]
        .filter((entry) => entry.slug === slug && entry.lang === lang && (entry.kind === 'briefing' || entry.kind === 'bilingual'))
        .map((entry) => ({ entry, state: inputs.files.get(entry.path) ?? 'missing' }));
    }
    plan.articles.push({
      task: {
        paths: options.paths,
        source,
        nowMs: options.nowMs,
        minCoverage: options.minCoverage,
        contentMs: content.times,
        ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
        editions,
        ...(bilingual?.formats.length ? { bilingual: bilingual.formats } : {}),
      },
      editionHashes: Object.fromEntries(options.langs.map((lang) => [lang, hashOf(hashes, slug, lang)])),
      content,
      ...(bilingual?.formats.length ? { bilingualHash: bilingual.hash } : {}),
      withdrawIfWithheld,
    });
  }

  // Outputs outside this build's selection (other languages, formats, shards, slugs) stay as they
  // are; those of articles no longer in content/ are removed, if still the files written.
  for (const [file, entry] of recorded) {
    if (considered.has(file)) continue;
    if (inputs.existing.has(entry.slug)) {
      plan.outputs.push({ action: 'keep', path: file, entry, reason: 'not selected' });
      continue;
    }
    const state = inputs.files.get(file) ?? 'missing';
    plan.outputs.push({ action: 'remove', path: file, entry, reason: 'article deleted', state });
    if (state === 'intact') plan.removals.push({ entry, reason: 'article deleted' });
    else if (state === 'modified') plan.report.diagnostics.push(keptModifiedOutput(displayPath(options, file), 'article deleted'));
  }
  const selectedSlugs = new Set(inputs.selected.map((s) => s.source.slug));
  for (const problem of recordedProblems.values()) {
    if (inputs.existing.has(problem.slug) && !(selectedSlugs.has(problem.slug) && options.langs.includes(problem.lang))) plan.problems.push(problem);
  }
  return plan;
}

/**
 * The French–English edition's outputs, when the build has both languages and a format of it:
 * its input hash is that of both editions. Rendered when any of its files is stale, unless an
 * edition's failure is replayed (it would fail too); `formats` is empty when nothing is rendered.
 */
function planBilingual(
  source: SourceFile,
  hashes: Partial<Record<Lang, string>>,
  replayed: ReadonlySet<Lang>,
  options: PlanOptions,
  decide: (wanted: WantedOutput, inputHash: string) => OutputDecision,
): { decisions: OutputDecision[]; formats: Format[]; hash: string; langs: readonly Lang[] } | undefined {
  const target = options.langs.find((lang) => lang !== SOURCE_LANG);
  const formats = options.formats.filter((format) => BILINGUAL_FORMATS.includes(format));
  if (!options.langs.includes(SOURCE_LANG) || !target || formats.length === 0) return undefined;
  const { slug } = source;
  const hash = bilingualHash(hashOf(hashes, slug, SOURCE_LANG), hashOf(hashes, slug, target));
  // Its files travel with the translated edition's outcome, so the manifest lists them under that language.
  const decisions = formats.map((format) =>
    decide(
      { path: `${slug}/${slug}.${SOURCE_LANG}-${target}.${format}`, slug, lang: target, kind: 'bilingual', format },
      outputHash(hash, 'bilingual', format),
    ),
  );
  const stale = decisions.flatMap((d) => (d.action === 'render' ? [d.format] : []));
  if (replayed.size > 0)
    return {
      decisions: decisions.map((d) => (d.action === 'render' ? replayOf(d, 'paired edition failed with the same inputs') : d)),
      formats: [],
      hash,
      langs: [],
    };
  return { decisions, formats: stale, hash, langs: stale.length > 0 ? [SOURCE_LANG, target] : [] };
}

/** Hash of the French–English edition's inputs: those of its two editions. */
export function bilingualHash(sourceEdition: string, targetEdition: string): string {
  return sha256(`${sourceEdition}\0${targetEdition}`);
}

/** The outputs one language edition asks for: a briefing per format, and the review page of a translation when HTML is built. */
function wantedOutputs(slug: string, lang: Lang, formats: readonly Format[]): WantedOutput[] {
  const wanted: WantedOutput[] = formats.map((format) => ({ path: `${slug}/${slug}.${lang}.${format}`, slug, lang, kind: 'briefing', format }));
  if (lang !== SOURCE_LANG && formats.includes('html')) wanted.push({ path: `${slug}/${slug}.review.html`, slug, lang, kind: 'review', format: 'html' });
  return wanted;
}

function replayOf(decision: Extract<OutputDecision, { action: 'render' }>, reason: Extract<OutputDecision, { action: 'replay' }>['reason']): OutputDecision {
  return { action: 'replay', path: decision.path, reason, ...(decision.previous ? { previous: decision.previous } : {}) };
}

function hashOf(hashes: Partial<Record<Lang, string>>, slug: string, lang: Lang): string {
  const hash = hashes[lang];
  if (hash === undefined)
    throw new TypeError(
      `planBuild: no input hash for the ${lang} edition of "${slug}". Give every selected article a hash for each language in options.langs.`,
    );
  return hash;
}

/** `slug.lang`: how reports and the manifest's problems name an edition. */
export function editionKey(slug: string, lang: Lang): string {
  return `${slug}.${lang}`;
}

/** An output path as messages show it: relative to the current directory. */
export function displayPath(options: Pick<PlanOptions, 'paths' | 'cwd'>, relative: string): string {
  const file = path.join(options.paths.output, relative);
  return path.relative(options.cwd, file) || file;
}

/** A recorded output not removed because someone changed it since this tool wrote it. */
export function keptModifiedOutput(display: string, reason: RemovalReason): Diagnostic {
  return ruleDiagnostic('briefing:kept-modified-output', display, { reason });
}
