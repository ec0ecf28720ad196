/**
 * GFM footnotes (`text[^1]` calls, `[^1]: note` definitions) → the article's notes: one unit per
 * definition (kind `note`, key `notes.<label>`), in order of first call. Labels are rewritten to
 * ASCII slugs (`[^Guido]` → `[^guido]`), unique, so a call reads the same in every language and a
 * key never holds a character JSON or a translator would stumble on. A definition's blocks are one
 * unit (`src/localize/notes.ts` reads it back as paragraphs and lists only).
 *
 * Reported: a definition no text calls (kept, shown after the called ones) and a call with no
 * definition (micromark leaves it as text, so it is shown as written).
 */
import type { FootnoteDefinition, Root, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import type { Place, Segment } from '../core/types.js';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { blocksToMarkdown } from '../core/markdown.js';
import { uniqueSlugger } from '../core/slug.js';

/** A `[^label]` call left as text: a label has no blank and no `]` (micromark's own rule, simplified). */
export const NOTE_CALL = /\[\^([^\]\s]+)\]/g;

/**
 * Takes the footnote definitions out of `tree` and rewrites every call to its note's slug label.
 * Returns the notes in order of first call, then the notes no text calls, in the source's order.
 */
export function extractNotes(tree: Root, file: string, diagnostics: Diagnostic[]): Segment[] {
  const definitions = new Map<string, FootnoteDefinition>();
  visit(tree, 'footnoteDefinition', (node, index, parent) => {
    // The first definition of a label wins, as in micromark.
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  const slugOf = new Map<string, string>();
  const nextSlug = uniqueSlugger();
  const order: FootnoteDefinition[] = [];
  const call = (identifier: string): string | undefined => {
    const known = slugOf.get(identifier);
    if (known) return known;
    const definition = definitions.get(identifier);
    if (!definition) return undefined;
    const slug = nextSlug(definition.label ?? identifier);
    slugOf.set(identifier, slug);
    order.push(definition);
    return slug;
  };
  // Calls in the body first (reading order), then calls inside notes themselves.
  const rewrite = (root: Root | FootnoteDefinition) =>
    visit(root, (node) => {
      if (node.type === 'footnoteReference') {
        const slug = call(node.identifier);
        if (slug) Object.assign(node, { identifier: slug, label: slug });
      } else if (node.type === 'text') {
        reportUncalled(node, file, diagnostics);
      }
    });
  rewrite(tree);
  for (let i = 0; i < order.length; i++) rewrite(order[i]!);
  for (const definition of definitions.values()) {
    if (slugOf.has(definition.identifier)) continue;
    diagnostics.push(ruleDiagnostic('briefing:unused-footnote', file, { label: definition.label ?? definition.identifier }, placeOf(definition)));
    call(definition.identifier);
    rewrite(definition);
  }
  return order.map((definition) => ({
    key: `notes.${slugOf.get(definition.identifier)}`,
    kind: 'note',
    markdown: blocksToMarkdown(definition.children),
    place: placeOf(definition),
  }));
}

/** `briefing:undefined-footnote` for each `[^label]` micromark left as text (no definition). */
function reportUncalled(node: Text, file: string, diagnostics: Diagnostic[]): void {
  if (!node.value.includes('[^')) return;
  const start = node.position?.start;
  for (const match of node.value.matchAll(NOTE_CALL)) {
    diagnostics.push(ruleDiagnostic('briefing:undefined-footnote', file, { label: match[1] ?? '' }, placeIn(node.value, match.index, start)));
  }
}

/** The place of `offset` in a text node starting at `start` (its value may span lines). */
function placeIn(value: string, offset: number, start: { line: number; column: number } | undefined): Place {
  const line = start?.line ?? 1;
  const before = value.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  if (lastBreak < 0) return { line, column: (start?.column ?? 1) + offset };
  // The parser drops a line's indentation from text: the column after a break is approximate.
  return { line: line + before.split('\n').length - 1, column: offset - lastBreak };
}

function placeOf(node: FootnoteDefinition): Place {
  const start = node.position?.start;
  return { line: start?.line ?? 1, column: start?.column ?? 1 };
}
