/**
 * The PDF renderer shapes each word once per process (src/render/pdf/shaping-cache.ts): a second
 * document reuses the glyph runs of the first (no word shaped again by fontkit) and its bytes are
 * those of a document shaped from scratch.
 */
import type { Root } from 'mdast';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BUILTIN_TEMPLATES } from '../src/core/paths.js';
import type { BriefingDocument, Lang } from '../src/core/types.js';
import { themeFont } from '../src/render/pdf/fonts.js';
import { loadPdfTheme, renderPdf } from '../src/render/pdf/index.js';
import { rememberRun, shapedWordCount } from '../src/render/pdf/shaping-cache.js';
import { commonT } from './helpers.js';

const CREATED = new Date('2025-03-05T09:30:00Z');
const body = themeFont(loadPdfTheme(BUILTIN_TEMPLATES), 'body');

function documentOf(lang: Lang, paragraph: string): BriefingDocument {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Mesures' }] },
      { type: 'paragraph', children: [{ type: 'text', value: paragraph }] },
    ],
  };
  return { slug: 'mesures', lang, title: 'Mesures', tree, t: commonT(lang), toc: [], date: '2025-03-05' };
}

/** Renders `doc` and returns its bytes with the words fontkit shaped in the body font meanwhile. */
async function renderCounting(doc: BriefingDocument): Promise<{ pdf: Buffer; shaped: string[] }> {
  const shaped: string[] = [];
  const layout = body.layout.bind(body);
  const spy = vi.spyOn(body, 'layout').mockImplementation((text: string, features?: unknown) => {
    shaped.push(text);
    return layout(text, features);
  });
  try {
    return { pdf: await renderPdf(doc, { creationDate: CREATED }), shaped };
  } finally {
    spy.mockRestore();
  }
}

describe('shaped words are shared between documents', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shapes a word once per process and renders the same bytes from the shared runs', async () => {
    const paragraph = 'Le quotient zéphyrin mesure vingt-trois kilomètres ; le quotient vaut 42. '.repeat(20);
    const first = await renderCounting(documentOf('fr', paragraph));
    expect(first.shaped).toContain('zéphyrin ');
    // Within one document, pdfkit already shaped each distinct word once.
    expect(new Set(first.shaped).size).toBe(first.shaped.length);
    expect(shapedWordCount(body)).toBeGreaterThanOrEqual(first.shaped.length);

    const second = await renderCounting(documentOf('fr', paragraph));
    expect(second.shaped).toEqual([]);
    expect(second.pdf.equals(first.pdf)).toBe(true);
  });

  it('shapes only the words another edition has not shaped yet', async () => {
    const known = await renderCounting(documentOf('fr', 'Un rapport annuel détaillé sur la géothermie. '.repeat(10)));
    const other = await renderCounting(documentOf('en', 'Un rapport annuel xylophonique détaillé. '.repeat(10)));
    expect(other.shaped).toContain('xylophonique ');
    for (const word of other.shaped) expect(known.shaped).not.toContain(word);
  });
});

describe('rememberRun', () => {
  it('keeps at most `capacity` words, dropping the oldest first', () => {
    const runs = new Map<string, unknown>();
    for (const word of ['a ', 'b ', 'c ', 'd ', 'e ']) rememberRun(runs, word, { word }, 3);
    expect([...runs.keys()]).toEqual(['c ', 'd ', 'e ']);
    expect(runs.get('e ')).toEqual({ word: 'e ' });
  });
});
