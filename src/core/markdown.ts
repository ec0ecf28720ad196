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
import type { Construct, Effects, Extension, State, Token, TokenizeContext } from 'micromark-util-types';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Processor } from 'unified';
import { memoParse } from './tree-memo.js';
import { boundedHtmlText } from './bounded-html-text.js';

/** Math options shared by every parser and the writer: only `$$` delimits math (remark-math's option). */
const MATH_OPTIONS = { singleDollarTextMath: false } as const;

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
const GFM_OPTIONS = { singleTilde: false } as const;

/** GFM, `$$` math and sup/sub on top of CommonMark, for every string the project parses (articles, units, the template's output). */
const GFM: FromMarkdownOptions = {
  extensions: [boundedGfm(), boundedHtmlText, math(MATH_OPTIONS), supersub()],
  mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown(), supersubFromMarkdown()],
};

/**
 * The project's syntax as a remark plugin, for the article parser (remark-parse): the same
 * micromark and mdast extensions as {@link parseMarkdown}, so articles and strings read alike.
 */
export function remarkProjectSyntax(this: Processor): undefined {
  const data = this.data();
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), ...(GFM.extensions ?? [])];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), ...(GFM.mdastExtensions ?? [])];
}

/**
 * How far back (in micromark events) a `]` looks for the `[^` of a footnote call. A call's label
 * (`[^note-2]`) is a few events (more with escapes or emphasis in it): 256 finds labels of a
 * hundred characters and more; a longer one is text, and its note reported as never called.
 */
const FOOTNOTE_CALL_LOOKBACK = 256;

/**
 * GFM with its footnote calls' look-back bounded: micromark-extension-gfm-footnote walks back
 * through every event of the paragraph from each `]` to find a `[^`, so `](` repeated 6 000
 * times took 31 s (quadratic). Its tokenizer is replaced by the same one (MIT, micromark) whose
 * walk stops after {@link FOOTNOTE_CALL_LOOKBACK} events: the same calls are found, in time
 * linear in the text.
 */
function boundedGfm(): Extension {
  const extension = gfm(GFM_OPTIONS);
  const closing = extension.text?.[93];
  if (!extension.text || !Array.isArray(closing)) return extension;
  const bounded = closing.map(
    (construct): Construct => (construct.name === 'gfmPotentialFootnoteCall' ? { ...construct, tokenize: potentialFootnoteCall } : construct),
  );
  return { ...extension, text: { ...extension.text, 93: bounded } };
}

/** Token types that end the walk back from a `]` (as in micromark-extension-gfm-footnote). */
const WALK_STOPS = new Set(['gfmFootnoteCall', 'labelLink', 'label', 'image', 'link']);

/** micromark-extension-gfm-footnote's `tokenizePotentialGfmFootnoteCall`, its walk bounded. */
function potentialFootnoteCall(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const { events } = this;
  const parser = this.parser as typeof this.parser & { gfmFootnotes?: string[] };
  parser.gfmFootnotes ??= [];
  const defined = parser.gfmFootnotes;
  const floor = Math.max(0, events.length - FOOTNOTE_CALL_LOOKBACK);
  let labelStart: Token | undefined;
  for (let index = events.length - 1; index >= floor; index--) {
    const token = events[index]![1];
    if (token.type === 'labelImage') {
      labelStart = token;
      break;
    }
    if (WALK_STOPS.has(token.type)) break;
  }
  const start: State = (code) => {
    if (!labelStart?._balanced) return nok(code);
    const id = normalizeIdentifier(this.sliceSerialize({ start: labelStart.end, end: this.now() }));
    if (id.codePointAt(0) !== 94 || !defined.includes(id.slice(1))) return nok(code);
    effects.enter('gfmFootnoteCallLabelMarker');
    effects.consume(code);
    effects.exit('gfmFootnoteCallLabelMarker');
    return ok(code);
  };
  return start;
}

/** Serialises block nodes to CommonMark (no trailing newline). */
export function blocksToMarkdown(nodes: RootContent[]): string {
  const only = nodes.length === 1 ? nodes[0] : undefined;
  const plain = only && plainBlockMarkdown(only);
  if (plain !== undefined) return plain;
  return toMarkdown({ type: 'root', children: nodes } as Root, MARKDOWN_OPTIONS).trimEnd();
}

