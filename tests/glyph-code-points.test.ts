/**
 * A PDF's text layer does not depend on what the process rendered before it
 * (src/render/pdf/glyph-code-points.ts): fonts are parsed once per process, and fontkit records a
 * glyph's code points at its first request only. A document whose only "Z" comes inside "Ž" (a
 * composite glyph: its subset takes "Z" as a component, with no code points) rendered first used
 * to leave the next document's "Z" out of its ToUnicode map, so "Zorro" read "orro".
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { BriefingDocument } from '../src/core/types.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { commonT, hasTool } from './helpers.js';

const HAVE_POPPLER = hasTool('pdftotext');
if (!HAVE_POPPLER && process.env.CI) throw new Error('poppler-utils (pdftotext) is required for this test');

function documentOf(paragraph: string): BriefingDocument {
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: paragraph }] }] };
  return { slug: 'noms', lang: 'fr', title: 'Noms', tree, t: commonT('fr'), toc: [], date: '2025-03-05' };
}

function textOf(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'briefing-glyphs-')), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe.skipIf(!HAVE_POPPLER)('the text layer of a PDF, whatever the process drew before', () => {
  it('keeps a letter first met as the component of an accented one', async () => {
    const created = new Date('2025-03-05T09:30:00Z');
    // The process's first "Z": only inside "Ž", so "Z" enters the subset as a component of "Ž".
    expect(textOf(await renderPdf(documentOf('Une lettre : Ž.'), { creationDate: created }))).toContain('Ž');
    expect(textOf(await renderPdf(documentOf('Zorro et Žofia.'), { creationDate: created }))).toContain('Zorro et Žofia.');
  });
});
