/**
 * A translation keeps its French unit's block shape; the build parses it as that kind anyway
 * (src/localize/units.ts), and these rules say where a string does not fit:
 * - `briefing:translation-shape` (error): the French is one list or one quote, the translation is
 *   not that one block (a paragraph, two blocks…). The edition is not built with it.
 * - `briefing:block-markup` (warning): a paragraph, heading, title or figure label whose
 *   translation holds block markup the French does not (`# `, a fence, `---`, `>`, `- `, a blank
 *   line…). It is built, the markup shown as literal text; the warning says so.
 * Raw HTML is left to `briefing:raw-html`. Only keys of the article's units are checked: the
 * caller passes the units (`build` and `check` both have the article).
 */
import type { List, Root, RootContent } from 'mdast';
import type { Diagnostic } from '../../core/errors.js';
import { parseMarkdown } from '../../core/markdown.js';
import type { Segment } from '../../core/types.js';
import { frenchNote, placeAt, report, type RuleContext } from './context.js';
import { unitTree, type TreeCache } from './unit-tree.js';

/** What the shape rules see: the lint context and the article's units by key. */
export interface ShapeContext extends RuleContext {
  units: ReadonlyMap<string, Segment>;
  /** Strings parsed so far by the rules of one validation (./unit-tree.ts). */
  trees?: TreeCache;
}

/** Names of the blocks a string can parse to, as the messages say them. */
const BLOCK_NAMES: Partial<Record<RootContent['type'], string>> = {
  blockquote: 'a quote',
  code: 'a code block',
  definition: 'a link definition',
  heading: 'a heading',
  html: 'raw HTML',
  list: 'a list',
  paragraph: 'a paragraph',
  table: 'a table',
  thematicBreak: 'a rule',
};

const UNIT_NAMES: Record<Segment['kind'], string> = {
  title: 'title',
  heading: 'heading',
  figure: 'key figure label',
  source: 'source title',
  paragraph: 'paragraph',
  list: 'list',
  blockquote: 'quote',
  table: 'table',
  cell: 'table cell',
  code: 'code block',
  math: 'formula',
  callout: 'callout',
  image: 'image',
  alt: 'image description',
  caption: 'caption',
  note: 'footnote',
};

const blockName = (node: RootContent) => BLOCK_NAMES[node.type] ?? `a ${node.type}`;

/** A block's kind for comparing two strings' shapes (a heading's depth counts). */
const shapeOf = (node: RootContent) => (node.type === 'heading' ? `heading ${node.depth}` : node.type);

export function checkShape(ctx: ShapeContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Every string read as blocks, through the validation's trees when it has them.
  const blocks = (value: string): Root => (ctx.trees ? (unitTree(value, 'list', ctx.trees) as Root) : parseMarkdown(value));
  for (const entry of ctx.entries) {
    const unit = ctx.units.get(entry.key);
    if (!unit || entry.value.trim() === '') continue;
    const nodes = blocks(entry.value).children;
    const place = (node: RootContent | undefined) => placeAt(entry, node?.position?.start.offset ?? 0, ctx.text);
    const note = frenchNote(ctx, entry.key) ?? `French: ${JSON.stringify(unit.markdown)}`;
    if (unit.kind === 'list' || unit.kind === 'blockquote') {
      const wrong = nodes[0]?.type === unit.kind ? nodes[1] : nodes[0];
      const french = unit.kind === 'list' ? 'list' : 'quote';
      if (!wrong) {
        const items = nodes[0]?.type === 'list' ? listDifference(nodes[0], blocks(unit.markdown).children[0]) : undefined;
        if (items) out.push(report(ctx, 'briefing:translation-shape', { french, found: items }, place(nodes[0]), note));
        continue;
      }
      const found = nodes.length === 1 ? `is ${blockName(wrong)}` : `is ${nodes.length} blocks (${nodes.map(blockName).join(', then ')})`;
      out.push(report(ctx, 'briefing:translation-shape', { french, found }, place(wrong), note));
      continue;
    }
    // The French's own blocks as a string would parse (one paragraph; a heading "1. Intro" is a
    // list): markup the French has too is what the translator copied, shown as the French is.
    const french = blocks(unit.markdown).children.map(shapeOf);
    const index = nodes.findIndex((node, i) => shapeOf(node) !== french[i]);
    const extra = nodes[index];
    if (!extra || extra.type === 'html') continue;
    const params = { unit: UNIT_NAMES[unit.kind], markup: extra.type === 'paragraph' ? '' : markupOf(entry.value, extra), construct: blockName(extra) };
    out.push(report(ctx, 'briefing:block-markup', params, place(extra), note));
  }
  return out;
}

/**
 * How a translated list differs from the French one, as the message says it ("has 2 items, the
 * French 3"), or undefined when it has the French's kind (numbered or not) and number of items.
 */
function listDifference(list: List, french: RootContent | undefined): string | undefined {
  if (french?.type !== 'list') return undefined;
  const kind = (l: List) => (l.ordered ? 'a numbered list' : 'a bulleted list');
  if (Boolean(list.ordered) !== Boolean(french.ordered)) return `is ${kind(list)}, the French ${kind(french)}`;
  const count = (n: number) => `${n} item${n === 1 ? '' : 's'}`;
  if (list.children.length !== french.children.length) return `has ${count(list.children.length)}, the French ${count(french.children.length)}`;
  return undefined;
}

/** The line of `value` that makes `node` a block (a setext heading's underline), shortened. */
function markupOf(value: string, node: RootContent): string {
  const source = value.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? value.length);
  const lines = source.split(/\r\n?|\n/);
  const setext = node.type === 'heading' && !source.trimStart().startsWith('#');
  const line = (setext ? lines.at(-1) : lines[0])?.trim() ?? '';
  return line.length > 24 ? `${line.slice(0, 23)}…` : line;
}
