/**
 * The build plan and the manifest that follows from it, without rendering anything: hand-made
 * manifests, input hashes and file states in, decisions out (src/publish/plan.ts,
 * src/publish/next-manifest.ts). The full builds in incremental-build.test.ts check the same
 * behaviour end to end.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { projectPaths } from '../src/core/paths.js';
import type { Format, Lang, OutputKind } from '../src/core/types.js';
import type { Diagnostic } from '../src/core/errors.js';
import type { ArticleResult, EditionOutcome } from '../src/pipeline/article-task.js';
import { outputHash } from '../src/publish/input-hash.js';
import type { Manifest, OutputEntry, ProblemEntry } from '../src/publish/manifest.js';
import { bilingualHash, planBuild, type FileState, type OutputDecision, type Plan, type PlanOptions } from '../src/publish/plan.js';
import { nextManifest, recordOf } from '../src/publish/next-manifest.js';

const paths = projectPaths('/project');
const NOW = Date.parse('2026-11-26T00:00:00.000Z');
const options = (overrides: Partial<PlanOptions> = {}): PlanOptions => ({
  paths,
  langs: ['fr', 'en'],
  formats: ['md', 'html', 'pdf'],
  minCoverage: 80,
  force: false,
  nowMs: NOW,
  cwd: '/project',
  generator: 'briefing test',
  ...overrides,
});
const source = (slug: string) => ({ slug, file: `content/${slug}.md`, absolute: `/project/content/${slug}.md`, bounds: { root: '/project', excluded: [] } });
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The hashes of an article's two editions as a previous build saw them. */
const V1 = { fr: 'fr-v1', en: 'en-v1' };

/** A manifest entry as a previous build recorded it for an edition hashed `editionHash`. */
function entry(slug: string, lang: Lang, kind: OutputKind, format: Format, editionHash: string): OutputEntry {
  const name = kind === 'review' ? `${slug}.review.html` : kind === 'bilingual' ? `${slug}.fr-en.${format}` : `${slug}.${lang}.${format}`;
  return {
    path: `${slug}/${name}`,
    slug,
    lang,
    format,
    kind,
    title: `${slug} (${lang})`,
    date: '2026-11-20',
    sha256: sha(name),
    bytes: name.length,
    inputHash: outputHash(editionHash, kind, format),
    coverage: 100,
    builtAt: '2026-11-20T00:00:00.000Z',
  };
}

/** Everything a full build of `slug` publishes: 3 formats × 2 languages, the review page, the bilingual HTML and PDF. */
function published(slug: string, hashes: { fr: string; en: string } = V1): OutputEntry[] {
  const both = bilingualHash(hashes.fr, hashes.en);
  return [
    ...(['md', 'html', 'pdf'] as const).flatMap((format) => [
      entry(slug, 'fr', 'briefing', format, hashes.fr),
      entry(slug, 'en', 'briefing', format, hashes.en),
    ]),
    entry(slug, 'en', 'review', 'html', hashes.en),
    entry(slug, 'en', 'bilingual', 'html', both),
    entry(slug, 'en', 'bilingual', 'pdf', both),
  ];
}

const manifest = (outputs: OutputEntry[], problems: ProblemEntry[] = []): Manifest => ({ version: 1, generator: 'briefing test', outputs, problems });
const problem = (slug: string, lang: Lang, inputHash: string, reason: ProblemEntry['reason'] = 'failed', message = 'Broken'): ProblemEntry => ({
  slug,
  lang,
  inputHash,
  reason,
  diagnostics: [
    { file: `content/${slug}.md`, line: 2, column: 1, severity: 'error', message, ruleId: 'briefing:empty-article', url: 'docs/rules.md#empty-article' },
  ],
});

interface Article {
  slug: string;
  hashes?: { fr?: string; en?: string };
}

