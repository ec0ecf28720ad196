/**
 * GFM tables end to end: parsed into a `table` block whose cells with words are translation units
 * (`<block key>.r<row>c<col>`), cells of figures only shown as written; the English edition built
 * cell by cell (French cells marked); a GFM table in Markdown, `<table>` with `th scope="col"` in
 * HTML, a tagged Table/TR/TH/TD in the PDF whose long tables repeat their header on every page;
 * the bilingual edition. Strikethrough and task lists in every format.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../src/parse/index.js';
import { segmentsOf } from '../src/i18n/extract.js';
import { createI18n } from '../src/i18n/instance.js';
import { localize } from '../src/localize/index.js';
import { buildDocument } from '../src/render/markdown/index.js';
import type { Lang } from '../src/core/types.js';
import { artifactPath, commonResources, hasTool, pdfText, runCli, tempProject, translatedProject } from './helpers.js';
import { axeViolations, SKIP_BROWSER } from './chromium.js';

// page.evaluate callbacks run in the page; tsconfig has no DOM lib.
declare const document: any;

const SLUG = 'tableaux';
const SOURCE = `---
title: Les licences ouvertes
---
Un chapeau sur les licences.

## Les licences

| Licence | Année | Part |
|:--------|------:|:----:|
| Licence Ouverte | 2017 | 12 % |
| ODbL *partage* | — | 3 % |

Un texte ~~barré~~ et des tâches :

- [x] publier la licence
- [ ] traduire la licence
`;

/** The English: every cell but "ODbL *partage*" (r3c1), and the other blocks. */
const ENGLISH = {
  title: 'Open licences',
  lead: { 1: 'A standfirst on licences.' },
  sections: {
    'les-licences': {
      heading: 'The licences',
      1: { r1c1: 'Licence', r1c2: 'Year', r1c3: 'Share', r2c1: 'Open Licence' },
      2: 'A ~~struck~~ text and tasks:',
      3: '- [x] publish the licence\n- [ ] translate the licence',
    },
  },
};

const parsed = parseArticle(SOURCE, `content/${SLUG}.md`, SLUG);
const table = parsed.article.sections[0]!.blocks[0]!;

function document_(lang: Lang) {
  const resources = { common: commonResources(lang), ...(lang === 'en' ? { [SLUG]: ENGLISH as never } : {}) };
  const briefing = localize(parsed.article, lang, createI18n(lang, resources));
  return { briefing, doc: buildDocument(briefing, { date: '2026-11-26' }) };
}

describe('parsing', () => {
  it('makes a table block at its place, with its French source and no warning', () => {
    expect(parsed.diagnostics.map((d) => d.ruleId)).toEqual([]);
    expect(table).toMatchObject({ key: 'sections.les-licences.1', kind: 'table', place: { line: 8, column: 1 } });
    expect(table.markdown.split('\n')[1]).toBe('| :-------------- | ----: | :--: |');
  });

  it('gives each cell with words a unit r<row>c<col>; figures, signs and dates are not units', () => {
    expect(table.parts?.map((p) => [p.key.slice(table.key.length + 1), p.kind, p.markdown, p.place.line, p.place.column])).toEqual([
      ['r1c1', 'cell', 'Licence', 8, 1],
      ['r1c2', 'cell', 'Année', 8, 11],
      ['r1c3', 'cell', 'Part', 8, 19],
      ['r2c1', 'cell', 'Licence Ouverte', 10, 1],
      ['r3c1', 'cell', 'ODbL *partage*', 11, 1],
    ]);
    const keys = segmentsOf(parsed.article).map((s) => s.key);
    expect(keys).toContain('sections.les-licences.1.r3c1');
    expect(keys).not.toContain('sections.les-licences.1');
    expect(keys.some((key) => /r2c2|r2c3|r3c2|r3c3/.test(key))).toBe(false);
  });
});

