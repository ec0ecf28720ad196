/**
 * A list marker is never left alone at the foot of a page or of the bilingual edition's French
 * column while its text starts on the next page (src/render/pdf/containers.ts). Lists are set
 * after paragraphs of growing length, so that their items meet the foot of a page at every height.
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
  fr: 'Le comité de suivi réunit les services de l’État, les collectivités et les opérateurs de réseau chaque trimestre',
  en: 'The monitoring committee brings state services, local authorities and network operators together each quarter',
};
const ITEMS = {
  fr: [
    'Déploiement de la fibre dans les communes rurales, avec un calendrier arrêté par département et un bilan publié chaque semestre',
    'Aide aux ménages modestes pour le raccordement, versée par l’Agence nationale de la cohésion des territoires sur simple demande en ligne, sans justificatif supplémentaire ni délai de carence',
    'Suivi des engagements',
    'Rapport annuel remis au Parlement, avec les chiffres de chaque département',
    'Concertation avec les associations d’usagers avant chaque étape importante du plan',
  ],
  en: [
    'Fibre roll-out in rural municipalities, with a timetable set per département and a review published every six months',
    'Help for low-income households to connect, paid by the national agency for territorial cohesion on a simple online request, with no further proof or waiting period',
    'Monitoring of commitments',
    'Annual report to Parliament, with the figures of each département',
    'Talks with user associations before each major step of the plan',
  ],
};

const para = (value: string): BlockContent => ({ type: 'paragraph', children: [{ type: 'text', value }] });

function buildDoc(lang: Lang): BriefingDocument {
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'Listes' }] }];
  for (let n = 0; n < 36; n++) {
    // One more clause each time: the list after it starts a little lower on the page.
    children.push(para(`${n}. ${`${WORDS[lang]}, `.repeat(1 + (n % 4))}${'ab '.repeat(n % 9)}fin.`));
    children.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: ITEMS[lang].map((value) => ({ type: 'listItem', spread: false, children: [para(value)] })),
    });
  }
  const tree: Root = { type: 'root', children };
  return { slug: 'listes', lang, title: 'Listes', tree, t: commonT(lang), toc: [], date: '2025-03-05' };
}

/** Bullets with no word just after them on their line: a marker whose text went elsewhere. */
function loneBullets(all: PdfWord[]): string[] {
  return all
    .filter((word) => word.text === '•')
    .filter((bullet) => !all.some((w) => w.page === bullet.page && Math.abs(w.y0 - bullet.y0) < 3 && w.x0 > bullet.x1 && w.x0 < bullet.x1 + 30))
    .map((bullet) => `page ${bullet.page}, y ${bullet.y0}`);
}

describe.skipIf(!TOOLS)('list markers at the foot of a page or column', () => {
  let dir: string;
  const found: Record<string, PdfWord[]> = {};
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-lists-'));
    const editions = {
      fr: () => renderPdf(buildDoc('fr'), { creationDate: CREATED }),
      'fr-en': () => renderBilingualPdf(buildDoc('fr'), buildDoc('en'), { creationDate: CREATED }),
    };
    for (const [name, render] of Object.entries(editions)) {
      const file = path.join(dir, `listes.${name}.pdf`);
      writeFileSync(file, await render());
      found[name] = pdfWords(file);
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '24', file, artifactPath(`pdf-list-keep-${name}`)]);
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const name of ['fr', 'fr-en']) {
    it(`keeps every bullet on the line of its text (${name})`, () => {
      const bullets = found[name]!.filter((word) => word.text === '•');
      expect(bullets.length).toBeGreaterThan(36 * 5 - 1);
      expect(loneBullets(found[name]!)).toEqual([]);
    });
  }
});
