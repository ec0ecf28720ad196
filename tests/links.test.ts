/**
 * Links written for a web site: site-relative links resolved against the article's own address
 * (front matter `url`, `canonical`, `source_url`) or shown as text with a placed warning, and
 * `www.` links completed with https — the same in Markdown, HTML and PDF.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleBase, linkTarget } from '../src/render/markdown/links.js';
import { hasTool, runCli, tempProject } from './helpers.js';

const QPDF = hasTool('qpdf', '--version');
if (!QPDF && process.env.CI) throw new Error('qpdf is required to test PDF link annotations');

describe('link targets', () => {
  const base = 'https://site.example.fr/articles/a/';
  it.each([
    ['/blog/x', base, { kind: 'rewrite', url: 'https://site.example.fr/blog/x' }],
    ['../autre.html', base, { kind: 'rewrite', url: 'https://site.example.fr/articles/autre.html' }],
    ['suite.html?p=2', base, { kind: 'rewrite', url: 'https://site.example.fr/articles/a/suite.html?p=2' }],
    ['/blog/x', undefined, { kind: 'unlink' }],
    ['x.html', undefined, { kind: 'unlink' }],
    ['www.example.fr/page', undefined, { kind: 'rewrite', url: 'https://www.example.fr/page' }],
    ['//cdn.example.fr/a', undefined, { kind: 'rewrite', url: 'https://cdn.example.fr/a' }],
    ['https://doc.example.fr/a', base, { kind: 'keep' }],
    ['mailto:presse@example.fr', undefined, { kind: 'keep' }],
    ['#suite', undefined, { kind: 'keep' }],
  ])('%s (base %s)', (url, givenBase, expected) => {
    expect(linkTarget(url, givenBase)).toEqual(expected);
  });

  it('takes only an absolute web address as the article base', () => {
    expect(articleBase('https://site.example.fr/a')).toBe('https://site.example.fr/a');
    expect(articleBase('/blog/a')).toBeUndefined();
    expect(articleBase('ftp://site.example.fr/a')).toBeUndefined();
    expect(articleBase(undefined)).toBeUndefined();
  });
});

const BODY = 'Voir [le blog](/blog/x), [le site](www.example.fr/page) et [la doc](https://doc.example.fr/a).\n\n## Suite\n\nUn [renvoi](../autre.html).\n';
const article = (front: string) => `---\ntitle: Liens\ndate: 2025-03-05\n${front}---\n\n${BODY}`;

describe('links in every format', () => {
  let root: string;
  let stderr: string;
  const read = (slug: string, ext: string) => readFileSync(path.join(root, 'output', slug, `${slug}.fr.${ext}`), 'utf8');
  const pdfUris = (slug: string) =>
    [...execFileSync('qpdf', ['--json', path.join(root, 'output', slug, `${slug}.fr.pdf`)], { encoding: 'utf8' }).matchAll(/"\/URI": "u:([^"]*)"/g)].map(
      (m) => m[1],
    );

  beforeAll(async () => {
    root = tempProject();
    writeFileSync(path.join(root, 'content', 'sans-adresse.md'), article(''));
    writeFileSync(
      path.join(root, 'content', 'avec-adresse.md'),
      article('source_url: https://autre.example.fr/x\ncanonical: https://site.example.fr/articles/a/\n'),
    );
    const result = await runCli(['build', '--root', root, '--lang', 'fr']);
    expect(result.code).toBe(0);
    stderr = result.stderr;
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('resolves relative links against the article address (canonical before source_url)', () => {
    const resolved = [
      'https://site.example.fr/blog/x',
      'https://www.example.fr/page',
      'https://doc.example.fr/a',
      'https://site.example.fr/articles/autre.html',
    ];
    const md = read('avec-adresse', 'md');
    const html = read('avec-adresse', 'html');
    for (const url of resolved) {
      expect(md).toContain(`(${url})`);
      expect(html).toContain(`href="${url}"`);
    }
    if (QPDF) expect(pdfUris('avec-adresse')).toEqual(resolved);
  });

  it('without an address, shows relative links as text and warns at their place; www. gets https', () => {
    const md = read('sans-adresse', 'md');
    expect(md).toContain('Voir le blog, [le site](https://www.example.fr/page)');
    expect(md).toContain('Un renvoi.');
    const html = read('sans-adresse', 'html');
    expect(html).not.toContain('/blog/x');
    expect(html).not.toContain('autre.html');
    expect(html).toContain('href="https://www.example.fr/page"');
    if (QPDF) expect(pdfUris('sans-adresse')).toEqual(['https://www.example.fr/page', 'https://doc.example.fr/a']);
    const warnings = stderr.split('\n').filter((line) => line.includes('briefing:relative-link'));
    expect(warnings).toEqual([
      expect.stringMatching(/^content\/sans-adresse\.md:6:6 {2}warning {2}The link "\/blog\/x" is relative/),
      expect.stringMatching(/^content\/sans-adresse\.md:10:4 {2}warning {2}The link "\.\.\/autre\.html" is relative/),
    ]);
  });
});

describe('the project base URL (--base-url)', () => {
  let root: string;
  beforeAll(() => {
    root = tempProject();
    writeFileSync(path.join(root, 'content', 'sans-adresse.md'), article(''));
    writeFileSync(path.join(root, 'content', 'avec-adresse.md'), article('url: https://site.example.fr/articles/a/\n'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const md = (slug: string) => readFileSync(path.join(root, 'output', slug, `${slug}.fr.md`), 'utf8');

  it("resolves the links of articles without an address against the site's, rebuilds when it changes, and keeps an article's own address first", async () => {
    const first = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'md', '--base-url', 'https://www.example.gouv.fr/']);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain('briefing:relative-link');
    expect(md('sans-adresse')).toContain('[le blog](https://www.example.gouv.fr/blog/x)');
    expect(md('sans-adresse')).toContain('[renvoi](https://www.example.gouv.fr/autre.html)');
    expect(md('avec-adresse')).toContain('[le blog](https://site.example.fr/blog/x)');
    // Another base URL is another input: every article is rebuilt (one with its own address gives the same bytes).
    const second = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'md', '--base-url', 'https://autre.example.org/', '--json']);
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.stdout) as { written: { path: string }[] };
    const written = summary.written.map((w) => path.basename(w.path)).filter((name) => name.endsWith('.md'));
    expect(written).toEqual(expect.arrayContaining(['avec-adresse.fr.md', 'sans-adresse.fr.md']));
    expect(md('sans-adresse')).toContain('[le blog](https://autre.example.org/blog/x)');
  }, 120_000);

  it('refuses a base URL that is not an absolute web address, naming the form to use', async () => {
    const result = await runCli(['build', '--root', root, '--base-url', 'www.example.fr']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--base-url must be an absolute web address, e.g. --base-url https://');
  });
});
