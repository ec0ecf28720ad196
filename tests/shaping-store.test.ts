/**
 * Shaped words kept on disk between processes (src/render/pdf/shaping-store.ts): a second process
 * (here: a fresh module graph, so fonts parsed again and empty in-memory caches) takes the words the
 * first one shaped from the store instead of fontkit, and writes the same bytes; a corrupt,
 * symlinked or foreign store is ignored; entries that could not come from fontkit are refused.
 */
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root } from 'mdast';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { BriefingDocument } from '../src/core/types.js';
import { REPO, commonT } from './helpers.js';

const CREATED = new Date('2025-03-05T09:30:00Z');
const cacheRoot = mkdtempSync(path.join(tmpdir(), 'briefing-shaping-'));
const saved = process.env.BRIEFING_CACHE_DIR;
afterAll(() => {
  if (saved === undefined) delete process.env.BRIEFING_CACHE_DIR;
  else process.env.BRIEFING_CACHE_DIR = saved;
  rmSync(cacheRoot, { recursive: true, force: true });
});

/** The seed's French text as one document: every word of a real article. */
function seedDocument(): BriefingDocument {
  const text = readFileSync(path.join(REPO, 'content', 'microsoft-openai.txt'), 'utf8');
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Microsoft et OpenAI' }] },
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Une « clause » AGI, 135 milliards' }] },
      ...paragraphs.map((p) => ({
        type: 'paragraph' as const,
        children: [
          { type: 'strong' as const, children: [{ type: 'text' as const, value: p.slice(0, 40) }] },
          { type: 'text' as const, value: p },
        ],
      })),
    ],
  };
  return { slug: 'seed', lang: 'fr', title: 'Microsoft et OpenAI', tree, t: commonT('fr'), toc: [], date: '2025-03-05' };
}

/**
 * Renders the seed document in a fresh module graph (a new process, as far as the caches are
 * concerned) with the store in `dir` ('' for none); returns the bytes and the words fontkit shaped
 * in the body font. `save` writes the store back afterwards, as a build does.
 */
async function renderFresh(dir: string, save = false): Promise<{ pdf: Buffer; shaped: string[] }> {
  process.env.BRIEFING_CACHE_DIR = dir;
  vi.resetModules();
  const { renderPdf, loadPdfTheme } = await import('../src/render/pdf/index.js');
  const { themeFont } = await import('../src/render/pdf/fonts.js');
  const { BUILTIN_TEMPLATES } = await import('../src/core/paths.js');
  const { saveShapedRuns } = await import('../src/render/pdf/shaping-store.js');
  const body = themeFont(loadPdfTheme(BUILTIN_TEMPLATES), 'body');
  const shaped: string[] = [];
  const layout = body.layout.bind(body);
  const spy = vi.spyOn(body, 'layout').mockImplementation((text: string, features?: unknown) => {
    shaped.push(text);
    return layout(text, features);
  });
  try {
    const pdf = await renderPdf(seedDocument(), { creationDate: CREATED });
    if (save) saveShapedRuns();
    return { pdf, shaped };
  } finally {
    spy.mockRestore();
  }
}

function storeFiles(dir: string): string[] {
  return readdirSync(path.join(dir, 'shaping')).map((name) => path.join(dir, 'shaping', name));
}

describe('the shaping store', () => {
  const dir = path.join(cacheRoot, 'cache');
  let reference: Buffer;

  it('gives a second process the first one’s words, with the same bytes as no store at all', async () => {
    const none = await renderFresh('');
    expect(none.shaped.length).toBeGreaterThan(100);
    reference = none.pdf;

    const first = await renderFresh(dir, true);
    expect(first.shaped.length).toBe(none.shaped.length);
    expect(first.pdf.equals(reference)).toBe(true);
    expect(storeFiles(dir).length).toBeGreaterThan(0);

    const second = await renderFresh(dir);
    expect(second.shaped).toEqual([]);
    expect(second.pdf.equals(reference)).toBe(true);
  }, 60_000);

  it('ignores a store whose body was changed, and shapes again', async () => {
    const copy = path.join(cacheRoot, 'corrupt');
    cpSync(dir, copy, { recursive: true });
    for (const file of storeFiles(copy)) {
      const text = readFileSync(file, 'utf8');
      // The last digit of the last advance changed: well-formed JSON, wrong content.
      const last = text.search(/\d\]\]$/);
      writeFileSync(file, `${text.slice(0, last)}${(Number(text[last]) + 1) % 10}${text.slice(last + 1)}`, { mode: 0o600 });
    }
    const run = await renderFresh(copy);
    expect(run.shaped.length).toBeGreaterThan(100);
    expect(run.pdf.equals(reference)).toBe(true);
  }, 60_000);

  it('never reads a store through a symbolic link, nor in a folder others may write', async () => {
    const linked = path.join(cacheRoot, 'linked');
    cpSync(dir, linked, { recursive: true });
    for (const file of storeFiles(linked)) {
      const target = `${file}.target`;
      cpSync(file, target);
      rmSync(file);
      symlinkSync(target, file);
    }
    expect((await renderFresh(linked)).shaped.length).toBeGreaterThan(100);

    const open = path.join(cacheRoot, 'open');
    cpSync(dir, open, { recursive: true });
    chmodSync(path.join(open, 'shaping'), 0o777);
    const run = await renderFresh(open);
    expect(run.shaped.length).toBeGreaterThan(100);
    expect(run.pdf.equals(reference)).toBe(true);
  }, 60_000);
});

