/**
 * The time budget and memory limit of one article in `briefing build`: an article that hangs or
 * runs out of memory (made so by a test-only worker entry, never reachable from a content file)
 * is stopped, reported at its place, not recorded, and every other article is built; a tiny
 * budget (the option) stops an ordinary article the same way.
 */
import { projectBounds } from '../src/project/bounds.js';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectPaths } from '../src/core/paths.js';
import { LANGS, FORMATS } from '../src/core/types.js';
import { buildProject, type BuildOptions } from '../src/publish/build.js';
import { ArticlePool, JobStopped } from '../src/publish/pool.js';
import { EPOCH, runCli, tempProject } from './helpers.js';

const HOSTILE = new URL('./fixtures/workers/hostile-worker.ts', import.meta.url);
const SLUG = 'microsoft-openai';
const ARTICLE = '# Un article ordinaire\n\nUn paragraphe de texte, sans rien de particulier.\n';

function project(articles: Record<string, string>): string {
  const root = tempProject();
  for (const [slug, text] of Object.entries(articles)) writeFileSync(path.join(root, 'content', `${slug}.md`), text);
  return root;
}

function build(root: string, options: Partial<BuildOptions>) {
  return buildProject({ paths: projectPaths(root), langs: LANGS, formats: FORMATS, env: { SOURCE_DATE_EPOCH: EPOCH }, ...options });
}

describe('build: one article over its budget or out of memory', () => {
  it('stops the article that hangs and the one that runs out of memory, reports both at their place, and builds the rest', async () => {
    const root = project({ 'hang-article': ARTICLE, 'oom-article': ARTICLE, ordinary: ARTICLE });
    const start = performance.now();
    // A budget a cold worker (sources compiled by tsx) rendering the seed stays well within.
    const report = await build(root, { workerEntry: HOSTILE, timeBudgetSeconds: 15, workerHeapMb: 256, jobs: 2 });
    const elapsed = performance.now() - start;
    const stopped = report.diagnostics
      .filter((d) => d.ruleId === 'briefing:time-budget' || d.ruleId === 'briefing:out-of-memory')
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`);
    expect(stopped).toEqual(['content/hang-article.md:1:1 briefing:time-budget', 'content/oom-article.md:1:1 briefing:out-of-memory']);
    const message = report.diagnostics.find((d) => d.ruleId === 'briefing:time-budget')!.message;
    expect(message).toContain('time budget of 15 s');
    // The other articles: no error (the new one lacks an English translation: a low-coverage warning at most).
    expect(
      report.diagnostics.filter((d) => d.severity === 'error' && !d.ruleId.endsWith('low-coverage') && !stopped.some((s) => s.startsWith(d.file))),
    ).toEqual([]);
    // Everything else was written, the index and the manifest too.
    const out = path.join(root, 'output');
    for (const file of [`${SLUG}/${SLUG}.en.pdf`, 'ordinary/ordinary.fr.pdf']) expect(existsSync(path.join(out, file)), file).toBe(true);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    const manifest = readFileSync(path.join(out, 'manifest.json'), 'utf8');
    expect(manifest).toContain('ordinary.fr.html');
    // Not recorded: the next build tries them again rather than replaying the failure.
    expect(manifest).not.toContain('hang-article');
    expect(report.failed).toEqual(expect.arrayContaining(['hang-article.fr', 'oom-article.fr']));
    expect(elapsed).toBeLessThan(60_000);
  });

  it('stops an ordinary article under a tiny budget (the option), and renders it with the default one', async () => {
    const root = tempProject();
    const report = await build(root, { timeBudgetSeconds: 0.001 });
    expect(report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toContain(`content/${SLUG}.txt:1:1 briefing:time-budget`);
    expect(report.written.filter((f) => f.path.includes(`${SLUG}/`))).toEqual([]);
    const again = await build(root, {});
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(again.written.filter((f) => f.path.endsWith(`${SLUG}.en.pdf`))).toHaveLength(1);
  });

  it('renders on the main thread with the budget off, or for one small article under a budget it cannot come near', async () => {
    const root = tempProject();
    expect((await build(root, { timeBudgetSeconds: 0, force: true })).workers).toBe(0);
    // The seed alone (5 KB) under the default budget: no worker is worth starting.
    expect((await build(root, { force: true })).workers).toBe(0);
    // A budget tighter than DEFAULTS.inProcessMinBudgetSeconds is only enforceable on a worker.
    expect((await build(root, { force: true, timeBudgetSeconds: 5 })).workers).toBe(1);
    // Past DEFAULTS.inProcessMaxBytes (article and translation together): on a worker.
    const big = project({ big: `# Un long article\n\n${'Un paragraphe de texte ordinaire. '.repeat(1100)}\n` });
    expect((await build(big, { force: true, slugs: ['big'], langs: ['fr'], formats: ['md'] })).workers).toBe(1);
  });

  it('takes --time-budget SECONDS on build and serve, and refuses anything but a whole number', async () => {
    const bad = await runCli(['build', '--root', tempProject(), '--time-budget', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--time-budget');
    expect((await runCli(['--help'])).stdout).toContain('--time-budget SECONDS');
  });
});

describe('the pool: jobs sent ahead to a stopped worker', () => {
  it('runs them again on a new worker; only the job that was running fails', async () => {
    // 5 s: long enough for a fresh worker's first (cold) render of the seed on a busy machine.
    const pool = new ArticlePool({ size: 1, depth: 2, timeBudgetMs: 5_000, heapMb: 256, entry: HOSTILE });
    const root = tempProject();
    const paths = projectPaths(root);
    writeFileSync(path.join(root, 'content', 'hang-article.md'), ARTICLE);
    const task = (slug: string, file: string) => ({
      paths,
      source: { slug, file, absolute: path.join(root, file), bounds: projectBounds(paths) },
      nowMs: Number(EPOCH) * 1000,
      minCoverage: 0,
      editions: [{ lang: 'fr' as const, formats: ['md' as const], review: false }],
    });
    try {
      const hanging = pool.run(task('hang-article', 'content/hang-article.md'), 'a');
      const behind = pool.run(task(SLUG, `content/${SLUG}.txt`), 'a');
      const stopped = await hanging.catch((error: unknown) => error);
      expect(stopped).toBeInstanceOf(JobStopped);
      expect((stopped as JobStopped).reason).toBe('time-budget');
      const result = await behind;
      expect(result.editions[0]!.files.map((f) => f.name)).toEqual([`${SLUG}.fr.md`]);
    } finally {
      await pool.close();
    }
  });
});
