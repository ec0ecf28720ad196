/**
 * Drafts and embargoes, through the CLI on temporary projects with a fixed clock: a draft is
 * built for preview, marked in every format, and never listed in the index or feeds; an embargoed
 * article is the same until its instant, then published by the first plain build after it, which
 * rewrites only what changed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hasTool, pdfText, runCli, tempProject } from './helpers.js';

const article = (front: string) =>
  `---\ntitle: Les prix du cuivre\n${front}briefing:\n  min-coverage: 0\n---\n\nLe prix du cuivre a progressé de 3 % en novembre.\n\nLes stocks baissent.\n`;

function project(front: string): string {
  const root = tempProject();
  writeFileSync(path.join(root, 'content', 'cuivre.md'), article(front));
  return root;
}
const read = (root: string, file: string) => readFileSync(path.join(root, 'output', file), 'utf8');
const catalogue = (root: string) => ['index.html', 'feed.fr.xml', 'feed.en.xml'].map((file) => read(root, file)).join('\n');
interface ManifestOutputs {
  outputs: { path: string; slug: string; visibility?: string; embargo?: string }[];
}
const manifest = (root: string) => JSON.parse(read(root, 'manifest.json')) as ManifestOutputs;

afterEach(() => {
  vi.useRealTimers();
});

describe('status: draft', () => {
  it('is built for preview with a mark in every format and language, and listed nowhere public', async () => {
    const root = project('status: Brouillon\n');
    // Only this article (every format, both languages and the bilingual edition), plus the seed's Markdown to list.
    expect((await runCli(['build', '--root', root, 'microsoft-openai', '--format', 'md'])).code).toBe(0);
    const result = await runCli(['build', '--root', root, 'cuivre']);
    expect(result.code).toBe(0);
    expect(read(root, 'cuivre/cuivre.fr.md')).toMatch(/^# Les prix du cuivre\n\n\*\*BROUILLON — ne pas publier\*\*\n/);
    expect(read(root, 'cuivre/cuivre.en.md')).toContain('\n**DRAFT — not for publication**\n');
    expect(read(root, 'cuivre/cuivre.fr.html')).toMatch(/<p class="preview-mark" role="note"[^>]*>BROUILLON — ne pas publier<\/p>/);
    expect(read(root, 'cuivre/cuivre.fr-en.html')).toContain('>BROUILLON — ne pas publier · DRAFT — not for publication</p>');
    if (hasTool('pdftotext')) {
      expect(pdfText(path.join(root, 'output', 'cuivre', 'cuivre.fr.pdf'))).toContain('BROUILLON — ne pas publier');
      expect(pdfText(path.join(root, 'output', 'cuivre', 'cuivre.fr-en.pdf'))).toContain('DRAFT — not for publication');
    }
    // Not in the index or the feeds; the manifest says which files are drafts, for the upload to skip.
    expect(catalogue(root)).not.toContain('cuivre');
    expect(catalogue(root)).toContain('microsoft-openai/microsoft-openai.fr.md');
    const drafts = manifest(root).outputs.filter((o) => o.slug === 'cuivre');
    expect(drafts.length).toBeGreaterThan(5);
    expect(drafts.every((o) => o.visibility === 'draft')).toBe(true);
    expect(manifest(root).outputs.filter((o) => o.slug !== 'cuivre' && o.visibility !== undefined)).toEqual([]);
    expect((await runCli(['status', '--root', root])).stdout).toContain('draft: cuivre (built for preview');
  }, 60_000);

  it('publishes once the status is removed; the public article’s files carry no mark', async () => {
    const root = project('status: draft\n');
    expect((await runCli(['build', '--root', root, '--format', 'md'])).code).toBe(0);
    writeFileSync(path.join(root, 'content', 'cuivre.md'), article(''));
    expect((await runCli(['build', '--root', root, '--format', 'md'])).code).toBe(0);
    expect(read(root, 'cuivre/cuivre.fr.md')).not.toContain('BROUILLON');
    expect(read(root, 'index.html')).toContain('cuivre/cuivre.fr.md');
    expect(manifest(root).outputs.every((o) => o.visibility === undefined)).toBe(true);
  });
});

describe('embargo: <date-time with offset>', () => {
  // 27 November 2026, 09:00 in Paris.
  const EMBARGO = 'embargo: 2026-11-27T09:00:00+01:00\n';
  const at = (iso: string) => vi.setSystemTime(new Date(iso));

  it('is a draft until its time, then the first plain build publishes it and rewrites only what changed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const root = project(EMBARGO);
    at('2026-11-27T07:00:00Z');
    // No SOURCE_DATE_EPOCH: the system clock (fixed here) is the build's.
    const before = await runCli(['build', '--root', root, '--format', 'md,html'], '');
    expect(before.code).toBe(0);
    expect(read(root, 'cuivre/cuivre.fr.md')).toContain('**SOUS EMBARGO jusqu’au 27 novembre 2026 à 08:00 UTC — ne pas publier**');
    expect(read(root, 'cuivre/cuivre.en.html')).toContain('EMBARGOED until 27 November 2026 at 08:00 UTC — not for publication');
    expect(catalogue(root)).not.toContain('cuivre');
    expect(manifest(root).outputs.find((o) => o.path === 'cuivre/cuivre.fr.md')).toMatchObject({
      visibility: 'embargoed',
      embargo: '2026-11-27T08:00:00.000Z',
    });
    const status = await runCli(['status', '--root', root], '');
    expect(status.stdout).toContain('embargoed: cuivre until 2026-11-27T08:00:00.000Z');

    // Still before: nothing to do.
    at('2026-11-27T07:59:00Z');
    const still = await runCli(['build', '--root', root, '--format', 'md,html'], '');
    expect(still.stdout).toMatch(/^0 files written/m);

    // After: the embargo's passing is an input, so the article is built again, without its mark.
    at('2026-11-27T08:01:00Z');
    const after = await runCli(['build', '--root', root, '--format', 'md,html'], '');
    expect(after.code).toBe(0);
    const written = after.stdout.split('\n').flatMap((line) => (/^\S+\/(\S+)\s/.exec(line) ? [/^\S+\/(\S+)\s/.exec(line)![1]!] : []));
    expect(written.filter((file) => file.startsWith('microsoft-openai'))).toEqual([]);
    expect(written).toEqual(
      expect.arrayContaining(['cuivre.fr.md', 'cuivre.en.html', 'index.html', 'feed.fr.xml', 'feed.en.xml', 'manifest.json'].slice(0, 5)),
    );
    expect(read(root, 'cuivre/cuivre.fr.md')).not.toContain('EMBARGO');
    expect(read(root, 'index.html')).toContain('cuivre/cuivre.fr.html');
    expect(read(root, 'feed.fr.xml')).toContain('cuivre');
    expect(manifest(root).outputs.every((o) => o.visibility === undefined && o.embargo === undefined)).toBe(true);
    expect((await runCli(['status', '--root', root], '')).stdout).not.toContain('embargoed');
  });

  it('a date-time without its offset is an error at its place', async () => {
    const root = project('embargo: 2026-11-27T09:00:00\n');
    const result = await runCli(['build', '--root', root, '--format', 'md']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/cuivre\.md:3:10 +error +Field "embargo" must be a date-time with its offset, such as 2026-12-02T09:00:00\+01:00/);
  });
});
