/** Parse stage: French source text → `Article` plus the problems found in it. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Yaml } from 'mdast';
import type { Article } from '../core/types.js';
import type { Diagnostic } from '../core/errors.js';
import { readFrontMatter } from './front-matter.js';
import { splitWireCopy } from './wire-copy.js';
import { assembleArticle } from './article.js';
import { figureUnits } from './key-figure-units.js';

export { classifyLine, isWireCopy } from './wire-copy.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export interface ParseResult {
  article: Article;
  diagnostics: Diagnostic[];
}

/**
 * Parses one source file. Both formats go through remark: Markdown as is, wire copy by splitting
 * its one-paragraph-per-line blocks (see wire-copy.ts). Pure: no I/O.
 */
export function parseArticle(source: string, file: string, slug: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const tree = parser.parse(text) as Root;
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const meta = readFrontMatter(yaml, file, diagnostics);
  const split = splitWireCopy(tree, text, meta.format === 'wire' ? 'wire' : meta.format === 'markdown' ? 'markdown' : 'detect');
  const built = assembleArticle(split, meta, slug, file, diagnostics);
  return { article: { ...built, figures: figureUnits(built) }, diagnostics };
}
