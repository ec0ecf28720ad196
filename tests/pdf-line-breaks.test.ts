/**
 * No line of a PDF paragraph starts with the punctuation or note call glued to the styled run
 * before it (src/render/pdf/line-glue.ts): each kind of run is tried at many positions so that
 * some land exactly at a line end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlockContent, PhrasingContent, Root } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingDocument } from '../src/core/types.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { artifactPath, commonT, hasTool } from './helpers.js';

const TOOLS = hasTool('pdftotext') && hasTool('pdftoppm');
const text = (value: string): PhrasingContent => ({ type: 'text', value });

/** The styled run (and what follows it) tried at every position. */
const KINDS: Record<string, { run: PhrasingContent[]; after: string; plain: string }> = {
  code: { run: [{ type: 'inlineCode', value: 'Python' }], after: '. R comme', plain: 'Python. R comme' },
  link: { run: [{ type: 'link', url: 'https://example.org/', children: [text('lien')] }], after: ', suite', plain: 'lien, suite' },
  bold: { run: [{ type: 'strong', children: [text('gras')] }], after: '. Fin', plain: 'gras. Fin' },
  note: {
    run: [text('appel'), { type: 'footnoteReference', identifier: 'n', label: 'n', data: { noteNumber: 7 } } as PhrasingContent],
    after: '. Puis',
    plain: 'appel7. Puis',
  },
};
const POSITIONS = 24;

function paragraph(kind: keyof typeof KINDS, words: number): BlockContent {
  const { run, after } = KINDS[kind]!;
  const prefix = `${kind}${words} ${'ab '.repeat(words)}`;
  return { type: 'paragraph', children: [text(`${'Texte de remplissage pour la ligne '.repeat(1)}${prefix}`), ...run, text(`${after} encore.`)] };
}

function buildDoc(): BriefingDocument {
  const children: BlockContent[] = [];
  for (const kind of Object.keys(KINDS)) for (let n = 0; n < POSITIONS; n++) children.push(paragraph(kind, n));
  const tree: Root = { type: 'root', children: [{ type: 'heading', depth: 1, children: [text('Coupures')] }, ...children] };
  return { slug: 'coupures', lang: 'fr', title: 'Coupures', tree, t: commonT('fr'), toc: [], date: '2025-03-05' };
}

describe.skipIf(!TOOLS)('PDF line breaks after a styled run', () => {
  let dir: string;
  let layout: string;
  let raw: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-breaks-'));
    const file = path.join(dir, 'breaks.pdf');
    writeFileSync(file, await renderPdf(buildDoc(), { creationDate: new Date('2025-03-05T09:30:00Z') }));
    layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    raw = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, artifactPath('pdf-line-breaks')]);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('never starts a line with the punctuation or note number glued to the run before it', () => {
    const bad = layout.split('\n').filter((line) => /^\s*[.,7]/.test(line));
    expect(bad).toEqual([]);
  });

  it('puts a run at the end of some lines, so the check above is not vacuous', () => {
    // Some paragraph of each kind has its run + punctuation at a line end (lines end with it).
    for (const { plain } of Object.values(KINDS)) {
      const word = plain.split(' ')[0]!;
      expect(
        layout.split('\n').some((line) => line.trimEnd().endsWith(word)),
        word,
      ).toBe(true);
    }
  });

  it('keeps every character once in the text layer', () => {
    const flat = raw.replace(/\s+/g, ' ');
    expect(flat).not.toMatch(/[\u2060\u00ad]/);
    for (const [kind, { plain }] of Object.entries(KINDS)) {
      for (let n = 0; n < POSITIONS; n++) {
        const expected = `${kind}${n} ${'ab '.repeat(n)}${plain} encore.`;
        expect(flat.split(expected).length - 1, expected).toBe(1);
      }
    }
  });
});