/** Plans a build of `articles` over `previous`; every recorded file is intact unless `files` says otherwise. */
function plan(
  previous: Manifest,
  articles: Article[],
  more: { existing?: string[]; files?: Record<string, FileState>; options?: Partial<PlanOptions> } = {},
): Plan {
  const files = new Map<string, FileState>(previous.outputs.map((o) => [o.path, 'intact']));
  for (const [file, state] of Object.entries(more.files ?? {})) files.set(file, state);
  return planBuild(
    previous,
    {
      selected: articles.map(({ slug, hashes = V1 }) => ({ source: source(slug), hashes })),
      existing: new Set(more.existing ?? articles.map((a) => a.slug)),
      files,
    },
    options(more.options),
  );
}

const byPath = (p: Plan) => new Map(p.outputs.map((d) => [d.path, d]));
const actions = (p: Plan) => Object.fromEntries(p.outputs.map((d) => [d.path, `${d.action}: ${d.reason}`]));
const paths_ = (outputs: readonly OutputEntry[]) => outputs.map((o) => o.path);

/** An edition outcome as the renderer would give it, with files named after what they are. */
function outcome(
  slug: string,
  lang: Lang,
  result: EditionOutcome['outcome'],
  files: { kind: OutputKind; format: Format }[] = [],
  extra: Partial<EditionOutcome> = {},
): EditionOutcome {
  return {
    lang,
    outcome: result,
    title: `New ${slug} (${lang})`,
    sourceTitle: `${slug} (fr)`,
    date: '2026-11-26',
    coverage: lang === 'fr' ? 100 : 90,
    fallbacks: [],
    diagnostics: [],
    recordable: true,
    files: files.map(({ kind, format }) => {
      const name = kind === 'review' ? `${slug}.review.html` : kind === 'bilingual' ? `${slug}.fr-en.${format}` : `${slug}.${lang}.${format}`;
      const data = Buffer.from(`new ${name}`);
      return { kind, format, name, data, sha256: sha(`new ${name}`), ms: 1 };
    }),
    ...extra,
  };
}
const result = (slug: string, editions: EditionOutcome[], diagnostics: Diagnostic[] = []): ArticleResult => ({ slug, diagnostics, editions });
const briefings = (...formats: Format[]) => formats.map((format) => ({ kind: 'briefing' as const, format }));