/**
 * A paragraph or heading holding one plain line of text, serialised as the serialiser would,
 * without it: the text needs no escape, so the output is the text itself (after the heading's
 * `#` marks). Most units of an article are such lines, and configuring the serialiser (its
 * handlers and extensions merged on every call) costs far more than serialising one sentence.
 * Plain means: no character that any escape rule of {@link MARKDOWN_OPTIONS} looks at (the
 * parser's {@link SYNTAX_CHARACTER}s, `#`, and `:/` of GFM's `http:/`), no line ending, no
 * space at either end, and for a paragraph a letter first, so that nothing can open a block.
 */
function plainBlockMarkdown(node: RootContent): string | undefined {
  if ((node.type !== 'paragraph' && node.type !== 'heading') || node.children.length !== 1) return undefined;
  const text = node.children[0]!;
  if (text.type !== 'text' || !isPlainText(text.value, node.type === 'paragraph') || /[#]|:\//.test(text.value)) return undefined;
  return node.type === 'heading' ? `${'#'.repeat(Math.max(Math.min(6, node.depth || 1), 1))} ${text.value}` : text.value;
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
  const plain = plainLine(text, true);
  if (plain) return { type: 'root', children: [plain], position: plain.position };
  const depth = limits().nestingDepth;
  return memoParse(`markdown ${depth}`, text, () => {
    const tree = fromMarkdown(capLinePrefixes(text, depth).text, GFM);
    flattenDeepNesting(tree, depth);
    return tree;
  });
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

/** {@link GFM} with block syntax off; made once, as GFM is: building GFM's extensions costs more than parsing a short string. */
const GFM_PARAGRAPH: FromMarkdownOptions = { ...GFM, extensions: [...(GFM.extensions ?? []), PARAGRAPH_ONLY] };

/**
 * Parses a string as one paragraph, whatever it holds: block syntax is text, and blank lines
 * (which would start another paragraph) join the parts with a space. Positions are kept.
 */
export function parseParagraph(text: string): Paragraph {
  const plain = plainLine(text, false);
  if (plain) return plain;
  const depth = limits().nestingDepth;
  return memoParse(`paragraph ${depth}`, text, () => paragraphOf(text, depth));
}

function paragraphOf(text: string, depth: number): Paragraph {
  const tree = fromMarkdown(text, GFM_PARAGRAPH);
  // Block syntax is off, but emphasis and links can still nest: capped as in parseMarkdown.
  flattenDeepNesting(tree, depth);
  const parts = tree.children.filter((node): node is Paragraph => node.type === 'paragraph');
  const first = parts[0];
  if (parts.length === 1 && first) return first;
  return { type: 'paragraph', children: parts.flatMap((part, i) => (i === 0 ? part.children : [{ type: 'text', value: ' ' }, ...part.children])) };
}

/**
 * Characters that may start Markdown syntax inside a line (emphasis, code, links, images, raw
 * HTML, autolinks, character references, escapes, strikethrough, sup/sub, math, tables, email
 * autolinks), and control characters (line endings, tabs, NUL).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: line endings, tabs and NUL send a string to the parser on purpose
const SYNTAX_CHARACTER = /[*_`[\]!<>&\\~^$@|\u0000-\u001f\u007f]|www\.|:\/\//i;

/**
 * A string of one line without any Markdown syntax, as the paragraph micromark would make of it
 * (one text node, positions kept), or undefined when the parser must read it. Most units are
 * such plain sentences, and parsing one costs a parser's set-up (extensions combined) that
 * dwarfs the text: this keeps a long article's thousands of units cheap. `atBlockStart`: the line
 * is read as a document (parseMarkdown), where its first character may open a block (`#`, `-`,
 * `1.`, indentation), so it must be a letter.
 */
function plainLine(text: string, atBlockStart: boolean): Paragraph | undefined {
  if (!isPlainText(text, atBlockStart)) return undefined;
  const position = () => ({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: text.length + 1, offset: text.length } });
  return { type: 'paragraph', children: [{ type: 'text', value: text, position: position() }], position: position() };
}

/** One line without Markdown syntax or space at either end; `atBlockStart`: starting with a letter. */
function isPlainText(text: string, atBlockStart: boolean): boolean {
  if (text === '' || SYNTAX_CHARACTER.test(text) || /^\s|\s$/.test(text)) return false;
  return !atBlockStart || /^\p{L}/u.test(text);
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
