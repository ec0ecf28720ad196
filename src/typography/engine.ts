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

/**
 * The pieces joined, with where each starts, and the protected spans of that text once a rule
 * matched: shared by the rules that follow until one of them edits the text.
 */
interface Flow {
  full: string;
  starts: number[];
  protectedSpans?: ProtectedIndex;
}

/** Applies `rules` in order to the pieces; text pieces are updated in place. */
export function runRules(pieces: Piece[], rules: readonly TypographyRule[]): void {
  let flow: Flow | undefined;
  for (const rule of rules) {
    if (!pieces.some((piece) => piece.kind === 'text' && piece.lang === rule.lang)) continue;
    flow ??= joined(pieces);
    if (runRule(pieces, rule, flow)) flow = undefined;
  }
}

function joined(pieces: readonly Piece[]): Flow {
  const starts: number[] = [];
  let full = '';
  for (const piece of pieces) {
    starts.push(full.length);
    full += piece.text;
  }
  return { full, starts };
}

/** Runs one rule over the flow; true when it changed the text (the flow is then stale). */
function runRule(pieces: Piece[], rule: TypographyRule, flow: Flow): boolean {
  const { full, starts } = flow;
  if (rule.needs && !rule.needs.test(full)) return false; // what every match needs is absent
  const matches = allMatches(rule.pattern, full);
  if (matches.length === 0) return false; // most rules match nothing: skip the protected-span scan
  flow.protectedSpans ??= findProtected(full);
  const protectedSpans = flow.protectedSpans;
  const edits: Edit[] = [];
  for (const [from, to] of matches.flatMap((match) => targets(match, rule))) {
    if (touchesProtected(protectedSpans, from, to)) continue;
    if (rule.notAfterProtected && protectedSpans.ends.has(from)) continue;
    const planned = from === to ? planInsertion(pieces, starts, from, rule) : planReplacement(pieces, starts, from, to, rule);
    if (planned) edits.push(...planned);
  }
  applyEdits(pieces, edits);
  return edits.length > 0;
}

/** What a match replaces: the match, or for a `spacesInside` rule each run of ordinary spaces in it. */
function targets(match: RegExpExecArray, rule: TypographyRule): [number, number][] {
  if (!rule.spacesInside) return [[match.index, match.index + match[0].length]];
  return allMatches(SPACE_RUN, match[0]).map((run) => [match.index + run.index, match.index + run.index + run[0].length]);
}

const SPACE_RUN = /[ \t]+/g;

/**
 * The matches of the global `pattern` in `text`, as `[...text.matchAll(pattern)]` finds them,
 * without the copy of the expression that `matchAll` makes on every call (a few thousand rules
 * run over each long article, most of them matching nothing). After an empty match the search
 * moves on by one character, a whole code point with the `u` flag, as `matchAll` does.
 */
function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  // Without `g`, exec would find the first match forever (matchAll throws there too).
  if (!pattern.global) throw new TypeError(`typography patterns must be global: ${pattern}`);
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    matches.push(match);
    if (match[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode || pattern.flags.includes('v'));
  }
  return matches;
}

/** ECMAScript's AdvanceStringIndex. */
function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.codePointAt(index)!;
  return index + (code > 0xffff ? 2 : 1);
}

/**
 * Writes the edits (in match order, so ascending within each piece) into their pieces, each piece
 * rebuilt once from its slices: editing a string in place once per match is quadratic when a text
 * has thousands of matches (`«««…`).
 */
function applyEdits(pieces: Piece[], edits: readonly Edit[]): void {
  const byPiece = new Map<number, Edit[]>();
  for (const edit of edits) {
    const list = byPiece.get(edit.piece);
    if (list) list.push(edit);
    else byPiece.set(edit.piece, [edit]);
  }
  for (const [index, list] of byPiece) {
    const piece = pieces[index]!;
    // Stable sort: insertions at one offset keep their match order (matches never overlap).
    list.sort((a, b) => a.from - b.from);
    const parts: string[] = [];
    let at = 0;
    for (const edit of list) {
      parts.push(piece.text.slice(at, edit.from), edit.insert);
      at = edit.to;
    }
    parts.push(piece.text.slice(at));
    piece.text = parts.join('');
  }
}

