/** The seed article end to end: six files, golden Markdown and HTML, PDFs read back through poppler. */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectGolden, inlinedStylesheet, withStylesheetMarker } from './golden.js';
import { REPO, pdfInfo, pdfObjectsText, pdfText, runCli } from './helpers.js';
import { expectLooksLikeReference, rasterisePdfPage } from './visual.js';

const out = mkdtempSync(path.join(tmpdir(), 'briefing-seed-'));
const file = (lang: string, ext: string) => path.join(out, 'microsoft-openai', `microsoft-openai.${lang}.${ext}`);
const en = JSON.parse(readFileSync(path.join(REPO, 'locales/en/microsoft-openai.json'), 'utf8'));
const fr = JSON.parse(readFileSync(path.join(REPO, 'locales/fr/microsoft-openai.json'), 'utf8'));
const headings = (locale: { sections: Record<string, { heading: string }> }) => Object.values(locale.sections).map((s) => s.heading);
/** The golden form of a briefing page: its stylesheet, tested on its own below, left out. */
const goldenPage = (html: string) => withStylesheetMarker(html, 'templates/html/style.css');
/** pdftotext breaks lines at the page edge: compare on single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('briefing build on the seed', () => {
  let result: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    result = await runCli(['build', '--root', REPO, '--out', out]);
  });

  it('writes the six files, the bilingual edition and the review page, and exits 0', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(out, 'microsoft-openai')).sort()).toEqual(
      ['en.html', 'en.md', 'en.pdf', 'fr-en.html', 'fr-en.pdf', 'fr.html', 'fr.md', 'fr.pdf', 'review.html'].map((s) => `microsoft-openai.${s}`),
    );
    // 9 briefing files, then output/index.html and the two feeds.
    expect(result.stdout).toMatch(/13 files written in \d+ ms; 0 unchanged$/);
  });

  it.each(['fr', 'en'])('matches the golden Markdown and HTML (%s)', (lang) => {
    expectGolden(`seed/microsoft-openai.${lang}.md`, readFileSync(file(lang, 'md'), 'utf8'));
    expectGolden(`seed/microsoft-openai.${lang}.html`, goldenPage(readFileSync(file(lang, 'html'), 'utf8')));
  });

  it.each([
    ['edition', 'style.css', 'fr.html'],
    ['bilingual', 'style.css', 'fr-en.html'],
    ['review', 'review.css', 'review.html'],
  ])('the %s page inlines templates/html/%s exactly', (_, stylesheet, name) => {
    const html = readFileSync(path.join(out, 'microsoft-openai', `microsoft-openai.${name}`), 'utf8');
    expect(inlinedStylesheet(html)).toBe(readFileSync(path.join(REPO, 'templates', 'html', stylesheet), 'utf8'));
  });

  it('matches the golden bilingual HTML, which pairs every block of the two editions', () => {
    const html = readFileSync(file('fr-en', 'html'), 'utf8');
    expectGolden('seed/microsoft-openai.fr-en.html', goldenPage(html));
    // Every block of each edition is in a pair: lead and section paragraphs, headings, figures, sources.
    const pairs = [
      ...html.matchAll(
        /<div class="pair[^"]*"[^>]*>\n<div class="col" lang="fr">\n([\s\S]*?)\n<\/div>\n<div class="col" lang="en">\n([\s\S]*?)\n<\/div>\n<\/div>/g,
      ),
    ];
    const blocks = (lang: string) => readFileSync(file(lang, 'md'), 'utf8').trim().split(/\n\n+/).length - 1; // minus the title
    expect(pairs).toHaveLength(blocks('fr'));
    expect(pairs).toHaveLength(blocks('en'));
    for (const [, french, english] of pairs) {
      expect(french!.trim()).not.toBe('');
      expect(english!.trim()).not.toBe('');
    }
  });

  it('the bilingual PDF is tagged, valid, two-language, and reads column after column', () => {
    const pdf = file('fr-en', 'pdf');
    const info = pdfInfo(pdf);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(`${fr.title} · ${en.title}`);
    execFileSync('qpdf', ['--check', pdf]);
    const raw = pdfObjectsText(pdf);
    expect(raw).toContain('/Lang (fr)');
    expect(raw).toContain('/Lang (en)');
    const text = flat(pdfText(pdf));
    // Each pair reads French block then English block: never a line of one between lines of the other.
    const pairsInOrder = [
      [fr.lead['1'], en.lead['1']],
      [fr.sections['une-alliance-historique-a-redefinir']['1'], en.sections['une-alliance-historique-a-redefinir']['1']],
      [fr.sections['un-nouvel-equilibre-a-trouver']['2'], en.sections['un-nouvel-equilibre-a-trouver']['2']],
    ];
    let from = 0;
    for (const [french, english] of pairsInOrder) {
      const frAt = text.indexOf(flat(french), from);
      const enAt = text.indexOf(flat(english), frAt);
      expect(frAt, french).toBeGreaterThanOrEqual(from);
      expect(enAt, english).toBeGreaterThan(frAt);
      from = enAt;
    }
    // Both languages' page numbers in the footer.
    expect(text).toMatch(/Page 1 sur \d · Page 1 of \d/);
  });

  it('Markdown round-trips: the English .md holds every English string exactly', () => {
    const md = readFileSync(file('en', 'md'), 'utf8');
    for (const section of Object.values(en.sections) as Record<string, string>[]) {
      for (const text of Object.values(section)) expect(md).toContain(text);
    }
    expect(md).not.toContain('Translation missing');
  });

  it('the French PDF holds the French headings with their accents and « »', () => {
    const text = flat(pdfText(file('fr', 'pdf')));
    expect(text).toContain(fr.title);
    for (const heading of headings(fr)) expect(text).toContain(heading);
    expect(text).toContain('« for-profit »');
    expect(text).toContain('« gagnant-gagnant »');
    expect(text).toMatch(/Page 1 sur \d/);
    expect(text).toContain('26 novembre 2026');
  });

  it('the English PDF holds the English headings and no French body text', () => {
    const text = flat(pdfText(file('en', 'pdf')));
    for (const heading of headings(en)) expect(text).toContain(heading);
    expect(text).toMatch(/Page 1 of \d/);
    expect(text).toContain('26 November 2026');
    for (const heading of headings(fr)) expect(text).not.toContain(heading);
    for (const frenchWord of ['renégociation', 'partenariat', 'gouvernance', 'régulation', ' le ', ' les ', ' des ']) {
      expect(text).not.toContain(frenchWord);
    }
  });

  it.each(['fr', 'en'])('the %s PDF has A4 pages, its title, language and one bookmark per section', (lang) => {
    const info = pdfInfo(file(lang, 'pdf'));
    expect(info.Title).toBe((lang === 'fr' ? fr : en).title);
    expect(info['Page size']).toContain('595.28 x 841.89 pts (A4)');
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(2);
    const raw = pdfObjectsText(file(lang, 'pdf'));
    expect(raw).toContain(`/Lang (${lang})`);
    const outline = execFileSync('qpdf', ['--json', '--json-key=outlines', file(lang, 'pdf')], { encoding: 'utf8' });
    const titles = (JSON.parse(outline).outlines as { title: string; kids: { title: string }[] }[]).flatMap((o) => [o.title, ...o.kids.map((k) => k.title)]);
    // Bookmarks keep the typography's no-break spaces ("Copilot\u00a0:"), as the page does.
    for (const heading of headings(lang === 'fr' ? fr : en)) expect(titles.map(flat)).toContain(flat(heading));
  });

  it.each([
    ['fr', 'Sources'],
    ['en', 'Sources'],
  ])('ends the %s edition with the sources cited, in every format', (lang, label) => {
    expect(readFileSync(file(lang, 'md'), 'utf8').endsWith(`## ${label}\n\n- Axios\n- Bloomberg\n`)).toBe(true);
    expect(readFileSync(file(lang, 'html'), 'utf8')).toMatch(/<h2 id="briefing-sources">Sources<\/h2>\s*<ul>\s*<li>Axios<\/li>\s*<li>Bloomberg<\/li>/);
    expect(readFileSync(file(lang, 'html'), 'utf8')).toContain('href="#briefing-sources"');
    expect(flat(pdfText(file(lang, 'pdf')))).toMatch(/Sources • Axios • Bloomberg/);
  });

  it.each([
    [
      'fr',
      'Chiffres clés',
      [
        ['2030', 'prolongation de leur partenariat'],
        ['2019', 'début du partenariat'],
        ['1\u00a0milliard de dollars', 'investissement initial'],
      ],
    ],
    [
      'en',
      'Key figures',
      [
        ['2030', 'extension of the partnership'],
        ['2019', 'start of the partnership'],
        ['$1 billion', 'initial investment'],
      ],
    ],
  ] as const)('shows the %s key figures after the lead, formatted per language, in every format', (lang, label, figures) => {
    const md = readFileSync(file(lang, 'md'), 'utf8');
    const box = `## ${label}\n\n${figures.map(([value, text]) => `**${value}** — ${text}`).join('\n\n')}\n\n## `;
    expect(md).toContain(box);
    // The box sits between the lead and the first section.
    expect(md.indexOf(box)).toBeLessThan(md.indexOf('\n## ', md.indexOf(box) + 4));
    expect(md.indexOf(box)).toBeGreaterThan(md.indexOf('Axios'));
    const html = readFileSync(file(lang, 'html'), 'utf8');
    for (const [value, text] of figures) {
      expect(html).toContain(
        `<div class="figure-card"><p class="figure"><strong class="figure-value">${value}</strong> <span class="figure-label">${text}</span></p></div>`,
      );
    }
    // pdftotext reads each value right before its label, in document order.
    const text = flat(pdfText(file(lang, 'pdf')));
    expect(text).toContain(`${label} ${figures.map(([value, label]) => `${value.replace('\u00a0', ' ')} ${label}`).join(' ')}`);
  });

  it.each(['fr', 'en', 'fr-en'])('page 1 of the %s PDF looks like its reference image in tests/fixtures/visual/', (lang) => {
    expectLooksLikeReference(rasterisePdfPage(file(lang, 'pdf')), `visual/seed-${lang}.png`);
  });
});
