/**
 * Incremental builds: what each kind of input change rebuilds, the manifest, removal of what a
 * build made (and of nothing else), the index page and the Atom feeds.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, type Document } from '@xmldom/xmldom';
import { EPOCH, REPO, editFile as edit, runCli, tempProject } from './helpers.js';
import { editionHash, FileHasher, outputHash, type SharedInputs } from '../src/publish/input-hash.js';
import { projectPaths } from '../src/core/paths.js';
import { mergeManifests, readManifest, safeRelative, serializeManifest, type Manifest, type OutputEntry } from '../src/publish/manifest.js';
import { urnFor, xmlText } from '../src/publish/feeds.js';

const SLUG = 'microsoft-openai';
const ALL = ['en.html', 'en.md', 'en.pdf', 'fr-en.html', 'fr-en.pdf', 'fr.html', 'fr.md', 'fr.pdf', 'review.html'].map((s) => `${SLUG}/${SLUG}.${s}`);

interface Summary {
  exitCode: number;
  rendered: number;
  written: { path: string }[];
  unchanged: number;
  removed: { path: string; reason: string }[];
  failed: string[];
  diagnostics: { file: string; ruleId: string; message: string }[];
}

/** Builds `root` in-process with --json and returns the summary, output paths relative to output/. */
async function build(root: string, ...args: string[]): Promise<Summary & { briefings: string[] }> {
  return buildAt(EPOCH, root, ...args);
}

async function buildAt(epoch: string, root: string, ...args: string[]): Promise<Summary & { briefings: string[] }> {
  const result = await runCli(['build', '--root', root, '--json', ...args], epoch);
  const summary = JSON.parse(result.stdout) as Summary;
  const out = path.join(root, 'output');
  const rel = (p: string) => path.relative(out, path.resolve(p)).split(path.sep).join('/');
  const written = summary.written.map((w) => ({ path: rel(w.path) }));
  return {
    ...summary,
    written,
    removed: summary.removed.map((r) => ({ ...r, path: rel(r.path) })),
    // The briefing outputs written (not the index, feeds or manifest).
    briefings: written
      .map((w) => w.path)
      .filter((p) => p.includes('/'))
      .sort(),
  };
}

const manifestOf = (root: string) => JSON.parse(readFileSync(path.join(root, 'output', 'manifest.json'), 'utf8')) as Manifest;
/** The outputs an input of `lang` feeds: that edition's, the bilingual edition (both languages), and the review page (English). */
const only = (lang: string) => ALL.filter((p) => p.includes(`.${lang}.`) || p.includes('.fr-en.') || (lang === 'en' && p.endsWith('.review.html')));
/** The HTML page of the other language's edition: it links to this one (its header names it and shows it only when published). */
const page = (lang: string) => `${SLUG}/${SLUG}.${lang}.html`;

describe('a rebuild with nothing changed', () => {
  it('writes nothing, keeps every byte and file time, and keeps the manifest as it was', async () => {
    const root = tempProject();
    const first = await build(root);
    expect(first.exitCode).toBe(0);
    expect(first.briefings).toEqual(ALL);
    expect(first.written.map((w) => w.path)).toEqual(expect.arrayContaining(['index.html', 'feed.fr.xml', 'feed.en.xml']));
    const manifestFile = path.join(root, 'output', 'manifest.json');
    const before = readFileSync(manifestFile, 'utf8');
    const times = ALL.map((p) => statSync(path.join(root, 'output', p)).mtimeMs);
    const second = await build(root);
    expect(second).toMatchObject({ exitCode: 0, rendered: 0, written: [], unchanged: 9, removed: [], failed: [] });
    expect(readFileSync(manifestFile, 'utf8')).toBe(before);
    expect(ALL.map((p) => statSync(path.join(root, 'output', p)).mtimeMs)).toEqual(times);
  });

  it('records every output in the manifest: path, language, format, sha256, size, input hash, coverage, date, build time', async () => {
    const root = tempProject();
    await build(root);
    const manifest = manifestOf(root);
    expect(manifest.outputs.map((o) => o.path)).toEqual(ALL);
    const pdf = manifest.outputs.find((o) => o.path.endsWith('.en.pdf'))!;
    const bytes = readFileSync(path.join(root, 'output', pdf.path));
    expect(pdf).toMatchObject({
      slug: SLUG,
      lang: 'en',
      format: 'pdf',
      kind: 'briefing',
      bytes: bytes.length,
      coverage: 100,
      date: '2026-11-26',
      builtAt: '2026-11-26T00:00:00.000Z',
      title: 'Microsoft and OpenAI Renegotiate Their Strategic Partnership',
    });
    expect(pdf.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.outputs.find((o) => o.path.endsWith('.review.html'))).toMatchObject({ kind: 'review', lang: 'en', format: 'html' });
    expect(manifest.problems).toEqual([]);
  });
});

