/**
 * The path checks a no-op build runs thousands of times (manifest paths, input containment) give
 * the answers of their plain definitions: compared over every short string of a small alphabet.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeRelative } from '../src/publish/manifest.js';
import { containment } from '../src/project/bounds.js';
import { projectPaths } from '../src/core/paths.js';
import { editionInputFiles } from '../src/publish/input-hash.js';

/** Every string of `alphabet` up to `length` characters, each prefixed by `start`. */
function strings(alphabet: readonly string[], length: number, start = ''): string[] {
  const all = [start];
  for (let i = 0, from = 0; i < length; i++) {
    const to = all.length;
    for (let j = from; j < to; j++) for (const c of alphabet) all.push(all[j] + c);
    from = to;
  }
  return all;
}

describe('safeRelative', () => {
  const reference = (file: string) =>
    !(file === '' || file.includes('\\') || file.includes('\0') || path.posix.isAbsolute(file)) &&
    file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');

  it('is the segment-by-segment definition', () => {
    for (const file of strings(['a', '.', '/', '\\', '\0', '\n'], 6)) expect([file, safeRelative(file)]).toEqual([file, reference(file)]);
    expect(safeRelative('corpus-000/fr/corpus-000.fr.pdf')).toBe(true);
    expect(safeRelative('a/.../b')).toBe(true);
    expect(safeRelative('a/../b')).toBe(false);
  });
});

describe.runIf(path.sep === '/')('containment', () => {
  // The definition through path.relative, which the prefix test on plain paths must match.
  const within = (parent: string, child: string) => {
    const relative = path.relative(parent, child);
    return relative === '' || (!relative.startsWith('../') && relative !== '..' && !path.isAbsolute(relative));
  };

  it('is path.relative’s answer, for plain and other paths', () => {
    const paths = strings(['a', '.', '/'], 5, '/');
    for (const root of paths) {
      const bounds = { root, excluded: [{ path: `${root}/a`, name: 'a' }] };
      for (const real of paths) {
        const expected = within(root, real) && !within(`${root}/a`, real);
        expect([root, real, containment(bounds, real).inside]).toEqual([root, real, expected]);
      }
    }
  });
});

describe('editionInputFiles', () => {
  it('names the locales folder of the project asked about, one project after another', () => {
    const standard = projectPaths('/p');
    const other = { ...projectPaths('/p'), locales: '/p/i18n' };
    const elsewhere = projectPaths('/q');
    const locales = (paths: typeof standard) => editionInputFiles(paths, 'content/a.txt', 'a', 'en')[1];
    expect(locales(standard)).toBe('locales/en/common.json');
    expect(locales(other)).toBe('i18n/en/common.json');
    expect(locales({ ...elsewhere, locales: '/q/i18n/x' })).toBe('i18n/x/en/common.json');
    expect(locales(standard)).toBe('locales/en/common.json');
    expect(locales({ ...standard, root: '/p/x' })).toBe('../locales/en/common.json');
  });
});
