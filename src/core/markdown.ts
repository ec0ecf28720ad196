/**
 * The one set of Markdown serialisation settings, used for locale strings and `.md` output alike,
 * so a string round-trips unchanged between extraction, templates and rendering.
 */
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { fromMarkdown, type Options as FromMarkdownOptions } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import { math } from 'micromark-extension-math';
import { mathFromMarkdown, mathToMarkdown } from 'mdast-util-math';
import type { Root, RootContent, PhrasingContent, Heading, Paragraph } from 'mdast';
import { capLinePrefixes, flattenDeepNesting } from './nesting.js';
import { supersub, supersubFromMarkdown, supersubToMarkdown } from './supersub.js';
import { limits } from './limits.js';

/** Math options shared by every parser and the writer: only `$$` delimits math (remark-math's option). */
export const MATH_OPTIONS = { singleDollarTextMath: false } as const;

export const MARKDOWN_OPTIONS: ToMarkdownOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
  incrementListMarker: true,
  // GFM (tables, footnotes, strikethrough, task lists, autolinks) as remark-gfm writes it.
  // `$$…$$` formulas; a single `$` is text ("5 $ et 10 $"), never inline math. `^sup^`, `~sub~` (./supersub.ts).
  extensions: [gfmToMarkdown(), mathToMarkdown(MATH_OPTIONS), supersubToMarkdown()],
};

/**
 * GFM, where strikethrough takes two tildes (`~~x~~`) so that one makes a subscript (`H~2~O`),
 * plus `^sup^` (./supersub.ts).
 */
export const GFM_OPTIONS = { singleTilde: false } as const;

/** GFM, `$$` math and sup/sub on top of CommonMark, for every string the project parses (articles, units, the template's output). */
const GFM: FromMarkdownOptions = {
  extensions: [gfm(GFM_OPTIONS), math(MATH_OPTIONS), supersub()],
  mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown(), supersubFromMarkdown()],
};

/** Serialises block nodes to CommonMark (no trailing newline). */
export function blocksToMarkdown(nodes: RootContent[]): string {
  return toMarkdown({ type: 'root', children: nodes } as Root, MARKDOWN_OPTIONS).trimEnd();
}

/**
 * Serialises inline content as the text of a heading of `depth`, without the `#` marks:
 * escaping is then right for a heading line (where a trailing `#` would otherwise vanish).
 * Line endings become spaces: a heading is one line, and one with a line ending would be
 * written as a setext heading, whose underline would escape the template's `#` line.
 */
export function inlineToMarkdown(children: PhrasingContent[], depth: Heading['depth'] = 2): string {
  const line = blocksToMarkdown([{ type: 'heading', depth, children: oneLine(children) }]);
  return line.slice(depth + 1);
}

/**
 * Serialises inline content as one line that starts a paragraph (a key figure's line, a list
 * item's text): escaped so that nothing at its start (`#`, `-`, `>`, `1.`, a fence) opens a block.
 */
export function inlineToParagraphLine(children: PhrasingContent[]): string {
  return blocksToMarkdown([{ type: 'paragraph', children: oneLine(children) }]);
}

/**
 * Parses a Markdown string into mdast (CommonMark only, positions kept), with quotes, lists and
 * emphasis nested at most `nestingDepth` deep (src/core/nesting.ts): deeper levels are flattened.
 */
export function parseMarkdown(text: string): Root {
  const depth = limits().nestingDepth;
  const tree = fromMarkdown(capLinePrefixes(text, depth).text, GFM);
  flattenDeepNesting(tree, depth);
  return tree;
}

/**
 * CommonMark's block constructs (micromark names), and raw inline HTML: switched off to read a
 * string as the content of one paragraph, so `# `, a fence, `---`, `>`, `- `, `<div>` or a link
 * definition in it are text, never structure.
 */
const PARAGRAPH_ONLY: NonNullable<FromMarkdownOptions['extensions']>[number] = {
  disable: {
    null: [
      'blockQuote',
      'codeFenced',
      'codeIndented',
      'definition',
      'headingAtx',
      'htmlFlow',
      'htmlText',
      'list',
      'setextUnderline',
      'thematicBreak',
      // GFM's block constructs: a table or a footnote definition in a paragraph's string is text.
      'table',
      'gfmFootnoteDefinition',
      // A `$$` formula block in a paragraph's string is text too.
      'mathFlow',
    ],
  },
};

/**
 * Parses a string as one paragraph, whatever it holds: block syntax is text, and blank lines
 * (which would start another paragraph) join the parts with a space. Positions are kept.
 */
export function parseParagraph(text: string): Paragraph {
  const tree = fromMarkdown(text, {
    extensions: [gfm(GFM_OPTIONS), math(MATH_OPTIONS), supersub(), PARAGRAPH_ONLY],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown(), supersubFromMarkdown()],
  });
  // Block syntax is off, but emphasis and links can still nest: capped as in parseMarkdown.
  flattenDeepNesting(tree, limits().nestingDepth);
  const parts = tree.children.filter((node): node is Paragraph => node.type === 'paragraph');
  const first = parts[0];
  if (parts.length === 1 && first) return first;
  return { type: 'paragraph', children: parts.flatMap((part, i) => (i === 0 ? part.children : [{ type: 'text', value: ' ' }, ...part.children])) };
}

/**
 * Inline content on one line: line endings in text and code become spaces, hard breaks a space.
 * (The parser already drops the spaces around a line ending inside a paragraph.)
 */
export function oneLine(children: PhrasingContent[]): PhrasingContent[] {
  return children.map((node): PhrasingContent => {
    if (node.type === 'break') return { type: 'text', value: ' ' };
    if ('value' in node) return { ...node, value: node.value.replace(/\r\n?|\n/g, ' ') };
    if ('children' in node) return { ...node, children: oneLine(node.children) } as PhrasingContent;
    return node;
  });
}
