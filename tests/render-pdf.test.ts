/**
 * PDF renderer: renders a hand-built BriefingDocument in French and English and checks the
 * result through poppler (pdftotext, pdfinfo, pdffonts, pdftoppm) and qpdf.
 * Page images land in tests/artifacts/ (git-ignored) for eyeballing the layout.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../src/core/paths.js';
import type { BriefingDocument, Lang } from '../src/core/types.js';
import { loadPdfTheme, PdfThemeError, renderPdf } from '../src/render/pdf/index.js';
import { artifactPath, commonT, hasTool, pdfObjectsText } from './helpers.js';

const NNBSP = '\u202F';
const CREATED = new Date('2025-03-05T09:30:00Z');
const TOOLS = hasTool('pdftotext') && hasTool('pdfinfo') && hasTool('pdftoppm') && hasTool('qpdf', '--version');
if (!TOOLS && process.env.CI) throw new Error('poppler-utils and qpdf are required to test the PDF renderer');

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const para = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });
const h2 = (id: string, value: string): RootContent => ({
  type: 'heading',
  depth: 2,
  children: [text(value)],
  data: { id, hProperties: { id } } as never,
});
const item = (value: string): { type: 'listItem'; spread: false; children: BlockContent[] } => ({
  type: 'listItem',
  spread: false,
  children: [para(text(value))],
});

const FILLER = {
  fr: 'Le ministère poursuit la concertation avec les collectivités, les opérateurs et les associations d’usagers afin de préciser le calendrier, les financements et les indicateurs de suivi du plan.',
  en: 'The ministry is pursuing talks with local authorities, operators and user associations to settle the timetable, the funding and the indicators used to monitor the plan.',
};

const STRINGS = {
  fr: {
    title: 'Plan « Eau 2030 » : où en est-on ?',
    lead: 'Le gouvernement présente un plan d’économies d’eau de 12 % d’ici 2030',
    section1: 'Contexte et enjeux',
    section2: 'Prochaines étapes',
    quote: `«${NNBSP}Chaque goutte compte${NNBSP}», a déclaré la ministre à l’Assemblée.`,
    items: ['Réunion des préfets de bassin', 'Publication du décret d’application', 'Bilan à mi-parcours'],
  },
  en: {
    title: 'The “Water 2030” plan: where do we stand?',
    lead: 'The government presents a plan to save 12% of water by 2030',
    section1: 'Background and stakes',
    section2: 'Next steps',
    quote: '“Every drop counts,” the minister told the National Assembly.',
    items: ['Meeting of basin prefects', 'Publication of the implementing decree', 'Mid-term review'],
  },
};

/** A two-section briefing, long enough for at least two pages. */
function buildDoc(lang: Lang): BriefingDocument {
  const s = STRINGS[lang];
  const filler = (n: number): BlockContent[] => Array.from({ length: n }, (_, i) => para(text(`${FILLER[lang]} (${i + 1})`)));
  const fallback: BlockContent = {
    type: 'paragraph',
    children: [text(`Ce paragraphe est resté en français${NNBSP}: la traduction manque encore, à vérifier.`)],
    data: { fallback: 'fr', hProperties: { lang: 'fr', className: ['fallback'] } } as never,
  };
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [text(s.title)] },
      para(
        text(`${s.lead} `),
        { type: 'emphasis', children: [text(lang === 'fr' ? 'selon le ministère' : 'according to the ministry')] },
        text(lang === 'fr' ? `${NNBSP}; voir le ` : '; see the '),
        { type: 'link', url: 'https://www.ecologie.gouv.fr/eau', children: [text(lang === 'fr' ? 'dossier de presse' : 'press kit')] },
        text('.'),
      ),
      { type: 'html', value: '<!-- note interne : ne pas publier -->' },
      h2('contexte', s.section1),
      ...filler(5),
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: s.items.map(item),
      },
      { type: 'blockquote', children: [para(text(s.quote))] },
      ...(lang === 'en' ? [fallback] : []),
      para(text('Mise à jour '), { type: 'strong', children: [text('importante')] }, { type: 'html', value: '<b>brut</b>' }),
      ...filler(4),
      h2('prochaines-etapes', s.section2),
      { type: 'list', ordered: true, start: 1, spread: false, children: s.items.map(item) },
      ...filler(6),
    ],
  };
  return {
    slug: 'plan-eau-2030',
    lang,
    title: s.title,
    tree,
    t: commonT(lang),
    toc: [
      { id: 'contexte', text: s.section1, depth: 2 },
      { id: 'prochaines-etapes', text: s.section2, depth: 2 },
    ],
    date: '2025-03-05',
  };
}

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8' });
}