describe('what each kind of input change rebuilds', () => {
  // Markdown and HTML only where PDFs add nothing to what is checked (they cost most of a build).
  const cases: { name: string; change: (root: string) => void; args?: string[]; rebuilt: string[] }[] = [
    {
      name: 'the article',
      change: (root) => edit(root, `content/${SLUG}.txt`, (t) => t.replace('en pleine renégociation', 'en pleine discussion')),
      rebuilt: ALL,
    },
    {
      name: 'the English translation',
      change: (root) => edit(root, `locales/en/${SLUG}.json`, (t) => t.replace('breakneck speed', 'dizzying speed')),
      rebuilt: [...only('en'), page('fr')],
    },
    {
      name: 'the English state file',
      change: (root) => edit(root, `locales/en/${SLUG}.state.json`, (t) => t.replace(/"source":"[0-9a-f]{12}"/, '"source":"000000000000"')),
      rebuilt: [...only('en'), page('fr')],
    },
    {
      name: 'the English interface strings',
      change: (root) => edit(root, 'locales/en/common.json', (t) => t.replace('"Contents"', '"Table of contents"')),
      rebuilt: [...only('en'), page('fr')],
    },
    {
      name: 'the French interface strings',
      change: (root) => edit(root, 'locales/fr/common.json', (t) => t.replace('"Sommaire"', '"Table des matières"')),
      rebuilt: [...only('fr'), page('en')],
    },
    {
      name: 'the French extraction (French editions read the article, not locales/fr/)',
      change: (root) => edit(root, `locales/fr/${SLUG}.json`, (t) => t.replace('renégocient', 'renégocient encore')),
      rebuilt: [],
    },
    { name: 'a template', change: (root) => edit(root, 'templates/html/style.css', (t) => `${t}\n/* changed */\n`), rebuilt: ALL },
    {
      name: 'an obsolete-translations file appearing',
      change: (root) => writeFileSync(path.join(root, 'locales/en', `${SLUG}.obsolete.json`), '{}\n'),
      rebuilt: [...only('en'), page('fr')],
    },
    {
      name: 'the --min-coverage option (translated editions, and the French page that links to them)',
      change: () => undefined,
      args: ['--min-coverage', '50'],
      rebuilt: [...only('en'), page('fr')],
    },
    { name: 'SOURCE_DATE_EPOCH a day later (nothing: the date shown is the remembered content time)', change: () => undefined, args: [], rebuilt: [] },
    { name: 'an output deleted by hand', change: (root) => rmSync(path.join(root, 'output', SLUG, `${SLUG}.fr.md`)), rebuilt: [`${SLUG}/${SLUG}.fr.md`] },
    {
      name: 'an output changed by hand (same size)',
      change: (root) => edit(root, `output/${SLUG}/${SLUG}.en.md`, (t) => t.replace('Microsoft', 'MICROSOFT')),
      rebuilt: [`${SLUG}/${SLUG}.en.md`],
    },
    { name: 'nothing, with --force', change: () => undefined, args: ['--force'], rebuilt: ALL },
  ];

  it.each(cases)('$name', async ({ name, change, args = [], rebuilt }) => {
    const root = tempProject();
    expect((await build(root)).exitCode).toBe(0);
    change(root);
    const epoch = name.startsWith('SOURCE_DATE_EPOCH') ? String(Number(EPOCH) + 86_400) : EPOCH;
    const result = await buildAt(epoch, root, ...args);
    expect(result.exitCode).toBe(0);
    expect(result.briefings).toEqual([...rebuilt].sort());
    expect(result.unchanged).toBe(ALL.length - rebuilt.length);
    // The manifest matches the files on disk after the rebuild.
    for (const output of manifestOf(root).outputs) {
      expect(readFileSync(path.join(root, 'output', output.path)).length, output.path).toBe(output.bytes);
    }
  });

  it('another format set keeps the other formats (and their manifest entries) as they are', async () => {
    const root = tempProject();
    await build(root);
    const before = manifestOf(root);
    const md = await build(root, '--format', 'md');
    expect(md.briefings).toEqual([]);
    expect(md.unchanged).toBe(2);
    expect(manifestOf(root)).toEqual(before);
  });

  it('the hash covers the tool and font versions and every option that changes an output, never the clock', () => {
    const paths = projectPaths(REPO);
    const shared: SharedInputs = { tool: '0.1.0', font: '2.37.3', templates: 'x' };
    const files = [`content/${SLUG}.txt`, 'locales/en/common.json'];
    const hash = (s: SharedInputs, minCoverage = 80) => editionHash(s, new FileHasher(paths.root), files, 'en', minCoverage);
    const base = hash(shared);
    expect(hash({ ...shared })).toBe(base);
    expect(hash({ ...shared, tool: '0.2.0' })).not.toBe(base);
    expect(hash({ ...shared, font: '2.38.0' })).not.toBe(base);
    expect(hash({ ...shared, templates: 'y' })).not.toBe(base);
    expect(hash({ ...shared, baseUrl: 'https://example.org/' })).not.toBe(base);
    expect(hash(shared, 90)).not.toBe(base);
    // French editions do not depend on the coverage threshold.
    const fr = (min: number) => editionHash(shared, new FileHasher(paths.root), files, 'fr', min);
    expect(fr(80)).toBe(fr(90));
    expect(outputHash(base, 'briefing', 'pdf')).not.toBe(outputHash(base, 'briefing', 'html'));
    expect(outputHash(base, 'review', 'html')).not.toBe(outputHash(base, 'briefing', 'html'));
  });
});

