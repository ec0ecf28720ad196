/**
 * `briefing:note-references` (error): a translation keeps the note calls (`[^label]`) of its French
 * unit, each as often, and adds none. The call's number and its link to the note come from the
 * label (src/localize/notes.ts), so a dropped call loses the note's place in the text, a
 * translated label shows `[^label]` as text. Only labels of the article's notes count.
 */
import type { Diagnostic } from '../../core/errors.js';
import { NOTE_CALL } from '../../parse/footnotes.js';
import { frenchNote, placeAt, report } from './context.js';
import type { ShapeContext } from './shape.js';

/** The note calls in `value`, with their offsets; `labels` limits them to the article's notes when given. */
function callsIn(value: string, labels?: ReadonlySet<string>): { label: string; offset: number }[] {
  return [...value.matchAll(NOTE_CALL)].map((m) => ({ label: m[1] ?? '', offset: m.index })).filter((c) => !labels || labels.has(c.label));
}

const show = (label: string) => `[^${label}]`;

/** Compares each translated unit's note calls with its French unit's. */
export function checkNoteReferences(ctx: ShapeContext): Diagnostic[] {
  const labels = new Set([...ctx.units.values()].filter((unit) => unit.kind === 'note').map((unit) => unit.key.slice('notes.'.length)));
  if (labels.size === 0) return [];
  const out: Diagnostic[] = [];
  for (const entry of ctx.entries) {
    const unit = ctx.units.get(entry.key);
    if (!unit || entry.value.trim() === '') continue;
    // Calls of the French not yet matched, by label.
    const owed = new Map<string, number>();
    for (const call of callsIn(unit.markdown, labels)) owed.set(call.label, (owed.get(call.label) ?? 0) + 1);
    const unexpected = callsIn(entry.value, labels).filter((call) => {
      const count = owed.get(call.label) ?? 0;
      if (count > 0) owed.set(call.label, count - 1);
      return count === 0;
    });
    const left = [...owed].flatMap(([label, count]) => Array<string>(count).fill(label));
    if (left.length === 0 && unexpected.length === 0) continue;
    const place = unexpected[0] ? placeAt(entry, unexpected[0].offset, ctx.text) : entry.place;
    out.push(
      report(ctx, 'briefing:note-references', { missing: left.map(show), unexpected: unexpected.map((c) => show(c.label)) }, place, frenchNote(ctx, entry.key)),
    );
  }
  return out;
}