describe('keep or render each output', () => {
  it('keeps every output whose input hash and file are unchanged, and renders nothing', () => {
    const previous = manifest(published('a'));
    const p = plan(previous, [{ slug: 'a' }]);
    expect(p.articles).toEqual([]);
    expect(p.outputs.every((d) => d.action === 'keep' && d.reason === 'unchanged')).toBe(true);
    expect(p.outputs).toHaveLength(9);
    expect(p.report).toEqual({ unchanged: 9, failed: [], pending: [], diagnostics: [] });
    expect(p.editions.map((e) => `${e.lang} ${e.action}`)).toEqual(['fr keep', 'en keep']);
    // Nothing rendered: the next manifest is the previous one, outputs sorted.
    const next = nextManifest(p, []);
    expect(next.manifest.outputs).toEqual([...previous.outputs].sort((x, y) => (x.path < y.path ? -1 : 1)));
    expect(next.removals).toEqual([]);
  });

  it('renders the outputs of a changed edition, the bilingual edition with it, and lays the other edition out for it', () => {
    const p = plan(manifest(published('a')), [{ slug: 'a', hashes: { fr: 'fr-v1', en: 'en-v2' } }]);
    expect(actions(p)).toMatchObject({
      'a/a.en.md': 'render: inputs changed',
      'a/a.en.pdf': 'render: inputs changed',
      'a/a.review.html': 'render: inputs changed',
      'a/a.fr-en.html': 'render: inputs changed',
      'a/a.fr-en.pdf': 'render: inputs changed',
      'a/a.fr.md': 'keep: unchanged',
    });
    expect(p.report.unchanged).toBe(3);
    expect(p.articles).toHaveLength(1);
    const [article] = p.articles;
    expect(article!.task.editions).toEqual([
      { lang: 'en', formats: ['md', 'html', 'pdf'], review: true, document: true },
      { lang: 'fr', formats: [], review: false, document: true },
    ]);
    expect(article!.task.bilingual).toEqual(['html', 'pdf']);
    expect(article!.bilingualHash).toBe(bilingualHash('fr-v1', 'en-v2'));
    expect(article!.editionHashes).toEqual({ fr: 'fr-v1', en: 'en-v2' });
    expect(article!.task).toMatchObject({ paths, source: source('a'), nowMs: NOW, minCoverage: 80 });
    expect(p.editions).toEqual([
      { action: 'render', slug: 'a', lang: 'fr', reason: 'needed by the bilingual edition' },
      { action: 'render', slug: 'a', lang: 'en', reason: 'outputs out of date' },
    ]);
  });

  it('renders the bilingual edition when the French edition changes too', () => {
    const p = plan(manifest(published('a')), [{ slug: 'a', hashes: { fr: 'fr-v2', en: 'en-v1' } }]);
    expect(actions(p)).toMatchObject({
      'a/a.fr-en.html': 'render: inputs changed',
      'a/a.fr.pdf': 'render: inputs changed',
      'a/a.en.md': 'keep: unchanged',
      'a/a.review.html': 'keep: unchanged',
    });
    expect(p.articles[0]!.task.editions).toEqual([
      { lang: 'fr', formats: ['md', 'html', 'pdf'], review: false, document: true },
      { lang: 'en', formats: [], review: false, document: true },
    ]);
    expect(p.articles[0]!.task.bilingual).toEqual(['html', 'pdf']);
  });

  it('renders a file edited or deleted on disk, and only that file', () => {
    const p = plan(manifest(published('a')), [{ slug: 'a' }], { files: { 'a/a.fr.md': 'modified', 'a/a.fr-en.pdf': 'missing' } });
    expect(p.outputs.filter((d) => d.action === 'render').map((d) => `${d.path} ${d.reason}`)).toEqual([
      'a/a.fr.md file changed',
      'a/a.fr-en.pdf file changed',
    ]);
    expect(p.articles[0]!.task.editions).toEqual([
      { lang: 'fr', formats: ['md'], review: false, document: true },
      { lang: 'en', formats: [], review: false, document: true },
    ]);
    expect(p.articles[0]!.task.bilingual).toEqual(['pdf']);
    expect(p.report.unchanged).toBe(7);
  });

  it('renders outputs the manifest does not list, and every selected output with --force', () => {
    const fresh = plan(manifest([]), [{ slug: 'a' }]);
    expect(fresh.outputs.map((d) => `${d.action}: ${d.reason}`)).toEqual(Array(9).fill('render: new'));
    const forced = plan(manifest(published('a'), [problem('a', 'en', 'en-v1')]), [{ slug: 'a' }], { options: { force: true } });
    expect(forced.outputs.every((d) => d.action === 'render' && d.reason === 'forced')).toBe(true);
    expect(forced.editions.map((e) => `${e.lang} ${e.action}: ${e.reason}`)).toEqual(['fr render: forced', 'en render: forced']);
    expect(forced.report).toEqual({ unchanged: 0, failed: [], pending: [], diagnostics: [] });
    // --force replays no problem, even one that would be replayed without it (Markdown only: no review page to render).
    const mdOnly = (force: boolean) => plan(manifest(published('a'), [problem('a', 'en', 'en-v1')]), [{ slug: 'a' }], { options: { force, formats: ['md'] } });
    expect(mdOnly(false).editions.find((e) => e.lang === 'en')).toMatchObject({ action: 'replay' });
    expect(mdOnly(true).editions.find((e) => e.lang === 'en')).toMatchObject({ action: 'render', reason: 'forced' });
    expect(mdOnly(true).problems).toEqual([]);
  });

  it('keeps the outputs of languages and formats the build does not ask for', () => {
    const previous = manifest(published('a'));
    const p = plan(previous, [{ slug: 'a', hashes: { fr: 'fr-v2' } }], { options: { langs: ['fr'], formats: ['md'] } });
    expect(p.outputs.filter((d) => d.action === 'render').map((d) => d.path)).toEqual(['a/a.fr.md']);
    expect(p.outputs.filter((d) => d.action === 'keep').every((d) => d.reason === 'not selected')).toBe(true);
    expect(p.articles[0]!.task.editions).toEqual([{ lang: 'fr', formats: ['md'], review: false }]);
    expect(p.articles[0]!.task.bilingual).toBeUndefined();
    const next = nextManifest(p, [recordOf(result('a', [outcome('a', 'fr', 'built', briefings('md'))]))]);
    expect(paths_(next.manifest.outputs)).toEqual(paths_(previous.outputs).sort());
    expect(next.manifest.outputs.find((o) => o.path === 'a/a.en.pdf')).toEqual(previous.outputs.find((o) => o.path === 'a/a.en.pdf'));
  });
});

