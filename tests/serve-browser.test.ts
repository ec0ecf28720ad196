/**
 * Live preview in a real browser (Debian's headless Chromium via playwright-core, installed by
 * .ci/run): open a preview from `briefing serve`, change a string in locales/en/…json and see it
 * appear without reloading by hand; break the JSON and see the overlay with the file and line
 * over the last good page; fix it and see the page again. Screenshots go to tests/artifacts/.
 *
 * Without Chromium the suite is skipped outside CI (with the reason printed) and fails in CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { BriefingServer } from '../src/serve/server.js';
import { artifactPath } from './helpers.js';
import { serveProject, SLUG } from './serve-helpers.js';
import { CHROMIUM, CHROMIUM_ARGS, HAVE_CHROMIUM, requireChromium, SKIP_BROWSER } from './chromium.js';

const TITLE = 'Microsoft and OpenAI Renegotiate Their Strategic Partnership';
/** Generous: the service reloads within ~100 ms here; a loaded CI machine may be slower. */
const WAIT = { timeout: 10_000 };

requireChromium('serve-browser');

describe.skipIf(SKIP_BROWSER)('live preview in headless Chromium', () => {
  let browser: Browser | undefined;
  let server: BriefingServer;
  let page: Page;
  let enFile: string;
  let original: string;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} not found: CI must install it (apt-get install -y chromium, see .ci/run)`);
    const served = await serveProject();
    server = served.server;
    enFile = path.join(served.root, 'locales', 'en', `${SLUG}.json`);
    original = readFileSync(enFile, 'utf8');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    // A CSP violation (the reload script or its stream blocked) shows up as a console error.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens the index and follows the link to the live English preview', async () => {
    await page.goto(server.url);
    await page.screenshot({ path: artifactPath('serve-index.png'), fullPage: true });
    await page
      .getByRole('link', { name: /HTML \(live\)/ })
      .nth(1)
      .click();
    await page.waitForURL(`**/briefings/${SLUG}/${SLUG}.en.html`);
    await expect.poll(() => page.locator('h1').textContent(), WAIT).toBe(TITLE);
    // The stream is open before anything is saved.
    await expect.poll(() => server.live.size, WAIT).toBe(1);
    await page.screenshot({ path: artifactPath('serve-preview.png') });
  });

  it('shows a saved translation without a manual reload', async () => {
    writeFileSync(enFile, original.replace(TITLE, 'Saved from the editor'));
    await page.locator('h1', { hasText: 'Saved from the editor' }).waitFor(WAIT);
  });

  it('lays the error over the last good page when the JSON breaks, with file:line:column', async () => {
    writeFileSync(enFile, original.replace(`"${TITLE}",`, '"Broken title"'));
    const overlay = page.locator('#briefing-live-overlay');
    await overlay.waitFor(WAIT);
    await expect.poll(() => overlay.textContent(), WAIT).toContain(`locales/en/${SLUG}.json:2:26`);
    expect(await overlay.textContent()).toContain('briefing:invalid-json');
    expect(await page.getByRole('alert').count()).toBe(1);
    // The last good render is still the page underneath.
    expect(await page.locator('h1').first().textContent()).toBe('Saved from the editor');
    await page.screenshot({ path: artifactPath('serve-overlay.png') });
  });

  it('clears the overlay and shows the page again once the file is fixed', async () => {
    writeFileSync(enFile, original.replace(TITLE, 'Fixed and saved'));
    await page.locator('h1', { hasText: 'Fixed and saved' }).waitFor(WAIT);
    expect(await page.locator('#briefing-live-overlay').count()).toBe(0);
    await page.screenshot({ path: artifactPath('serve-fixed.png') });
    expect(problems).toEqual([]);
  });
});
