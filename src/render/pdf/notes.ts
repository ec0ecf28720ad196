/**
 * Footnotes in the PDF: a call is its note's number, smaller and raised (./inline.ts), linked to the
 * note; each note in the Notes section is set as an item of a numbered list (`L`/`LI`/`Lbl`/`LBody`)
 * whose number is the note's, with a named destination at it. One list per note, so a note shown
 * in French in another edition gets its fallback note and bar like any block.
 */
import type { FootnoteDefinition, List } from 'mdast';

/** Named destination of the note `label` (the call's `goTo`). */
export function noteDestination(label: string): string {
  return `note_${label}`;
}

/** The note as a one-item numbered list starting at its number (as in every edition, from `data.noteNumber`). */
export function noteAsList(note: FootnoteDefinition): List {
  return {
    type: 'list',
    ordered: true,
    start: note.data?.noteNumber ?? 1,
    spread: false,
    children: [{ type: 'listItem', spread: false, children: note.children }],
    data: { noteDestination: noteDestination(note.identifier) },
  };
}
