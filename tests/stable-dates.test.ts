/**
 * Stable dates (issue 15): a briefing's date is its front matter date, else when its content last
 * changed — remembered in the manifest, never the build's clock. Fixed clocks only:
 * SOURCE_DATE_EPOCH, or a faked `Date` for a build without it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EPOCH, editFile, editJson, hasTool, pdfInfo, runCli, treeHashes } from './helpers.js';
import { datedProject } from './dated-project.js';
import { buildProject } from '../src/publish/build.js';
import { projectPaths } from '../src/core/paths.js';
import type { Manifest } from '../src/publish/manifest.js';

const DAY = 86_400;
const later = (days: number) => String(Number(EPOCH) + days * DAY);

interface Summary {
  exitCode: number;
  written: { path: string }[];
  unchanged: number;
}

/** Builds `root` in-process at `epoch`; the written paths relative to output/. */
async function buildAt(root: string, epoch: string, ...args: string[]): Promise<{ exitCode: number; written: string[]; unchanged: number }> {
  const result = await runCli(['build', '--root', root, '--json', ...args], epoch);
  const summary = JSON.parse(result.stdout) as Summary;
  const out = path.join(root, 'output');
  return { ...summary, written: summary.written.map((w) => path.relative(out, path.resolve(w.path)).split(path.sep).join('/')).sort() };
}

const read = (root: string, file: string) => readFileSync(path.join(root, 'output', file), 'utf8');
const manifestOf = (root: string) => JSON.parse(read(root, 'manifest.json')) as Manifest;
/** `<updated>` of each entry of a feed, by entry title. */
function entryUpdates(xml: string): Record<string, string> {
  const entries = xml.split('<entry>').slice(1);
  return Object.fromEntries(entries.map((e) => [/<title>([^<]*)<\/title>/.exec(e)![1]!, /<updated>([^<]*)<\/updated>/.exec(e)![1]!]));
}