describe('removing what the build made, and nothing else', () => {
  /** A second article (a copy of the seed, with its translation) in the project. */
  const addOther = (root: string) => {
    cpSync(path.join(root, 'content', `${SLUG}.txt`), path.join(root, 'content', 'other.txt'));
    cpSync(path.join(root, 'locales', 'en', `${SLUG}.json`), path.join(root, 'locales', 'en', 'other.json'));
    cpSync(path.join(root, 'locales', 'en', `${SLUG}.state.json`), path.join(root, 'locales', 'en', 'other.state.json'));
  };

  it('removes and reports the outputs of a deleted article, keeping files it did not write', async () => {
    const root = tempProject();
    addOther(root);
    expect((await build(root, '--format', 'md,html')).exitCode).toBe(0);
    writeFileSync(path.join(root, 'output', 'other', 'notes.txt'), 'mine\n');
    writeFileSync(path.join(root, 'output', 'keep.txt'), 'mine too\n');
    rmSync(path.join(root, 'content', 'other.txt'));
    const result = await build(root, '--format', 'md,html');
    expect(result.exitCode).toBe(0);
    expect(result.removed.map((r) => r.path).sort()).toEqual([
      'other/other.en.html',
      'other/other.en.md',
      'other/other.fr-en.html',
      'other/other.fr.html',
      'other/other.fr.md',
      'other/other.review.html',
    ]);
    expect(result.removed.every((r) => r.reason === 'article deleted')).toBe(true);
    expect(readFileSync(path.join(root, 'output', 'other', 'notes.txt'), 'utf8')).toBe('mine\n');
    expect(readFileSync(path.join(root, 'output', 'keep.txt'), 'utf8')).toBe('mine too\n');
    expect(manifestOf(root).outputs.some((o) => o.slug === 'other')).toBe(false);
    expect(readFileSync(path.join(root, 'output', 'index.html'), 'utf8')).not.toContain('other/other');
    // Once the folder holds nothing of ours, it goes too.
    rmSync(path.join(root, 'output', 'other', 'notes.txt'));
    addOther(root);
    await build(root, '--format', 'md');
    rmSync(path.join(root, 'content', 'other.txt'));
    await build(root, '--format', 'md');
    expect(existsSync(path.join(root, 'output', 'other'))).toBe(false);
  });

  it('does not remove an output edited by hand', async () => {
    const root = tempProject();
    addOther(root);
    await build(root, '--format', 'md');
    edit(root, 'output/other/other.fr.md', (t) => `${t}\nedited\n`);
    rmSync(path.join(root, 'content', 'other.txt'));
    const result = await build(root, '--format', 'md');
    expect(existsSync(path.join(root, 'output', 'other', 'other.fr.md'))).toBe(true);
    expect(result.removed.map((r) => r.path)).toEqual(['other/other.en.md']);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: 'briefing:kept-modified-output', file: expect.stringMatching(/other\.fr\.md$/) }),
    );
  });

  it('never follows a manifest path out of the output folder', async () => {
    const root = tempProject();
    addOther(root);
    await build(root, '--format', 'md');
    const victim = path.join(root, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const manifest = manifestOf(root);
    manifest.outputs.push({
      ...manifest.outputs[0]!,
      path: '../victim.txt',
      slug: 'gone',
      sha256: createHash('sha256').update('precious\n').digest('hex'),
      bytes: 9,
    });
    writeFileSync(path.join(root, 'output', 'manifest.json'), serializeManifest(manifest));
    rmSync(path.join(root, 'content', 'other.txt'));
    const result = await build(root, '--format', 'md');
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    // The whole manifest is distrusted: nothing is removed, everything is rebuilt.
    expect(result.removed).toEqual([]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: 'briefing:invalid-manifest', message: expect.stringMatching(/outputs\[\d+\] is not a valid output entry/) }),
    );
  });

  it('ignores a damaged manifest with a warning and rebuilds everything', async () => {
    const root = tempProject();
    await build(root, '--format', 'md');
    writeFileSync(path.join(root, 'output', 'manifest.json'), '{"version": 1, "outputs": [');
    const result = await build(root, '--format', 'md');
    expect(result.exitCode).toBe(0);
    expect(result.briefings).toEqual([`${SLUG}/${SLUG}.en.md`, `${SLUG}/${SLUG}.fr.md`]);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'briefing:invalid-manifest' }));
    expect((await readManifest(path.join(root, 'output', 'manifest.json'))).manifest).toBeDefined();
  });

  it('a file that cannot be written is reported with its path; the others are written, and it is retried next time', async () => {
    const root = tempProject();
    // Something that is not ours sits where an output goes: the rename over it fails.
    const blocked = path.join(root, 'output', SLUG, `${SLUG}.fr.md`);
    mkdirSync(blocked, { recursive: true });
    const result = await build(root, '--format', 'md');
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: 'briefing:write-failed', file: expect.stringMatching(/microsoft-openai\.fr\.md$/) }),
    );
    expect(result.briefings).toEqual([`${SLUG}/${SLUG}.en.md`]);
    expect(result.failed).toEqual([`${SLUG}.fr`]);
    expect(statSync(blocked).isDirectory()).toBe(true);
    rmSync(blocked, { recursive: true });
    const again = await build(root, '--format', 'md');
    expect(again).toMatchObject({ exitCode: 0, briefings: [`${SLUG}/${SLUG}.fr.md`] });
  });

  it('a broken article is reported again on an unchanged rebuild, without being parsed again', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'content', 'broken.md'), '---\ntitle: Cassé\ndate: hier\n---\nTexte.\n');
    const first = await build(root, '--format', 'md');
    const message = 'Field "date" must be a date as YYYY-MM-DD, or a date-time such as 2024-05-01T10:00:00+02:00, not "hier"';
    expect(first.exitCode).toBe(1);
    expect(first.failed).toEqual(['broken.fr', 'broken.en']);
    expect(first.diagnostics.filter((d) => d.message === message)).toHaveLength(1);
    const again = await build(root, '--format', 'md');
    expect(again).toMatchObject({ exitCode: 1, rendered: 0, failed: ['broken.fr', 'broken.en'] });
    expect(again.diagnostics.filter((d) => d.message === message)).toEqual([expect.objectContaining({ file: 'content/broken.md' })]);
    // Fixed: built, and the problem is gone from the manifest.
    edit(root, 'content/broken.md', (t) => t.replace('hier', '2026-11-20'));
    const fixed = await build(root, '--format', 'md', '--lang', 'fr');
    expect(fixed.exitCode).toBe(0);
    expect(fixed.briefings).toEqual(['broken/broken.fr.md']);
    // The English edition was not asked for: its problem stays on record.
    expect(manifestOf(root).problems.map((p) => `${p.slug}.${p.lang}`)).toEqual(['broken.en']);
  });
});

