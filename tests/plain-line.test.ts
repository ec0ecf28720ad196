/**
 * parseParagraph and parseMarkdown read a plain line (no Markdown syntax, the common case of a
 * unit) without the parser (src/core/markdown.ts `plainLine`): the trees must be those the parser
 * makes, positions included, and any string with syntax must still go through the parser.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { math } from 'micromark-extension-math';
import { mathFromMarkdown } from 'mdast-util-math';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Root, RootContent } from 'mdast';
import { blocksToMarkdown, MARKDOWN_OPTIONS, parseMarkdown, parseParagraph } from '../src/core/markdown.js';
import { supersub, supersubFromMarkdown } from '../src/core/supersub.js';
import { REPO } from './helpers.js';

/** The parser alone, with the project's syntax. */
const parsed = (text: string) =>
  fromMarkdown(text, {
    extensions: [gfm({ singleTilde: false }), math({ singleDollarTextMath: false }), supersub()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown(), supersubFromMarkdown()],
  });

const seedLines = readFileSync(path.join(REPO, 'content', 'microsoft-openai.txt'), 'utf8').split('\n');
const sentences = seedLines.flatMap((line) => [line, ...line.split(/(?<=[.!?]) /)]);
const edges = ['Élan', 'é😀x', 'a  b', 'x #', 'x +', 'x ---', 'a:b', 'a == b', 'Texte…', 'Un\u00a0texte', 'a\u2028b', '2019 – 2020', 'x -- y'];

describe('plain lines read without the parser', () => {
  it('are the trees the parser makes, positions included', () => {
    for (const text of [...sentences, ...edges].filter((t) => t.trim() !== '')) {
      const tree = parsed(text);
      expect(parseMarkdown(text)).toEqual(tree);
      if (tree.children.length === 1 && tree.children[0]!.type === 'paragraph') expect(parseParagraph(text)).toEqual(tree.children[0]);
    }
  });

  it('leave every string with syntax to the parser', () => {
    const syntax = [
      'a *b*',
      'a _b_',
      'a `b`',
      'a [b](c)',
      'a ![b](c)',
      'a <b>',
      'a &amp; b',
      'a \\* b',
      'a ~~b~~',
      'H~2~O',
      'x^2^',
      'a $$x$$',
      'a@b.fr',
      'voir www.a.fr',
      'voir https://a.fr',
      ' a',
      'a ',
      'a\nb',
      'a\tb',
      'a  \nb',
      'a | b',
    ];
    for (const text of syntax) {
      const tree = parsed(text);
      expect(parseMarkdown(text)).toEqual(tree);
    }
    expect(parseParagraph('a *b*').children.map((node) => node.type)).toEqual(['text', 'emphasis']);
    // Block syntax at the start of a line is not read as a document's plain line.
    for (const text of ['# Titre', '- item', '1. un', '> cité', '    code', '***', '2019. Une année']) expect(parseMarkdown(text)).toEqual(parsed(text));
  });
});

/** The serialiser alone, with the project's settings. */
const serialised = (node: RootContent) => toMarkdown({ type: 'root', children: [node] } as Root, MARKDOWN_OPTIONS).trimEnd();

describe('plain lines written without the serialiser', () => {
  const paragraph = (value: string): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value }] });
  const heading = (value: string, depth: 1 | 2 | 3 | 6): RootContent => ({ type: 'heading', depth, children: [{ type: 'text', value }] });

  it('are what the serialiser writes, for the seed and edge cases', () => {
    const texts = [...sentences, ...edges, 'Voir http:/x', 'https:/a', 'Section 1 : le marché', 'a # b', 'C# 12', '2019. Une année', '1) un', '= x'];
    for (const text of texts.filter((t) => t !== '')) {
      for (const node of [paragraph(text), heading(text, 1), heading(text, 2), heading(text, 6)]) expect(blocksToMarkdown([node])).toBe(serialised(node));
    }
  });

  it('are what the serialiser writes, for random lines of letters, digits, spaces and every ASCII punctuation', () => {
    const alphabet = ['a', 'é', 'W', 'w', 's', 'P', '1', '9', ' ', '\u00a0', '\u202f', '’', '«', '»', '😀', ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
    let seed = 17;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 2500; i++) {
      // Half letters, so that many lines are plain and take the short way.
      const text = Array.from({ length: 1 + random(12) }, () => (random(2) ? 'e' : alphabet[random(alphabet.length)]!)).join('');
      for (const node of [paragraph(text), heading(text, 2)]) expect(blocksToMarkdown([node]), JSON.stringify(text)).toBe(serialised(node));
    }
  });
});
