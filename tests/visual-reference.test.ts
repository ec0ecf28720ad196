/**
 * The visual comparison of PDF pages (visual.ts) is itself tested here: it must pass on a page
 * rendered again from the same inputs, and fail on a page whose layout moved a little (a margin
 * of templates/pdf/theme.json changed in a temporary project), saying where to look.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { editJson, hasTool, REPO, runCli, tempProject } from './helpers.js';
import { compareImages, expectLooksLikeReference, FAILURE_SHARE, rasterisePdfPage } from './visual.js';

const HAVE_POPPLER = hasTool('pdftoppm');
if (!HAVE_POPPLER && process.env.CI) throw new Error('poppler-utils (pdftoppm) is required for the visual tests');

const SLUG = 'microsoft-openai';

/** Builds the French PDF of the seed in `root` (with the suite's fixed date); its path. */
async function frenchPdf(root: string): Promise<string> {
  const result = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'pdf']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return path.join(root, 'output', SLUG, `${SLUG}.fr.pdf`);
}

describe.skipIf(!HAVE_POPPLER)('visual comparison of PDF pages', () => {
  let originalPdf: string;
  let original: Buffer;
  let again: Buffer;
  let shifted: Buffer;

  beforeAll(async () => {
    originalPdf = await frenchPdf(tempProject());
    original = rasterisePdfPage(originalPdf);
    again = rasterisePdfPage(await frenchPdf(tempProject()));
    const moved = tempProject();
    // 8 points more on the left: every line of text moves by about 7 pixels at 60 dpi.
    editJson<{ page: { margins: { left: number } } }>(moved, 'templates/pdf/theme.json', (theme) => {
      theme.page.margins.left += 8;
    });
    shifted = rasterisePdfPage(await frenchPdf(moved));
  });

  it('finds no difference between two renders of the same inputs, and passes against the reference', () => {
    expect(compareImages(again, original)).toMatchObject({ differing: 0, share: 0 });
    expect(() => expectLooksLikeReference(original, 'visual/seed-fr.png', { update: false })).not.toThrow();
  });

  it('fails on a slightly shifted layout, and writes the actual and a diff image to tests/artifacts/', () => {
    const difference = compareImages(shifted, original);
    expect(difference.mismatch).toBeUndefined();
    expect(difference.share).toBeGreaterThan(FAILURE_SHARE);
    const fixtures = mkdtempSync(path.join(tmpdir(), 'briefing-visual-'));
    expectLooksLikeReference(original, 'visual/shifted-margin.png', { fixtures, update: true });
    expect(() => expectLooksLikeReference(shifted, 'visual/shifted-margin.png', { fixtures, update: false })).toThrow(
      /differs from tests\/fixtures\/visual\/shifted-margin\.png: \d+\.\d\d % of its pixels differ .* See tests\/artifacts\/visual-shifted-margin\.actual\.png and tests\/artifacts\/visual-shifted-margin\.diff\.png; .*UPDATE=1 npm test/,
    );
    for (const name of ['actual', 'diff']) {
      const written = path.join(REPO, 'tests', 'artifacts', `visual-shifted-margin.${name}.png`);
      expect(existsSync(written), written).toBe(true);
    }
    expect(readFileSync(path.join(REPO, 'tests', 'artifacts', 'visual-shifted-margin.actual.png')).equals(shifted)).toBe(true);
  });

  it('fails on a missing reference unless UPDATE=1, which writes it', () => {
    const fixtures = mkdtempSync(path.join(tmpdir(), 'briefing-visual-'));
    expect(() => expectLooksLikeReference(original, 'visual/new.png', { fixtures, update: false })).toThrow(
      'Reference image tests/fixtures/visual/new.png is missing: run UPDATE=1 npm test to write it, then review the diff and commit it',
    );
    expectLooksLikeReference(original, 'visual/new.png', { fixtures, update: true });
    expect(readFileSync(path.join(fixtures, 'visual', 'new.png')).equals(original)).toBe(true);
  });

  it('compares images of different sizes as wholly different, without a diff image', () => {
    const smaller = rasterisePdfPage(originalPdf, 1, 30);
    const difference = compareImages(smaller, original);
    // pdftoppm rounds the A4 width of 595.28 points up: 249 pixels at 30 dpi, 497 at 60.
    expect(difference).toEqual({ mismatch: 'the image is 249 × 351 pixels, the reference 497 × 702', differing: 249 * 351, share: 1 });
  });
});
