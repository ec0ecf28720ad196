/**
 * No line of a PDF paragraph ends inside a number with its unit, a compound unit (`Mbit/s`,
 * `km/h`), a title and name (`M. Dupont`), a page number or a date (src/typography/no-break.ts,
 * read by src/render/pdf/line-glue.ts). Each phrase is tried at many positions so that some land
 * exactly at a line end; the article goes through the typography stage as a real build does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlockContent, Root } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingDocument, Lang } from '../src/core/types.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { applyTypography } from '../src/typography/index.js';
import { artifactPath, commonT, hasTool } from './helpers.js';

const TOOLS = hasTool('pdftotext') && hasTool('pdftoppm');

/**
 * Each phrase, as written by the author; it must never be split over two lines. `6 semaines`: a
 * unit word the typography stage's list had and the line breaker's lacked, before they were one.
 */
const PHRASES = ['8 Mbit/s', '130 km/h', '12 %', '3,5 Md€', 'M. Dupont', 'p. 12', 'n° 4', '1er décembre 2026', '14 h 30', '6 semaines'];
const POSITIONS = 45;

function buildDoc(lang: Lang): BriefingDocument {
  const children: BlockContent[] = [];
  PHRASES.forEach((phrase, k) => {
    for (let n = 0; n < POSITIONS; n++) {
      // Word lengths vary with n so the phrase meets the right margin at every offset.
      const value = `Ligne ${k}-${n} : le réseau atteint désormais, selon l’opérateur, ${'ab '.repeat(Math.floor(n / 3))}${'x'.repeat(n % 3)} ${phrase}, contre 2 en 2019.`;
      children.push({ type: 'paragraph', children: [{ type: 'text', value }] });
    }
  });
  const tree: Root = { type: 'root', children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'Unités' }] }, ...children] };
  return { slug: 'unites', lang, title: 'Unités', tree: applyTypography(tree, lang), t: commonT(lang), toc: [], date: '2025-03-05' };
}

/** The words of each line of the PDF, read from pdftotext's bounding boxes. */
function lines(file: string): string[][] {
  const xhtml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xhtml.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((line) =>
    [...line[1]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((word) => word[1]!.replace(/&amp;/g, '&')),
  );
}

describe.skipIf(!TOOLS)('PDF line breaks inside units, names and dates', () => {
  let dir: string;
  const found: Partial<Record<Lang, string[][]>> = {};
  const copied: Partial<Record<Lang, string>> = {};
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-units-'));
    for (const lang of ['fr', 'en'] as const) {
      const file = path.join(dir, `units.${lang}.pdf`);
      writeFileSync(file, await renderPdf(buildDoc(lang), { creationDate: new Date('2025-03-05T09:30:00Z') }));
      found[lang] = lines(file);
      copied[lang] = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, artifactPath(`pdf-unit-breaks-${lang}`)]);
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['fr', 'en'] as const) {
    it(`copies each phrase as written, nothing invisible added (${lang})`, () => {
      expect(copied[lang]).not.toMatch(/[\u2060\u00ad\ufeff]/);
      const flat = copied[lang]!.replace(/[\s\u00a0\u202f]+/g, ' ');
      for (const phrase of PHRASES) expect(flat.split(`${phrase}, contre`).length - 1, phrase).toBe(POSITIONS);
    });

    it(`never splits a phrase over two lines (${lang})`, () => {
      const all = found[lang]!;
      const split: string[] = [];
      all.forEach((words, i) => {
        const next = all[i + 1];
        if (!next || words.length === 0 || next.length === 0) return;
        // The end of this line and the start of the next, with one space: does a phrase straddle them?
        const tail = words.slice(-3).join(' ');
        const head = next.slice(0, 3).join(' ');
        const joined = `${tail} ${head}`.replace(/[\u00a0\u202f]/g, ' ');
        for (const phrase of PHRASES) {
          const at = joined.indexOf(phrase);
          if (at >= 0 && at < tail.length && at + phrase.length > tail.length) split.push(`${tail} | ${head}`);
        }
        if (words.at(-1)!.endsWith('/')) split.push(`${tail} | ${head}`);
      });
      expect(split).toEqual([]);
    });

    it(`puts each phrase at the end of some line, so the check is not vacuous (${lang})`, () => {
      const ends = found[lang]!.map((words) => words.join(' ').replace(/[\u00a0\u202f]/g, ' '));
      for (const phrase of PHRASES)
        expect(
          ends.some((line) => line.endsWith(`${phrase},`)),
          phrase,
        ).toBe(true);
    });
  }
});
