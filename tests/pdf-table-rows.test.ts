/**
 * A table row is never split across pages (src/render/pdf/table.ts): rows of two and three lines
 * run over several pages, and each row's first and last words are on one page. A guard: rows were
 * already kept whole on main; this pins it, in the single-language PDF and the bilingual edition.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Root, RootContent, TableRow } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingDocument, Lang } from '../src/core/types.js';
import { renderBilingualPdf } from '../src/render/pdf/bilingual.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { commonT, hasTool, pdfWords, type PdfWord } from './helpers.js';

const TOOLS = hasTool('pdftotext');
const CREATED = new Date('2025-03-05T09:30:00Z');
const ROWS = 70;

const row = (cells: string[]): TableRow => ({ type: 'tableRow', children: cells.map((value) => ({ type: 'tableCell', children: [{ type: 'text', value }] })) });

function buildDoc(lang: Lang): BriefingDocument {
  const filler = lang === 'fr' ? 'texte de la cellule qui passe à la ligne' : 'text of the cell that wraps onto a new line';
  const rows = Array.from({ length: ROWS }, (_, n) => row([`début${n}`, `${`${filler} `.repeat(1 + (n % 3))}fin${n}`, String(n)]));
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Tableau' }] },
    { type: 'table', align: ['left', 'left', 'right'], children: [row(['Clé', 'Texte', 'N']), ...rows] },
  ];
  return { slug: 'tableau', lang, title: 'Tableau', tree: { type: 'root', children } as Root, t: commonT(lang), toc: [], date: '2025-03-05' };
}

/** Rows whose first and last words are on different pages. */
function splitRows(words: PdfWord[]): number[] {
  const pageOf = (text: string) => words.filter((w) => w.text === text).map((w) => w.page);
  return Array.from({ length: ROWS }, (_, n) => n).filter((n) => pageOf(`début${n}`).join() !== pageOf(`fin${n}`).join());
}

describe.skipIf(!TOOLS)('table rows at the foot of a page', () => {
  let dir: string;
  const found: Record<string, PdfWord[]> = {};
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-table-rows-'));
    const editions = {
      fr: () => renderPdf(buildDoc('fr'), { creationDate: CREATED }),
      'fr-en': () => renderBilingualPdf(buildDoc('fr'), buildDoc('en'), { creationDate: CREATED }),
    };
    for (const [name, render] of Object.entries(editions)) {
      const file = path.join(dir, `tableau.${name}.pdf`);
      writeFileSync(file, await render());
      found[name] = pdfWords(file);
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const name of ['fr', 'fr-en']) {
    it(`keeps each row on one page (${name})`, () => {
      const pages = new Set(found[name]!.map((w) => w.page));
      expect(pages.size).toBeGreaterThanOrEqual(3);
      // Each row's words are read once, so the check below is not vacuous (fr-en: in both columns).
      const copies = name === 'fr' ? 1 : 2;
      for (let n = 0; n < ROWS; n++) expect(found[name]!.filter((w) => w.text === `fin${n}`).length, `fin${n}`).toBe(copies);
      expect(splitRows(found[name]!)).toEqual([]);
    });
  }
});
