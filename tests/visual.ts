/**
 * Visual references for PDFs, as pdfkit's own visual specs do (tests/visual/helpers.js there):
 * a page is rasterised at a modest resolution and compared with a committed PNG under a small
 * tolerance, so a layout regression fails a test instead of waiting for someone to look.
 *
 * Two tolerances, as in jest-image-snapshot, which pdfkit uses: a per-pixel colour distance
 * below which two pixels count as equal (pixelmatch's `threshold`; anti-aliased edges are
 * ignored), and the share of differing pixels above which the page fails (1 %, pdfkit's
 * `failureThreshold: 0.01`). Rasteriser versions differ in anti-aliasing, not in where text is.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { committedExpectation, type GoldenOptions } from './golden.js';
import { artifactPath, REPO } from './helpers.js';

/** pixelmatch's per-pixel colour distance (0 to 1) under which two pixels are the same. */
const PIXEL_THRESHOLD = 0.1;
/** Share of differing pixels (0 to 1) above which two images differ. */
export const FAILURE_SHARE = 0.01;
/** Resolution of page images, in dots per inch: an A4 page is 496 × 702 pixels. */
const RESOLUTION = 60;

/** Page `page` (from 1) of the PDF file `pdf` as a PNG, rasterised by poppler's pdftoppm. */
export function rasterisePdfPage(pdf: string, page = 1, resolution = RESOLUTION, antialias = true): Buffer {
  const p = String(page);
  // Without anti-aliasing a text page compresses to a fifth of the size: for references kept by the dozen.
  const aa = antialias ? [] : ['-aa', 'no', '-aaVector', 'no'];
  // Without an output name, pdftoppm -singlefile writes the image to stdout.
  return execFileSync('pdftoppm', ['-png', '-r', String(resolution), ...aa, '-f', p, '-l', p, '-singlefile', pdf], { maxBuffer: 64 * 1024 * 1024 });
}

/** How two images differ: the count and share of differing pixels, and a diff image (PNG). */
interface ImageDifference {
  /** Why the images cannot be compared pixel by pixel (different sizes), if they cannot. */
  mismatch?: string;
  differing: number;
  /** Differing pixels over all pixels, 0 to 1 (1 when the sizes differ). */
  share: number;
  /** The reference faded, differing pixels in red; absent when the sizes differ. */
  diff?: Buffer;
  /** The smallest box holding every differing pixel, in pixels from the top left; absent when none differ. */
  region?: { x0: number; y0: number; x1: number; y1: number; height: number };
}

/** The box around pixelmatch's differing pixels, which it paints pure red in its output. */
function differingRegion(out: PNG): ImageDifference['region'] {
  let box: ImageDifference['region'];
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const i = (y * out.width + x) * 4;
      if (out.data[i] !== 255 || out.data[i + 1] !== 0 || out.data[i + 2] !== 0) continue;
      if (!box) box = { x0: x, y0: y, x1: x, y1: y, height: out.height };
      box.x0 = Math.min(box.x0, x);
      box.x1 = Math.max(box.x1, x);
      box.y1 = y;
    }
  }
  return box;
}

/** Compares two PNG images pixel by pixel with pixelmatch. */
export function compareImages(actual: Buffer, reference: Buffer, threshold = PIXEL_THRESHOLD): ImageDifference {
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(reference);
  if (a.width !== b.width || a.height !== b.height) {
    return { mismatch: `the image is ${a.width} × ${a.height} pixels, the reference ${b.width} × ${b.height}`, differing: a.width * a.height, share: 1 };
  }
  const out = new PNG({ width: a.width, height: a.height });
  const differing = pixelmatch(a.data, b.data, out.data, a.width, a.height, { threshold });
  const region = differing > 0 ? differingRegion(out) : undefined;
  return { differing, share: differing / (a.width * a.height), diff: PNG.sync.write(out), ...(region ? { region } : {}) };
}

/** Where the reference lives, whether to rewrite it, and the tolerance; the defaults are the suite's. */
interface ReferenceOptions extends GoldenOptions {
  /** Failing share of differing pixels (default {@link FAILURE_SHARE}). */
  failureShare?: number;
}

/**
 * Fails unless the PNG `actual` looks like the reference image `reference` (a path relative to
 * tests/fixtures, e.g. `visual/seed-fr.png`). On failure the actual image and a diff image are
 * written to tests/artifacts/ and the message says where. With UPDATE=1 the reference is
 * rewritten instead; a missing reference fails, as a missing golden does.
 */
export function expectLooksLikeReference(actual: Buffer, reference: string, { failureShare = FAILURE_SHARE, ...options }: ReferenceOptions = {}): void {
  const expected = committedExpectation(reference, actual, options, 'Reference image');
  if (expected === undefined) return;
  const difference = compareImages(actual, expected);
  const name = reference.replace(/\.png$/, '').replaceAll('/', '-');
  const actualFile = artifactPath(`${name}.actual.png`);
  const diffFile = artifactPath(`${name}.diff.png`);
  // Images of an earlier failure would mislead whoever looks in tests/artifacts/.
  for (const file of [actualFile, diffFile]) rmSync(file, { force: true });
  if (!difference.mismatch && difference.share <= failureShare) return;
  writeFileSync(actualFile, actual);
  const written = [path.relative(REPO, actualFile)];
  if (difference.diff) {
    writeFileSync(diffFile, difference.diff);
    written.push(path.relative(REPO, diffFile));
  }
  const box = difference.region;
  // Where to look, for a person holding the page: how far down it the differences start and end.
  const where = box
    ? `, within x ${box.x0}–${box.x1}, y ${box.y0}–${box.y1} pixels (${Math.round((box.y0 / box.height) * 100)}–${Math.round((box.y1 / box.height) * 100)} % down the page)`
    : '';
  const how =
    difference.mismatch ??
    `${(difference.share * 100).toFixed(2)} % of its pixels differ (${difference.differing}; at most ${failureShare * 100} % may)${where}`;
  throw new Error(
    `The image differs from tests/fixtures/${reference}: ${how}. See ${written.join(' and ')}; if the change is intended, run UPDATE=1 npm test and look at the new reference before committing it.`,
  );
}
