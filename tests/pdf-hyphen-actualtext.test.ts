/**
 * A word hyphenated at a line end is read whole (issue 18, src/render/pdf/split-word-text.ts):
 * copy-paste, search and screen readers get "applicables", not "ap- plicables", through the
 * ActualText of its two pieces; the page itself is drawn exactly as before, hyphen included.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingDocument, Lang } from '../src/core/types.js';
import { renderBilingualPdf } from '../src/render/pdf/bilingual.js';
import { withoutActualText } from './drawn-text.js';
import { commonT, hasTool, pdfWords, type PdfWord } from './helpers.js';
import { rasterisePdfPage } from './visual.js';

const TOOLS = hasTool('pdftotext') && hasTool('pdftoppm') && hasTool('qpdf', '--version');

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const para = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });

/** Long common words followed by commas, points and brackets: the narrow columns split many of them. */
const PROSE: Record<Lang, string[]> = {
  fr: [
    'La modernisation administrative des collectivités territoriales exige une coordination interministérielle particulièrement rigoureuse, des responsabilités clairement partagées et une communication gouvernementale irréprochable envers les administrés.',
    'Les établissements universitaires accompagnent progressivement la transformation numérique des administrations départementales (expérimentations régulièrement évaluées), avec des inspections générales particulièrement attentives.',
    'Les dispositions réglementaires applicables aux établissements publics administratifs, notamment budgétaires, demeurent profondément hétérogènes selon les circonscriptions départementales concernées.',
  ],
  en: [
    'The administrative modernisation of territorial authorities requires particularly rigorous interministerial coordination, clearly shared responsibilities and irreproachable governmental communication towards the citizens concerned.',
    'Universities are progressively accompanying the digital transformation of departmental administrations (experiments regularly evaluated), with the general inspectorates particularly attentive and independent commissions.',
    'The regulatory provisions applicable to administrative public establishments, notably budgetary ones, remain profoundly heterogeneous across the departmental constituencies concerned.',
  ],
};

function buildDoc(lang: Lang): BriefingDocument {
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [text(lang === 'fr' ? 'Césures' : 'Hyphenation')] }];
  // Each paragraph again after a few short words, so the breaks fall in other words.
  for (let n = 0; n < 4; n++) for (const value of PROSE[lang]) children.push(para(text(`${'ab '.repeat(n)}${value}`)));
  children.push({
    type: 'list',
    ordered: false,
    spread: false,
    children: PROSE[lang].map((value) => ({ type: 'listItem', spread: false, children: [para(text(value))] })),
  });
  return {
    slug: 'cesures',
    lang,
    title: lang === 'fr' ? 'Césures' : 'Hyphenation',
    tree: { type: 'root', children },
    t: commonT(lang),
    toc: [],
    date: '2025-03-05',
  };
}

/** Drawn lines ending "hyphen-" and the word the next line goes on with, column by column. */
function splitWords(words: PdfWord[]): { head: string; tail: string }[] {
  const lines = new Map<string, PdfWord[]>();
  for (const word of words) {
    const key = `${word.page}/${word.x0 >= 297 ? 1 : 0}/${Math.round(word.y0)}`;
    lines.set(key, [...(lines.get(key) ?? []), word]);
  }
  const ordered = [...lines.entries()]
    .map(([key, line]) => ({ key: key.split('/').map(Number), text: line.sort((a, b) => a.x0 - b.x0).map((word) => word.text) }))
    .sort((a, b) => a.key[0]! - b.key[0]! || a.key[1]! - b.key[1]! || a.key[2]! - b.key[2]!);
  const out: { head: string; tail: string }[] = [];
  ordered.forEach((line, i) => {
    const head = /(?<!\p{L})(\p{Ll}{2,})-$/u.exec(line.text.at(-1) ?? '');
    const tail = /^(\p{Ll}+)/u.exec(ordered[i + 1]?.text[0] ?? '');
    if (head && tail) out.push({ head: head[1]!, tail: tail[1]! });
  });
  return out;
}

/** Text with every run of white space made one space. */
const flat = (value: string): string => value.replace(/\s+/g, ' ');

describe.skipIf(!TOOLS)('words split at a line end, in the text layer', () => {
  let dir: string;
  let file: string;
  let drawn: string;
  let split: { head: string; tail: string }[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-actualtext-'));
    file = path.join(dir, 'bilingual.pdf');
    drawn = path.join(dir, 'drawn.pdf');
    writeFileSync(file, await renderBilingualPdf(buildDoc('fr'), buildDoc('en'), { creationDate: new Date('2025-03-05T09:30:00Z') }));
    withoutActualText(file, drawn);
    split = splitWords(pdfWords(drawn));
  });
  afterAll(() => {
    if (dir && !process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  });

  it('draws hyphens at line ends in both columns', () => {
    const prose = new Set(flat(Object.values(PROSE).flat().join(' ')).match(/\p{L}+/gu));
    expect(split.length).toBeGreaterThan(10);
    for (const { head, tail } of split) expect(prose.has(head + tail), `${head}-${tail}`).toBe(true);
  });

  it('gives copy-paste and search the whole word, never its two pieces', () => {
    for (const mode of [['-raw'], [], ['-layout']]) {
      const copied = execFileSync('pdftotext', [...mode, file, '-'], { encoding: 'utf8' });
      for (const { head, tail } of split) {
        expect(copied, `${mode}: ${head}-${tail}`).not.toMatch(new RegExp(`${head}-\\s+${tail}`, 'u'));
      }
      const words = new Set(copied.match(/\p{L}+/gu));
      for (const { head, tail } of split) expect(words.has(head + tail), `${mode}: ${head}${tail}`).toBe(true);
    }
  });

  it('reads each paragraph as written, punctuation after a split word included', () => {
    const copied = flat(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
    // Read in drawing order, every paragraph of a page is whole (the last of a page may go on on the next).
    const whole = Object.values(PROSE)
      .flat()
      .filter((value) => copied.includes(value));
    expect(whole.length).toBeGreaterThanOrEqual(PROSE.fr.length + PROSE.en.length);
    const pieces = copied.match(/\p{L}-\s\p{Ll}/gu) ?? [];
    expect(pieces, pieces.join(' | ')).toEqual([]);
  });

  it('draws every page exactly as without the ActualText', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      expect(rasterisePdfPage(file, page, 80).equals(rasterisePdfPage(drawn, page, 80)), `page ${page}`).toBe(true);
    }
  });

  it('nests each Span in the paragraph’s marked content, and the file is sound', () => {
    const qdf = path.join(dir, 'qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    const lines = readFileSync(qdf, 'latin1').split('\n');
    // The tags of the open marks; pdfkit writes a mark's dictionary over several lines ("/P <<", "/MCID 4", ">> BDC").
    const stack: string[] = [];
    let tag = '';
    let wholeWords = 0;
    let continuations = 0;
    for (const line of lines) {
      if (/^\/\w+ (<<|BMC)/.test(line)) tag = line.split(' ')[0]!;
      if (line.endsWith(' BDC') || line.endsWith(' BMC')) {
        if (line.startsWith('/Span <</ActualText ')) {
          expect(stack.at(-1), line).toMatch(/^\/(P|LBody|LI|Lbl)$/);
          if (line === '/Span <</ActualText ()>> BDC') continuations++;
          else wholeWords++;
        }
        stack.push(tag);
      } else if (line === 'EMC') stack.pop();
    }
    expect(wholeWords).toBe(split.length);
    expect(continuations).toBe(split.length);
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');
  });
});
