/** Markdown strings parsed once per process: the same trees as a fresh parse, each caller its own copy, a bounded memo. */
import { describe, expect, it } from 'vitest';
import type { Paragraph } from 'mdast';
import { memoParse, memoSize } from '../src/core/tree-memo.js';
import { parseMarkdown, parseParagraph } from '../src/core/markdown.js';

describe('tree-memo', () => {
  it('parses a string once and gives every caller an equal tree of its own', () => {
    let parses = 0;
    const parse = (text: string) => {
      parses++;
      return { type: 'root', children: [{ type: 'text', value: text, position: { start: { line: 1, column: 1, offset: 0 } } }] };
    };
    const first = memoParse('test', 'Un texte.', parse);
    const second = memoParse('test', 'Un texte.', parse);
    expect(parses).toBe(1);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    // A caller changing its tree (positions moved, nodes replaced) changes nobody else's.
    first.children[0]!.position.start.line = 7;
    first.children.push({ type: 'text', value: 'ajout', position: { start: { line: 2, column: 1, offset: 9 } } });
    const third = memoParse('test', 'Un texte.', parse);
    expect(third.children).toHaveLength(1);
    expect(third.children[0]!.position.start.line).toBe(1);
    // The kind is part of the key: the same string read another way is parsed again.
    memoParse('other', 'Un texte.', parse);
    expect(parses).toBe(2);
  });

  it('gives the trees of a fresh parse, positions and undefined fields included', () => {
    const text = 'Le **partenariat** [Axios](https://www.axios.com "titre") et `code`[^1].\n\n[^1]: Une note.';
    const fresh = parseMarkdown(text);
    expect(parseMarkdown(text)).toStrictEqual(fresh);
    const paragraph = parseParagraph('# Pas un titre\n\n> ni une citation');
    expect(parseParagraph('# Pas un titre\n\n> ni une citation')).toStrictEqual(paragraph);
    expect((paragraph as Paragraph).children.map((node) => node.type)).toEqual(['text', 'text', 'text']);
  });

  it('keeps a bounded number of trees, and never a very long string', () => {
    for (let i = 0; i < 5000; i++) memoParse('bound', `texte ${i}`, (text) => ({ text }));
    expect(memoSize()).toBeLessThanOrEqual(4096);
    let parses = 0;
    const long = 'x'.repeat(10_000);
    memoParse('bound', long, () => parses++);
    memoParse('bound', long, () => parses++);
    expect(parses).toBe(2);
  });
});
