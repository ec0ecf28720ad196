/**
 * Hyphenation in the PDF (issue 18, src/render/pdf/hyphenation.ts): on by default in the narrow
 * columns of the bilingual edition, off by default in the single-language editions, set in the
 * theme; never inside names, URLs, numbers or code; no soft hyphen in the copied text.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingDocument, Lang } from '../src/core/types.js';
import { renderBilingualPdf } from '../src/render/pdf/bilingual.js';
import { loadPdfTheme, PdfThemeError, renderPdf } from '../src/render/pdf/index.js';
import type { PdfTheme } from '../src/render/pdf/theme.js';
import { hyphenateRuns } from '../src/render/pdf/hyphenation.js';
import type { Run } from '../src/render/pdf/inline.js';
import { withoutActualText } from './drawn-text.js';
import { artifactPath, commonT, hasTool, pdfWords, type PdfWord } from './helpers.js';

const TOOLS = hasTool('pdftotext') && hasTool('pdftoppm') && hasTool('qpdf', '--version');
const CREATED = new Date('2025-03-05T09:30:00Z');

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const para = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });

const PROSE: Record<Lang, string[]> = {
  fr: [
    'La modernisation administrative des collectivités territoriales exige une coordination interministérielle particulièrement rigoureuse, des responsabilités clairement partagées et une communication gouvernementale irréprochable envers les administrés.',
    'Les établissements universitaires accompagnent progressivement la transformation numérique des administrations départementales, avec des expérimentations régulièrement évaluées par les inspections générales.',
  ],
  en: [
    'The administrative modernisation of territorial authorities requires particularly rigorous interministerial coordination, clearly shared responsibilities and irreproachable governmental communication towards the citizens concerned.',
    'Universities are progressively accompanying the digital transformation of departmental administrations, with experiments regularly evaluated by the general inspectorates and independent commissions.',
  ],
};
/** Names, an address, numbers and code: none may be split by a hyphen. */
const UNTOUCHABLE = [
  'Constantinopolitanus',
  'Wolfeschlegelsteinhausen',
  'Aberystwythshire',
  'https://www.administration-exemplaire.gouv.fr/publications/rapportannuel',
  'contact.presse@administrationcentrale.gouv.fr',
  'régionalisation2026',
  'intercommunalité_numérique',
];
const CODE = 'configurationadministrative';

function buildDoc(lang: Lang): BriefingDocument {
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [text(lang === 'fr' ? 'Césures' : 'Hyphenation')] }];
  for (const value of PROSE[lang]) children.push(para(text(value)));
  // Each untouchable item at the start of a line-long stretch of filler, so some land at a line end.
  for (let n = 0; n < 6; n++) {
    const filler = 'ab '.repeat(n * 2);
    children.push(para(text(`${filler}${UNTOUCHABLE.join(' et ')} `), { type: 'inlineCode', value: CODE }, text(' fin.')));
  }
  children.push({
    type: 'list',
    ordered: false,
    spread: false,
    children: PROSE[lang].map((value) => ({ type: 'listItem', spread: false, children: [para(text(value))] })),
  });
  const tree: Root = { type: 'root', children };
  return { slug: 'cesures', lang, title: lang === 'fr' ? 'Césures' : 'Hyphenation', tree, t: commonT(lang), toc: [], date: '2025-03-05' };
}

/** Words of the prose, lowercase and without punctuation: what a hyphenated line end must rejoin into. */
const proseWords = (lang: Lang): Set<string> => new Set(PROSE[lang].join(' ').match(/[\p{L}]+/gu) ?? []);

/**
 * The lines of a PDF, column by column (left, then right), from pdftotext's word boxes: its plain
 * output rejoins hyphenated words, which would hide both the breaks sought and the ones forbidden.
 */
