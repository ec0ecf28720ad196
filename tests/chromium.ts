/**
 * Where the browser tests find Debian's Chromium (installed by .ci/run) and how they launch it.
 * Without it a browser suite is skipped outside CI, saying why, and fails in CI.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import { chromium, type Page } from 'playwright-core';
import { expect, it } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const IN_CI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Whether a browser suite must be skipped: no Chromium, outside CI. */
export const SKIP_BROWSER = !HAVE_CHROMIUM && !IN_CI;

/** Warns when skipping, and in CI adds a test that fails when Chromium is missing. */
export function requireChromium(suite: string): void {
  if (SKIP_BROWSER) console.warn(`${suite}: skipped, ${CHROMIUM} not found (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  it.skipIf(SKIP_BROWSER)(`finds Chromium at ${CHROMIUM}`, () => {
    expect(HAVE_CHROMIUM, `${CHROMIUM} not found: install it (apt-get install -y chromium, see .ci/run)`).toBe(true);
  });
}

// The functions given to page.evaluate run in the browser (the project compiles without the DOM
// library): the globals they use are declared here, loosely, for this file only.
declare const document: any;
declare const window: any;

/** The WCAG 2.1 A/AA and best-practice rules every page is held to. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * axe's violations on each page (`file: rule-id [targets]`), in headless Chromium; `inspect` may
 * look at each page too before it closes. An empty list is a clean run.
 */
export async function axeViolations(files: readonly string[], inspect?: (page: Page, file: string) => Promise<void>): Promise<string[]> {
  if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} not found: CI must install it (apt-get install -y chromium, see .ci/run)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const found: string[] = [];
  try {
    for (const file of files) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href);
      await page.evaluate(axe.source);
      const result = (await page.evaluate(
        (tags: string[]) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
        AXE_TAGS,
      )) as { violations: { id: string; nodes: { target: unknown[] }[] }[] };
      const name = file.split('/').at(-1);
      found.push(...result.violations.map((v) => `${name}: ${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`));
      await inspect?.(page, file);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return found;
}
