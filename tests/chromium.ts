/**
 * Where the browser tests find Debian's Chromium (installed by .ci/run) and how they launch it.
 * Without it a browser suite is skipped outside CI, saying why, and fails in CI.
 */
import { existsSync } from 'node:fs';
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