function pdfLines(words: PdfWord[], columns: 1 | 2): string[] {
  const lines = new Map<string, { page: number; column: number; y: number; words: PdfWord[] }>();
  for (const word of words) {
    const column = columns === 2 && word.x0 >= 297 ? 1 : 0;
    const key = `${word.page}/${column}/${Math.round(word.y0)}`;
    const line = lines.get(key) ?? { page: word.page, column, y: Math.round(word.y0), words: [] };
    line.words.push(word);
    lines.set(key, line);
  }
  return [...lines.values()]
    .sort((a, b) => a.page - b.page || a.column - b.column || a.y - b.y)
    .map((line) =>
      line.words
        .sort((a, b) => a.x0 - b.x0)
        .map((word) => word.text)
        .join(' '),
    );
}

/** Words split at a line end by a hyphen: `hyphen-` ending a line and `ated` starting the next, rejoined. */
function hyphenatedWords(lines: string[]): string[] {
  const out: string[] = [];
  lines.forEach((line, i) => {
    const end = /(\p{L}+)-$/u.exec(line);
    const next = /^(\p{L}+)/u.exec(lines[i + 1] ?? '');
    if (end && next) out.push(end[1]! + next[1]!);
  });
  return out;
}

/** The words as drawn: a word split at a line end is read whole from the PDF, through its ActualText. */
function drawnWords(file: string): PdfWord[] {
  const drawn = file.replace(/\.pdf$/, '.drawn.pdf');
  withoutActualText(file, drawn);
  return pdfWords(drawn);
}

function withHyphenation(hyphenation: Partial<PdfTheme['hyphenation']>): PdfTheme {
  const theme = loadPdfTheme(path.resolve('templates'));
  return { ...theme, hyphenation: { ...theme.hyphenation, ...hyphenation } };
}

describe.skipIf(!TOOLS)('hyphenation in the PDF', () => {
  let dir: string;
  const raw: Record<string, string> = {};
  const lines: Record<string, string[]> = {};
  const bytes: Record<string, Buffer> = {};
  const render = async (name: string, make: () => Promise<Buffer>): Promise<void> => {
    const file = path.join(dir, `${name}.pdf`);
    bytes[name] = await make();
    writeFileSync(file, bytes[name]!);
    raw[name] = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    lines[name] = pdfLines(drawnWords(file), name.startsWith('bilingual') ? 2 : 1);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, artifactPath(`pdf-hyphenation-${name}`)]);
  };
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-hyphen-'));
    mkdirSync(dir, { recursive: true });
    await render('bilingual', () => renderBilingualPdf(buildDoc('fr'), buildDoc('en'), { creationDate: CREATED }));
    await render('bilingual-off', () =>
      renderBilingualPdf(buildDoc('fr'), buildDoc('en'), { creationDate: CREATED, theme: withHyphenation({ bilingual: false }) }),
    );
    await render('fr', () => renderPdf(buildDoc('fr'), { creationDate: CREATED }));
    await render('fr-off', () => renderPdf(buildDoc('fr'), { creationDate: CREATED, theme: withHyphenation({ single: false, bilingual: false }) }));
    await render('fr-on', () => renderPdf(buildDoc('fr'), { creationDate: CREATED, theme: withHyphenation({ single: true }) }));
  });
  afterAll(() => {
    if (dir && !process.env.KEEP) rmSync(dir, { recursive: true, force: true });
  });

  it('ends lines of both bilingual columns with hyphens the patterns placed', () => {
    const split = hyphenatedWords(lines.bilingual!);
    const fr = proseWords('fr');
    const en = proseWords('en');
    expect(split.filter((word) => fr.has(word) && !en.has(word)).length, split.join(' ')).toBeGreaterThan(0);
    expect(split.filter((word) => en.has(word) && !fr.has(word)).length, split.join(' ')).toBeGreaterThan(0);
    // Only long common words of the prose: never a capitalised or short one.
    for (const word of split) {
      expect(fr.has(word) || en.has(word), word).toBe(true);
      expect(word, word).toMatch(/^\p{Ll}{7,}$/u);
    }
  });

  it('leaves no soft hyphen in the text layer, and whole words where no break happened', () => {
    for (const name of Object.keys(raw)) expect(raw[name], name).not.toContain('\u00ad');
    const flat = raw.bilingual!.replace(/\s+/g, ' ');
    expect(flat).toContain('particulièrement');
    expect(flat).toContain('particularly');
    // Inside a line, every word of the text layer is a word of the source, not a piece of one
    // ("ad mi nis tra tive": what a soft hyphen drawn as a zero-width space gives).
    const known = new Set([...proseWords('fr'), ...proseWords('en'), ...`${UNTOUCHABLE.join(' ')} ${CODE} ab et fin`.match(/\p{L}+/gu)!]);
    // The title block and page furniture.
    for (const word of ['Préparée', 'le', 'mars', 'sur', 'Prepared', 'on', 'March', 'Page', 'of']) known.add(word);
    for (const name of ['bilingual', 'fr-on']) {
      const pieces = lines[name]!.flatMap((line) => line.split(' ').slice(1, -1)).filter((word) => /^\p{L}+$/u.test(word) && !known.has(word));
      expect(pieces, `${name}: ${pieces.join(' ')}`).toEqual([]);
    }
  });

  it('never splits names, addresses, numbers or code with a hyphen', () => {
    for (const name of ['bilingual', 'fr-on']) {
      // Line ends joined with nothing: a break UAX #14 allows (after `/`) rejoins, an added hyphen does not.
      const joined = lines[name]!.join('');
      for (const token of [...UNTOUCHABLE, CODE]) expect(joined.split(token).length - 1, `${name}: ${token}`).toBe(6 * 2 - (name === 'fr-on' ? 6 : 0));
    }
  });

  it('leaves the single-language PDF as it was by default', () => {
    expect(hyphenatedWords(lines.fr!)).toEqual([]);
    expect(bytes.fr!.equals(bytes['fr-off']!)).toBe(true);
  });

  it('follows the theme switches', () => {
    expect(hyphenatedWords(lines['bilingual-off']!)).toEqual([]);
    expect(hyphenatedWords(lines['fr-on']!).length).toBeGreaterThan(0);
  });
});

