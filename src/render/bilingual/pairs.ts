/**
 * The bilingual edition pairs the French and English documents block by block. Both come from the
 * same content template, so their top-level blocks correspond one to one: same count, same kinds,
 * same section ids. Anything else is reported rather than silently misaligned, at its cause: a
 * translation whose blocks differ from its French (an added blank line, a list), found by
 * {@link mismatchedUnit}, or else the content template.
 */
import type { RootContent } from 'mdast';
import path from 'node:path';
import type { Briefing, BriefingDocument, LocalizedBlock, Place } from '../../core/types.js';
import { FileProblem } from '../../core/errors.js';
import type { RuleParams } from '../../core/rules.js';

export interface BlockPair {
  /** Stable section id when the pair is a section heading. */
  id?: string;
  source: RootContent;
  target: RootContent;
}

/** The two editions do not pair; `file` is the content template or the translation at fault. */
export class PairingError extends FileProblem<'briefing:pairing-mismatch'> {
  override name = 'PairingError';
  constructor(file: string, params: RuleParams<'briefing:pairing-mismatch'>, place?: Place) {
    super('briefing:pairing-mismatch', file, params, place);
  }
}

/** Top-level blocks that print (template comments are already gone; raw HTML never prints). */
function blocks(doc: BriefingDocument): RootContent[] {
  return doc.tree.children.filter((node) => node.type !== 'html' && node.type !== 'definition' && node.type !== 'yaml');
}

const idOf = (node: RootContent): string | undefined => node.data?.id;

/**
 * The pairs of blocks of two editions of one article.
 * @param template the content template both came from, named when they do not pair.
 * @throws PairingError
 */
export function pairBlocks(source: BriefingDocument, target: BriefingDocument, template = path.join('templates', 'briefing.md.hbs')): BlockPair[] {
  const a = blocks(source);
  const b = blocks(target);
  const fail = (problem: string) => new PairingError(template, { cause: 'template', problem });
  if (a.length !== b.length) {
    throw fail(
      `the ${source.lang} and ${target.lang} editions of "${source.slug}" have ${a.length} and ${b.length} blocks: the content template must produce the same blocks in every language`,
    );
  }
  return a.map((node, i) => {
    const other = b[i]!;
    const depth = (n: RootContent) => (n.type === 'heading' ? n.depth : 0);
    if (node.type !== other.type || depth(node) !== depth(other) || idOf(node) !== idOf(other)) {
      throw fail(
        `block ${i + 1} of "${source.slug}" is a ${node.type}${idOf(node) ? ` (${idOf(node)})` : ''} in ${source.lang} but a ${other.type}${idOf(other) ? ` (${idOf(other)})` : ''} in ${target.lang}`,
      );
    }
    const id = idOf(node);
    return { ...(id ? { id } : {}), source: node, target: other };
  });
}

/** A translation unit whose top-level blocks differ from its French: the key and both shapes. */
export interface UnitMismatch {
  key: string;
  french: string;
  translation: string;
}

/**
 * The first block unit (lead or section paragraph, list, quote) whose translation does not have
 * the French's top-level blocks (same count, kinds and heading depths): what makes two editions
 * of one template unpairable. Units shown in French have the French's blocks by construction.
 */
export function mismatchedUnit(source: Briefing, target: Briefing): UnitMismatch | undefined {
  const units = (b: Briefing) => new Map([...b.lead, ...b.sections.flatMap((s) => s.blocks)].map((u): [string, LocalizedBlock] => [u.key, u]));
  const french = units(source);
  for (const [key, unit] of units(target)) {
    const original = french.get(key);
    if (original && shape(original) !== shape(unit)) return { key, french: shape(original), translation: shape(unit) };
  }
  return undefined;
}

/** "a paragraph", "2 blocks: paragraph, list", "empty". */
function shape(unit: LocalizedBlock): string {
  const kinds = unit.nodes.map((n) => (n.type === 'heading' ? `heading ${n.depth}` : n.type));
  if (kinds.length === 0) return 'empty';
  return kinds.length === 1 ? `a ${kinds[0]}` : `${kinds.length} blocks: ${kinds.join(', ')}`;
}
