/**
 * PDF lines around punctuation typed next to a link, and doubled spaces (src/render/pdf/line-glue.ts,
 * src/render/pdf/inline.ts), all seen on corpus articles (tests/visual-pages.test.ts review): no line
 * ends on an opening bracket before its link ("plus de détails (" | "lien)"), none starts with the
 * stop typed after a space ("Etalab" | "."), and spaces typed twice are one space, as a browser
 * shows them. Each case is tried at many positions so that some land exactly at a line end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlockContent, Root } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingDocument } from '../src/core/types.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { commonT, hasTool } from './helpers.js';

const TOOLS = hasTool('pdftotext');
const POSITIONS = 45;

function buildDoc(): BriefingDocument {
  const children: BlockContent[] = [];
  for (let n = 0; n < POSITIONS; n++) {
    const filler = `${'ab '.repeat(Math.floor(n / 3))}${'x'.repeat(n % 3)}`;
    children.push({
      type: 'paragraph',
      children: [
        { type: 'text', value: `Ligne ${n} : la licence s’applique ici, ${filler} sous conditions (` },
        { type: 'link', url: 'https://www.example.gouv.fr/licence', children: [{ type: 'text', value: 'plus de détails' }] },
        { type: 'text', value: `) et l’article  L. 312-1-1  s’applique aussi.` },
      ],
    });
    // A space typed before the final stop, after a link (seen on a corpus article: "… Etalab ." ).
    children.push({
      type: 'paragraph',
      children: [
        { type: 'text', value: `Point ${n} : pour toute question, ${filler} vous pouvez contacter ` },
        { type: 'link', url: 'https://www.etalab.gouv.fr', children: [{ type: 'text', value: 'la mission Etalab' }] },
        { type: 'text', value: ' .' },
      ],
    });
  }
  const tree: Root = { type: 'root', children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'Liens' }] }, ...children] };
  return { slug: 'liens', lang: 'fr', title: 'Liens', tree, t: commonT('fr'), toc: [], date: '2025-03-05' };
}

/** The words of each line of the PDF, with their left and right edges, from pdftotext's boxes. */
function lines(file: string): { text: string; xMin: number; xMax: number }[][] {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xhtml.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((line) =>
    [...line[1]!.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((w) => ({
      text: w[3]!,
      xMin: Number(w[1]),
      xMax: Number(w[2]),
    })),
  );
}

describe.skipIf(!TOOLS)('PDF lines around brackets and doubled spaces', () => {
  let dir: string;
  let found: ReturnType<typeof lines>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-glue-'));
    const file = path.join(dir, 'liens.pdf');
    writeFileSync(file, await renderPdf(buildDoc(), { creationDate: new Date('2025-03-05T09:30:00Z') }));
    found = lines(file);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('never ends a line on "(" before the link it opens', () => {
    const ending = found.filter((line) => line.at(-1)?.text.endsWith('(')).map((line) => line.map((w) => w.text).join(' '));
    expect(ending).toEqual([]);
    // The case is really met: some lines start with the bracket and its link.
    expect(found.some((line) => line[0]?.text.startsWith('(plus'))).toBe(true);
  });

  it('never starts a line with the stop typed after a space', () => {
    expect(found.filter((line) => /^[.,;:]/.test(line[0]?.text ?? '')).map((line) => line.map((w) => w.text).join(' '))).toEqual([]);
    // The case is really met: some lines end with the link's last word, the stop kept with it.
    expect(found.some((line) => line.at(-2)?.text === 'Etalab' && line.at(-1)?.text === '.')).toBe(true);
  });

  it('sets a doubled space as one space', () => {
    const gaps: number[] = [];
    for (const line of found) {
      const at = line.findIndex((w) => w.text === 'l’article');
      if (at >= 0 && line[at + 1]?.text === 'L.') gaps.push(line[at + 1]!.xMin - line[at]!.xMax);
    }
    expect(gaps.length).toBeGreaterThan(5);
    // One space of 10.5 pt DejaVu Serif is about 3.3 pt; two would be about 6.7 pt (justified text is not used).
    for (const gap of gaps) expect(gap).toBeLessThan(5);
  });
});
