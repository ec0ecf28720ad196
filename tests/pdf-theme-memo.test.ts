/**
 * The PDF theme is read at every render and parsed again only when its text (or the limits it is
 * checked against) changed (src/render/pdf/theme.ts): an edit shows at once, a bad edit is still
 * reported, and what one caller does to its theme never reaches the next.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPdfTheme, PdfThemeError } from '../src/render/pdf/index.js';

describe('the PDF theme, parsed once per text', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('follows every edit of theme.json and hands out copies', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-theme-memo-'));
    mkdirSync(path.join(dir, 'pdf'));
    const file = path.join(dir, 'pdf', 'theme.json');
    writeFileSync(file, JSON.stringify({ sizes: { body: 11 } }));
    const first = loadPdfTheme(dir);
    expect(first.sizes.body).toBe(11);
    first.sizes.body = 99;
    const again = loadPdfTheme(dir);
    expect(again.sizes.body).toBe(11);
    expect(again).not.toBe(first);

    writeFileSync(file, JSON.stringify({ sizes: { body: 12 } }));
    expect(loadPdfTheme(dir).sizes.body).toBe(12);
    writeFileSync(file, JSON.stringify({ sizes: { body: 'big' } }));
    expect(() => loadPdfTheme(dir)).toThrow(PdfThemeError);
    writeFileSync(file, JSON.stringify({ sizes: { body: 12 } }));
    expect(loadPdfTheme(dir).sizes.body).toBe(12);
  });
});