describe('replaying a recorded problem', () => {
  /** The previous build: French published; English withheld (only its review page written). */
  const withheldBefore = () =>
    manifest(
      published('a').filter((o) => o.lang === 'fr' || o.kind === 'review'),
      [problem('a', 'en', 'en-v1', 'withheld', 'Below 80 %'), problem('b', 'fr', 'b-fr', 'failed', 'Below 80 %')],
    );

  it('reports an edition that failed with the same inputs again without rendering it (each diagnostic once)', () => {
    const previous = withheldBefore();
    const p = plan(previous, [{ slug: 'a' }, { slug: 'b', hashes: { fr: 'b-fr', en: 'b-en' } }]);
    expect(p.articles.map((a) => a.task.source.slug)).toEqual(['b']); // b's English edition is new
    expect(p.editions.filter((e) => e.action === 'replay').map((e) => `${e.slug}.${e.lang}`)).toEqual(['a.en', 'b.fr']);
    // A withheld edition awaits its translation: pending, not failed.
    expect(p.report.failed).toEqual(['b.fr']);
    expect(p.report.pending).toEqual([{ slug: 'a', lang: 'en', coverage: 0, file: 'locales/en/a.json' }]);
    expect(p.report.diagnostics.map((d) => d.message)).toEqual(['Below 80 %', 'Below 80 %']); // two files, so two diagnostics
    expect(actions(p)).toMatchObject({
      'a/a.en.md': 'replay: edition failed with the same inputs',
      'a/a.review.html': 'keep: unchanged',
      'a/a.fr-en.html': 'replay: paired edition failed with the same inputs',
      'a/a.fr.md': 'keep: unchanged',
    });
    expect(p.problems).toEqual(expect.arrayContaining(previous.problems));
    // b's French edition is replayed: its bilingual edition is not planned, nor its French document.
    expect(p.articles[0]!.task.editions).toEqual([{ lang: 'en', formats: ['md', 'html', 'pdf'], review: true }]);
    expect(p.articles[0]!.task.bilingual).toBeUndefined();
  });

  it('shows a replayed diagnostic once even when two editions recorded it', () => {
    const previous = manifest([], [problem('a', 'fr', 'fr-v1'), problem('a', 'en', 'en-v1')]);
    // Markdown only: no review page, which a replay would otherwise need to be current.
    const p = plan(previous, [{ slug: 'a' }], { options: { formats: ['md'] } });
    expect(p.articles).toEqual([]);
    expect(p.report.failed).toEqual(['a.fr', 'a.en']);
    expect(p.report.diagnostics).toHaveLength(1);
    expect(nextManifest(p, []).manifest.problems).toEqual([previous.problems[1], previous.problems[0]]); // sorted: a.en, a.fr
  });

  it('renders again when the inputs changed, or when the review page is missing', () => {
    const changed = plan(withheldBefore(), [{ slug: 'a', hashes: { fr: 'fr-v1', en: 'en-v2' } }], { existing: ['a', 'b'] });
    expect(changed.editions.find((e) => e.lang === 'en')).toMatchObject({ action: 'render' });
    expect(changed.problems.map((p) => `${p.slug}.${p.lang}`)).toEqual(['b.fr']); // a's old problem is not carried over
    expect(changed.articles[0]!.task.bilingual).toEqual(['html', 'pdf']);
    const reviewGone = plan(withheldBefore(), [{ slug: 'a' }], { existing: ['a', 'b'], files: { 'a/a.review.html': 'missing' } });
    expect(reviewGone.editions.find((e) => e.lang === 'en')).toMatchObject({ action: 'render' });
    expect(reviewGone.report.failed).toEqual([]);
  });

  it("does not plan the bilingual edition when one language's failure is replayed, and keeps its previous files", () => {
    const previous = manifest(published('a'), [problem('a', 'fr', 'fr-v2')]);
    const p = plan(previous, [{ slug: 'a', hashes: { fr: 'fr-v2', en: 'en-v2' } }]);
    expect(p.articles[0]!.task.editions).toEqual([{ lang: 'en', formats: ['md', 'html', 'pdf'], review: true }]);
    expect(p.articles[0]!.task.bilingual).toBeUndefined();
    expect(byPath(p).get('a/a.fr-en.pdf')).toMatchObject({
      action: 'replay',
      reason: 'paired edition failed with the same inputs',
      previous: expect.objectContaining({ path: 'a/a.fr-en.pdf' }),
    });
    const next = nextManifest(p, [
      recordOf(result('a', [outcome('a', 'en', 'built', [...briefings('md', 'html', 'pdf'), { kind: 'review', format: 'html' }])])),
    ]);
    // French and bilingual outputs stay as they were; English ones are the new files.
    expect(next.manifest.outputs.filter((o) => o.kind === 'bilingual' || o.lang === 'fr')).toEqual(
      previous.outputs.filter((o) => o.kind === 'bilingual' || o.lang === 'fr').sort((x, y) => (x.path < y.path ? -1 : 1)),
    );
    expect(next.manifest.outputs.find((o) => o.path === 'a/a.en.md')).toMatchObject({
      sha256: sha('new a.en.md'),
      inputHash: outputHash('en-v2', 'briefing', 'md'),
      builtAt: '2026-11-26T00:00:00.000Z',
    });
    expect(next.manifest.problems).toEqual(previous.problems);
    expect(next.report.failed).toEqual([]);
  });
});

