/**
 * A link wrapped over two lines (issue 18, seen on a corpus page: "Partage dans les mêmes_"): the
 * underline and the clickable area of each line's piece end at its last word, not one space
 * further (src/render/pdf/link-line-ends.ts). Checked on the link annotations' rectangles against
 * the words' boxes, at many positions so that the link meets the line end at different words.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlockContent, Root } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../src/render/pdf/index.js';
import { commonT, hasTool, pdfWords, type PdfWord } from './helpers.js';

const TOOLS = hasTool('pdftotext') && hasTool('qpdf');

function buildDoc(): Root {
  const children: BlockContent[] = [];
  for (let n = 0; n < 16; n++) {
    children.push({
      type: 'paragraph',
      children: [
        { type: 'text', value: `Ligne ${n} : la licence ${'ab '.repeat(n)}${'x'.repeat(n % 3)} « ` },
        {
          type: 'link',
          url: 'https://creativecommons.org/licenses/by-sa/4.0/',
          children: [{ type: 'text', value: 'Creative Commons Attribution Partage dans les mêmes conditions' }],
        },
        { type: 'text', value: ' » est homologuée.' },
      ],
    });
  }
  return { type: 'root', children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'Liens' }] }, ...children] };
}

/** The link annotations' rectangles on page 1, in pdftotext's coordinates (top-left origin). */
function linkRects(file: string): { x0: number; x1: number; y: number }[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as {
    qpdf: [unknown, Record<string, { value?: { '/Subtype'?: string; '/Rect'?: number[] } }>];
  };
  return Object.values(json.qpdf[1])
    .map((object) => object.value)
    .filter((value) => value?.['/Subtype'] === '/Link' && value['/Rect'])
    .map((value) => {
      const [x0, y0, x1, y1] = value!['/Rect']!;
      return { x0: x0!, x1: x1!, y: 841.89 - (y0! + y1!) / 2 };
    });
}

describe.skipIf(!TOOLS)('links wrapped over two lines', () => {
  let dir: string;
  let words: PdfWord[];
  let rects: ReturnType<typeof linkRects>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-link-ends-'));
    const file = path.join(dir, 'liens.pdf');
    writeFileSync(
      file,
      await renderPdf(
        { slug: 'liens', lang: 'fr', title: 'Liens', tree: buildDoc(), t: commonT('fr'), toc: [], date: '2025-03-05' },
        { creationDate: new Date('2025-03-05T09:30:00Z') },
      ),
    );
    words = pdfWords(file);
    rects = linkRects(file);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ends each piece’s clickable area (and underline) at its last word', () => {
    // One page: the rectangles (of every page) are compared with its words.
    expect(Math.max(...words.map((word) => word.page))).toBe(1);
    expect(rects.length).toBeGreaterThan(16);
    const overshoot: string[] = [];
    for (const rect of rects) {
      // The words inside the rectangle, on its line: the last one ends where the rectangle does.
      const inside = words.filter((word) => Math.abs(word.y0 + 5 - rect.y) < 8 && word.x0 >= rect.x0 - 0.5 && word.x0 < rect.x1);
      const end = Math.max(...inside.map((word) => word.x1));
      if (inside.length > 0 && rect.x1 - end > 1)
        overshoot.push(
          `${inside.map((word) => `${word.text}@${word.x0.toFixed(0)},${word.y0.toFixed(0)}`).join(' ')} rect ${rect.x0.toFixed(0)}-${rect.x1.toFixed(0)},${rect.y.toFixed(0)}`,
        );
    }
    expect(overshoot, overshoot.join('\n')).toEqual([]);
  });
});