describe.skipIf(!TOOLS)('renderPdf', () => {
  let dir: string;
  const files: Partial<Record<Lang, string>> = {};
  const bytes: Partial<Record<Lang, Buffer>> = {};

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-pdf-'));
    for (const lang of ['fr', 'en'] as const) {
      const pdf = await renderPdf(buildDoc(lang), { creationDate: CREATED });
      const file = path.join(dir, `briefing.${lang}.pdf`);
      writeFileSync(file, pdf);
      writeFileSync(artifactPath(`render-pdf-${lang}.pdf`), pdf);
      files[lang] = file;
      bytes[lang] = pdf;
      run('pdftoppm', ['-png', '-r', '60', file, artifactPath(`render-pdf-${lang}`)]);
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const info = (lang: Lang): Record<string, string> =>
    Object.fromEntries(
      run('pdfinfo', [files[lang]!])
        .split('\n')
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!]),
    );
  const pageText = (lang: Lang, page?: number): string =>
    run('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', files[lang]!, '-']);

  it('writes metadata, A4 pages and at least two of them', () => {
    for (const lang of ['fr', 'en'] as const) {
      const meta = info(lang);
      expect(meta.Title).toBe(STRINGS[lang].title);
      expect(meta.Author).toBe('Briefing');
      expect(meta.Creator).toBe('Briefing');
      expect(meta.Producer).toBe('Briefing');
      expect(meta.Tagged).toBe('yes');
      expect(meta['PDF version']).toBe('1.7');
      expect(meta['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/);
      expect(Number(meta.Pages)).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps text order, French typography and skips raw HTML', () => {
    const all = pageText('fr').replace(/\s+/g, ' ');
    let pos = 0;
    for (const needle of [
      STRINGS.fr.title,
      'Note d’information',
      'Préparée le 5 mars 2025',
      'selon le ministère',
      STRINGS.fr.section1,
      'Réunion des préfets de bassin',
      'Chaque goutte compte',
      'Mise à jour importante',
      STRINGS.fr.section2,
      '1. Réunion des préfets de bassin',
      '3. Bilan à mi-parcours',
    ]) {
      const at = all.indexOf(needle, pos);
      expect(at, needle).toBeGreaterThanOrEqual(0);
      pos = at + needle.length;
    }
    // Poppler turns every Unicode space (U+202F included) into a plain word break when
    // extracting, so the narrow no-break spaces show up as ' ' — but never as a line break.
    expect(all).toContain('« Chaque goutte compte »');
    expect(all).toMatch(/ministère ; voir le dossier de presse\./);
    // The text layer itself maps the narrow no-break space glyph to U+202F.
    const qdf = path.join(dir, 'fr-qdf.pdf');
    run('qpdf', ['--qdf', '--object-streams=disable', files.fr!, qdf]);
    expect(readFileSync(qdf, 'latin1').toLowerCase()).toContain('<202f>');
    expect(all).toContain('Mise à jour importante');
    expect(all).not.toMatch(/<b>|brut|<!--|note interne/);
  });

  it('numbers pages in the edition language without adding pages', () => {
    for (const [lang, word] of [
      ['fr', 'sur'],
      ['en', 'of'],
    ] as const) {
      const pages = Number(info(lang).Pages);
      for (let p = 1; p <= pages; p++) {
        const textOfPage = pageText(lang, p);
        expect(textOfPage).toContain(`Page ${p} ${word} ${pages}`);
        // Page 1 shows the title block (it may wrap); later pages repeat it as a running header.
        if (p === 1) expect(textOfPage.replace(/\s+/g, ' ')).toContain(STRINGS[lang].title);
        else expect(textOfPage.split('\n').map((l) => l.trim())).toContain(STRINGS[lang].title);
      }
    }
  });

  it('never leaves a section heading at the foot of a page', () => {
    for (const lang of ['fr', 'en'] as const) {
      const pages = Number(info(lang).Pages);
      for (let p = 1; p <= pages; p++) {
        const lines = pageText(lang, p)
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !l.startsWith('Page ') && l !== '\f');
        expect([STRINGS[lang].section1, STRINGS[lang].section2]).not.toContain(lines[lines.length - 1]);
      }
    }
  });

  it('labels English editions and marks French fallbacks', () => {
    const all = pageText('en');
    expect(all).toContain('Briefing');
    expect(all).toContain('Prepared on 5 March 2025');
    expect(all).toContain('Page 1 of');
    const note = all.indexOf('Translation missing: original French text shown.');
    expect(note).toBeGreaterThan(-1);
    expect(all.indexOf('Ce paragraphe est resté en français')).toBeGreaterThan(note);
    expect(pageText('fr')).not.toContain('Traduction manquante');
  });

  it('adds one bookmark per section under the title', () => {
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', files.fr!])) as {
      outlines: { title: string; kids: { title: string }[] }[];
    };
    expect(json.outlines.map((o) => o.title)).toEqual([STRINGS.fr.title]);
    expect(json.outlines[0]!.kids.map((k) => k.title)).toEqual([STRINGS.fr.section1, STRINGS.fr.section2]);
  });

  it('embeds only DejaVu fonts and a real link annotation', () => {
    const fonts = run('pdffonts', [files.fr!]);
    expect(fonts).toContain('DejaVuSerif');
    expect(fonts).toContain('DejaVuSans-Bold');
    expect(fonts).not.toMatch(/Helvetica|Times|Courier/);
    const raw = pdfObjectsText(files.fr!);
    expect(raw).toMatch(/\/S \/URI\s*\/URI \(https:\/\/www\.ecologie\.gouv\.fr\/eau\)/);
  });

  it('tags headings, paragraphs and lists', () => {
    const struct = run('pdfinfo', ['-struct', files.fr!]);
    for (const tag of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'BlockQuote']) {
      expect(struct).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
    }
  });

  it('is byte-identical for identical input and creation date', async () => {
    const again = await renderPdf(buildDoc('fr'), { creationDate: CREATED });
    expect(again.equals(bytes.fr!)).toBe(true);
    const later = await renderPdf(buildDoc('fr'), { creationDate: new Date('2025-03-06T00:00:00Z') });
    expect(later.equals(bytes.fr!)).toBe(false);
  });
  it('never leaves a single line of a paragraph alone at the top of a page (widow) nor at its foot (orphan)', async () => {
    // A long paragraph of numbered words after 41…70 one-line paragraphs: across the sweep it meets
    // the page break at every line. pdftotext then shows how its lines fell on each page.
    const words = Array.from({ length: 90 }, (_, i) => `mot${String(i).padStart(2, '0')}`).join(' ');
    let splits = 0;
    for (let fillers = 1; fillers <= 30; fillers++) {
      const doc = buildDoc('fr');
      const one = (i: number): BlockContent => para(text(`Ligne ${i}.`));
      doc.tree = { type: 'root', children: [...Array.from({ length: 40 + fillers }, (_, i) => one(i)), para(text(words))] };
      const file = path.join(dir, `widow-${fillers}.pdf`);
      writeFileSync(file, await renderPdf(doc, { creationDate: CREATED }));
      const pages = Number(run('pdfinfo', [file]).match(/Pages:\s+(\d+)/)![1]);
      const counts = Array.from(
        { length: pages },
        (_, p) =>
          run('pdftotext', ['-f', String(p + 1), '-l', String(p + 1), '-enc', 'UTF-8', file, '-'])
            .split('\n')
            .filter((l) => /mot\d\d/.test(l)).length,
      ).filter((n) => n > 0);
      if (counts.length > 1) splits++;
      for (const n of counts) expect(n, `${fillers} fillers: lines per page ${counts.join('+')}`).toBeGreaterThanOrEqual(2);
    }
    expect(splits).toBeGreaterThan(3); // the sweep really did break the paragraph across pages
  });
});

describe('loadPdfTheme', () => {
  it('reads the package theme', () => {
    const theme = loadPdfTheme(path.join(PACKAGE_ROOT, 'templates'));
    expect(theme.page.size).toBe('A4');
    expect(theme.sizes.body).toBeGreaterThanOrEqual(10.5);
  });

  it('names the file and field of a bad value', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-theme-'));
    try {
      mkdirSync(path.join(dir, 'pdf'));
      const file = path.join(dir, 'pdf', 'theme.json');
      const cases: [unknown, string][] = [
        [{ sizes: { body: 'big' } }, 'sizes.body'],
        [{ colors: { accent: 'blue' } }, 'colors.accent'],
        [{ fonts: { body: 'Arial.woff2' } }, 'fonts.body'],
        [{ page: { margin: 10 } }, 'page.margin'],
      ];
      for (const [value, field] of cases) {
        writeFileSync(file, JSON.stringify(value));
        let error: unknown;
        try {
          loadPdfTheme(dir);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(PdfThemeError);
        expect((error as PdfThemeError).field).toBe(field);
        expect((error as Error).message).toContain(file);
      }
      writeFileSync(file, '{ not json');
      expect(() => loadPdfTheme(dir)).toThrow(/theme\.json:1:3: The PDF theme is not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