describe('withdrawing an edition that falls under --min-coverage', () => {
  const changedEnglish = (files: Record<string, FileState> = {}, formats: Format[] = ['md', 'html', 'pdf']) =>
    plan(manifest(published('a')), [{ slug: 'a', hashes: { fr: 'fr-v1', en: 'en-v2' } }], { files, options: { formats } });
  const lowCoverage: Diagnostic = {
    file: 'locales/en/a.json',
    line: 1,
    column: 1,
    severity: 'error',
    message: 'en edition of "a" not written',
    ruleId: 'briefing:low-coverage',
    url: 'docs/rules.md#low-coverage',
  };
  const withheld = () =>
    recordOf(
      result('a', [
        outcome('a', 'en', 'withheld', [{ kind: 'review', format: 'html' }], { coverage: 50, diagnostics: [lowCoverage] }),
        outcome('a', 'fr', 'built'),
      ]),
    );

  it('withdraws what earlier builds published of it, the bilingual edition with it, and records the problem', () => {
    const p = changedEnglish();
    expect(p.articles[0]!.withdrawIfWithheld.en?.map((r) => `${r.entry.path} ${r.state}`)).toEqual([
      'a/a.en.md intact',
      'a/a.en.html intact',
      'a/a.en.pdf intact',
      'a/a.fr-en.html intact',
      'a/a.fr-en.pdf intact',
    ]);
    const next = nextManifest(p, [withheld()]);
    expect(next.removals.map((r) => `${r.entry.path} ${r.reason}`)).toEqual([
      'a/a.en.md below --min-coverage',
      'a/a.en.html below --min-coverage',
      'a/a.en.pdf below --min-coverage',
      'a/a.fr-en.html below --min-coverage',
      'a/a.fr-en.pdf below --min-coverage',
    ]);
    expect(paths_(next.manifest.outputs)).toEqual(['a/a.fr.html', 'a/a.fr.md', 'a/a.fr.pdf', 'a/a.review.html']);
    // The review page is written whatever the coverage; it shows the French title.
    expect(next.manifest.outputs.find((o) => o.kind === 'review')).toMatchObject({
      title: 'a (fr)',
      inputHash: outputHash('en-v2', 'review', 'html'),
      coverage: 50,
    });
    expect(next.manifest.problems).toEqual([{ slug: 'a', lang: 'en', inputHash: 'en-v2', reason: 'withheld', coverage: 50, diagnostics: [lowCoverage] }]);
    // Not a failure: the edition awaits its translation, reported as one line instead of the error.
    expect(next.report.failed).toEqual([]);
    expect(next.report.pending).toEqual([{ slug: 'a', lang: 'en', coverage: 50, file: 'locales/en/a.json' }]);
    expect(next.report.written.map((w) => w.path)).toEqual(['output/a/a.review.html']);
    expect(next.report.diagnostics).toEqual([]);
  });

  it('withdraws published formats the build did not ask for; a file edited by hand is left with a warning, a missing one dropped', () => {
    const p = changedEnglish({ 'a/a.en.pdf': 'modified', 'a/a.fr-en.pdf': 'missing' }, ['md']);
    const next = nextManifest(p, [recordOf(result('a', [outcome('a', 'en', 'withheld', [], { coverage: 50 })]))]);
    expect(next.removals.map((r) => r.entry.path)).toEqual(['a/a.en.md', 'a/a.en.html', 'a/a.fr-en.html']);
    expect(next.report.diagnostics).toEqual([
      expect.objectContaining({
        file: 'output/a/a.en.pdf',
        ruleId: 'briefing:kept-modified-output',
        severity: 'warning',
        message: expect.stringContaining('Not removed (below --min-coverage)'),
      }),
    ]);
    // Not current under the threshold: out of the manifest, whether removed or not.
    expect(next.manifest.outputs.some((o) => o.lang === 'en' && o.kind !== 'review')).toBe(false);
    expect(next.manifest.outputs.map((o) => o.path)).toContain('a/a.review.html'); // a page of the review kind is not withdrawn
  });
});

