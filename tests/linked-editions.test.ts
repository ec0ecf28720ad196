/**
 * Linked editions: every HTML briefing links to its published sibling editions, its downloads
 * and the index, relative by default and absolute with --base-url; `alternate`/`canonical` only
 * where they belong; no link to an English edition the build withheld; the PDF links back to its
 * page with a site address. Every href of every page built is followed to a file of output/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import { artifactPath, editJson, pdfObjectsText, pdfText, runCli, tempProject } from './helpers.js';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium, SKIP_BROWSER } from './chromium.js';

const SLUG = 'microsoft-openai';
const BASE = 'https://example.org/notes/';

/** Every HTML file under `dir`, relative paths. */
function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.html')).sort();
}

/** Every href (and `<link href>`) of an HTML page. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/ href="([^"]*)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));
}

/** The file of `out` that `href`, found in `page` (relative to out), leads to; undefined for links out of the site. */
function target(out: string, page: string, href: string, base?: string): string | undefined {
  const url = href.split('#')[0]!;
  if (url === '') return path.join(out, page);
  if (base !== undefined && url.startsWith(base)) return path.join(out, decodeURIComponent(url.slice(base.length)));
  if (/^[a-z]+:/i.test(url)) return undefined;
  return path.join(out, path.dirname(page), decodeURIComponent(url));
}

async function build(root: string, ...args: string[]): Promise<string> {
  const result = await runCli(['build', '--root', root, ...args]);
  expect(result.code, result.stderr).toBe(0);
  return path.join(root, 'output');
}

/** The links of the editions header of `html`. */
function navLinks(html: string): string[] {
  const nav = /<nav class="editions"[^>]*>([\s\S]*?)<\/nav>/.exec(html);
  return nav ? hrefs(nav[1]!) : [];
}

describe('linked editions, relative', () => {
  let out: string;
  beforeAll(async () => {
    out = await build(tempProject());
  });

  it('gives every HTML briefing a header that links to the other language, the downloads, the bilingual edition and the index', () => {
    const fr = readFileSync(path.join(out, SLUG, `${SLUG}.fr.html`), 'utf8');
    expect(navLinks(fr)).toEqual([`${SLUG}.en.html`, `${SLUG}.fr.pdf`, `${SLUG}.fr.md`, `${SLUG}.fr-en.html`, '../index.html']);
    expect(fr).toContain(`<a href="${SLUG}.en.html" hreflang="en" lang="en" type="text/html">English</a>`);
    const en = readFileSync(path.join(out, SLUG, `${SLUG}.en.html`), 'utf8');
    expect(navLinks(en)).toEqual([`${SLUG}.fr.html`, `${SLUG}.en.pdf`, `${SLUG}.en.md`, `${SLUG}.fr-en.html`, '../index.html']);
    expect(en).toContain('hreflang="fr" lang="fr" type="text/html">Français</a>');
    const both = readFileSync(path.join(out, SLUG, `${SLUG}.fr-en.html`), 'utf8');
    expect(navLinks(both)).toEqual([`${SLUG}.fr.html`, `${SLUG}.en.html`, `${SLUG}.fr-en.pdf`, '../index.html']);
  });

  it('declares the other language as alternate, and no canonical address without a site address', () => {
    const fr = readFileSync(path.join(out, SLUG, `${SLUG}.fr.html`), 'utf8');
    expect(fr).toContain(`<link rel="alternate" hreflang="en" href="${SLUG}.en.html">`);
    expect(fr).not.toContain('rel="canonical"');
  });

  it('links only to files that exist', () => {
    const broken = htmlFiles(out).flatMap((page) =>
      hrefs(readFileSync(path.join(out, page), 'utf8')).flatMap((href) => {
        const file = target(out, page, href);
        return file === undefined || existsSync(file) ? [] : [`${page} → ${href}`];
      }),
    );
    expect(htmlFiles(out).length).toBeGreaterThanOrEqual(4);
    expect(broken).toEqual([]);
  });
});

