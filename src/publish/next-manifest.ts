/**
 * What a build leaves on record, from its plan and what rendering and writing gave: the new
 * manifest, the outputs to withdraw, and the report's share of each article. Pure, like the plan:
 * the executor writes the files first and says which could not be written.
 *
 * An output that was not rebuilt (its edition failed, was replayed, or its article crashed) keeps
 * its previous file, so it keeps its previous entry — unless its edition was withheld under
 * --min-coverage: then what an earlier build published of it is withdrawn (the English edition
 * takes the French–English one with it), because under the threshold it is not current.
 */
import { hasErrors, ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { ArticleResult, BuiltFile, EditionOutcome } from '../pipeline/article-task.js';
import type { ArticleStatus } from '../translate/types.js';
import { emptyManifest, type EditionEntry, type Manifest, type OutputEntry, type ProblemEntry } from './manifest.js';
import { rememberEdition } from './remember-edition.js';
import { outputHash } from './input-hash.js';
import { pendingTranslation, withoutCoverage, type PendingTranslation } from './pending.js';
import { displayPath, editionKey, keptModifiedOutput, type Plan, type Removal } from './plan.js';

/** A rendered file once the executor tried to write it: its bytes are on disk (or not), no longer in memory. */
interface FileRecord extends Omit<BuiltFile, 'data'> {
  bytes: number;
  /** Why it could not be written (an error code such as `EISDIR`); absent when written. */
  writeError?: string;
}

/** An edition's outcome, its files as written. */
interface EditionRecord extends Omit<EditionOutcome, 'files'> {
  files: FileRecord[];
}

/** One rendered article as the executor reports it after writing its files. */
export interface ArticleRecord extends Omit<ArticleResult, 'editions'> {
  editions: EditionRecord[];
}

/** A file written by this build, as the report lists it. */
interface WrittenOutput {
  /** Path relative to the current directory. */
  path: string;
  bytes: number;
  ms: number;
}

export interface NextManifest {
  /** Outputs sorted by path and problems by edition, whatever order the articles completed in. */
  manifest: Manifest;
  /** Outputs of withheld editions to delete (after the plan's removals). */
  removals: Removal[];
  /** The rendered articles' share of the build report, in the order the records came. */
  report: {
    written: WrittenOutput[];
    diagnostics: Diagnostic[];
    /** Editions (`slug.lang`) that failed, or have a file that could not be written. */
    failed: string[];
    /** Editions withheld under their coverage threshold: awaiting translation, not failed. */
    pending: PendingTranslation[];
    /** Per built edition, the keys shown in French. */
    fallbacks: Record<string, string[]>;
    statuses: ArticleStatus[];
  };
}

/** An article's result without its bytes, with the files that could not be written (by name, with the error code). */
export function recordOf(result: ArticleResult, writeErrors: ReadonlyMap<string, string> = new Map()): ArticleRecord {
  return {
    slug: result.slug,
    diagnostics: result.diagnostics,
    editions: result.editions.map(({ files, ...edition }) => ({
      ...edition,
      files: files.map(({ data, ...file }) => {
        const writeError = writeErrors.get(file.name);
        return { ...file, bytes: data.byteLength, ...(writeError !== undefined ? { writeError } : {}) };
      }),
    })),
  };
}

/** The manifest, withdrawals and report parts that follow from `plan` and the articles' records (in completion order). */
export function nextManifest(plan: Plan, records: readonly ArticleRecord[]): NextManifest {
  const { options } = plan;
  const builtAt = new Date(options.nowMs).toISOString();
  const outputs = new Map<string, OutputEntry>();
  for (const decision of plan.outputs) {
    if (decision.action === 'keep') outputs.set(decision.path, decision.entry);
    else if (decision.action !== 'remove' && decision.previous) outputs.set(decision.path, decision.previous);
  }
  const problems = new Map(plan.problems.map((p) => [editionKey(p.slug, p.lang), p]));
  const planned = new Map(plan.articles.map((article) => [article.task.source.slug, article]));
  const editions = new Map(plan.remembered.map((entry) => [editionKey(entry.slug, entry.lang), entry]));
  const next: NextManifest = {
    manifest: emptyManifest(options.generator),
    removals: [],
    report: { written: [], diagnostics: [], failed: [], pending: [], fallbacks: {}, statuses: [] },
  };
  const { report } = next;

  for (const record of records) {
    const { slug } = record;
    const article = planned.get(slug);
    if (!article) throw new TypeError(`nextManifest: "${slug}" is not an article of the plan. Pass only the records of plan.articles.`);
    report.diagnostics.push(...record.diagnostics);
    for (const edition of record.editions) {
      const key = editionKey(slug, edition.lang);
      const hash = article.editionHashes[edition.lang];
      if (hash === undefined) throw new TypeError(`nextManifest: the ${edition.lang} edition of "${slug}" was not planned.`);
      let unwritten = false;
      for (const file of edition.files) {
        const relative = `${slug}/${file.name}`;
        if (file.writeError !== undefined) {
          // Disk full, permissions…: this file keeps its previous version (and manifest entry).
          report.diagnostics.push(ruleDiagnostic('briefing:write-failed', displayPath(options, relative), { reason: file.writeError }));
          unwritten = true;
          continue;
        }
        report.written.push({ path: displayPath(options, relative), bytes: file.bytes, ms: file.ms });
        const inputHash = outputHash(file.kind === 'bilingual' ? bilingualHashOf(article, slug) : hash, file.kind, file.format);
        outputs.set(relative, {
          path: relative,
          slug,
          lang: edition.lang,
          format: file.format,
          kind: file.kind,
          title: file.kind === 'review' ? edition.sourceTitle : edition.title,
          date: edition.date,
          sha256: file.sha256,
          bytes: file.bytes,
          inputHash,
          coverage: edition.coverage,
          builtAt,
          ...(edition.visibility !== undefined ? { visibility: edition.visibility } : {}),
          ...(edition.embargo !== undefined ? { embargo: edition.embargo } : {}),
        });
      }
      // A withheld edition awaits its translation: one pending line instead of the coverage error.
      report.diagnostics.push(...(edition.outcome === 'withheld' ? withoutCoverage(edition.diagnostics) : edition.diagnostics));
      if (edition.status && (edition.outcome !== 'failed' || edition.files.length > 0)) report.statuses.push(edition.status);
      if (edition.outcome === 'built') {
        editions.set(key, rememberEdition(editions.get(key), slug, edition, article.content));
        if (edition.fallbacks.length > 0) report.fallbacks[key] = edition.fallbacks;
        // Published with errors (invalid translations shown in French): said again while unchanged.
        if (hasErrors(edition.diagnostics))
          problems.set(key, { slug, lang: edition.lang, inputHash: hash, reason: 'invalid', diagnostics: edition.diagnostics });
        if (unwritten) report.failed.push(key);
        for (const part of edition.notBuilt ?? []) report.failed.push(`${slug}.${part}`);
        continue;
      }
      if (edition.outcome === 'withheld') {
        report.pending.push(pendingTranslation(slug, edition.lang, edition.coverage, edition.diagnostics));
        for (const part of edition.notBuilt ?? []) report.failed.push(`${slug}.${part}`);
      } else report.failed.push(key);
      if (edition.outcome === 'withheld') {
        // (The previous good output of a *failed* edition stays published.)
        for (const { entry, state } of article.withdrawIfWithheld[edition.lang] ?? []) {
          outputs.delete(entry.path);
          if (state === 'intact') next.removals.push({ entry, reason: 'below --min-coverage' });
          else if (state === 'modified') report.diagnostics.push(keptModifiedOutput(displayPath(options, entry.path), 'below --min-coverage'));
        }
      }
      if (edition.recordable) {
        const articleErrors = record.diagnostics.filter((d) => d.severity === 'error');
        problems.set(key, {
          slug,
          lang: edition.lang,
          inputHash: hash,
          reason: edition.outcome,
          ...(edition.outcome === 'withheld' ? { coverage: edition.coverage } : {}),
          diagnostics: [...articleErrors, ...edition.diagnostics],
        });
      }
    }
  }
  next.manifest.outputs = [...outputs.values()].sort((a, b) => compare(a.path, b.path));
  next.manifest.editions = [...editions.values()].sort((a: EditionEntry, b: EditionEntry) => compare(editionKey(a.slug, a.lang), editionKey(b.slug, b.lang)));
  next.manifest.problems = [...problems.values()].sort((a: ProblemEntry, b: ProblemEntry) => compare(editionKey(a.slug, a.lang), editionKey(b.slug, b.lang)));
  return next;
}

function bilingualHashOf(article: Plan['articles'][number], slug: string): string {
  if (article.bilingualHash === undefined) throw new TypeError(`nextManifest: "${slug}" has a bilingual file but its plan has no bilingual edition.`);
  return article.bilingualHash;
}

/** Code-point order, independent of the locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
