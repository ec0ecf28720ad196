/**
 * A callout's label is never left alone at the foot of a page or column: it goes with the first
 * lines of the callout (src/render/pdf/callout.ts). Callouts are set after paragraphs of growing
 * length, so that they meet the foot of a page at every height.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlockContent, Root, RootContent } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingDocument, Lang } from '../src/core/types.js';
import { renderBilingualPdf } from '../src/render/pdf/bilingual.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { artifactPath, commonT, hasTool, pdfWords, type PdfWord } from './helpers.js';

const TOOLS = hasTool('pdftotext') && hasTool('pdftoppm');
const CREATED = new Date('2025-03-05T09:30:00Z');

const WORDS = {
  fr: {
    filler: 'Le comité de suivi réunit les services de l’État, les collectivités et les opérateurs de réseau chaque trimestre',
    label: 'Attention',
    body: 'Corps du rappel : les dossiers déposés après la date limite ne seront pas instruits, quelle que soit la raison du retard invoquée par le demandeur ; les pièces manquantes sont à envoyer par courrier avant la fin du mois.',
  },
  en: {
    filler: 'The monitoring committee brings state services, local authorities and network operators together each quarter',
    label: 'Warning',
    body: 'Body of the reminder: files sent after the deadline will not be examined, whatever the reason the applicant gives for the delay; missing documents must be posted before the end of the month.',
  },
};

const para = (value: string): BlockContent => ({ type: 'paragraph', children: [{ type: 'text', value }] });

function buildDoc(lang: Lang): BriefingDocument {
  const w = WORDS[lang];
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'Encadrés' }] }];
  for (let n = 0; n < 40; n++) {
    children.push(para(`${n}. ${`${w.filler}, `.repeat(1 + (n % 4))}${'ab '.repeat(n % 11)}fin.`));
    children.push({ type: 'blockquote', data: { callout: 'warning' }, children: [para(w.label), para(w.body)] } as RootContent);
  }
  return { slug: 'encadres', lang, title: 'Encadrés', tree: { type: 'root', children } as Root, t: commonT(lang), toc: [], date: '2025-03-05' };
}

/** Labels with no word of their callout's text below them on their page. */
function loneLabels(all: PdfWord[], lang: Lang): string[] {
  const { label, body } = WORDS[lang];
  const first = body.split(' ')[0]!;
  return all
    .filter((word) => word.text === label)
    .filter((l) => !all.some((w) => w.page === l.page && w.text === first && w.y0 > l.y0 && w.y0 < l.y0 + 40 && Math.abs(w.x0 - l.x0) < 2))
    .map((l) => `page ${l.page}, y ${l.y0}`);
}

describe.skipIf(!TOOLS)('callout labels at the foot of a page or column', () => {
  let dir: string;
  const found: Record<string, PdfWord[]> = {};
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-callouts-'));
    const editions = {
      fr: () => renderPdf(buildDoc('fr'), { creationDate: CREATED }),
      'fr-en': () => renderBilingualPdf(buildDoc('fr'), buildDoc('en'), { creationDate: CREATED }),
    };
    for (const [name, render] of Object.entries(editions)) {
      const file = path.join(dir, `encadres.${name}.pdf`);
      writeFileSync(file, await render());
      found[name] = pdfWords(file);
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '12', file, artifactPath(`pdf-callout-keep-${name}`)]);
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the label with the first lines of its callout (fr)', () => {
    expect(found.fr!.filter((word) => word.text === 'Attention').length).toBe(40);
    expect(loneLabels(found.fr!, 'fr')).toEqual([]);
  });

  it('keeps the label with the first lines of its callout in both columns (fr-en)', () => {
    expect(loneLabels(found['fr-en']!, 'fr')).toEqual([]);
    expect(loneLabels(found['fr-en']!, 'en')).toEqual([]);
  });
});