describe('localizing', () => {
  it('rebuilds the table per language from its cells, alignment kept; a French cell is listed and marked', () => {
    const { briefing, doc } = document_('en');
    expect(briefing.fallbacks.filter((key) => key.startsWith(table.key))).toEqual(['sections.les-licences.1.r3c1']);
    const node = doc.tree.children.find((n) => n.type === 'table');
    if (node?.type !== 'table') throw new Error('no table in the English document');
    expect(node.align).toEqual(['left', 'right', 'center']);
    const cells = node.children.map((row) => row.children.map((cell) => cell.children.map((c) => ('value' in c ? c.value : c.type)).join('')));
    expect(cells).toEqual([
      ['Licence', 'Year', 'Share'],
      ['Open Licence', '2017', '12 %'],
      ['ODbL emphasis', '—', '3 %'],
    ]);
    expect(node.children[2]!.children[0]!.data).toMatchObject({ fallback: 'fr', hProperties: { lang: 'fr' } });
    expect(node.children[1]!.children[0]!.data?.fallback).toBeUndefined();
    // Only some cells in French: the table as a whole is English, without the fallback note.
    expect(node.data?.fallback).toBeUndefined();
  });

  it('shows the whole table in French, with the usual note, when no cell is translated', () => {
    const briefing = localize(parsed.article, 'en', createI18n('en', { common: commonResources('en') }));
    const block = briefing.sections[0]!.blocks[0]!;
    expect(block).toMatchObject({ lang: 'fr', state: 'missing' });
    expect(block.frenchParts).toBeUndefined();
  });

  it('reads a cell translation as one line of inline text: no row, column or block can be added', () => {
    const hostile = { sections: { 'les-licences': { 1: { r1c1: 'A | B\n\n# Titre\n<script>x</script>' } } } };
    const briefing = localize(parsed.article, 'en', createI18n('en', { common: commonResources('en'), [SLUG]: hostile as never }));
    const node = buildDocument(briefing, { date: '2026-11-26' }).tree.children.find((n) => n.type === 'table');
    if (node?.type !== 'table') throw new Error('no table');
    expect(node.children.map((row) => row.children.length)).toEqual([3, 3, 3]);
    const first = node.children[0]!.children[0]!;
    expect(first.children.every((c) => c.type !== 'html')).toBe(true);
    expect(first.children.map((c) => ('value' in c ? c.value : '')).join('')).toBe('A | B # Titre <script>x</script>');
  });
});