describe('the index page and the Atom feeds', () => {
  it('list every briefing by language with its formats, coverage and date, escaping article text', async () => {
    const root = tempProject();
    writeFileSync(
      path.join(root, 'content', 'hostile.md'),
      '---\ntitle: "<script>alert(1)</script> & Cie ]]> \\u0001"\ndate: 2026-11-20\n---\nTexte <b>gras</b>.\n',
    );
    const result = await build(root, '--lang', 'fr');
    expect(result.exitCode).toBe(0);
    const index = readFileSync(path.join(root, 'output', 'index.html'), 'utf8');
    expect(index).not.toContain('<script');
    expect(index).toContain('&lt;script>alert(1)&lt;/script> &amp; Cie');
    expect(index).toContain(`href="${SLUG}/${SLUG}.fr.pdf"`);
    // The public index is bilingual: the French section dates in French.
    expect(index).toContain('<time datetime="2026-11-20">20 novembre 2026</time>');
    expect(index).toContain('href="feed.fr.xml"');
    const feed = readFileSync(path.join(root, 'output', 'feed.fr.xml'), 'utf8');
    const doc = parseXml(feed);
    const entries = Array.from(doc.getElementsByTagName('entry'));
    // Newest first: the seed shows the build's day (26 November), the other its own date.
    expect(entries.map((e) => e.getElementsByTagName('title')[0]!.textContent)).toEqual([
      'Microsoft et OpenAI renégocient leur partenariat stratégique',
      '<script>alert(1)</script> & Cie ]]> ',
    ]);
    for (const entry of entries) {
      expect(entry.getElementsByTagName('id')[0]!.textContent).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(entry.getElementsByTagName('updated')[0]!.textContent).toBe('2026-11-26T00:00:00.000Z');
      const links = Array.from(entry.getElementsByTagName('link')).map((l) => [l.getAttribute('rel'), l.getAttribute('type')]);
      expect(links).toEqual([
        ['alternate', 'text/html'],
        ['alternate', 'text/markdown'],
        ['alternate', 'application/pdf'],
      ]);
    }
    // No English edition was built: its feed is valid and empty.
    expect(parseXml(readFileSync(path.join(root, 'output', 'feed.en.xml'), 'utf8')).getElementsByTagName('entry')).toHaveLength(0);
  });

  it('drops characters XML forbids and makes stable ids', () => {
    expect(xmlText('a & b < c \u0000\u0001\ufffe g\u{1F600}')).toBe('a & b < c  g\u{1F600}');
    expect(urnFor('edition:x.fr')).toBe(urnFor('edition:x.fr'));
    expect(urnFor('edition:x.fr')).not.toBe(urnFor('edition:x.en'));
  });
});