/** Long common words only: without a limit, many lines in a row end hyphenated. */
const LONG_WORDS = {
  fr: 'les administrations départementales accompagnent progressivement la décentralisation interministérielle et la modernisation constitutionnelle des établissements universitaires particulièrement concernés',
  en: 'the departmental administrations are progressively accompanying interministerial decentralisation and the constitutional modernisation of particularly concerned universities',
};

/** The longest run of consecutive lines ending with a hyphen. */
function longestHyphenRun(lines: string[]): number {
  let longest = 0;
  let row = 0;
  for (const line of lines) {
    row = /\p{L}-$/u.test(line) ? row + 1 : 0;
    longest = Math.max(longest, row);
  }
  return longest;
}

describe.skipIf(!TOOLS)('consecutive hyphenated lines', () => {
  const build = (lang: Lang): BriefingDocument => {
    const doc = buildDoc(lang);
    // Paragraphs of long words, each starting a little further on, so breaks fall everywhere.
    const extra = Array.from({ length: 8 }, (_, n) => para(text(`${'ab '.repeat(n)}${LONG_WORDS[lang]} ${LONG_WORDS[lang]} ${LONG_WORDS[lang]} fin.`)));
    return { ...doc, tree: { type: 'root', children: [...doc.tree.children, ...extra] } };
  };
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-hyphen-rows-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const words = async (name: string, theme: PdfTheme): Promise<PdfWord[]> => {
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, await renderBilingualPdf(build('fr'), build('en'), { creationDate: CREATED, theme }));
    return drawnWords(file);
  };
  const lines = async (name: string, theme: PdfTheme): Promise<string[]> => pdfLines(await words(name, theme), 2);

  it('never ends a page’s column with a hyphenated word', async () => {
    const found = await words('page-ends', withHyphenation({}));
    // The last line of each column of each page, above the page number (A4: the body ends at 772 pt).
    const body = found.filter((word) => word.y0 < 760);
    const ends = new Map<string, PdfWord[]>();
    for (const word of body) {
      const key = `${word.page}/${word.x0 >= 297 ? 1 : 0}`;
      const last = ends.get(key)?.[0];
      if (!last || word.y0 > last.y0 + 1) ends.set(key, [word]);
      else if (Math.abs(word.y0 - last.y0) <= 1) ends.get(key)!.push(word);
    }
    const lastLines = [...ends.entries()].map(([key, line]) => `${key}: ${line.map((word) => word.text).join(' ')}`);
    expect(lastLines.length).toBeGreaterThan(4);
    expect(lastLines.filter((line) => /\p{L}-$/u.test(line))).toEqual([]);
  });

  it('ends at most theme.hyphenation.maxConsecutive lines in a row with a hyphen (2 by default)', async () => {
    const found = await lines('rows-2', withHyphenation({}));
    expect(longestHyphenRun(found), found.filter((line) => line.endsWith('-')).join(' | ')).toBeLessThanOrEqual(2);
    // Still hyphenated: the limit spaces the hyphens out, it does not turn hyphenation off.
    expect(longestHyphenRun(found)).toBe(2);
    const one = await lines('rows-1', withHyphenation({ maxConsecutive: 1 }));
    expect(longestHyphenRun(one)).toBe(1);
  });
});

