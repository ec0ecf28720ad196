/**
 * Heading levels survive: sections nest to level 4 (`##`, `###`, `####`; deeper headings become
 * level 4) in the parsed article, Markdown, HTML (h3/h4, a two-level table of contents), PDF
 * (H3/H4 tags, nested bookmarks) and the bilingual edition; numbered headings keep their number;
 * translation keys do not depend on the level, so a heading that moves level keeps its translation.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../src/parse/index.js';
import { segmentsOf } from '../src/i18n/extract.js';
import { createI18n } from '../src/i18n/instance.js';
import { localize } from '../src/localize/index.js';
import { buildDocument } from '../src/render/markdown/index.js';
import { pairBlocks } from '../src/render/bilingual/pairs.js';
import { commonResources, hasTool, pdfText, replaceInFile, runCli, translatedProject } from './helpers.js';
import { axeViolations, SKIP_BROWSER } from './chromium.js';

const SLUG = 'structure';
const SOURCE = `---
title: Structure
---
Un chapeau.

## Le contexte

### 1. L’état des lieux

Un paragraphe sur l’état des lieux.

#### 1.1 Les chiffres

Les chiffres en détail.

##### Une légende

Le texte de la légende.

### 2. Les réponses

Le texte des réponses.

## Deuxième partie

Le texte de la deuxième partie.
`;

const ENGLISH = {
  title: 'Structure',
  lead: { 1: 'A standfirst.' },
  sections: {
    'le-contexte': { heading: 'The context' },
    '1-l-etat-des-lieux': { heading: '1. The state of play', 1: 'A paragraph on the state of play.' },
    '1-1-les-chiffres': { heading: '1.1 The figures', 1: 'The figures in detail.' },
    'une-legende': { heading: 'A caption', 1: 'The text of the caption.' },
    '2-les-reponses': { heading: '2. The answers', 1: 'The text of the answers.' },
    'deuxieme-partie': { heading: 'Second part', 1: 'The text of the second part.' },
  },
};

const parsed = parseArticle(SOURCE, `content/${SLUG}.md`, SLUG);

describe('parsing: levels, parents, keys', () => {
  it('gives each heading its level (deeper than 4 becomes 4) and the id of its parent', () => {
    expect(parsed.article.sections.map(({ id, level, parent }) => [id, level, parent])).toEqual([
      ['le-contexte', 2, undefined],
      ['1-l-etat-des-lieux', 3, 'le-contexte'],
      ['1-1-les-chiffres', 4, '1-l-etat-des-lieux'],
      ['une-legende', 4, '1-l-etat-des-lieux'],
      ['2-les-reponses', 3, 'le-contexte'],
      ['deuxieme-partie', 2, undefined],
    ]);
  });

  it('keeps the number of a numbered heading', () => {
    expect(parsed.article.sections.map((s) => s.heading.markdown)).toContain('1. L’état des lieux');
    expect(parsed.article.sections.map((s) => s.heading.markdown)).toContain('1.1 Les chiffres');
  });

  it('does not report a section that holds only subsections as empty, but still a truly empty one', () => {
    expect(parsed.diagnostics.map((d) => d.ruleId)).not.toContain('briefing:empty-section');
    const empty = parseArticle('---\ntitle: T\n---\n## A\n\n### B\n\nTexte.\n\n### C\n\n## D\n\nTexte.\n', 'content/t.md', 't');
    const warnings = empty.diagnostics.filter((d) => d.ruleId === 'briefing:empty-section');
    expect(warnings.map((d) => [d.message, d.line, d.column])).toEqual([['Section "C" has no paragraphs', 10, 1]]);
  });

  it('never skips a level: an article whose sections are ### starts them at level 2', () => {
    const article = parseArticle('---\ntitle: T\n---\n### A\n\nx.\n\n#### B\n\ny.\n\n### C\n\nz.\n', 'content/t.md', 't').article;
    expect(article.sections.map(({ id, level, parent }) => [id, level, parent])).toEqual([
      ['a', 2, undefined],
      ['b', 3, 'a'],
      ['c', 2, undefined],
    ]);
  });

  it('keys every unit by its section id alone, whatever its level', () => {
    expect(segmentsOf(parsed.article).map((s) => s.key)).toEqual([
      'title',
      'lead.1',
      'sections.le-contexte.heading',
      'sections.1-l-etat-des-lieux.heading',
      'sections.1-l-etat-des-lieux.1',
      'sections.1-1-les-chiffres.heading',
      'sections.1-1-les-chiffres.1',
      'sections.une-legende.heading',
      'sections.une-legende.1',
      'sections.2-les-reponses.heading',
      'sections.2-les-reponses.1',
      'sections.deuxieme-partie.heading',
      'sections.deuxieme-partie.1',
    ]);
  });

  it('pairs the French and English documents block by block, subsections included', () => {
    const doc = (lang: 'fr' | 'en') =>
      buildDocument(
        localize(parsed.article, lang, createI18n(lang, { common: commonResources(lang), ...(lang === 'en' ? { [SLUG]: ENGLISH as never } : {}) })),
        { date: '2026-11-26' },
      );
    const pairs = pairBlocks(doc('fr'), doc('en'));
    const headings = pairs.flatMap((p) => (p.source.type === 'heading' && p.target.type === 'heading' ? [[p.id, p.source.depth, p.target.depth]] : []));
    expect(headings).toEqual([
      [undefined, 1, 1],
      ['le-contexte', 2, 2],
      ['1-l-etat-des-lieux', 3, 3],
      ['1-1-les-chiffres', 4, 4],
      ['une-legende', 4, 4],
      ['2-les-reponses', 3, 3],
      ['deuxieme-partie', 2, 2],
    ]);
  });
});

describe('every format keeps the levels', () => {
  let root: string;
  const out = (name: string) => path.join(root, 'output', SLUG, name);
  const read = (name: string) => readFileSync(out(name), 'utf8');
  const pdfTools = hasTool('pdftotext') && hasTool('qpdf', '--version') && hasTool('pdfinfo');

  beforeAll(async () => {
    root = await translatedProject(SLUG, SOURCE, ENGLISH);
    expect((await runCli(['check', '--root', root])).code).toBe(0);
    const build = await runCli(['build', '--root', root]);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(build.stdout + build.stderr).not.toContain('empty-section');
  }, 60_000);

  it('Markdown: ## sections, ### and #### subsections, numbers kept, in both languages', () => {
    expect(read(`${SLUG}.fr.md`)).toContain(
      '## Le contexte\n\n### 1. L’état des lieux\n\nUn paragraphe sur l’état des lieux.\n\n#### 1.1 Les chiffres\n\nLes chiffres en détail.\n\n#### Une légende\n\n',
    );
    expect(read(`${SLUG}.fr.md`)).toContain('### 2. Les réponses\n\nLe texte des réponses.\n\n## Deuxième partie');
    expect(read(`${SLUG}.en.md`)).toContain('## The context\n\n### 1. The state of play\n\nA paragraph on the state of play.\n\n#### 1.1 The figures');
  });

  it('HTML: h3 and h4 with their ids; the table of contents shows sections and their subsections, not deeper', () => {
    const html = read(`${SLUG}.fr.html`);
    expect(html).toContain('<h3 id="1-l-etat-des-lieux">1. L’état des lieux</h3>');
    expect(html).toContain('<h4 id="1-1-les-chiffres">1.1 Les chiffres</h4>');
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect(toc).toContain(
      '<li><a href="#le-contexte">Le contexte</a><ol><li><a href="#1-l-etat-des-lieux">1. L’état des lieux</a></li><li><a href="#2-les-reponses">2. Les réponses</a></li></ol></li>\n<li><a href="#deuxieme-partie">Deuxième partie</a></li>',
    );
    expect(toc).not.toContain('1-1-les-chiffres');
    const bilingual = read(`${SLUG}.fr-en.html`);
    const bilingualToc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(bilingual)?.[0] ?? '';
    expect(bilingualToc).toMatch(
      /href="#le-contexte"[\s\S]*?<ol><li><a href="#1-l-etat-des-lieux"><span lang="fr">1\. L’état des lieux<\/span>[\s\S]*?<span lang="en">1\. The state of play<\/span>/,
    );
    expect(bilingualToc).not.toContain('1-1-les-chiffres');
  });

  it.runIf(pdfTools)('PDF: read in order, tagged H3/H4, bookmarks nested like the headings (bilingual too)', () => {
    const text = pdfText(out(`${SLUG}.fr.pdf`)).replace(/\s+/g, ' ');
    const order = [
      'Le contexte',
      '1. L’état des lieux',
      'Un paragraphe sur',
      '1.1 Les chiffres',
      'Les chiffres en détail',
      'Une légende',
      '2. Les réponses',
      'Deuxième partie',
    ];
    const positions = order.map((needle) => text.indexOf(needle));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));

    const struct = execFileSync('pdfinfo', ['-struct', out(`${SLUG}.fr.pdf`)], { encoding: 'utf8' });
    for (const tag of ['H2', 'H3', 'H4']) expect(struct).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));

    type Outline = { title: string; kids: Outline[] };
    const tree = (items: Outline[]): unknown[] => items.map((item) => (item.kids.length ? [item.title, tree(item.kids)] : item.title));
    const outlines = (file: string) =>
      tree((JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', out(file)], { encoding: 'utf8' })) as { outlines: Outline[] }).outlines);
    expect(outlines(`${SLUG}.fr.pdf`)).toEqual([
      ['Structure', [['Le contexte', [['1. L’état des lieux', ['1.1 Les chiffres', 'Une légende']], '2. Les réponses']], 'Deuxième partie']],
    ]);
    expect(outlines(`${SLUG}.fr-en.pdf`)).toEqual([
      [
        'Structure / Structure',
        [
          [
            'Le contexte / The context',
            [
              ['1. L’état des lieux / 1. The state of play', ['1.1 Les chiffres / 1.1 The figures', 'Une légende / A caption']],
              '2. Les réponses / 2. The answers',
            ],
          ],
          'Deuxième partie / Second part',
        ],
      ],
    ]);
  });

  it.skipIf(SKIP_BROWSER)(
    'HTML with subsections and a two-level table of contents is axe-clean (one language and bilingual)',
    async () => {
      expect(await axeViolations([out(`${SLUG}.fr.html`), out(`${SLUG}.fr-en.html`)])).toEqual([]);
    },
    60_000,
  );

  it('a heading moved from ### to ## keeps its key and its translation: extract and check pass, the English shows it', async () => {
    replaceInFile(root, `content/${SLUG}.md`, '### 2. Les réponses', '## 2. Les réponses');
    expect((await runCli(['extract', '--root', root])).code).toBe(0);
    const english = JSON.parse(readFileSync(path.join(root, 'locales', 'en', `${SLUG}.json`), 'utf8')) as typeof ENGLISH;
    expect(english.sections['2-les-reponses']).toEqual(ENGLISH.sections['2-les-reponses']);
    const check = await runCli(['check', '--root', root]);
    expect(check).toMatchObject({ code: 0, stdout: `check passed: no problems; coverage: ${SLUG} en 100 %` });
    expect((await runCli(['build', '--root', root, '--format', 'md'])).code).toBe(0);
    expect(read(`${SLUG}.en.md`)).toContain(
      '#### 1.1 The figures\n\nThe figures in detail.\n\n#### A caption\n\nThe text of the caption.\n\n## 2. The answers\n\n',
    );
  }, 60_000);
});