describe('an edition that fails', () => {
  const previous = () => manifest(published('a'));
  const changed = () => plan(previous(), [{ slug: 'a', hashes: { fr: 'fr-v1', en: 'en-v2' } }]);

  it('keeps its previous outputs and entries, and records the problem when it would recur', () => {
    const template: Diagnostic = {
      file: 'templates/html/page.hbs',
      line: 3,
      column: 5,
      severity: 'error',
      message: 'bad',
      ruleId: 'briefing:template-error',
      url: 'docs/rules.md#template-error',
    };
    const articleWarning: Diagnostic = {
      file: 'content/a.md',
      line: 1,
      column: 1,
      severity: 'warning',
      message: 'odd',
      ruleId: 'briefing:missing-title',
      url: 'docs/rules.md#missing-title',
    };
    const next = nextManifest(changed(), [
      recordOf(result('a', [outcome('a', 'en', 'failed', [], { diagnostics: [template] }), outcome('a', 'fr', 'built')], [articleWarning])),
    ]);
    expect(next.manifest.outputs).toEqual([...previous().outputs].sort((x, y) => (x.path < y.path ? -1 : 1)));
    expect(next.removals).toEqual([]);
    expect(next.report.failed).toEqual(['a.en']);
    expect(next.manifest.problems).toEqual([{ slug: 'a', lang: 'en', inputHash: 'en-v2', reason: 'failed', diagnostics: [template] }]); // article warnings are not part of it
    expect(next.report.diagnostics).toEqual([articleWarning, template]);
  });

  it('records no problem for a crash, which may not recur', () => {
    const next = nextManifest(changed(), [
      recordOf(result('a', [outcome('a', 'en', 'failed', [], { recordable: false }), outcome('a', 'fr', 'failed', [], { recordable: false })])),
    ]);
    expect(next.manifest.problems).toEqual([]);
    expect(next.report.failed).toEqual(['a.en', 'a.fr']);
    expect(next.manifest.outputs).toHaveLength(9);
  });

  it('a file that could not be written keeps its previous entry and fails its edition; the others are recorded', () => {
    const p = changed();
    const rendered = result('a', [
      outcome('a', 'en', 'built', [
        ...briefings('md', 'html', 'pdf'),
        { kind: 'review', format: 'html' },
        { kind: 'bilingual', format: 'html' },
        { kind: 'bilingual', format: 'pdf' },
      ]),
      outcome('a', 'fr', 'built'),
    ]);
    const next = nextManifest(p, [recordOf(rendered, new Map([['a.en.pdf', 'EISDIR']]))]);
    expect(next.report.diagnostics).toEqual([
      expect.objectContaining({ file: 'output/a/a.en.pdf', ruleId: 'briefing:write-failed', message: 'Cannot write the output: EISDIR' }),
    ]);
    expect(next.report.failed).toEqual(['a.en']);
    expect(next.manifest.problems).toEqual([]);
    const byFile = new Map(next.manifest.outputs.map((o) => [o.path, o]));
    expect(byFile.get('a/a.en.pdf')).toEqual(previous().outputs.find((o) => o.path === 'a/a.en.pdf'));
    expect(byFile.get('a/a.en.md')).toMatchObject({ sha256: sha('new a.en.md'), title: 'New a (en)', bytes: 'new a.en.md'.length });
    expect(byFile.get('a/a.fr-en.html')).toMatchObject({
      lang: 'en',
      kind: 'bilingual',
      inputHash: outputHash(bilingualHash('fr-v1', 'en-v2'), 'bilingual', 'html'),
    });
    expect(next.report.written.map((w) => w.path)).toEqual([
      'output/a/a.en.md',
      'output/a/a.en.html',
      'output/a/a.review.html',
      'output/a/a.fr-en.html',
      'output/a/a.fr-en.pdf',
    ]);
  });
});