/** Index of the last piece starting at or before `at` (`starts` is ascending; empty pieces share a start). */
function pieceAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Empty match at `at`: the text piece starting there owns the insertion, else the one ending there. */
function planInsertion(pieces: Piece[], starts: number[], at: number, rule: TypographyRule): Edit[] | null {
  // The non-empty pieces holding the characters at `at` and before it (found by search: a block may hold many pieces).
  const nextCandidate = pieceAt(starts, at);
  const next = at < starts[nextCandidate]! + pieces[nextCandidate]!.text.length ? nextCandidate : -1;
  const prevCandidate = at > 0 ? pieceAt(starts, at - 1) : -1;
  const prev =
    prevCandidate >= 0 && pieces[prevCandidate]!.text.length > 0 && starts[prevCandidate]! + pieces[prevCandidate]!.text.length >= at ? prevCandidate : -1;
  const owner = [next, prev].find((i) => i >= 0 && pieces[i]!.kind === 'text');
  if (owner === undefined) {
    // Only empty text pieces around: use the first text piece at that position.
    let empty = lowerBound(starts, at);
    while (empty < pieces.length && starts[empty] === at && pieces[empty]!.kind !== 'text') empty++;
    if (empty >= pieces.length || starts[empty] !== at) return null;
    return ownedBy(pieces, empty, rule) ? [{ piece: empty, from: 0, to: 0, insert: rule.replacement }] : null;
  }
  if (!ownedBy(pieces, owner, rule)) return null;
  const local = at - starts[owner]!;
  return [{ piece: owner, from: local, to: local, insert: rule.replacement }];
}

/** Non-empty match: every overlapped piece must be text; the first gets the replacement, the others lose their part. */
function planReplacement(pieces: Piece[], starts: number[], from: number, to: number, rule: TypographyRule): Edit[] | null {
  const edits: Edit[] = [];
  // Pieces before the one holding `from` all end at or before it.
  for (let i = pieceAt(starts, from); i < pieces.length && starts[i]! < to; i++) {
    const start = starts[i]!;
    const end = start + pieces[i]!.text.length;
    if (end <= from) continue;
    if (pieces[i]!.kind !== 'text') return null;
    if (edits.length === 0 && !ownedBy(pieces, i, rule)) return null;
    edits.push({ piece: i, from: Math.max(from, start) - start, to: Math.min(to, end) - start, insert: edits.length === 0 ? rule.replacement : '' });
  }
  return edits.length > 0 ? edits : null;
}

/** Index of the first element of the ascending `sorted` that is at least `at`. */
function lowerBound(sorted: readonly number[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

function ownedBy(pieces: Piece[], index: number, rule: TypographyRule): boolean {
  const piece = pieces[index]!;
  return piece.kind === 'text' && piece.lang === rule.lang;
}

/** Protected spans sorted by start, with the running maximum of their ends: one binary search per match. */
interface ProtectedIndex {
  starts: number[];
  maxEnd: number[];
  /** Where each span ends, for the rules that leave the text right after one alone. */
  ends: Set<number>;
}

function findProtected(text: string): ProtectedIndex {
  const spans: [number, number][] = [];
  for (const { pattern, needs, trimEnd } of PROTECTED) {
    if (!needs.test(text)) continue;
    for (const match of allMatches(pattern, text)) {
      const length = trimEnd ? trimmedLength(match[0], trimEnd) : match[0].length;
      if (length > 0) spans.push([match.index, match.index + length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const maxEnd: number[] = [];
  for (const [, end] of spans) maxEnd.push(Math.max(end, maxEnd.at(-1) ?? 0));
  return { starts: spans.map(([start]) => start), maxEnd, ends: new Set(spans.map(([, end]) => end)) };
}

/** Length of `value` without its trailing characters of the class `trailing` (a loop, not `/[…]+$/`, which backtracks). */
function trimmedLength(value: string, trailing: RegExp): number {
  let end = value.length;
  while (end > 0 && trailing.test(value[end - 1]!)) end--;
  return end;
}

/** A replacement may not overlap a protected span; an insertion may not fall strictly inside one. */
function touchesProtected(index: ProtectedIndex, from: number, to: number): boolean {
  // Spans starting before `limit` (insertion: before `from`; replacement: before `to`), and whether one ends after `from`.
  const limit = from === to ? from : to;
  const count = lowerBound(index.starts, limit);
  return count > 0 && index.maxEnd[count - 1]! > from;
}
