/**
 * Issue 18: the phrases of typography/no-break.ts stay on one line in the HTML too. A browser may
 * break after the "/" of `Mbit/s` (UAX #14) and, in English, at the ordinary space of `8 Mbit/s`;
 * the renderer wraps them in `span.nowrap` (src/render/html/no-break.ts). Checked in Chromium at
 * a phone's width, each phrase tried at many positions so that some meet the line end.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BlockContent, Root } from 'mdast';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../src/core/types.js';
import { renderHtml } from '../src/render/html/index.js';
import { applyTypography } from '../src/typography/index.js';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, SKIP_BROWSER } from './chromium.js';
import { commonT } from './helpers.js';

const PHRASES = ['8 Mbit/s', '130 km/h', 'M. Dupont', '6 semaines'];
const POSITIONS = 30;

declare const document: any;

function html(lang: Lang): string {
  const children: BlockContent[] = [];
  PHRASES.forEach((phrase, k) => {
    for (let n = 0; n < POSITIONS; n++) {
      const value = `Ligne ${k}-${n} : le réseau atteint ${'ab '.repeat(Math.floor(n / 3))}${'x'.repeat(n % 3)} ${phrase}, contre 2 en 2019.`;
      children.push({ type: 'paragraph', children: [{ type: 'text', value }] });
    }
  });
  const tree: Root = { type: 'root', children: [{ type: 'heading', depth: 1, children: [{ type: 'text', value: 'Unités' }] }, ...children] };
  return renderHtml({ slug: 'unites', lang, title: 'Unités', tree: applyTypography(tree, lang), t: commonT(lang), toc: [], date: '2025-03-05' });
}

describe('HTML phrases kept on one line', () => {
  it('copies each phrase as written', () => {
    const out = html('en');
    expect(out).toContain('<span class="nowrap">8 Mbit/s</span>');
    expect(out).not.toMatch(/[\u2060\u00ad]/);
  });

  describe.skipIf(SKIP_BROWSER)('in Chromium', () => {
    requireChromium('html no-break');
    let dir = '';
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-nowrap-'));
    });
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    for (const lang of ['fr', 'en'] as const) {
      it(`never breaks a line inside a phrase at a narrow width (${lang})`, async () => {
        const file = path.join(dir, `unites.${lang}.html`);
        writeFileSync(file, html(lang));
        const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
        try {
          const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
          await page.goto(pathToFileURL(file).href);
          const result: { split: string[]; atEnd: number } = await page.evaluate((phrases: string[]) => {
            const split: string[] = [];
            let atEnd = 0;
            for (const p of document.querySelectorAll('p')) {
              const text: string = p.textContent.replace(/[\u00a0\u202f]/g, ' ');
              const phrase = phrases.find((candidate) => text.includes(`${candidate},`));
              if (!phrase) continue;
              // A range over the phrase, through the text nodes it spans.
              const start = text.indexOf(phrase);
              const walker = document.createTreeWalker(p, 4);
              const range = document.createRange();
              let offset = 0;
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const length = node.textContent.length;
                if (start >= offset && start < offset + length) range.setStart(node, start - offset);
                const end = start + phrase.length;
                if (end > offset && end <= offset + length) range.setEnd(node, end - offset);
                offset += length;
              }
              const tops = new Set([...range.getClientRects()].map((r: any) => Math.round(r.top)));
              if (tops.size > 1) split.push(text);
              // The phrase ends its line: the comma after it is the line's last character.
              const after = document.createRange();
              after.setStart(range.endContainer, range.endOffset);
              after.setEndAfter(p.lastChild);
              const rest = [...after.getClientRects()].map((r: any) => Math.round(r.top));
              if (rest.length > 0 && Math.max(...rest) > Math.max(...tops)) atEnd++;
            }
            return { split, atEnd };
          }, PHRASES);
          expect(result.split).toEqual([]);
          expect(result.atEnd, 'some phrases meet the line end').toBeGreaterThan(PHRASES.length);
        } finally {
          await browser.close();
        }
      });
    }
  });
});
