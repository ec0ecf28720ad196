/**
 * The line under the title in every format: the front matter's authors ("Par … et …"), the
 * article's own date ("Publié le …", "mis à jour le …") or, undated, the day the briefing was
 * prepared; the authors in the PDF's Author and the HTML's `<meta name="author">`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfInfo, pdfText, runCli, translatedProject } from './helpers.js';

const ARTICLE = [
  '---',
  'title: Plan vélo',
  'authors:',
  '  - Jeanne Martin',
  '  - name: Paul Durand',
  'author: Léa Petit',
  'date: 2025-03-12',
  'updated: 2025-04-02',
  '---',
  'Le plan prévoit 300 kilomètres de pistes.',
  '',
].join('\n');
const ENGLISH = { title: 'Cycling plan', lead: { '1': 'The plan provides for 300 kilometres of lanes.' } };

describe('authors and dates under the title', async () => {
  const root = await translatedProject('a', ARTICLE, ENGLISH);
  const build = await runCli(['build', '--root', root]);
  const out = (name: string) => path.join(root, 'output', 'a', name);

  it('builds', () => expect(build.code, build.stderr).toBe(0));

  it.each([
    ['fr', 'Par Jeanne Martin, Paul Durand et Léa Petit · Publié le 12 mars 2025 · mis à jour le 2 avril 2025'],
    ['en', 'By Jeanne Martin, Paul Durand, and Léa Petit · Published 12 March 2025 · updated 2 April 2025'],
  ])('%s: in the Markdown, HTML and PDF editions', (lang, line) => {
    expect(
      readFileSync(out(`a.${lang}.md`), 'utf8')
        .split('\n')
        .slice(0, 3),
    ).toEqual([`# ${lang === 'fr' ? 'Plan vélo' : 'Cycling plan'}`, '', `*${line}*`]);
    const html = readFileSync(out(`a.${lang}.html`), 'utf8');
    const dateline = /<p class="dateline">(.*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(dateline.replace(/<[^>]+>/g, '')).toMatch(new RegExp(`^${line} · `));
    expect(dateline).toContain('<time datetime="2025-03-12">');
    expect(dateline).toContain('<time datetime="2025-04-02">');
    expect(html).toContain('<meta name="author" content="Jeanne Martin, Paul Durand, Léa Petit">');
    const pdf = pdfText(out(`a.${lang}.pdf`)).replace(/\s+/g, ' ');
    expect(pdf).toContain(line);
    expect(pdfInfo(out(`a.${lang}.pdf`)).Author).toBe('Jeanne Martin, Paul Durand, Léa Petit');
  });

  it('the bilingual editions show both lines and the authors', () => {
    const html = readFileSync(out('a.fr-en.html'), 'utf8');
    expect(html).toContain('<meta name="author" content="Jeanne Martin, Paul Durand, Léa Petit">');
    expect(html).toContain('<span class="byline">Par Jeanne Martin, Paul Durand et Léa Petit</span>');
    expect(html).toContain('<span class="byline">By Jeanne Martin, Paul Durand, and Léa Petit</span>');
    expect(pdfInfo(out('a.fr-en.pdf')).Author).toBe('Jeanne Martin, Paul Durand, Léa Petit');
    const pdf = pdfText(out('a.fr-en.pdf')).replace(/\s+/g, ' ');
    expect(pdf).toContain('Publié le 12 mars 2025');
    expect(pdf).toContain('Published 12 March 2025');
  });

  it('an undated article without authors: "prepared on" the build’s day in HTML and PDF, nothing added to the Markdown', async () => {
    const bare = await translatedProject('b', '---\ntitle: Plan vélo\n---\nLe plan prévoit 300 kilomètres de pistes.\n', ENGLISH);
    expect((await runCli(['build', '--root', bare])).code).toBe(0);
    const file = (name: string) => path.join(bare, 'output', 'b', name);
    expect(readFileSync(file('b.en.md'), 'utf8').split('\n').slice(0, 3)).toEqual(['# Cycling plan', '', 'The plan provides for 300 kilometres of lanes.']);
    expect(readFileSync(file('b.en.html'), 'utf8')).not.toContain('name="author"');
    expect(readFileSync(file('b.en.html'), 'utf8')).toMatch(/<p class="dateline"><time datetime="\d{4}-\d{2}-\d{2}">Prepared on /);
    expect(pdfInfo(file('b.en.pdf')).Author).toBe('Briefing');
    expect(pdfText(file('b.en.pdf'))).toMatch(/Briefing · Prepared on \d/);
  });
});
