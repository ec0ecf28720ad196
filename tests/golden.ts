/**
 * Golden files: expected outputs committed under tests/fixtures/, compared byte for byte.
 * `UPDATE=1 npm test` rewrites them, and the diff is what a person reviews. A missing golden is a
 * failure, never created on the fly: otherwise a renamed or mistyped golden passes silently.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { FIXTURES } from './helpers.js';

/** Whether this run rewrites goldens and visual references (`UPDATE=1`). */
const UPDATING = process.env.UPDATE === '1';

/** Where the goldens live and whether to rewrite them; the defaults are the suite's. */
export interface GoldenOptions {
  /** Folder the golden path is relative to (default: tests/fixtures). */
  fixtures?: string;
  /** Write `actual` as the new golden instead of comparing (default: `UPDATE=1`). */
  update?: boolean;
}

/**
 * The committed file `file` (relative to tests/fixtures) that `actual` is to be compared with,
 * or `undefined` when this run rewrites it (UPDATE=1), `actual` then written in its place. A
 * missing file throws: what `kind` names (a golden file, a reference image) must be committed.
 */
export function committedExpectation(
  file: string,
  actual: string | Uint8Array,
  { fixtures = FIXTURES, update = UPDATING }: GoldenOptions = {},
  kind = 'Golden file',
): Buffer | undefined {
  const target = path.join(fixtures, file);
  if (update) {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, actual);
    return undefined;
  }
  if (!existsSync(target)) throw new Error(`${kind} tests/fixtures/${file} is missing: run UPDATE=1 npm test to write it, then review the diff and commit it`);
  return readFileSync(target);
}

/**
 * Compares `actual` with the golden file `file` (relative to tests/fixtures). With UPDATE=1 the
 * golden file is (re)written instead; without it, a missing golden fails the test.
 */
export function expectGolden(file: string, actual: string, options: GoldenOptions = {}): void {
  const expected = committedExpectation(file, actual, options);
  if (expected === undefined) return;
  expect(actual, `differs from the golden tests/fixtures/${file} (if the change is intended: UPDATE=1 npm test, then review the diff)`).toBe(
    expected.toString('utf8'),
  );
}

/**
 * Pages inline their stylesheet as `<style>\n{css}\n</style>` (templates/html/*.hbs). The one
 * `<style>` element of `html`, with what lies between the two line breaks.
 */
function styleElement(html: string): { start: number; end: number; css: string } {
  const matches = [...html.matchAll(/<style>\n([\s\S]*?)\n<\/style>/g)];
  if (matches.length !== 1) throw new Error(`expected one <style> element in the page, found ${matches.length}`);
  const [match] = matches;
  return { start: match!.index, end: match!.index + match![0].length, css: match![1]! };
}

/** The stylesheet a page inlines (the contents of its one `<style>` element). */
export function inlinedStylesheet(html: string): string {
  return styleElement(html).css;
}

/**
 * The page with its inlined stylesheet replaced by a comment naming the file (e.g.
 * `templates/html/style.css`), so that a golden page does not change with every CSS edit. That
 * the page inlines exactly that file is tested once per page kind, with {@link inlinedStylesheet}.
 */
export function withStylesheetMarker(html: string, stylesheet: string): string {
  const { start, end } = styleElement(html);
  return `${html.slice(0, start)}<style>\n/* ${stylesheet}, inlined */\n</style>${html.slice(end)}`;
}
