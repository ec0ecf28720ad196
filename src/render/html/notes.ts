/**
 * Footnotes in HTML, rendered in place rather than by mdast-util-to-hast's own footer (which it
 * appends after everything, so it would land inside the last section, Sources): a call is
 * `<sup><a href="#note_x" id="note-call_x" data-footnote-ref>1</a></sup>`, a note in the Notes
 * section an `<li id="note_x" value="1">` of an `<ol class="notes" start="1">` ending with a back link to
 * its first call. Ids hold a `_`, which no section id (an ASCII slug) has, so they never collide;
 * the bilingual page prefixes them with the column's language (`fr-note_x`). Numbers come from the
 * document (`data.noteNumber`, render/markdown/notes.ts), the same in every language.
 */
import type { Element, ElementContent, RootContent } from 'hast';
import type { Handler, State } from 'mdast-util-to-hast';
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import { CLASS } from '../../core/class-names.js';
import { isElement } from './outline.js';

/** What a note id looks like after the optional language prefix: `note_<slug>` or `note-call_<slug>[-n]`. */
export const NOTE_ID = /^(?:fr-|en-)?note_[a-z0-9-]+$/;
export const NOTE_CALL_ID = /^(?:fr-|en-)?note-call_[a-z0-9-]+$/;

const noteId = (prefix: string, label: string) => `${prefix}note_${label}`;
const callId = (prefix: string, label: string, call: number) => `${prefix}note-call_${label}${call > 1 ? `-${call}` : ''}`;

/** to-hast handlers for calls and notes; `prefix` is '' or the bilingual column's `fr-` / `en-`. */
export function noteHandlers(prefix: string): Record<'footnoteReference' | 'footnoteDefinition', Handler> {
  return {
    footnoteReference(state: State, node: FootnoteReference): ElementContent {
      const number = node.data?.noteNumber;
      if (number === undefined) return { type: 'text', value: `[^${node.label ?? node.identifier}]` };
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${noteId(prefix, node.identifier)}`, id: callId(prefix, node.identifier, node.data?.noteCall ?? 1), dataFootnoteRef: true },
        children: [{ type: 'text', value: String(number) }],
      };
      const sup: Element = { type: 'element', tagName: 'sup', properties: {}, children: [link] };
      state.patch(node, sup);
      return sup;
    },
    footnoteDefinition(state: State, node: FootnoteDefinition): Element {
      const children = state.all(node);
      const back: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${callId(prefix, node.identifier, 1)}`, dataFootnoteBackref: true, className: ['data-footnote-backref'] },
        children: [{ type: 'text', value: '↩' }],
      };
      // The back link ends the note's last paragraph, as GitHub and to-hast place it.
      const last = children.at(-1);
      if (isElement(last, 'p')) last.children.push({ type: 'text', value: ' ' }, back);
      else children.push(back);
      const item: Element = {
        type: 'element',
        tagName: 'li',
        properties: { id: noteId(prefix, node.identifier), value: String(node.data?.noteNumber ?? 1) },
        children: state.wrap(children, true),
      };
      state.patch(node, item);
      return state.applyData(node, item);
    },
  };
}

/** Gathers consecutive notes (`li` at the top level) into `<ol class="notes" start="n">`, numbered from the first. */
export function groupNotes(nodes: readonly RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let list: Element | undefined;
  for (const node of nodes) {
    if (isElement(node, 'li')) {
      if (!list) {
        list = { type: 'element', tagName: 'ol', properties: { className: [CLASS.notes], start: Number(node.properties.value ?? 1) }, children: [] };
        out.push(list);
      }
      list.children.push({ type: 'text', value: '\n' }, node);
    } else if (list && node.type === 'text' && node.value.trim() === '') {
      // The newline between two notes.
    } else {
      if (list) list.children.push({ type: 'text', value: '\n' });
      list = undefined;
      out.push(node);
    }
  }
  if (list) list.children.push({ type: 'text', value: '\n' });
  return out;
}