describe('runFromEntry', () => {
  const font = { numGlyphs: 10, getGlyph: (id: number, codePoints: number[]) => ({ id, codePoints }) };
  const glyph = (id: number, codePoints: number[]) => ({ id, codePoints });
  const at = (xAdvance: number, advanceWidth = xAdvance, xOffset = 0, yOffset = 0) => ({ xAdvance, yAdvance: 0, xOffset, yOffset, advanceWidth });

  it('stores a run compactly and rebuilds it exactly', async () => {
    const { entryFromRun, runFromEntry } = await import('../src/render/pdf/shaping-store.js');
    const run = {
      // "é" as a base glyph and a mark with an offset, a kerned "b", a ligature "fi", a glyph with no text.
      glyphs: [glyph(1, [97]), glyph(2, [98]), glyph(3, [101]), glyph(4, [0x301]), glyph(5, [102, 105]), glyph(6, []), glyph(7, [32])],
      positions: [at(600), at(550.5, 560), at(500), at(0, 0, -250.25, 12), at(610), at(0), at(318)],
      get advanceWidth() {
        return this.positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
    const word = 'abe\u0301fi ';
    const entry = entryFromRun(word, run);
    expect(entry!.slice(0, 4)).toEqual([1, 600, -3, 1]); // "a" compact; "b" kerned: in full
    const back = runFromEntry(font, word, JSON.parse(JSON.stringify(entry)));
    expect(back!.glyphs).toEqual(run.glyphs);
    expect(back!.positions).toEqual(run.positions);
    expect(back!.advanceWidth).toBe(run.advanceWidth);
    expect(entryFromRun('a', { glyphs: [glyph(1, [97])], positions: [at(-0)], advanceWidth: 0 })).toBeNull();
  });

  it('lives in the project: node_modules/.cache/briefing, unless BRIEFING_CACHE_DIR says otherwise', async () => {
    const { openFontStore } = await import('../src/render/pdf/shaping-store.js');
    const store = openFontStore(new Uint8Array([1, 2, 3]), 'kern', {});
    expect(path.dirname(store!.file)).toBe(path.join(REPO, 'node_modules', '.cache', 'briefing', 'shaping'));
    expect(openFontStore(new Uint8Array([1, 2, 3]), 'kern', { BRIEFING_CACHE_DIR: '' })).toBeNull();
    const elsewhere = openFontStore(new Uint8Array([1, 2, 3]), 'kern', { BRIEFING_CACHE_DIR: cacheRoot });
    expect(path.dirname(elsewhere!.file)).toBe(path.join(cacheRoot, 'shaping'));
  });

  it('refuses entries fontkit could not have given for the word', async () => {
    const { runFromEntry } = await import('../src/render/pdf/shaping-store.js');
    expect(runFromEntry(font, 'a', [1, 600])).not.toBeNull();
    expect(runFromEntry(font, 'b', [-2, 1, 97, 600, 0, 0, 0, 600])).toBeNull(); // another letter
    expect(runFromEntry(font, 'ab', [1, 600])).toBeNull(); // a letter missing
    expect(runFromEntry(font, 'a', [1, 600, 2, 600])).toBeNull(); // a glyph too many
    expect(runFromEntry(font, 'a', [10, 600])).toBeNull(); // no such glyph
    expect(runFromEntry(font, 'a', [1.5, 600])).toBeNull();
    expect(runFromEntry(font, 'a', [1])).toBeNull(); // no advance
    expect(runFromEntry(font, 'a', [-2, 1, 97, 600, 0, 0, 0])).toBeNull(); // four numbers
    expect(runFromEntry(font, 'a', [-2, 5, 97, 600, 0, 0, 0, 600])).toBeNull(); // more code points than the word
    expect(runFromEntry(font, 'a', [1, null])).toBeNull();
    expect(runFromEntry(font, 'a', { 0: 1 })).toBeNull();
    // A soft hyphen is drawn as the space glyph with no advance, standing for the hyphen.
    expect(runFromEntry(font, 'a\u00ad', [1, 600, -4, 1, 32, 0, 0, 0, 0, 318])).not.toBeNull();
    expect(runFromEntry(font, 'ab', [1, 600, -4, 1, 32, 0, 0, 0, 0, 318])).toBeNull();
    // A ligature carries every letter it stands for.
    expect(runFromEntry(font, 'fi', [-5, 2, 102, 105, 600, 0, 0, 0, 600])).not.toBeNull();
  });
});