describe('articles outside the selection', () => {
  it("a shard or slug selection keeps the other articles' outputs and problems, without looking at their files", () => {
    const previous = manifest([...published('a'), ...published('b')], [problem('b', 'en', 'x'), problem('a', 'en', 'y')]);
    // Only a is selected (b is in another shard); b's files were not checked, so they are not in `files`.
    const p = planBuild(
      previous,
      { selected: [{ source: source('a'), hashes: V1 }], existing: new Set(['a', 'b']), files: new Map(published('a').map((o) => [o.path, 'intact'])) },
      options({ langs: ['fr'] }),
    );
    expect(p.outputs.filter((d) => d.path.startsWith('b/')).every((d) => d.action === 'keep' && d.reason === 'not selected')).toBe(true);
    // b's problem stays; so does a's English one, as English is not built.
    expect(p.problems).toEqual([problem('b', 'en', 'x'), problem('a', 'en', 'y')]);
    const next = nextManifest(p, []);
    expect(next.manifest.outputs).toHaveLength(18);
    expect(next.manifest.problems.map((q) => `${q.slug}.${q.lang}`)).toEqual(['a.en', 'b.en']);
  });

  it('removes the outputs of a deleted article if still the files written; warns about edited ones; forgets its problems', () => {
    const previous = manifest([...published('a'), ...published('gone').slice(0, 3)], [problem('gone', 'fr', 'z')]);
    const p = plan(previous, [{ slug: 'a' }], { files: { 'gone/gone.en.md': 'modified', 'gone/gone.fr.html': 'missing' } });
    expect(p.outputs.filter((d): d is Extract<OutputDecision, { action: 'remove' }> => d.action === 'remove').map((d) => `${d.path} ${d.state}`)).toEqual([
      'gone/gone.fr.md intact',
      'gone/gone.en.md modified',
      'gone/gone.fr.html missing',
    ]);
    expect(p.removals).toEqual([{ entry: previous.outputs[9], reason: 'article deleted' }]);
    expect(p.report.diagnostics).toEqual([
      expect.objectContaining({
        file: 'output/gone/gone.en.md',
        ruleId: 'briefing:kept-modified-output',
        message: expect.stringContaining('Not removed (article deleted)'),
      }),
    ]);
    expect(p.problems).toEqual([]);
    const next = nextManifest(p, []);
    expect(next.manifest.outputs.some((o) => o.slug === 'gone')).toBe(false);
    expect(next.manifest.problems).toEqual([]);
  });

  it('ignores manifest paths that leave the output folder: never kept, removed, or listed again', () => {
    const victim = { ...entry('gone', 'fr', 'briefing', 'md', 'h'), path: '../victim.txt' };
    const p = plan(manifest([...published('a'), victim]), [{ slug: 'a' }], { files: { '../victim.txt': 'intact' } });
    expect(p.outputs.some((d) => d.path === '../victim.txt')).toBe(false);
    expect(p.removals).toEqual([]);
    expect(nextManifest(p, []).manifest.outputs.some((o) => o.path === '../victim.txt')).toBe(false);
  });
});