describe('linked editions with --base-url', () => {
  let out: string;
  beforeAll(async () => {
    out = await build(tempProject(), '--base-url', 'https://example.org/notes');
  });

  it('links absolutely, with a canonical address and absolute alternates', () => {
    const en = readFileSync(path.join(out, SLUG, `${SLUG}.en.html`), 'utf8');
    expect(en).toContain(`<link rel="canonical" href="${BASE}${SLUG}/${SLUG}.en.html">`);
    expect(en).toContain(`<link rel="alternate" hreflang="fr" href="${BASE}${SLUG}/${SLUG}.fr.html">`);
    expect(navLinks(en)).toContain(`${BASE}index.html`);
    expect(navLinks(en).every((href) => href.startsWith(BASE))).toBe(true);
  });

  it('links only to files that exist', () => {
    const ours = htmlFiles(out).flatMap((page) => navLinks(readFileSync(path.join(out, page), 'utf8')).map((href) => ({ page, href })));
    expect(ours.length).toBeGreaterThanOrEqual(14);
    const broken = ours.filter(({ page, href }) => {
      const file = target(out, page, href, BASE);
      return file === undefined || !existsSync(file);
    });
    expect(broken).toEqual([]);
  });

  it('links each PDF back to its HTML page', () => {
    expect(pdfText(path.join(out, SLUG, `${SLUG}.fr.pdf`), '-l', '1')).toContain(`${BASE}${SLUG}/${SLUG}.fr.html`);
    const raw = pdfObjectsText(path.join(out, SLUG, `${SLUG}.en.pdf`));
    expect(raw).toContain(`/URI (${BASE}${SLUG}/${SLUG}.en.html)`);
  });
});

describe('a translation under the threshold', () => {
  it('is linked from nowhere, and the French page comes back with the link once it is published', async () => {
    const root = tempProject();
    const saved = readFileSync(path.join(root, 'locales', 'en', `${SLUG}.json`), 'utf8');
    editJson(root, `locales/en/${SLUG}.json`, (tree) => {
      for (const key of Object.keys(tree)) delete tree[key];
    });
    const result = await runCli(['build', '--root', root]);
    const out = path.join(root, 'output');
    expect(existsSync(path.join(out, SLUG, `${SLUG}.en.html`))).toBe(false);
    expect(result.code).toBe(0); // the withheld edition awaits its translation: a state, not a failure
    const fr = readFileSync(path.join(out, SLUG, `${SLUG}.fr.html`), 'utf8');
    expect(navLinks(fr)).toEqual([`${SLUG}.fr.pdf`, `${SLUG}.fr.md`, '../index.html']);
    expect(fr).not.toContain('hreflang');
    // Translated again: the French page, whose own inputs did not change, is rebuilt with the link.
    editJson(root, `locales/en/${SLUG}.json`, (tree) => Object.assign(tree, JSON.parse(saved)));
    await build(root);
    expect(navLinks(readFileSync(path.join(out, SLUG, `${SLUG}.fr.html`), 'utf8'))).toContain(`${SLUG}.en.html`);
  });
});

describe('the header in a browser', () => {
  requireChromium('linked editions');
  let browser: Browser;
  let out: string;
  beforeAll(async () => {
    if (SKIP_BROWSER) return;
    out = await build(tempProject());
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => browser?.close());

  for (const width of [1280, 400]) {
    it.skipIf(SKIP_BROWSER)(`is visible, axe-clean and fits at ${width} px`, async () => {
      const problems: string[] = [];
      for (const name of [`${SLUG}.fr.html`, `${SLUG}.fr-en.html`]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(pathToFileURL(path.join(out, SLUG, name)).href);
        const links = page.locator('nav.editions a');
        expect(await links.count()).toBeGreaterThanOrEqual(4);
        for (const link of await links.all()) {
          const box = await link.boundingBox();
          if (!box || !(await link.isVisible()) || box.x < 0 || box.x + box.width > width) problems.push(`${name}: ${await link.textContent()} off screen`);
        }
        await page.evaluate(axe.source);
        const result = (await page.evaluate(() =>
          // @ts-expect-error axe is the page's global, injected above
          window.axe.run(document.querySelector('nav.editions'), { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] } }),
        )) as { violations: { id: string }[] };
        problems.push(...result.violations.map((v) => `${name}: ${v.id}`));
        await page.screenshot({ path: artifactPath(`linked-editions-${name}-${width}.png`) });
        await page.close();
      }
      expect(problems).toEqual([]);
    });
  }
});
