/** The project-editing helpers (helpers.ts) that many tests build their cases on. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editJson, replaceInFile } from './helpers.js';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'briefing-helpers-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, name), text);
  return root;
}

describe('replaceInFile', () => {
  it('replaces a text that occurs once, literally (no $ patterns)', () => {
    const root = project({ 'a.txt': 'one two three' });
    replaceInFile(root, 'a.txt', 'two', '$& $1');
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('one $& $1 three');
  });

  it('refuses a text that is missing or repeated, so a test cannot silently change nothing', () => {
    const root = project({ 'a.txt': 'two two' });
    expect(() => replaceInFile(root, 'a.txt', 'three', 'x')).toThrow('"three" should occur once in a.txt, found 0 times');
    expect(() => replaceInFile(root, 'a.txt', 'two', 'x')).toThrow('"two" should occur once in a.txt, found 2 times');
    expect(readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('two two');
  });
});

describe('editJson', () => {
  it('changes the parsed value and writes it back with two-space indents', () => {
    const root = project({ 'en.json': '{"lead":{"1":"a","2":"b"}}' });
    editJson<{ lead: Record<string, string> }>(root, 'en.json', (en) => {
      delete en.lead['2'];
    });
    expect(readFileSync(path.join(root, 'en.json'), 'utf8')).toBe('{\n  "lead": {\n    "1": "a"\n  }\n}');
  });
});
