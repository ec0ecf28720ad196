/**
 * Characters DejaVu lacks (emoji, symbols): drawn from the fallback fonts, kept in the PDF's text
 * layer, the fallback font embedded only when used, and a placed warning for what no font has.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PhrasingContent, RootContent } from 'mdast';
import { afterAll, describe, expect, it } from 'vitest';
import type { BriefingDocument } from '../src/core/types.js';
import { codePointLabel, missingGlyphs, splitByFont } from '../src/render/pdf/glyph-coverage.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { commonT, hasTool, pdfText, replaceInFile, runCli, tempProject } from './helpers.js';

const TOOLS = hasTool('pdftotext') && hasTool('pdffonts');
if (!TOOLS && process.env.CI) throw new Error('poppler-utils is required to test the PDF fonts');

/** A font that has exactly the characters of `chars`. */
const fontOf = (chars: string) => ({ hasGlyphForCodePoint: (cp: number) => [...chars].some((c) => c.codePointAt(0) === cp) });

describe('glyph coverage', () => {
  const latin = fontOf('abc ');
  const emoji = fontOf('🚀👍\u{1F3FD}\uFE0F');

  it('splits text by the first font of the chain that has each character', () => {
    expect(splitByFont('a🚀b', [latin, emoji])).toEqual([
      { text: 'a', font: 0 },
      { text: '🚀', font: 1 },
      { text: 'b', font: 0 },
    ]);
  });

  it('keeps modifiers, variation selectors and joiners with the character before them', () => {
    // U+1F3FD (skin tone) and U+FE0F stay with the emoji even though the first font is asked first.
    expect(splitByFont('a👍\u{1F3FD}\uFE0F\u200D🚀 c', [fontOf('abc \uFE0F\u200D'), emoji])).toEqual([
      { text: 'a', font: 0 },
      { text: '👍\u{1F3FD}\uFE0F\u200D🚀', font: 1 },
      { text: ' c', font: 0 },
    ]);
  });

  it('lists what no font has, with its offset, and never layout characters', () => {
    expect(missingGlyphs('a\n🚀\uE000b𓀀', [latin, emoji])).toEqual([
      { char: '\uE000', codePoint: 0xe000, offset: 4 },
      { char: '𓀀', codePoint: 0x13000, offset: 6 },
    ]);
    expect(codePointLabel(0xe000)).toBe('U+E000');
    expect(codePointLabel(0x1f680)).toBe('U+1F680');
  });
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-glyphs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (value: string): PhrasingContent => ({ type: 'text', value });
function documentWith(heading: string, body: string, strong: string): BriefingDocument {
  const children: RootContent[] = [
    { type: 'heading', depth: 2, children: [text(heading)], data: { id: 'suite', hProperties: { id: 'suite' } } as never },
    { type: 'paragraph', children: [text(body), { type: 'strong', children: [text(strong)] }] },
  ];
  return { slug: 'g', lang: 'fr', title: 'Glyphes', tree: { type: 'root', children }, t: commonT('fr'), toc: [], date: '2025-03-05' };
}
const fontsOf = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });

describe.skipIf(!TOOLS)('PDF fallback font', () => {
  it('draws emoji and symbols DejaVu lacks and gives them back as text', async () => {
    const file = path.join(dir, 'emoji.pdf');
    const body = 'Lancement 🚀 réussi, la courbe monte 📈, étoile ★ et coche ✓.';
    writeFileSync(file, await renderPdf(documentWith('Suite 🎯', body, ' fort ✅'), { creationDate: new Date(0) }));
    const extracted = pdfText(file);
    for (const char of ['🚀', '📈', '★', '✓', '✅', '🎯']) expect(extracted).toContain(char);
    expect(extracted).toContain('Lancement 🚀 réussi');
    expect(fontsOf(file)).toContain('NotoEmoji-Regular');
  });

  it('does not embed the fallback font when no character needs it', async () => {
    const file = path.join(dir, 'plain.pdf');
    writeFileSync(file, await renderPdf(documentWith('Suite', 'Un texte sans symbole.', ' fort'), { creationDate: new Date(0) }));
    const fonts = fontsOf(file);
    expect(fonts).toContain('DejaVuSerif');
    expect(fonts).not.toContain('NotoEmoji');
  });
});

describe('missing-glyph warning', () => {
  it('names the character, its code point and its line in the article; the rest builds', async () => {
    const root = tempProject();
    try {
      const article = '---\ntitle: Glyphes 🚀\ndate: 2025-03-05\n---\n\nUn paragraphe ✅.\n\n## Suite\n\nUn caractère privé \uE000 ici.\n';
      writeFileSync(path.join(root, 'content', 'glyphes.md'), article);
      const result = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'pdf']);
      expect(result.code).toBe(0);
      const warnings = result.stderr.split('\n').filter((line) => line.includes('briefing:missing-glyph'));
      expect(warnings).toEqual([expect.stringContaining('content/glyphes.md:10:20  warning  No font of the PDF has "\uE000" (U+E000) in "sections.suite.1"')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('places a character of a translation at its line in the locale file', async () => {
    const root = tempProject();
    try {
      replaceInFile(root, 'locales/en/microsoft-openai.json', '"title": "Microsoft ', '"title": "Microsoft \uE000');
      const result = await runCli(['build', '--root', root, '--lang', 'en', '--format', 'pdf']);
      expect(result.code).toBe(0);
      const warnings = result.stderr.split('\n').filter((line) => line.includes('briefing:missing-glyph'));
      expect(warnings).toEqual([
        expect.stringContaining('locales/en/microsoft-openai.json:2:23  warning  No font of the PDF has "\uE000" (U+E000) in "title"'),
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
