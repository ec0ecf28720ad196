/**
 * The HTML briefings and the translators' review page in a real browser: Debian's headless
 * Chromium (`/usr/bin/chromium`, installed by .ci/run) driven by playwright-core, audited with
 * axe-core (WCAG 2.1 A/AA and best practices) on screen, on a narrow screen and in print, plus
 * the structure a screen-reader or keyboard user relies on: landmarks, headings, skip link,
 * languages, and what print hides. Screenshots go to tests/artifacts/ (git-ignored) for a person
 * to look at.
 *
 * Without Chromium the suite is skipped outside CI (with the reason printed) and fails in CI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { artifactPath, editJson, REPO, replaceInFile, runCli, tempProject } from './helpers.js';
import { CHROMIUM, CHROMIUM_ARGS, HAVE_CHROMIUM, requireChromium, SKIP_BROWSER } from './chromium.js';

// Callbacks passed to page.evaluate run in the page; tsconfig has no DOM lib, so the few DOM
// globals they use are declared here, loosely, for this file only.
declare const document: any;
declare const window: any;

const SCREEN = { width: 1200, height: 900 };
const NARROW = { width: 420, height: 900 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SLUG = 'microsoft-openai';

const MISSING_KEY = 'sections.un-nouvel-equilibre-a-trouver.2';
const STALE_KEY = 'sections.une-alliance-historique-a-redefinir.1';

interface Target {
  name: string;
  kind: 'briefing' | 'review';
  lang: 'fr' | 'en';
  /** Number of French fallback blocks expected on a briefing page. */
  fallbacks: number;
  file: () => string;
}

let seedOut = '';
let fallbackRoot = '';
const seedFile = (name: string) => path.join(seedOut, SLUG, `${SLUG}.${name}.html`);
const fallbackFile = (name: string) => path.join(fallbackRoot, 'output', SLUG, `${SLUG}.${name}.html`);

const TARGETS: Target[] = [
  { name: 'seed-fr', kind: 'briefing', lang: 'fr', fallbacks: 0, file: () => seedFile('fr') },
  { name: 'seed-en', kind: 'briefing', lang: 'en', fallbacks: 0, file: () => seedFile('en') },
  { name: 'seed-review', kind: 'review', lang: 'en', fallbacks: 0, file: () => seedFile('review') },
  { name: 'fallback-en', kind: 'briefing', lang: 'en', fallbacks: 2, file: () => fallbackFile('en') },
  { name: 'fallback-review', kind: 'review', lang: 'en', fallbacks: 0, file: () => fallbackFile('review') },
];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** One line per violation and node: what a failing run prints. */
function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (node) => `  ${v.id} (${v.impact ?? 'n/a'}): ${JSON.stringify(node.target)} ${v.help}\n    ${(node.failureSummary ?? '').replace(/\n\s*/g, ' | ')}`,
      ),
    )
    .join('\n');
}

