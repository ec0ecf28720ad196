/** Parse stage: French source text → `Article` plus the problems found in it. */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, Yaml } from 'mdast';
import type { Article } from '../core/types.js';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { limits as currentLimits } from '../core/limits.js';
import { remarkProjectSyntax } from '../core/markdown.js';
import { capLinePrefixes, flattenDeepNesting } from '../core/nesting.js';
import { readFrontMatter } from './front-matter.js';
import { splitWireCopy } from './wire-copy.js';
import { assembleArticle } from './article.js';
import { mapRawHtml } from './raw-html.js';
import { figureUnits } from './key-figure-units.js';
import { sourceUnits } from './source-units.js';
import { checkCounts, checkSections, checkText } from './limits.js';
import { blankFenceLines, groupCallouts } from './callouts.js';
import { readHeadingAttributes, removeAttributeLists } from './heading-attributes.js';
import { expandMacros } from './macros.js';

export { classifyLine } from './wire-lines.js';

const parser = unified().use(remarkParse).use(remarkProjectSyntax).use(remarkFrontmatter, ['yaml']);

export interface ParseResult {
  article: Article;
  diagnostics: Diagnostic[];
}

/**
 * Parses one source file. Both formats go through remark: Markdown as is, wire copy read again
 * line by line (see wire-copy.ts). Pure: no I/O. An article over a limit
 * (src/parse/limits.ts) comes back empty with the error, before the costly steps run.
 */
/** What the project sets for parsing: the theme's cap on key figure cards (`keyFigures.max`). */
export interface ParseOptions {
  keyFigures?: number;
}

export function parseArticle(source: string, file: string, slug: string, options: ParseOptions = {}): ParseResult {
  const limits = currentLimits();
  const diagnostics: Diagnostic[] = [];
  const normalised = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const tooLarge = checkText(normalised, file, limits);
  if (tooLarge) return refused(slug, file, [tooLarge]);
  const { text, cut } = capLinePrefixes(normalised, limits.nestingDepth);
  // `:::` fence lines are emptied and the text read again (./callouts.ts); positions are unchanged.
  const first = parser.parse(text) as Root;
  const fenced = blankFenceLines(first, text);
  const tree = fenced ? (parser.parse(fenced.text) as Root) : first;
  const cuts = flattenDeepNesting(tree, limits.nestingDepth);
  const blocks = cut ?? cuts.blocks;
  if (blocks) diagnostics.push(ruleDiagnostic('briefing:nesting-too-deep', file, { what: 'quotes and lists', limit: limits.nestingDepth }, blocks));
  if (cuts.inline) diagnostics.push(ruleDiagnostic('briefing:nesting-too-deep', file, { what: 'emphasis and links', limit: limits.nestingDepth }, cuts.inline));
  const tooMany = checkSections(tree, file, limits);
  if (tooMany) return refused(slug, file, [...diagnostics, tooMany]);
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const meta = readFrontMatter(yaml, file, diagnostics, limits, options.keyFigures);
  const mode = meta.format === 'wire' ? 'wire' : meta.format === 'markdown' ? 'markdown' : 'detect';
  const wire = splitWireCopy(tree, text, { mode, headline: !meta.title, file });
  diagnostics.push(...wire.diagnostics);
  // Raw HTML becomes the article's own blocks first, so callouts, attributes and macros are read in it too.
  mapRawHtml(wire.tree, file, diagnostics);
  const body = readDialects(wire.tree, fenced?.fences ?? [], file, diagnostics);
  const built = assembleArticle(body, meta, slug, file, diagnostics);
  const article = { ...built, figures: figureUnits(built), sources: sourceUnits(built.meta) };
  diagnostics.push(...checkCounts(article, file, limits));
  return { article, diagnostics };
}

/** Other dialects' syntax read or removed: callouts, heading attributes, kramdown lists, shortcodes and macros. */
function readDialects(tree: Root, fences: Parameters<typeof groupCallouts>[1], file: string, diagnostics: Diagnostic[]): Root {
  readHeadingAttributes(tree);
  removeAttributeLists(tree);
  expandMacros(tree, file, diagnostics);
  return groupCallouts(tree, fences, file, diagnostics);
}

/** The empty article returned with a limit's error: the pipeline skips an article with errors. */
function refused(slug: string, file: string, diagnostics: Diagnostic[]): ParseResult {
  const title = { key: 'title', kind: 'title', markdown: slug, place: { line: 1, column: 1 } } as const;
  return { article: { slug, path: file, meta: { sources: [], authors: [] }, title, lead: [], figures: [], sections: [], notes: [], sources: [] }, diagnostics };
}
