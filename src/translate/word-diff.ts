/** Word diff of two French texts, as plain data: the review page's template and check's stale note (no HTML built here). */
import { diffWordsWithSpace, type ChangeObject } from 'diff';
import { DEFAULTS } from '../core/defaults.js';

type DiffKind = 'same' | 'added' | 'removed';

/**
 * One run of the diff. `added` / `removed` repeat `kind` as booleans because the template can
 * only branch with `{{#if}}` (no helpers are registered on the shared Handlebars environment).
 */
export interface DiffPart {
  kind: DiffKind;
  text: string;
  added: boolean;
  removed: boolean;
}

/**
 * Word-level changes from `before` to `after`, whitespace included. For readability, a stretch
 * of changes separated only by spaces ("<del>13</del><ins>près</ins> <ins>de 14</ins>") becomes
 * one removed run and one added run ("<del>13</del><ins>près de 14</ins>"); joining the `same` and
 * `removed` texts still gives `before`, and the `same` and `added` texts `after`.
 */
export function wordDiff(before: string, after: string, maxEdits: number = DEFAULTS.reviewDiffMaxEdits): DiffPart[] {
  // Myers' diff takes time and memory growing with the number of edits times the text's length:
  // beyond `maxEdits` word or space changes, the unit is shown as changed as a whole.
  const changes = diffWordsWithSpace(before, after, { maxEditLength: maxEdits }) ?? wholeChange(before, after);
  const parts: DiffPart[] = [];
  let i = 0;
  while (i < changes.length) {
    const change = changes[i]!;
    if (!isChange(change)) {
      push(parts, 'same', change.value);
      i++;
      continue;
    }
    // The group: changes, and whitespace-only unchanged runs lying between two changes.
    let end = i + 1;
    while (end < changes.length) {
      const next = changes[end]!;
      if (isChange(next)) end++;
      else if (/^\s+$/.test(next.value) && changes[end + 1] && isChange(changes[end + 1]!)) end++;
      else break;
    }
    const group = changes.slice(i, end);
    const hasRemoved = group.some((c) => c.removed);
    const hasAdded = group.some((c) => c.added);
    if (hasRemoved && hasAdded) {
      const removed = group
        .filter((c) => !c.added)
        .map((c) => c.value)
        .join('');
      const added = group
        .filter((c) => !c.removed)
        .map((c) => c.value)
        .join('');
      const lead = leadingSpace(commonPrefix(removed, added));
      const trail = trailingSpace(commonSuffix(removed.slice(lead.length), added.slice(lead.length)));
      push(parts, 'same', lead);
      push(parts, 'removed', removed.slice(lead.length, removed.length - trail.length));
      push(parts, 'added', added.slice(lead.length, added.length - trail.length));
      push(parts, 'same', trail);
    } else {
      for (const c of group) push(parts, c.added ? 'added' : c.removed ? 'removed' : 'same', c.value);
    }
    i = end;
  }
  return parts;
}

/** The diff of a unit past the cap: all of `before` removed, all of `after` added. */
function wholeChange(before: string, after: string): ChangeObject<string>[] {
  const change = (value: string, added: boolean): ChangeObject<string> => ({ value, added, removed: !added, count: 1 });
  return [...(before ? [change(before, false)] : []), ...(after ? [change(after, true)] : [])];
}

function isChange(change: ChangeObject<string>): boolean {
  return change.added || change.removed;
}

/** Appends a run, merged with the previous one when of the same kind; empty runs are dropped. */
function push(parts: DiffPart[], kind: DiffKind, text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last && last.kind === kind) last.text += text;
  else parts.push({ kind, text, added: kind === 'added', removed: kind === 'removed' });
}

function commonPrefix(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}

function commonSuffix(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return a.slice(a.length - n);
}

/** The white space that starts `text` (a loop: `/\s*$/` rescans from every space of a long run). */
function leadingSpace(text: string): string {
  let n = 0;
  while (n < text.length && /\s/.test(text[n]!)) n++;
  return text.slice(0, n);
}

function trailingSpace(text: string): string {
  let n = text.length;
  while (n > 0 && /\s/.test(text[n - 1]!)) n--;
  return text.slice(n);
}