/** axe-core (already injected by `open`) over the whole page as it is now laid out. */
async function audit(page: Page): Promise<AxeViolation[]> {
  const result = await page.evaluate(
    (tags: string[]) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  return (result as { violations: AxeViolation[] }).violations;
}

requireChromium('html-accessibility');

describe.skipIf(SKIP_BROWSER)('HTML pages in headless Chromium, audited with axe-core', () => {
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} not found: CI must install it (apt-get install -y chromium, see .ci/run)`);

    seedOut = mkdtempSync(path.join(tmpdir(), 'briefing-a11y-'));
    const seed = await runCli(['build', '--root', REPO, '--out', seedOut, '--format', 'html']);
    expect(seed.stderr).toBe('');
    expect(seed.code).toBe(0);

    // One English string missing, one stale (the French changed under it): both shown in French.
    fallbackRoot = tempProject();
    replaceInFile(fallbackRoot, `content/${SLUG}.txt`, '1 milliard de dollars', '1,5 milliard d’euros');
    expect((await runCli(['extract', '--root', fallbackRoot])).code).toBe(0);
    editJson(fallbackRoot, `locales/en/${SLUG}.json`, (en) => {
      delete en.sections['un-nouvel-equilibre-a-trouver']['2'];
    });
    const build = await runCli(['build', '--root', fallbackRoot, '--format', 'html']);
    expect(build.code).toBe(0);
    expect(build.stderr).toContain(`(1 missing, 1 stale;`);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(target: Target): Promise<Page> {
    const page = await browser!.newPage({ viewport: SCREEN });
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.goto(pathToFileURL(target.file()).href);
    // Evaluated through the DevTools protocol, so the page's own CSP (no scripts) stays in force.
    await page.evaluate(axe.source);
    expect(errors).toEqual([]);
    return page;
  }

  /** axe and reflow on screen, narrow and in print, with a screenshot of each: the problems found. */
  async function auditModes(page: Page, name: string): Promise<string[]> {
    const problems: string[] = [];
    const modes = [
      ['screen', SCREEN, 'screen'],
      ['narrow', NARROW, 'screen'],
      ['print', SCREEN, 'print'],
    ] as const;
    try {
      for (const [mode, viewport, media] of modes) {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ media });
        const violations = await audit(page);
        if (violations.length > 0) problems.push(`${name}, ${mode} (${viewport.width}px):\n${describeViolations(violations)}`);
        // Reflow (WCAG 1.4.10): no sideways scrolling on a narrow screen.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${name}, ${mode} (${viewport.width}px): scrolls sideways by ${overflow}px`);
        await page.screenshot({ path: artifactPath(`a11y-${name}-${mode}.png`), fullPage: true });
      }
    } finally {
      await page.setViewportSize(SCREEN);
      await page.emulateMedia({ media: 'screen' });
    }
    return problems;
  }

  it('the index page (output/index.html) has no axe violations and does not scroll sideways, on screen and on a narrow screen', async () => {
    const page = await open({ name: 'index', kind: 'briefing', lang: 'en', fallbacks: 0, file: () => path.join(seedOut, 'index.html') });
    const problems: string[] = [];
    try {
      for (const [mode, viewport] of [
        ['screen', SCREEN],
        ['narrow', NARROW],
      ] as const) {
        await page.setViewportSize(viewport);
        const violations = await audit(page);
        if (violations.length > 0) problems.push(`index, ${mode}:\n${describeViolations(violations)}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`index, ${mode}: scrolls sideways by ${overflow}px`);
        await page.screenshot({ path: artifactPath(`a11y-index-${mode}.png`), fullPage: true });
      }
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('table').count()).toBe(2);
    } finally {
      await page.close();
    }
    expect(problems, `axe-core violations:\n${problems.join('\n')}`).toEqual([]);
  });

  // One page per file, opened once; each test leaves it laid out as it found it (1200px, screen
  // media), and the keyboard test, which moves the focus and the URL, comes last.
  describe.each(TARGETS)('$name', (target) => {
    let page: Page;
    beforeAll(async () => {
      page = await open(target);
    });
    afterAll(async () => {
      await page?.close();
    });

    it('has no axe violations (and no sideways scrolling) on screen (1200px), on a narrow screen (420px) and in print', async () => {
      expect(await auditModes(page, target.name), 'axe-core violations').toEqual([]);
    });

    it('has one banner, one main, one contentinfo, and labelled navigation', async () => {
      expect(await page.getByRole('banner').count()).toBe(1);
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('contentinfo').count()).toBe(1);
      // A briefing's header of links to its other editions (tests/linked-editions.test.ts), then its contents.
      const editions = page.locator('nav.editions');
      expect(await editions.count()).toBe(target.kind === 'briefing' ? 1 : 0);
      if (target.kind === 'briefing')
        expect(await editions.getAttribute('aria-label')).toMatch(target.lang === 'fr' ? /^Éditions de cette note$/ : /^Editions of this briefing$/);
      const navs = page.locator('nav:not(.editions)');
      expect(await navs.count()).toBe(target.kind === 'briefing' ? 1 : 0);
      for (const nav of await navs.all()) {
        expect(await nav.getAttribute('aria-label')).toMatch(target.lang === 'fr' ? /^Sommaire$/ : /^Contents$/);
      }
      // Nothing outside the landmarks but the skip link.
      const stray = await page.evaluate(() =>
        [...document.body.querySelectorAll('*')]
          .filter((el: any) => el.children.length === 0 && el.textContent.trim() !== '')
          .filter((el: any) => !el.closest('header, main, footer, nav, .skip-link'))
          .map((el: any) => el.outerHTML),
      );
      expect(stray).toEqual([]);
    });

    it('has one h1, then h2s, with no skipped heading level', async () => {
      const levels: number[] = await page.evaluate(() =>
        [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')].map((h: any) => Number(h.getAttribute('aria-level') ?? h.tagName.slice(1))),
      );
      expect(levels[0]).toBe(1);
      expect(levels.filter((level) => level === 1)).toHaveLength(1);
      if (target.kind === 'briefing') expect(levels.filter((level) => level === 2).length).toBeGreaterThanOrEqual(3);
      levels.forEach((level, i) => {
        if (i > 0) expect(level, `heading ${i} (h${level}) after h${levels[i - 1]}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
      });
      // Every section region is named by its heading.
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll('main section')]
          .filter((s: any) => !s.getAttribute('aria-label') && !document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent.trim())
          .map((s: any) => s.outerHTML.slice(0, 80)),
      );
      expect(unnamed).toEqual([]);
    });

    it('marks its language, and French text shown in another edition as French', async () => {
      expect(await page.getAttribute('html', 'lang')).toBe(target.lang);
      const langs: { lang: string; cls: string; text: string }[] = await page.evaluate(() =>
        [...document.body.querySelectorAll('[lang]')]
          // The link to another language's edition is in that language (its hreflang).
          .filter((el: any) => !(el.closest('nav.editions') && el.getAttribute('hreflang') === el.getAttribute('lang')))
          .map((el: any) => ({ lang: el.getAttribute('lang'), cls: el.className, text: el.textContent })),
      );
      expect(langs.every((el) => el.lang === 'fr')).toBe(true);
      if (target.kind === 'briefing') {
        const fallbacks = await page.evaluate(() =>
          [...document.querySelectorAll('.fallback')].map((el: any) => ({
            lang: el.getAttribute('lang'),
            note: el.previousElementSibling?.classList.contains('fallback-note') ? el.previousElementSibling.textContent : null,
            noteLang: el.previousElementSibling?.closest('[lang]')?.getAttribute('lang'),
          })),
        );
        expect(fallbacks).toHaveLength(target.fallbacks);
        expect(langs).toHaveLength(target.fallbacks);
        for (const block of fallbacks) {
          expect(block.lang).toBe('fr');
          // The note is in the edition's language.
          expect(block.note).toMatch(/^Translation (missing|out of date): original French text shown\.$/);
          expect(block.noteLang).toBe('en');
        }
      } else {
        // Every French source text and French diff is marked, the translations are not.
        const french = await page.evaluate(() => [...document.querySelectorAll('td.french .text')].map((el: any) => el.getAttribute('lang')));
        expect(french.length).toBeGreaterThan(20);
        expect(french.every((lang: string | null) => lang === 'fr')).toBe(true);
        expect(await page.locator('td.translation [lang]').count()).toBe(0);
        // The article's title is the French one: marked where the page shows it.
        expect(await page.evaluate(() => document.querySelector('h1').closest('[lang]').getAttribute('lang'))).toBe('fr');
        expect(await page.locator('footer [lang="fr"]').count()).toBe(1);
        if (target.name === 'fallback-review') {
          expect(await page.locator(`[id="${STALE_KEY}"] .diff[lang="fr"] del`).count()).toBeGreaterThan(0);
          expect(await page.locator(`[id="${MISSING_KEY}"] td.translation .empty`).count()).toBe(1);
        }
      }
    });

    it('in print, hides the navigation and the skip link and keeps the content', async () => {
      const skip = page.locator('a.skip-link');
      const navs = page.getByRole('navigation');
      expect(await skip.count()).toBe(target.kind === 'briefing' ? 1 : 0);
      // On screen both are there (the skip link above the top edge until focused)…
      for (const nav of await navs.all()) expect(await nav.isVisible()).toBe(true);
      if (target.kind === 'briefing') expect(await skip.isVisible()).toBe(true);
      try {
        await page.emulateMedia({ media: 'print' });
        // …in print neither is.
        expect(await skip.isVisible()).toBe(false);
        for (const nav of await navs.all()) expect(await nav.isVisible()).toBe(false);
        for (const landmark of ['h1', 'main', 'footer']) expect(await page.locator(landmark).isVisible()).toBe(true);
        const hidden = await page.evaluate(
          () => [...document.querySelectorAll('main h2, main p, main td')].filter((el: any) => el.offsetParent === null).length,
        );
        expect(hidden).toBe(0);
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    });

    it('lets a keyboard user reach the main content first', async () => {
      const skip = page.locator('a.skip-link');
      if (target.kind === 'briefing') {
        const hidden = await skip.boundingBox();
        expect(hidden && hidden.y + hidden.height <= 0, 'the skip link is off screen until focused').toBe(true);
      }
      await page.keyboard.press('Tab');
      if (target.kind === 'briefing') {
        // The first Tab shows the skip link, Enter moves focus to <main>.
        expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
        expect(await skip.textContent()).toBe(target.lang === 'fr' ? 'Aller au contenu' : 'Skip to content');
        const box = await skip.boundingBox();
        expect(box && box.y >= 0 && box.height > 0, 'the focused skip link is on screen').toBe(true);
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('briefing-content');
        expect(new URL(page.url()).hash).toBe('#briefing-content');
      } else {
        // The review page has nothing focusable before its table: the first Tab is in main.
        expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
      }
    });
  });

  describe('the bilingual page (fr-en)', () => {
    interface Column {
      lang: string;
      box: { x: number; y: number; width: number; height: number };
      text: string;
    }
    let page: Page;
    beforeAll(async () => {
      page = await open({ name: 'seed-fr-en', kind: 'briefing', lang: 'fr', fallbacks: 0, file: () => seedFile('fr-en') });
    });
    afterAll(async () => {
      await page?.close();
    });

    it('has no axe violations (and no sideways scrolling) on screen, on a narrow screen and in print', async () => {
      expect(await auditModes(page, 'seed-fr-en'), 'axe-core violations').toEqual([]);
    });

    it('sets every pair side by side, French left and English right, each column with its lang; stacks them on a narrow screen', async () => {
      const layout = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('main > .pair')].map((pair: any) => {
            const [a, b] = [...pair.children].map((col: any) => ({
              lang: col.getAttribute('lang'),
              box: col.getBoundingClientRect().toJSON(),
              text: col.textContent.trim(),
            }));
            return { a, b };
          }),
        ) as Promise<{ a: Column; b: Column }[]>;
      const wide = await layout();
      expect(wide.length).toBeGreaterThan(20);
      for (const { a, b } of wide) {
        expect([a.lang, b.lang]).toEqual(['fr', 'en']);
        expect(a.text).not.toBe('');
        expect(b.text).not.toBe('');
        expect(Math.abs(a.box.y - b.box.y), 'a pair starts level').toBeLessThan(1);
        expect(b.box.x).toBeGreaterThan(a.box.x + a.box.width);
      }
      try {
        await page.setViewportSize(NARROW);
        for (const { a, b } of await layout()) {
          expect(b.box.y, 'stacked: English under French').toBeGreaterThanOrEqual(a.box.y + a.box.height);
          expect(Math.abs(a.box.x - b.box.x)).toBeLessThan(1);
        }
      } finally {
        await page.setViewportSize(SCREEN);
      }
    });
  });
});
