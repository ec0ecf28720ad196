/**
 * No PDF line starts with a space (issue 18, seen on a corpus page: "de `return` | en fin de
 * fonction" set the second line one space in). pdfkit's wrapper, ending a line right before a
 * piece that starts with a space (after inline code, a link), carried the space over to the next
 * line; src/render/pdf/line-glue.ts ends the line after the previous piece and drops the space.
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

function buildDoc(): Root {
  const children: BlockContent[] = [];
  // A word growing by one narrow letter at a time: the code span meets the line end at every offset.
  for (let n = 0; n < 80; n++) {
    children.push({
      type: 'paragraph',
      children: [
        { type: 'text', value: `Ligne : le guide ${'i'.repeat(n)} recommande de ne pas introduire de ` },
        { type: 'inlineCode', value: 'return' },
        { type: 'text', value: ' en fin de fonction, alors que l’autre guide préconise de le faire.' },
      ],
    });
  }
  return { type: 'root', children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'Débuts' }] }, ...children] };
}

describe.skipIf(!TOOLS)('PDF line starts', () => {
  let dir: string;
  let starts: { x: number; text: string }[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-line-starts-'));
    const file = path.join(dir, 'debuts.pdf');
    writeFileSync(
      file,
      await renderPdf(
        { slug: 'debuts', lang: 'fr', title: 'Débuts', tree: buildDoc(), t: commonT('fr'), toc: [], date: '2025-03-05' },
        { creationDate: new Date('2025-03-05T09:30:00Z') },
      ),
    );
    const xhtml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    starts = [...xhtml.matchAll(/<line[^>]*>\s*<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), text: m[2]! }));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts every body line at the left margin, never one space in', () => {
    const body = starts.filter((start) => start.text !== 'Page');
    expect(body.filter((start) => start.x > 66.5).map((start) => `${start.text} at ${start.x}`)).toEqual([]);
    // The case is really met: some lines start with the words after the code span.
    expect(body.some((start) => start.text === 'en')).toBe(true);
  });
});
