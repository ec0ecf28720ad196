/**
 * Headings in the PDF (issue 18): an opening guillemet stays with the word after it (the narrow
 * no-break space the typography stage puts after "«" was collapsed into an ordinary space with
 * the heading's other white space), and a heading followed by another heading (h2 then h3) is
 * never left at a page foot: the chain keeps with the first lines of the text after it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlockContent, Root } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../src/render/pdf/index.js';
import { commonT, hasTool } from './helpers.js';

const TOOLS = hasTool('pdftotext');
const POSITIONS = 40;

function text(value: string): BlockContent {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

async function render(dir: string, name: string, children: BlockContent[]): Promise<string> {
  const tree: Root = { type: 'root', children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'Titres' }] }, ...children] };
  const file = path.join(dir, `${name}.pdf`);
  const doc = { slug: name, lang: 'fr' as const, title: 'Titres', tree, t: commonT('fr'), toc: [], date: '2025-03-05' };
  writeFileSync(file, await renderPdf(doc, { creationDate: new Date('2025-03-05T09:30:00Z') }));
  return file;
}

/** Each page's lines, as text, from pdftotext's reading order. */
function pages(file: string): string[][] {
  const out = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return out
    .split('\f')
    .map((page) => page.split('\n').filter((line) => line.trim() !== ''))
    .filter((page) => page.length > 0);
}

describe.skipIf(!TOOLS)('PDF headings', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-headings-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('never ends a heading line on an opening guillemet', async () => {
    const children: BlockContent[] = [];
    for (let n = 0; n < POSITIONS; n++) {
      const filler = `${'ab '.repeat(Math.floor(n / 3))}${'x'.repeat(n % 3)}`;
      // As the typography stage leaves it: U+202F inside the guillemets, U+00A0 before the colon.
      children.push({
        type: 'heading',
        depth: 3,
        children: [{ type: 'text', value: `Les licences ${filler} applicables aux «\u202finformations publiques\u202f»\u00a0:` }],
      });
      children.push(text('Texte.'));
    }
    const lines = pages(await render(dir, 'guillemets', children)).flat();
    expect(lines.filter((line) => /«\s*$/u.test(line))).toEqual([]);
    // The case is really met: some lines start with the guillemet and its word.
    expect(lines.some((line) => line.startsWith('« informations'))).toBe(true);
  });

  it('keeps a section heading and the subsection heading under it with the text after them', async () => {
    const children: BlockContent[] = [];
    for (let n = 0; n < POSITIONS; n++) {
      // Paragraphs of 1 to 4 lines move the heading pair through every position on the page.
      children.push(text(`Paragraphe ${n}. ${'Une phrase de remplissage pour occuper la ligne. '.repeat(1 + (n % 7))}`));
      children.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: `Section ${n}` }] });
      children.push({ type: 'heading', depth: 3, children: [{ type: 'text', value: `Sous-section ${n}` }] });
      children.push(text(`Texte ${n}. ${'Le texte de la sous-section, sur plusieurs lignes de suite. '.repeat(5)}`));
    }
    const found = pages(await render(dir, 'chains', children));
    expect(found.length).toBeGreaterThan(3);
    // The page's last line of text (the footer, "Page 2 sur 9", follows it).
    const last = found.map((page) => page.filter((line) => !/^\s*Page \d+ sur \d+\s*$/.test(line)).at(-1) ?? '');
    expect(last.filter((line) => /^\s*(Section|Sous-section) \d+\s*$/.test(line))).toEqual([]);
    // Pages really end at many places: after text (most), never after a heading.
    expect(last.filter((line) => line.includes('phrase') || line.includes('lignes')).length).toBeGreaterThan(3);
  });
});