describe('manifest helpers', () => {
  const entry = (p: string, sha = 'a'.repeat(64)): OutputEntry => ({
    path: p,
    slug: p.split('/')[0]!,
    lang: 'fr',
    format: 'md',
    kind: 'briefing',
    title: 't',
    date: '2026-11-26',
    sha256: sha,
    bytes: 1,
    inputHash: 'h',
    coverage: 100,
    builtAt: '2026-11-26T00:00:00.000Z',
  });
  const manifest = (outputs: OutputEntry[]): Manifest => ({ version: 1, generator: 'g', outputs, problems: [] });

  it('merges shards, accepting identical duplicates and reporting conflicting ones', () => {
    const merged = mergeManifests([manifest([entry('a/a.fr.md'), entry('c/c.fr.md')]), manifest([entry('b/b.fr.md'), entry('c/c.fr.md')])], 'g');
    expect(merged.conflicts).toEqual([]);
    expect(serializeManifest(merged.manifest)).toBe(serializeManifest(manifest([entry('a/a.fr.md'), entry('b/b.fr.md'), entry('c/c.fr.md')])));
    expect(mergeManifests([manifest([entry('a/a.fr.md')]), manifest([entry('a/a.fr.md', 'b'.repeat(64))])], 'g').conflicts).toEqual(['a/a.fr.md']);
  });

  it('accepts only paths inside the output folder', () => {
    expect(['a/b.md', 'index.html'].every(safeRelative)).toBe(true);
    expect(['../x', '/etc/passwd', 'a/../../x', 'a\\b', '', 'a//b', './a'].some(safeRelative)).toBe(false);
  });

  it('rejects a manifest of another version or shape', async () => {
    const root = tempProject([]);
    mkdirSync(path.join(root, 'o'));
    const file = path.join(root, 'o', 'manifest.json');
    writeFileSync(file, JSON.stringify({ version: 2, outputs: [], problems: [] }));
    expect((await readManifest(file)).diagnostics[0]?.message).toContain('its version is 2, expected 1');
    writeFileSync(file, JSON.stringify({ version: 1, generator: 'g', outputs: [{ path: 'x' }], problems: [] }));
    expect((await readManifest(file)).diagnostics[0]?.message).toContain('outputs[0] is not a valid output entry');
  });
});

function parseXml(text: string): Document {
  return new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(text, 'application/xml') as unknown as Document;
}
