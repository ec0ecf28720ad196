/**
 * The translator's workbench in headless Chromium (playwright-core with Debian's chromium, as
 * tests/chromium.ts does). The page and its script are the real ones; the API comes from
 * tests/workbench-fake-api.ts (THE CONTRACT of issue 16) until the real one is merged, and the
 * last suite runs against the real `briefing serve` once it answers /api/translate/….
 * Screenshots go to tests/artifacts/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKBENCH_CSP } from '../src/serve/workbench-page.js';
import type { BriefingServer } from '../src/serve/server.js';
import { artifactPath, editJson } from './helpers.js';
import { CHROMIUM, CHROMIUM_ARGS, HAVE_CHROMIUM, requireChromium, SKIP_BROWSER } from './chromium.js';
import { raw, serveProject, SLUG } from './serve-helpers.js';
import { FAKE_SLUG, startFakeApi, type FakeApi } from './workbench-fake-api.js';

const WAIT = { timeout: 10_000 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/** Whether `briefing serve` has the workbench API (issue 16, built beside this page). */

declare const document: any;
declare const window: any;
declare const getComputedStyle: any;

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const result = (await page.evaluate(
    (tags: string[]) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  )) as { violations: { id: string; nodes: { target: unknown[] }[] }[] };
  return result.violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

const unit = (page: Page, key: string) => page.locator('.wb-unit', { has: page.locator('code', { hasText: key }) });

requireChromium('workbench-page');

