/**
 * Runs the rule table over a "flow": the text of one paragraph, heading or table cell, given as
 * an ordered list of pieces. Text pieces come from mdast `text` nodes (possibly in different
 * languages); opaque pieces stand for inline code, images, inline HTML and breaks, which the
 * rules may see around but never change. Rules match on the joined string, so a sentence split
 * over several nodes (`*mot*?`, `« **for-profit** »`) is handled like plain text, and each edit
 * is written back into the text piece that owns it.
 */
import { PROTECTED, type FrenchVariant, type RuleLang, type TypographyRule } from './rules.js';

/** Stands for an inline node that is not text (inline code, image, HTML): one non-space, non-letter character. */
export const OPAQUE = '\uFFFC';

export interface TextPiece {
  kind: 'text';
  text: string;
  lang: RuleLang;
}
interface OpaquePiece {
  kind: 'opaque';
  /** `OPAQUE`, or `\n` for a hard break. */
  text: string;
}
export type Piece = TextPiece | OpaquePiece;

interface Edit {
  piece: number;
  from: number;
  to: number;
  insert: string;
}

/** Rules that apply to the given French variant (English rules always apply to English text). */
export function rulesFor(rules: readonly TypographyRule[], variant: FrenchVariant): TypographyRule[] {
  return rules.filter((rule) => rule.lang === 'en' || !rule.variants || rule.variants.includes(variant));
}

/** Applies `rules` in order to the pieces; text pieces are updated in place. */
export function runRules(pieces: Piece[], rules: readonly TypographyRule[]): void {
  for (const rule of rules) {
    if (!pieces.some((piece) => piece.kind === 'text' && piece.lang === rule.lang)) continue;
    runRule(pieces, rule);
  }
}

function runRule(pieces: Piece[], rule: TypographyRule): void {
  const starts: number[] = [];
  let full = '';
  for (const piece of pieces) {
    starts.push(full.length);
    full += piece.text;
  }
  rule.pattern.lastIndex = 0;
  const matches = [...full.matchAll(rule.pattern)];
  if (matches.length === 0) return; // most rules match nothing: skip the protected-span scan
  const protectedSpans = findProtected(full);
  const edits: Edit[] = [];
  for (const match of matches) {
    const from = match.index;
    const to = from + match[0].length;
    if (touchesProtected(protectedSpans, from, to)) continue;
    const planned = from === to ? planInsertion(pieces, starts, from, rule) : planReplacement(pieces, starts, from, to, rule);
    if (planned) edits.push(...planned);
  }
  // Later edits first, so that earlier offsets stay valid.
  edits.sort((a, b) => b.piece - a.piece || b.from - a.from);
  for (const edit of edits) {
    const piece = pieces[edit.piece]!;
    piece.text = piece.text.slice(0, edit.from) + edit.insert + piece.text.slice(edit.to);
  }
}

/** Empty match at `at`: the text piece starting there owns the insertion, else the one ending there. */
function planInsertion(pieces: Piece[], starts: number[], at: number, rule: TypographyRule): Edit[] | null {
  let next = -1;
  let prev = -1;
  for (let i = 0; i < pieces.length; i++) {
    const start = starts[i]!;
    const end = start + pieces[i]!.text.length;
    if (next < 0 && start <= at && at < end) next = i;
    if (start < at && at <= end) prev = i;
  }
  const owner = [next, prev].find((i) => i >= 0 && pieces[i]!.kind === 'text');
  if (owner === undefined) {
    // Only empty text pieces around: use the first text piece at that position.
    const empty = pieces.findIndex((piece, i) => piece.kind === 'text' && starts[i] === at);
    if (empty < 0) return null;
    return ownedBy(pieces, empty, rule) ? [{ piece: empty, from: 0, to: 0, insert: rule.replacement }] : null;
  }
  if (!ownedBy(pieces, owner, rule)) return null;
  const local = at - starts[owner]!;
  return [{ piece: owner, from: local, to: local, insert: rule.replacement }];
}

/** Non-empty match: every overlapped piece must be text; the first gets the replacement, the others lose their part. */
function planReplacement(pieces: Piece[], starts: number[], from: number, to: number, rule: TypographyRule): Edit[] | null {
  const edits: Edit[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const start = starts[i]!;
    const end = start + pieces[i]!.text.length;
    if (end <= from || start >= to) continue;
    if (pieces[i]!.kind !== 'text') return null;
    if (edits.length === 0 && !ownedBy(pieces, i, rule)) return null;
    edits.push({ piece: i, from: Math.max(from, start) - start, to: Math.min(to, end) - start, insert: edits.length === 0 ? rule.replacement : '' });
  }
  return edits.length > 0 ? edits : null;
}

function ownedBy(pieces: Piece[], index: number, rule: TypographyRule): boolean {
  const piece = pieces[index]!;
  return piece.kind === 'text' && piece.lang === rule.lang;
}

type Span = readonly [number, number];

function findProtected(text: string): Span[] {
  const spans: Span[] = [];
  for (const { pattern, trimEnd } of PROTECTED) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const value = trimEnd ? match[0].replace(trimEnd, '') : match[0];
      if (value.length > 0) spans.push([match.index, match.index + value.length]);
    }
  }
  return spans;
}

/** A replacement may not overlap a protected span; an insertion may not fall strictly inside one. */
function touchesProtected(spans: readonly Span[], from: number, to: number): boolean {
  return spans.some(([start, end]) => (from === to ? start < from && from < end : from < end && to > start));
}
