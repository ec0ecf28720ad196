/**
 * The bilingual edition pairs the French and English documents block by block. Both come from the
 * same content template, so their top-level blocks correspond one to one: same count, same kinds,
 * same section ids. Anything else means a template produced different structures per language,
 * which is reported rather than silently misaligned.
 */
import type { RootContent } from 'mdast';
import type { BriefingDocument } from '../../core/types.js';

export interface BlockPair {
  /** Stable section id when the pair is a section heading. */
  id?: string;
  source: RootContent;
  target: RootContent;
}

export class PairingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PairingError';
  }
}

/** Top-level blocks that print (template comments are already gone; raw HTML never prints). */
function blocks(doc: BriefingDocument): RootContent[] {
  return doc.tree.children.filter((node) => node.type !== 'html' && node.type !== 'definition' && node.type !== 'yaml');
}

const idOf = (node: RootContent): string | undefined => node.data?.id;

export function pairBlocks(source: BriefingDocument, target: BriefingDocument): BlockPair[] {
  const a = blocks(source);
  const b = blocks(target);
  if (a.length !== b.length) {
    throw new PairingError(`the ${source.lang} and ${target.lang} editions of "${source.slug}" have ${a.length} and ${b.length} blocks: the content template must produce the same blocks in every language`);
  }
  return a.map((node, i) => {
    const other = b[i]!;
    const depth = (n: RootContent) => (n.type === 'heading' ? n.depth : 0);
    if (node.type !== other.type || depth(node) !== depth(other) || idOf(node) !== idOf(other)) {
      throw new PairingError(`block ${i + 1} of "${source.slug}" is a ${node.type}${idOf(node) ? ` (${idOf(node)})` : ''} in ${source.lang} but a ${other.type}${idOf(other) ? ` (${idOf(other)})` : ''} in ${target.lang}`);
    }
    const id = idOf(node);
    return { ...(id ? { id } : {}), source: node, target: other };
  });
}
