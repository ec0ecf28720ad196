/**
 * Public and internal: output/index.html is bilingual and lists only published editions (no
 * coverage, no review page, no article awaiting translation); output/internal.html keeps those
 * for the team, marked noindex; --no-internal-page writes none and removes an earlier one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, requireChromium, SKIP_BROWSER } from './chromium.js';
import { editJson, runCli, tempProject } from './helpers.js';

const SLUG = 'microsoft-openai';

async function build(root: string, ...args: string[]): Promise<number> {
  return (await runCli(['build', '--root', root, '--format', 'html', ...args])).code;
}

const read = (root: string, name: string) => readFileSync(path.join(root, 'output', name), 'utf8');

describe('the public index of a translated article', () => {
  let root: string;
  beforeAll(async () => {
    root = tempProject();
    expect(await build(root)).toBe(0);
  });

  it('is bilingual: each language section in its own language, with its own strings', () => {
    const index = read(root, 'index.html');
    expect(index).toContain('<html lang="fr">');
    expect(index).toContain('<section aria-labelledby="briefings-fr" lang="fr">');
    expect(index).toContain('<section aria-labelledby="briefings-en" lang="en">');
    expect(index).toContain('<caption>1 note, de la plus récente à la plus ancienne</caption>');
    expect(index).toContain('<caption>1 briefing, newest first</caption>');
    expect(index).toContain(`<a href="${SLUG}/${SLUG}.en.html" type="text/html">HTML</a>`);
    expect(index).toContain(`<a href="${SLUG}/${SLUG}.fr-en.html" type="text/html">French–English HTML</a>`);
  });

  it('shows no coverage, no review page and nothing internal', () => {
    const index = read(root, 'index.html');
    expect(index).not.toContain('review.html');
    // The page's text (its stylesheet has percentages of its own).
    expect(index.slice(index.indexOf('<body>'))).not.toMatch(/coverage|couverture|\d+(\s|&nbsp;)?%/i);
    expect(index).not.toContain('manifest.json');
    expect(index).not.toContain('internal.html');
  });

  it('leaves coverage and review pages to the internal page, kept out of search engines', () => {
    const internal = read(root, 'internal.html');
    expect(internal).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(internal).toContain('Translation coverage');
    expect(internal).toContain(`${SLUG}/${SLUG}.review.html`);
    expect(internal).not.toContain('Awaiting translation');
  });
});

describe('an article awaiting its translation', () => {
  it('is in French only on the public index, and listed with its coverage and review page on the internal one', async () => {
    const root = tempProject();
    editJson(root, `locales/en/${SLUG}.json`, (tree) => {
      for (const key of Object.keys(tree)) delete tree[key];
    });
    await build(root);
    const index = read(root, 'index.html');
    expect(index).toContain(`${SLUG}/${SLUG}.fr.html`);
    expect(index).not.toContain(`${SLUG}.en.`);
    expect(index).not.toContain('review.html');
    expect(index).toMatch(/<h2 id="briefings-en">English<\/h2>\n<p>No briefing published in this language yet.<\/p>/);
    const internal = read(root, 'internal.html');
    expect(internal).toContain('<h2 id="awaiting">Awaiting translation</h2>');
    expect(internal).toMatch(/<li><span lang="fr">Microsoft et OpenAI[^<]*<\/span> \(en, 0\s%\) · <a href="microsoft-openai\/microsoft-openai.review.html"/);
  });
});

describe('--no-internal-page', () => {
  it('writes no internal page and removes the one an earlier build wrote', async () => {
    const root = tempProject();
    await build(root);
    expect(existsSync(path.join(root, 'output', 'internal.html'))).toBe(true);
    // Nothing else changed: the manifest is the same, and the page still goes.
    expect(await build(root, '--no-internal-page')).toBe(0);
    expect(existsSync(path.join(root, 'output', 'internal.html'))).toBe(false);
    expect(existsSync(path.join(root, 'output', 'index.html'))).toBe(true);
    // And comes back when asked again.
    expect(await build(root)).toBe(0);
    expect(existsSync(path.join(root, 'output', 'internal.html'))).toBe(true);
  });
});

describe('both pages in a browser', () => {
  requireChromium('public index');
  it.skipIf(SKIP_BROWSER)('are axe-clean', async () => {
    const root = tempProject();
    await build(root);
    expect(await axeViolations([path.join(root, 'output', 'index.html'), path.join(root, 'output', 'internal.html')])).toEqual([]);
  });
});