describe('the hyphenation theme settings', () => {
  it('are validated and placed like the other theme settings', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-hyphen-theme-'));
    try {
      mkdirSync(path.join(dir, 'pdf'));
      const file = path.join(dir, 'pdf', 'theme.json');
      writeFileSync(file, '{ "hyphenation": { "single": true, "minWordLength": 9 } }');
      expect(loadPdfTheme(dir).hyphenation).toEqual({ bilingual: true, single: true, minWordLength: 9, maxConsecutive: 2 });
      const bad: [string, string, RegExp][] = [
        ['{ "hyphenation": { "bilingual": "yes" } }', 'hyphenation.bilingual', /must be true or false/],
        ['{ "hyphenation": { "minWordLength": 3 } }', 'hyphenation.minWordLength', /whole number from 5 to 30/],
        ['{ "hyphenation": { "minWordLength": 7.5 } }', 'hyphenation.minWordLength', /whole number from 5 to 30/],
        ['{ "hyphenation": { "maxConsecutive": 0 } }', 'hyphenation.maxConsecutive', /whole number from 1 to 10/],
        ['{ "hyphenation": { "english": true } }', 'hyphenation.english', /not a known field/],
        ['{ "hyphenation": true }', 'hyphenation', /must be an object/],
      ];
      for (const [json, field, message] of bad) {
        writeFileSync(file, json);
        let error: unknown;
        try {
          loadPdfTheme(dir);
        } catch (e) {
          error = e;
        }
        expect(error, json).toBeInstanceOf(PdfThemeError);
        expect((error as PdfThemeError).field, json).toBe(field);
        expect((error as Error).message, json).toMatch(message);
        expect((error as Error).message, json).toContain(`${file}:1:`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('which words are hyphenated', () => {
  // A stand-in for the patterns: a soft hyphen after the second letter of every word offered.
  const mark = (word: string): string => `${word.slice(0, 2)}\u00ad${word.slice(2)}`;
  const style = { bold: false, italic: false, code: false, strike: false };
  const plain = (value: string): Run => ({ text: value, style, link: null });
  const offered = (runs: Run[]): string[] =>
    hyphenateRuns(runs, mark, 7)
      .flatMap((run) => run.text.split(/\s+/))
      .filter((word) => word.includes('\u00ad'))
      .map((word) => word.replace('\u00ad', ''));

  it('offers only long common words of prose, never the last one of the paragraph', () => {
    const runs = [
      plain('Les administrations et Constantinopolitanus, ONU, régionalisation2026, https://exemple.gouv.fr/rapportannuel, '),
      plain('presse@administration.fr le 1er décembre 2026 avec les collectivités '),
      { text: 'configuration', style: { ...style, code: true }, link: null },
      { text: 'rapportannuel', style, link: 'https://exemple.gouv.fr/' },
      plain(' et courte territoriales'),
    ];
    expect(offered(runs)).toEqual(['administrations', 'collectivités']);
    expect(hyphenateRuns(runs, undefined, 7)).toBe(runs);
  });
});