function git(root: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
  const dated = date ? { ...env, GIT_AUTHOR_DATE: `@${date} +0000`, GIT_COMMITTER_DATE: `@${date} +0000` } : env;
  return execFileSync('git', ['-C', root, ...args], { env: dated, encoding: 'utf8' }).trim();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('an unchanged article is never rebuilt or re-dated', () => {
  it('with SOURCE_DATE_EPOCH from the last commit: a README-only commit, then a build a day later, rewrite nothing', async () => {
    const root = await datedProject();
    git(root, ['init', '-q']);
    git(root, ['add', '-A']);
    git(root, ['commit', '-qm', 'articles'], EPOCH);
    const first = await buildAt(root, git(root, ['log', '-1', '--format=%ct']));
    expect(first.exitCode).toBe(0);
    expect(first.written).toContain('alpha/alpha.en.pdf');
    const before = treeHashes(path.join(root, 'output'));

    writeFileSync(path.join(root, 'README.md'), '# Our briefings\n');
    git(root, ['add', 'README.md']);
    git(root, ['commit', '-qm', 'readme'], later(1));
    const readmeEpoch = git(root, ['log', '-1', '--format=%ct']);
    expect(readmeEpoch).toBe(later(1));
    const afterReadme = await buildAt(root, readmeEpoch);
    expect(afterReadme).toMatchObject({ exitCode: 0, written: [], unchanged: first.written.filter((p) => p.includes('/')).length });
    expect(treeHashes(path.join(root, 'output'))).toEqual(before);

    const dayAfter = await buildAt(root, later(2));
    expect(dayAfter.written).toEqual([]);
    expect(treeHashes(path.join(root, 'output'))).toEqual(before);
    // The undated article shows the day its content was first built, not the build's.
    expect(read(root, 'alpha/alpha.fr.html')).toContain('2026-11-26');
  });

  it('without SOURCE_DATE_EPOCH: two scheduled builds a day apart (system clock faked) rewrite nothing', async () => {
    const root = await datedProject();
    const paths = projectPaths(root);
    const options = { paths, langs: ['fr', 'en'] as const, formats: ['html', 'md'] as const, env: {}, jobs: 1, timeBudgetSeconds: 0 };
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T08:00:00Z'));
    const first = await buildProject({ ...options, langs: [...options.langs], formats: [...options.formats] });
    expect(first.failed).toEqual([]);
    const before = treeHashes(paths.output);
    vi.setSystemTime(new Date('2026-12-02T08:00:00Z'));
    const second = await buildProject({ ...options, langs: [...options.langs], formats: [...options.formats] });
    expect(second.written).toEqual([]);
    expect(treeHashes(paths.output)).toEqual(before);
    expect(manifestOf(root).editions?.find((e) => e.slug === 'alpha' && e.lang === 'fr')?.changedAt).toBe('2026-12-01T08:00:00.000Z');
    expect(read(root, 'alpha/alpha.fr.html')).toContain('2026-12-01');
  });
});

describe('editing one article', () => {
  it('rebuilds and re-dates only what changed: its PDF dates and feed entry move, the others do not', async () => {
    const root = await datedProject();
    expect((await buildAt(root, EPOCH)).exitCode).toBe(0);
    const pdfs = ['alpha/alpha.fr.pdf', 'alpha/alpha.en.pdf', 'beta/beta.fr.pdf', 'beta/beta.en.pdf'];
    const dates = (file: string) => {
      const info = pdfInfo(path.join(root, 'output', file));
      return `${info.CreationDate} / ${info.ModDate}`;
    };
    const pdfDates = hasTool('pdfinfo') ? Object.fromEntries(pdfs.map((f) => [f, dates(f)])) : undefined;
    const frenchFeed = read(root, 'feed.fr.xml');
    const englishUpdates = entryUpdates(read(root, 'feed.en.xml'));
    expect(englishUpdates).toEqual({ 'Cycling plan': '2026-11-26T00:00:00.000Z', 'Transport budget': '2026-03-10T00:00:00.000Z' });

    // Two days later, a translator improves alpha's English lead.
    editJson(root, 'locales/en/alpha.json', (json) => {
      json.lead['1'] = 'The plan provides for 300 kilometres of cycle lanes.';
    });
    const edited = await buildAt(root, later(2));
    expect(edited.exitCode).toBe(0);
    // The French page is rendered again too (its header links to the English edition, which
    // depends on the translation: docs/publishing.md, "Linked editions"), but not re-dated.
    expect(edited.written.filter((p) => p.includes('/'))).toEqual(
      ['alpha.en.html', 'alpha.en.md', 'alpha.en.pdf', 'alpha.fr-en.html', 'alpha.fr-en.pdf', 'alpha.fr.html', 'alpha.review.html'].map((f) => `alpha/${f}`),
    );
    expect(entryUpdates(read(root, 'feed.en.xml'))).toEqual({ 'Cycling plan': '2026-11-28T00:00:00.000Z', 'Transport budget': '2026-03-10T00:00:00.000Z' });
    // The French feed lists nothing that changed: not a byte moves.
    expect(read(root, 'feed.fr.xml')).toBe(frenchFeed);
    const shown = Object.fromEntries(
      manifestOf(root)
        .outputs.filter((o) => o.kind === 'briefing' && o.format === 'html')
        .map((o) => [o.path, o.date]),
    );
    expect(shown).toEqual({
      'alpha/alpha.en.html': '2026-11-28',
      'alpha/alpha.fr.html': '2026-11-26',
      'beta/beta.en.html': '2026-03-04',
      'beta/beta.fr.html': '2026-03-04',
    });
    if (pdfDates) {
      const now = Object.fromEntries(pdfs.map((f) => [f, dates(f)]));
      expect(now['alpha/alpha.en.pdf']).not.toBe(pdfDates['alpha/alpha.en.pdf']);
      for (const file of pdfs.filter((f) => f !== 'alpha/alpha.en.pdf')) expect(now[file], file).toBe(pdfDates[file]);
    }
  });
});

describe('a new theme', () => {
  it('re-renders every edition but moves no date: the feeds and the dates shown stay', async () => {
    const root = await datedProject();
    expect((await buildAt(root, EPOCH, '--format', 'html')).exitCode).toBe(0);
    const feeds = ['feed.fr.xml', 'feed.en.xml'].map((f) => read(root, f));
    const dates = manifestOf(root).outputs.map((o) => `${o.path} ${o.date}`);
    editFile(root, 'templates/html/style.css', (css) => `${css}\nbody { color: #222; }\n`);
    const themed = await buildAt(root, later(3), '--format', 'html');
    expect(themed.written).toEqual(expect.arrayContaining(['alpha/alpha.fr.html', 'beta/beta.en.html']));
    expect(['feed.fr.xml', 'feed.en.xml'].map((f) => read(root, f))).toEqual(feeds);
    expect(manifestOf(root).outputs.map((o) => `${o.path} ${o.date}`)).toEqual(dates);
    expect(read(root, 'alpha/alpha.fr.html')).toContain('2026-11-26');
  }, 60_000);
});

describe('an edition that fails', () => {
  it('keeps its remembered time: fixed back to the same content, nothing is rebuilt or re-dated', async () => {
    const root = await datedProject();
    expect((await buildAt(root, EPOCH, '--format', 'html')).exitCode).toBe(0);
    const before = treeHashes(path.join(root, 'output'));
    const translation = path.join(root, 'locales', 'en', 'alpha.json');
    const good = readFileSync(translation, 'utf8');
    writeFileSync(translation, '{ "title": ');
    const broken = await buildAt(root, later(1), '--format', 'html');
    expect(broken.exitCode).toBe(1);
    expect(manifestOf(root).editions?.find((e) => e.slug === 'alpha' && e.lang === 'en')?.changedAt).toBe('2026-11-26T00:00:00.000Z');
    writeFileSync(translation, good);
    const fixed = await buildAt(root, later(2), '--format', 'html');
    expect(fixed.exitCode).toBe(0);
    // Only the French page, whose link to the English edition went with the broken file and comes back.
    expect(fixed.written.filter((p) => p.includes('/'))).toEqual(['alpha/alpha.fr.html']);
    expect(treeHashes(path.join(root, 'output'), (p) => p !== 'manifest.json')).toEqual(
      Object.fromEntries(Object.entries(before).filter(([p]) => p !== 'manifest.json')),
    );
  }, 60_000);
});

describe('an article with a front matter date', () => {
  it('shows that date in every edition, and its feed entries are published that day and updated on its `updated` day', async () => {
    const root = await datedProject();
    expect((await buildAt(root, later(30))).exitCode).toBe(0);
    expect(read(root, 'beta/beta.fr.md')).toContain('4 mars 2026');
    expect(read(root, 'beta/beta.en.md')).toContain('4 March 2026');
    expect(read(root, 'beta/beta.en.html')).toContain('2026-03-04');
    const entry = read(root, 'feed.fr.xml')
      .split('<entry>')
      .find((e) => e.includes('Budget des transports'))!;
    expect(entry).toContain('<published>2026-03-04T00:00:00.000Z</published>');
    expect(entry).toContain('<updated>2026-03-10T00:00:00.000Z</updated>');
  });
});
