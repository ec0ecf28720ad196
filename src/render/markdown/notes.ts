/**
 * Footnotes in the document: the view writes each note as a GFM definition (`[^label]: …`), so the
 * template's output parses into `footnoteDefinition` nodes under the Notes heading and
 * `footnoteReference` calls in the text. Each definition and each call then gets its number
 * (`data.noteNumber`, 1, 2… in the Notes' order, the same in every language): HTML and PDF show
 * that number, never one of their own.
 */
import type { FootnoteDefinition, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { LocalizedBlock } from '../../core/types.js';

/** The note's GFM definition node; its label is the key's last part (`notes.<label>`). */
export function noteDefinition(note: LocalizedBlock): FootnoteDefinition {
  const label = note.key.slice(note.key.indexOf('.') + 1);
  return { type: 'footnoteDefinition', identifier: label, label, children: note.nodes };
}

/**
 * Numbers the top-level definitions in order and every call to them (`data.noteNumber`), and counts
 * the calls to each note (`data.noteCall`: 1 for its first call, 2…), for unique ids; returns `tree`.
 */
export function numberNotes(tree: Root): Root {
  const numbers = new Map<string, number>();
  for (const node of tree.children) {
    if (node.type !== 'footnoteDefinition' || numbers.has(node.identifier)) continue;
    numbers.set(node.identifier, numbers.size + 1);
    node.data = { ...node.data, noteNumber: numbers.size };
  }
  if (numbers.size === 0) return tree;
  const calls = new Map<string, number>();
  visit(tree, 'footnoteReference', (node) => {
    const number = numbers.get(node.identifier);
    if (number === undefined) return;
    const call = (calls.get(node.identifier) ?? 0) + 1;
    calls.set(node.identifier, call);
    node.data = { ...node.data, noteNumber: number, noteCall: call };
  });
  return tree;
}