describe('every format', () => {
  let root: string;
  const out = (name: string) => path.join(root, 'output', SLUG, name);
  // French typography puts a narrow no-break space before `%`: compared as a space.
  const read = (name: string) => readFileSync(out(name), 'utf8').replace(/[\u00a0\u202f]/g, ' ');
  const pdfTools = hasTool('pdftotext') && hasTool('qpdf', '--version') && hasTool('pdftoppm', '-v');

  beforeAll(async () => {
    root = await translatedProject(SLUG, SOURCE, ENGLISH);
    const build = await runCli(['build', '--root', root, '--min-coverage', '0']);
    expect(build.code, build.stdout + build.stderr).toBe(0);
  }, 60_000);

  it('extract writes one string per cell with words', () => {
    const french = JSON.parse(readFileSync(path.join(root, 'locales', 'fr', `${SLUG}.json`), 'utf8')) as typeof ENGLISH;
    expect(french.sections['les-licences'][1]).toEqual({ r1c1: 'Licence', r1c2: 'Année', r1c3: 'Part', r2c1: 'Licence Ouverte', r3c1: 'ODbL *partage*' });
  });

  it('Markdown: a GFM table, strikethrough and task lists as written', () => {
    expect(read(`${SLUG}.fr.md`)).toContain(
      '| Licence         | Année | Part |\n| :-------------- | ----: | :--: |\n| Licence Ouverte |  2017 | 12 % |\n| ODbL *partage*  |     — |  3 % |\n',
    );
    expect(read(`${SLUG}.fr.md`)).toContain('Un texte ~~barré~~ et des tâches :\n\n- [x] publier la licence\n- [ ] traduire la licence\n');
    expect(read(`${SLUG}.en.md`)).toContain('| Licence        | Year | Share |\n| :------------- | ---: | :---: |\n| Open Licence   | 2017 |  12 % |\n');
    expect(read(`${SLUG}.en.md`)).toContain('- [x] publish the licence');
  });

  it('HTML: thead and tbody, th scope="col", alignment as a class, French cells in lang="fr", a scrolling wrapper', () => {
    const html = read(`${SLUG}.en.html`);
    const wrapped =
      /<div class="table-scroll" tabindex="0"><table>\s*<thead>\s*<tr>([\s\S]*?)<\/tr>\s*<\/thead>\s*<tbody>([\s\S]*?)<\/tbody>\s*<\/table><\/div>/.exec(html);
    expect(wrapped, html).not.toBeNull();
    expect(wrapped![1]).toBe(
      '\n<th class="align-left" scope="col">Licence</th>\n<th class="align-right" scope="col">Year</th>\n<th class="align-center" scope="col">Share</th>\n',
    );
    expect(wrapped![2]).toContain('<td class="align-left">Open Licence</td>');
    expect(wrapped![2]).toContain('<td lang="fr" class="fallback align-left">ODbL <em>partage</em></td>');
    expect(html).not.toMatch(/<caption|align="/);
    expect(html).toContain('<del>barré</del>'.replace('barré', 'struck'));
    expect(html).toContain('<li class="task-list-item">☑ publish the licence</li>');
    expect(html).toContain('<li class="task-list-item">☐ translate the licence</li>');
    expect(html).not.toContain('<input');
  });

  it.runIf(pdfTools)('PDF: cells read in order, tagged Table/TR/TH/TD, qpdf clean; page 1 looked at', () => {
    // -raw: the content stream's order, which is the reading order (cells row by row).
    const text = pdfText(out(`${SLUG}.fr.pdf`), '-raw').replace(/\s+/g, ' ');
    const order = ['Licence Année Part', 'Licence Ouverte 2017 12 %', 'ODbL partage — 3 %', 'Un texte barré', '☑ publier', '☐ traduire'];
    const positions = order.map((needle) => text.indexOf(needle));
    expect(
      positions.every((p) => p >= 0),
      text,
    ).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const tags = structureTags(out(`${SLUG}.fr.pdf`));
    expect(tags.filter((t) => t === 'Table')).toHaveLength(1);
    expect(tags.filter((t) => t === 'TR')).toHaveLength(3);
    expect(tags.filter((t) => t === 'TH')).toHaveLength(3);
    expect(tags.filter((t) => t === 'TD')).toHaveLength(6);
    execFileSync('qpdf', ['--check', out(`${SLUG}.fr.pdf`)]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', out(`${SLUG}.fr.pdf`), artifactPath('tables-fr')]);
  });

  it.runIf(pdfTools)('PDF bilingual: both tables, side by side, qpdf clean', () => {
    const text = pdfText(out(`${SLUG}.fr-en.pdf`), '-layout');
    expect(text).toMatch(/Licence Ouverte.*Open Licence/);
    execFileSync('qpdf', ['--check', out(`${SLUG}.fr-en.pdf`)]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', out(`${SLUG}.fr-en.pdf`), artifactPath('tables-fr-en')]);
  });

  it.skipIf(SKIP_BROWSER)(
    'HTML with a table and a task list is axe-clean (one language and bilingual)',
    async () => {
      const violations = await axeViolations([out(`${SLUG}.en.html`), out(`${SLUG}.fr-en.html`)], async (page) => {
        const headers = await page.evaluate(() => [...document.querySelectorAll('thead th')].map((th: { scope: string }) => th.scope));
        expect(headers.length).toBeGreaterThan(0);
        expect(new Set(headers)).toEqual(new Set(['col']));
      });
      expect(violations).toEqual([]);
    },
    60_000,
  );
});

describe.runIf(hasTool('pdftotext') && hasTool('qpdf', '--version'))('a long table', () => {
  it('breaks across pages with its header row on each page; the structure holds each row once', async () => {
    const root = tempProject(['locales', 'templates']);
    mkdirSync(path.join(root, 'content'));
    const rows = Array.from({ length: 120 }, (_, i) => `| Commune numéro ${i + 1} | ${1000 + i} | ${i % 2 ? 'oui' : 'non'} |`);
    writeFileSync(
      path.join(root, 'content', 'long.md'),
      `---\ntitle: Un long tableau\n---\n## Les communes\n\n| Commune | Habitants | Couverte |\n|---|--:|---|\n${rows.join('\n')}\n`,
    );
    const build = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'pdf']);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const file = path.join(root, 'output', 'long', 'long.fr.pdf');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(file, '-f', String(page), '-l', String(page));
      expect(text, `page ${page}`).toMatch(/Commune\s+Habitants\s+Couverte/);
    }
    const all = pdfText(file).replace(/\s+/g, ' ');
    for (const n of [1, 60, 120]) expect(all).toContain(`Commune numéro ${n} ${999 + n}`);
    execFileSync('qpdf', ['--check', file]);
    const tags = structureTags(file);
    expect(tags.filter((t) => t === 'TR')).toHaveLength(121);
    expect(tags.filter((t) => t === 'TH')).toHaveLength(3);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', file, artifactPath('tables-long')]);
  }, 60_000);
});

/** The structure types (`/S`) of a PDF's structure elements, through qpdf's JSON. */
function structureTags(file: string): string[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json=1', '--json-key=objects', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as {
    objects: Record<string, unknown>;
  };
  return Object.values(json.objects).flatMap((entry) => {
    const object = (entry && typeof entry === 'object' ? entry : {}) as Record<string, unknown>;
    // A structure element: a structure type `/S` and a parent `/P` (pdfkit omits `/Type /StructElem`).
    return typeof object['/S'] === 'string' && '/P' in object ? [object['/S'].slice(1)] : [];
  });
}
