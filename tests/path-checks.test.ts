/**
 * The path checks a no-op build runs thousands of times (manifest paths, input containment) give
 * the answers of their plain definitions: compared over every short string of a small alphabet.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeRelative } from '../src/publish/manifest.js';
import { containment } from '../src/project/bounds.js';

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
