/** The golden-file helpers (golden.ts): a missing golden fails, and pages are compared without their stylesheet. */
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, inlinedStylesheet, withStylesheetMarker } from './golden.js';

const fixtures = () => mkdtempSync(path.join(tmpdir(), 'briefing-golden-'));

describe('expectGolden', () => {
  it('fails on a missing golden, and does not create it', () => {
    const dir = fixtures();
    expect(() => expectGolden('case/out.md', '# Title\n', { fixtures: dir, update: false })).toThrow(
      'Golden file tests/fixtures/case/out.md is missing: run UPDATE=1 npm test to write it, then review the diff and commit it',
    );
    expect(existsSync(path.join(dir, 'case', 'out.md'))).toBe(false);
  });

  it('with UPDATE=1 writes the golden, which the next run then compares with', () => {
    const dir = fixtures();
    expectGolden('case/out.md', '# Title\n', { fixtures: dir, update: true });
    expect(readFileSync(path.join(dir, 'case', 'out.md'), 'utf8')).toBe('# Title\n');
    expect(() => expectGolden('case/out.md', '# Title\n', { fixtures: dir, update: false })).not.toThrow();
    expect(() => expectGolden('case/out.md', '# Other title\n', { fixtures: dir, update: false })).toThrow(
      /differs from the golden tests\/fixtures\/case\/out\.md \(if the change is intended: UPDATE=1 npm test/,
    );
  });
});

describe('stylesheets in golden pages', () => {
  const page = '<!doctype html>\n<head>\n<style>\nbody > p { content: "</p>"; }\n</style>\n</head>\n<body><p>style</p></body>\n';

  it('reads the inlined stylesheet and replaces it with a marker naming the file', () => {
    expect(inlinedStylesheet(page)).toBe('body > p { content: "</p>"; }');
    expect(withStylesheetMarker(page, 'templates/html/style.css')).toBe(
      '<!doctype html>\n<head>\n<style>\n/* templates/html/style.css, inlined */\n</style>\n</head>\n<body><p>style</p></body>\n',
    );
  });

  it('refuses a page with no or several <style> elements', () => {
    expect(() => inlinedStylesheet('<p>no style</p>')).toThrow('expected one <style> element in the page, found 0');
    expect(() => withStylesheetMarker(`${page}${page}`, 'x.css')).toThrow('expected one <style> element in the page, found 2');
  });
});