describe('the next manifest', () => {
  it('is the same whatever order the articles completed in', () => {
    const p = plan(manifest([]), [{ slug: 'a' }, { slug: 'b' }], { options: { formats: ['md'] } });
    const records = ['a', 'b'].map((slug) =>
      recordOf(result(slug, [outcome(slug, 'fr', 'built', briefings('md')), outcome(slug, 'en', 'built', briefings('md'), { fallbacks: ['p1'] })])),
    );
    const forward = nextManifest(p, records);
    const backward = nextManifest(p, [...records].reverse());
    expect(backward.manifest).toEqual(forward.manifest);
    expect(paths_(forward.manifest.outputs)).toEqual(['a/a.en.md', 'a/a.fr.md', 'b/b.en.md', 'b/b.fr.md']);
    expect(forward.report.fallbacks).toEqual({ 'a.en': ['p1'], 'b.en': ['p1'] });
  });

  it('refuses a record of an article the plan did not render', () => {
    const p = plan(manifest(published('a')), [{ slug: 'a' }]);
    expect(() => nextManifest(p, [recordOf(result('a', [outcome('a', 'fr', 'built')]))])).toThrow(TypeError);
  });

  it('a record keeps sizes and hashes, not bytes', () => {
    const record = recordOf(result('a', [outcome('a', 'fr', 'built', briefings('md'))]));
    expect(record.editions[0]!.files).toEqual([{ kind: 'briefing', format: 'md', name: 'a.fr.md', sha256: sha('new a.fr.md'), ms: 1, bytes: 11 }]);
  });

  it('planning asks for an input hash of every language it builds', () => {
    expect(() => plan(manifest([]), [{ slug: 'a', hashes: { fr: 'x' } }])).toThrow(/no input hash for the en edition of "a"/);
  });
});
