/**
 * Issue 18: one note per French fallback in HTML, headings and paragraphs alike. An untranslated
 * heading used to get its note after it, as a box of its own; followed by an untranslated
 * paragraph, two identical notes stacked. Now every note sits right before its block, in the
 * block's box — in the English edition and in the English column of the bilingual edition.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, editJson, runCli, tempProject } from './helpers.js';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, SKIP_BROWSER } from './chromium.js';

const EN = 'locales/en/microsoft-openai.json';
const SECTION = 'gpt-5-et-copilot-des-synergies-renforcees';
const NOTE = 'Translation missing: original French text shown.';

// The page's functions run in the browser; the project compiles without the DOM library.
declare const document: any;
declare const window: any;

/** The top-level elements of `html`'s body parts, in order, as `tag.class` (a rough but sufficient reading for generated HTML). */
function elements(html: string): string[] {
  return [...html.matchAll(/<(h[1-6]|p|ul|ol|blockquote|pre|table|div)\b([^>]*)>/g)].map((m) => {
    const cls = /\bclass="([^"]*)"/.exec(m[2]!)?.[1];
    return cls ? `${m[1]}.${cls}` : m[1]!;
  });
}

describe('fallback notes in HTML', () => {
  let root: string;
  const file = (name: string) => path.join(root, 'output', 'microsoft-openai', name);

  beforeAll(async () => {
    root = tempProject();
    // The section's heading and its first paragraph untranslated: the case where notes stacked.
    editJson(root, EN, (en) => {
      delete en.sections[SECTION].heading;
      delete en.sections[SECTION]['1'];
    });
    const build = await runCli(['build', '--root', root, '--format', 'html']);
    expect(build.code, build.stderr).toBe(0);
  }, 120_000);

  for (const name of ['microsoft-openai.en.html', 'microsoft-openai.fr-en.html']) {
    it(`${name}: exactly one note per fallback, right before it, never two in a row`, () => {
      const html = readFileSync(file(name), 'utf8');
      const body = html.slice(html.indexOf('<body'));
      expect(body.split(`<p class="fallback-note">${NOTE}</p>`).length - 1).toBe(2);
      const order = elements(body);
      const fallbacks = order.flatMap((el, i) => (/\.(.* )?fallback( |$)/.test(el) ? [i] : []));
      const notes = order.flatMap((el, i) => (el === 'p.fallback-note' ? [i] : []));
      expect(fallbacks.map((i) => order[i]!.split('.')[0])).toEqual(['h2', 'p']);
      // Each fallback's element just before it is its note, and each note is followed by its fallback.
      expect(fallbacks.map((i) => i - 1)).toEqual(notes);
    });
  }

  describe.skipIf(SKIP_BROWSER)('in Chromium', () => {
    requireChromium('fallback notes');

    it('draws each note in its block’s box: no box of its own, none empty', async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      try {
        for (const [name, width] of [
          ['microsoft-openai.en.html', 1000],
          ['microsoft-openai.fr-en.html', 1300],
        ] as const) {
          const page = await browser.newPage({ viewport: { width, height: 900 } });
          await page.goto(pathToFileURL(file(name)).href);
          const boxes: { text: string; next: string; gap: number; sameBackground: boolean; sameLeft: boolean; nextHeight: number }[] = await page.evaluate(() =>
            [...document.querySelectorAll('.fallback-note')].map((note: any) => {
              const next = note.nextElementSibling;
              const a = note.getBoundingClientRect();
              const b = next.getBoundingClientRect();
              const style = (el: any) => window.getComputedStyle(el);
              return {
                text: note.textContent,
                next: `${next.tagName.toLowerCase()}.${next.className}`,
                gap: b.top - a.bottom,
                sameBackground: style(note).backgroundColor === style(next).backgroundColor,
                sameLeft: a.left === b.left && style(note).borderLeftColor === style(next).borderLeftColor,
                nextHeight: b.height,
              };
            }),
          );
          expect(boxes.map((b) => b.next)).toEqual(['h2.fallback', 'p.fallback']);
          for (const box of boxes) {
            expect(box.text).toBe(NOTE);
            expect(Math.abs(box.gap), `${name}: note and ${box.next} touch`).toBeLessThan(0.5);
            expect(box.sameBackground && box.sameLeft, `${name}: note and ${box.next} share one box`).toBe(true);
            expect(box.nextHeight).toBeGreaterThan(10);
          }
          await page.locator('.fallback-note').first().scrollIntoViewIfNeeded();
          await page.screenshot({ path: artifactPath(`fallback-notes-${name.replace(/\.html$/, '')}.png`) });
          await page.close();
        }
      } finally {
        await browser.close();
      }
    }, 60_000);
  });
});
