/**
 * The article parser's plain one-line blocks (src/parse/plain-blocks.ts) must give exactly the
 * tree remark gives for the whole text: positions, key order and every other block included.
 * Documents are drawn from blocks that can interact with an emptied line (lists, indented code,
 * footnote definitions, setext underlines, fences, raw HTML, front matter, references), joined
 * by one or several line endings, some blank lines holding spaces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { remarkProjectSyntax } from '../src/core/markdown.js';
import { parseWithPlainBlocks } from '../src/parse/plain-blocks.js';
import { FIXTURES, REPO } from './helpers.js';

const parser = unified().use(remarkParse).use(remarkProjectSyntax).use(remarkFrontmatter, ['yaml']);
const parse = (text: string) => parser.parse(text) as Root;
const same = (text: string) => expect(JSON.stringify(parseWithPlainBlocks(text, parse)), JSON.stringify(text)).toBe(JSON.stringify(parse(text)));

const BLOCKS = [
  'Le chiffre a progressé de 5 % en 2005, selon l’Insee.',
  'Une phrase simple',
  'É accentué au début : oui',
  '## Section 1 : le marché en 2000',
  '# Titre',
  '###### Profond 6',
  '####### sept dièses',
  '## Titre fermé ##',
  '## Titre {#ancre}',
  '#Collé',
  '##  Deux espaces',
  '## 2024 en chiffres',
  'Texte avec *emphase* dedans.',
  'Un [lien](https://exemple.fr) ici.',
  'Voir [ref] et [^1].',
  '[ref]: https://exemple.fr',
  '[^1]: Une note.',
  '[^2]: Une note\n\n    continuée.',
  '- un\n- deux',
  '- un',
  '1. premier',
  '2) second',
  '* étoile',
  '+ plus',
  '  indenté de deux',
  '    code indenté',
  '\tcode tabulé',
  '> citation',
  '> citation\nparesseuse',
  '---',
  '===',
  'Titre setext\n===',
  'Titre setext\n---',
  'Deux lignes\nde paragraphe',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '```\ncode\n\nsuite\n```',
  '```js',
  '~~~',
  '$$',
  '$$\nx^2\n$$',
  '<div>',
  '<!-- commentaire',
  '-->',
  '<pre>\n\ntexte\n</pre>',
  ':::note',
  ':::',
  'Texte www.exemple.fr',
  'Écrire à a@b.fr',
  'Un texte avec espace final ',
  'H~2~O et x^2^',
  'Le 1er janvier à 10 h 30',
  'mot',
];
const SEPARATORS = ['\n', '\n\n', '\n\n', '\n\n\n', '\n  \n', '\n\t\n'];

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseWithPlainBlocks', () => {
  it('gives the parser’s tree for a long plain article', () => {
    const body = Array.from({ length: 50 }, (_, i) => `## Section ${i} : le marché\n\nLe chiffre a progressé de ${i} %.`).join('\n\n');
    same(`---\ntitle: Un dossier\n\nsummary: Une ligne simple\n---\n\nUn dossier.\n\n${body}\n`);
    same(`${body}\n`);
    same(body);
    same('Une seule ligne');
    same('Une seule ligne\n');
    same('\n\nUne ligne après des lignes vides\n\n\n');
  });

  it('gives the parser’s tree for the seed and the corpus’s real articles', () => {
    const folders = [path.join(REPO, 'content'), path.join(FIXTURES, 'corpus')];
    const files = folders.flatMap((folder) => readdirSync(folder).filter((name) => /\.(md|txt)$/.test(name) && name !== 'SOURCES.md').map((name) => path.join(folder, name)));
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) same(readFileSync(file, 'utf8').replace(/\r\n?/g, '\n'));
  }, 120_000);

  it('leaves the front matter to the parser', () => {
    same('---\ntitle: Titre\n\nligne simple\n\n---\n\nTexte simple\n');
    same('---\n\nligne simple\n\nsans fermeture\n');
    same('--- \ntitle: x\n---\n\nTexte simple\n');
  });

  it('gives the parser’s tree for 1 000 random documents', () => {
    const next = random(17);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    for (let n = 0; n < 1000; n++) {
      const count = 1 + Math.floor(next() * 8);
      let text = next() < 0.2 ? '---\ntitle: Titre\n---\n\n' : next() < 0.1 ? '\n' : '';
      for (let i = 0; i < count; i++) text += (i > 0 ? pick(SEPARATORS) : '') + pick(BLOCKS);
      if (next() < 0.7) text += next() < 0.8 ? '\n' : '\n\n';
      same(text);
    }
  }, 120_000);
});