describe.skipIf(SKIP_BROWSER)('the workbench against THE CONTRACT (fake API)', () => {
  let browser: Browser | undefined;
  let api: FakeApi;
  let page: Page;
  const problems: string[] = [];
  const open = async () => {
    await page.goto(`${api.url}/translate/${FAKE_SLUG}?lang=en`);
    await page.locator('#units[data-ready="true"]').waitFor(WAIT);
  };

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} not found`);
    api = await startFakeApi({ title: 'The title', 'sections.s1.p2': '- one\n- two' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // The refused save of the conflict test is logged by Chromium as a failed resource: expected.
      if (message.type() === 'error' && !message.text().includes('status of 409')) problems.push(`console: ${message.text()}`);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('shows every unit in order with its French, context, status and progress', async () => {
    await open();
    expect(await page.locator('.wb-unit code').allTextContents()).toEqual(['title', 'sections.s1.p1', 'sections.s1.p2', 'sections.s1.p3']);
    expect(await unit(page, 'sections.s1.p1').locator('.wb-badge').textContent()).toBe('missing');
    expect(await unit(page, 'sections.s1.p1').locator('.wb-french').textContent()).toBe('Bonjour {{name}}, voici le *texte*.');
    expect(await page.locator('#progress-text').textContent()).toBe('2 of 4 translated, 0 reviewed.');
    expect(await page.locator('#wb-preview').getAttribute('src')).toBe(`/briefings/${FAKE_SLUG}/${FAKE_SLUG}.en.html`);
    // Filter: missing only.
    await page.getByLabel('missing', { exact: true }).check();
    expect(await page.locator('.wb-unit:not([hidden]) code').allTextContents()).toEqual(['sections.s1.p1', 'sections.s1.p3']);
    await page.getByLabel('missing', { exact: true }).uncheck();
  });

  it('fills a missing unit: the broken placeholder is flagged as you type, the fix saves, the file changes by that value, the preview reloads', async () => {
    const before = readFileSync(api.file, 'utf8');
    const loads = api.previewLoads();
    await page.keyboard.press('Alt+N');
    const field = unit(page, 'sections.s1.p1').locator('textarea');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('English (sections.s1.p1)');
    await page.keyboard.type('Hello {{nme}}, here is the *text*.');
    const check = unit(page, 'sections.s1.p1').locator('.wb-problems');
    await expect.poll(() => check.textContent(), WAIT).toContain('briefing:placeholder-mismatch');
    expect(await check.textContent()).toContain('Placeholders differ from the French: missing {{name}}, unexpected {{nme}}.');
    await page.screenshot({ path: artifactPath('workbench-check.png') });
    await field.fill('Hello {{name}}, here is the *text*.');
    await unit(page, 'sections.s1.p1').locator('.wb-ok').waitFor(WAIT);
    await page.keyboard.press('Control+s');
    await expect.poll(() => unit(page, 'sections.s1.p1').locator('.wb-badge').textContent(), WAIT).toBe('translated');
    const after = readFileSync(api.file, 'utf8');
    expect(JSON.parse(after)).toEqual({ ...JSON.parse(before), 'sections.s1.p1': 'Hello {{name}}, here is the *text*.' });
    await expect.poll(api.previewLoads, WAIT).toBe(loads + 1);
    await expect.poll(() => page.frameLocator('#wb-preview').locator('main').textContent(), WAIT).toContain('Hello {{name}}');
    expect(await page.locator('#progress-text').textContent()).toBe('3 of 4 translated, 0 reviewed.');
    expect(await page.locator('#wb-status').textContent()).toBe('Saved sections.s1.p1.');
  });

  it('keeps an unsaved edit over a reload and offers it back', async () => {
    await unit(page, 'title').locator('textarea').fill('An unsaved title');
    await open();
    const restore = unit(page, 'title').locator('.wb-restore');
    await restore.waitFor(WAIT);
    expect(await restore.locator('pre').textContent()).toBe('An unsaved title');
    expect(await unit(page, 'title').locator('textarea').inputValue()).toBe('The title');
    await restore.getByRole('button', { name: 'Restore it' }).click();
    expect(await unit(page, 'title').locator('textarea').inputValue()).toBe('An unsaved title');
    // Marking reviewed saves it (Alt+R) and records the review.
    await page.keyboard.press('Alt+r');
    await expect.poll(() => unit(page, 'title').locator('.wb-badge').textContent(), WAIT).toBe('reviewed');
    expect(JSON.parse(readFileSync(api.file, 'utf8')).title).toBe('An unsaved title');
    await open();
    expect(await unit(page, 'title').locator('.wb-restore').isHidden()).toBe(true);
  });

  it('edits a list item by item, in the French marker style', async () => {
    const list = unit(page, 'sections.s1.p2');
    expect(await list.locator('textarea').evaluateAll((fields: any[]) => fields.map((f) => f.value))).toEqual(['one', 'two']);
    await list.getByRole('button', { name: 'Add item' }).click();
    await page.keyboard.type('three');
    await list.getByRole('button', { name: 'Remove item 1' }).click();
    await list.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => JSON.parse(readFileSync(api.file, 'utf8'))['sections.s1.p2'], WAIT).toBe('- two\n- three');
  });

  it('moves with Alt+↓ / Alt+↑, copies the French with Alt+C, and edits a quote as lines without "> "', async () => {
    await unit(page, 'sections.s1.p2').locator('textarea').first().focus();
    await page.keyboard.press('Alt+ArrowDown');
    const quote = unit(page, 'sections.s1.p3').locator('textarea');
    await expect.poll(() => quote.evaluate((f: any) => f === document.activeElement)).toBe(true);
    await page.keyboard.press('Alt+c');
    expect(await quote.inputValue()).toBe('Première ligne\nseconde ligne');
    await quote.fill('First line\nsecond line');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => JSON.parse(readFileSync(api.file, 'utf8'))['sections.s1.p3'], WAIT).toBe('> First line\n> second line');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('English, item 1 (sections.s1.p2)');
  });

  it('shows both versions on a conflict (keep mine / take theirs) and keeps mine', async () => {
    editJson(path.dirname(api.file), path.basename(api.file), (json: Record<string, string>) => {
      json.title = 'Changed in a text editor';
    });
    await unit(page, 'title').locator('textarea').fill('Mine');
    await unit(page, 'title').getByRole('button', { name: 'Save' }).click();
    const conflict = unit(page, 'title').locator('.wb-conflict');
    await conflict.waitFor(WAIT);
    expect(await conflict.locator('pre').allTextContents()).toEqual(['Mine', 'Changed in a text editor']);
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => JSON.parse(readFileSync(api.file, 'utf8')).title, WAIT).toBe('Mine');
    // The file is written before the page hears back: wait for the panel to go, do not race it.
    await conflict.waitFor({ ...WAIT, state: 'hidden' });
  });

  for (const width of [1280, 400]) {
    it(`is axe-clean at ${width} px (screenshot: workbench-${width}.png)`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await open();
      expect(await axeViolations(page)).toEqual([]);
      // Narrow: the preview comes below the units; wide: beside them.
      const units = await page.locator('#units').boundingBox();
      const preview = await page.locator('.wb-preview').boundingBox();
      if (width < 1100) expect(preview!.y).toBeGreaterThan(units!.y + units!.height - 1);
      else expect(preview!.x).toBeGreaterThan(units!.x + units!.width - 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: artifactPath(`workbench-${width}.png`), fullPage: width < 1100 });
    });
  }

  it('had no script error and no CSP violation', () => {
    expect(problems).toEqual([]);
  });
});

describe.skipIf(SKIP_BROWSER)('the workbench in briefing serve', () => {
  let browser: Browser | undefined;
  let server: BriefingServer;
  let root: string;

  beforeAll(async () => {
    ({ server, root } = await serveProject());
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is linked from the index and serves its shell, script and style under a strict CSP', async () => {
    const page = await browser!.newPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Translate in the browser' }).click();
    await page.waitForURL(`**/translate/${SLUG}?lang=en`);
    expect(await page.locator('h1').textContent()).toBe('Microsoft et OpenAI renégocient leur partenariat stratégique');
    const css = await page.evaluate(() => getComputedStyle(document.querySelector('.wb-head')).backgroundColor);
    expect(css).toBe('rgb(255, 255, 255)');
    await page.close();
    const shell = await raw(server, `/translate/${SLUG}?lang=en`);
    expect(shell.headers['content-security-policy']).toBe(WORKBENCH_CSP);
    expect(WORKBENCH_CSP).toContain("script-src 'self'");
    expect((await raw(server, '/__briefing/workbench.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await raw(server, '/__briefing/workbench.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw(server, '/translate/nope?lang=en')).status).toBe(404);
    expect((await raw(server, `/translate/${SLUG}?lang=fr`)).status).toBe(404);
    expect((await raw(server, `/translate/${SLUG}?lang=../x`)).status).toBe(400);
    // The preview may be framed by the workbench (same origin), nothing else.
    expect((await raw(server, `/briefings/${SLUG}/${SLUG}.en.html`)).headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('is linked from the review page as the service shows it, not from the review file as built', async () => {
    const page = await browser!.newPage();
    await page.goto(`${server.url}briefings/${SLUG}/${SLUG}.review.html`);
    await page.getByRole('link', { name: 'Translate in the browser' }).click();
    await page.waitForURL(`**/translate/${SLUG}?lang=en`);
    await page.close();
    const built = await raw(server, `/briefings/${SLUG}/${SLUG}.review.html?download`);
    expect(built.status).toBe(200);
    expect(built.text).not.toContain('href="/translate/');
  });

  it('fills a missing unit and saves it through the real API', async () => {
    editJson(root, `locales/en/${SLUG}.json`, (json: { lead: Record<string, string> }) => {
      delete json.lead['2'];
    });
    const page = await browser!.newPage();
    const token = (server as unknown as { token?: string }).token ?? '';
    await page.goto(`${server.url}translate/${SLUG}?lang=en&token=${encodeURIComponent(token)}`);
    await page.locator('#units[data-ready="true"]').waitFor(WAIT);
    await page.keyboard.press('Alt+N');
    await page.keyboard.type('A lead {{nme}}');
    await expect.poll(() => page.locator('.wb-problems').first().textContent(), WAIT).toContain('briefing:placeholder-mismatch');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('A lead written in the workbench.');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => (JSON.parse(readFileSync(path.join(root, 'locales', 'en', `${SLUG}.json`), 'utf8')) as { lead: Record<string, string> }).lead['2'], WAIT)
      .toBe('A lead written in the workbench.');
    await page.frameLocator('#wb-preview').locator('text=A lead written in the workbench.').waitFor(WAIT);
    await page.close();
  });
});
