/**
 * Typography stage: French spacing (no-break spaces before high punctuation, inside guillemets,
 * between numbers and units, in thousands) and apostrophes; English curly quotes and apostrophes.
 * Applied once to the document tree, so the Markdown, HTML and PDF editions all get it.
 *
 * The rules themselves are data, in `rules.ts`; `engine.ts` runs them over the text of a block.
 */
import type { Root } from 'mdast';
import { OPAQUE, rulesFor, runRules, type Piece, type TextPiece } from './engine.js';
import { RULES, type FrenchVariant } from './rules.js';

export { RULES } from './rules.js';

export interface TypographyOptions {
  /** `fr-CA`: no space before `;` `!` `?` (still U+00A0 before `:` and U+202F inside « »). Default `fr-FR`. */
  variant?: FrenchVariant;
}

type Lang = 'fr' | 'en';

/** Applies the rules of `lang` to a plain string. Idempotent. */
export function typographText(text: string, lang: Lang, options: TypographyOptions = {}): string {
  const piece: TextPiece = { kind: 'text', text, lang };
  runRules([piece], rulesFor(RULES, options.variant ?? 'fr-FR'));
  return piece.text;
}

/**
 * Returns a copy of `tree` with the rules applied to its `text` nodes. Each paragraph, heading or
 * table cell is processed as one text, so rules see across emphasis and links. Inline code, code,
 * HTML, images and URLs (link/definition/image `url`) are never changed; link text is. A node
 * with `data.fallback === 'fr'` (a French block shown in an English edition) and everything in it
 * get the French rules.
 */
export function applyTypography(tree: Root, lang: Lang, options: TypographyOptions = {}): Root {
  const copy = structuredClone(tree);
  const rules = rulesFor(RULES, options.variant ?? 'fr-FR');
  walk(copy as unknown as AnyNode, lang, rules);
  return copy;
}

interface AnyNode {
  type: string;
  value?: string;
  children?: AnyNode[];
  data?: { fallback?: unknown };
}

/** Inline node types: consecutive ones form one text. Anything else is a block, walked into. */
const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'inlineCode',
  'inlineMath',
  'break',
  'image',
  'imageReference',
  'footnoteReference',
  'html',
]);

function langOf(node: AnyNode, inherited: Lang): Lang {
  return node.data?.fallback === 'fr' ? 'fr' : inherited;
}

function walk(node: AnyNode, inherited: Lang, rules: ReturnType<typeof rulesFor>): void {
  const lang = langOf(node, inherited);
  if (!node.children) return;
  let run: AnyNode[] = [];
  for (const child of node.children) {
    if (PHRASING.has(child.type)) {
      run.push(child);
      continue;
    }
    flush(run, lang, rules);
    run = [];
    walk(child, lang, rules);
  }
  flush(run, lang, rules);
}

/** Runs the rules over consecutive inline nodes, then writes the text back into their `text` nodes. */
function flush(run: AnyNode[], lang: Lang, rules: ReturnType<typeof rulesFor>): void {
  if (run.length === 0) return;
  const pieces: Piece[] = [];
  const owners: { node: AnyNode; piece: TextPiece }[] = [];
  const collect = (node: AnyNode, inherited: Lang): void => {
    const own = langOf(node, inherited);
    if (node.type === 'text' && typeof node.value === 'string') {
      const piece: TextPiece = { kind: 'text', text: node.value, lang: own };
      pieces.push(piece);
      owners.push({ node, piece });
    } else if (node.children && node.type !== 'image' && node.type !== 'imageReference') {
      for (const child of node.children) collect(child, own);
    } else {
      pieces.push({ kind: 'opaque', text: node.type === 'break' ? '\n' : OPAQUE });
    }
  };
  for (const node of run) collect(node, lang);
  if (owners.length === 0) return;
  runRules(pieces, rules);
  for (const { node, piece } of owners) node.value = piece.text;
}
