/**
 * An XLIFF document as XML, 2.0 or 1.2. Built as an xast tree and serialised by xast-util-to-xml,
 * which escapes every text and attribute (as src/publish/feeds.ts does): no string of an article
 * or a translation can add markup. The `xliff` npm package is not used for this: its writer has no
 * place for a 2.0 segment's `state`, a 1.2 target's `state`, nor `<originalData>`, which hold what
 * this exchange is for (docs/translating.md, "Working in a CAT tool").
 */
import type { Element, ElementContent, Root } from 'xast';
import { x } from 'xastscript';
import { toXml } from 'xast-util-to-xml';
import { codesOf, type Inline, type PairedCode, type Placeholder } from './codes.js';
import type { XliffDocument, XliffNote, XliffUnit } from './document.js';
import { STATE_1_2, STATE_2_0 } from './states.js';

/** The document's XML text, indented two spaces, ending with a line break. */
export function xliffXml(document: XliffDocument): string {
  const root = document.version === '2.0' ? xliff20(document) : xliff12(document);
  const tree: Root = {
    type: 'root',
    children: [{ type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' }, { type: 'text', value: '\n' }, root],
  };
  return `${toXml(tree, { closeEmptyElements: true })}\n`;
}

/** Children on their own lines, indented to `depth` (never inside `<source>`/`<target>`: there spaces are text). */
function indented(children: ElementContent[], depth: number): ElementContent[] {
  const pad = (level: number): ElementContent => ({ type: 'text', value: `\n${'  '.repeat(level)}` });
  return children.length === 0 ? [] : [...children.flatMap((child) => [pad(depth + 1), child]), pad(depth)];
}

function xliff20(document: XliffDocument): Element {
  const files = document.files.map((file) =>
    x(
      'file',
      { id: file.id, original: file.original },
      indented(
        [notes20(file.notes, 2), ...file.units.map((unit) => unit20(unit))].filter((e): e is Element => e !== undefined),
        1,
      ),
    ),
  );
  return x(
    'xliff',
    { xmlns: 'urn:oasis:names:tc:xliff:document:2.0', version: '2.0', srcLang: document.sourceLang, trgLang: document.targetLang },
    indented(files, 0),
  );
}

function notes20(notes: readonly XliffNote[], depth: number): Element | undefined {
  if (notes.length === 0) return undefined;
  return x(
    'notes',
    indented(
      notes.map((note) => x('note', { category: note.category }, note.text)),
      depth,
    ),
  );
}

function unit20(unit: XliffUnit): Element {
  const codes = [...codesOf(unit.source), ...codesOf(unit.target ?? [])];
  const data = new Map<string, string>();
  for (const code of codes) {
    if (code.kind === 'ph') data.set(`d${code.id}`, code.data);
    else data.set(`d${code.id}`, code.open).set(`d${code.id}e`, code.close);
  }
  const { state, subState } = STATE_2_0[unit.state];
  const segment = x('segment', { state, ...(subState ? { subState } : {}) }, [
    x('source', inline20(unit.source)),
    ...(unit.target ? [x('target', inline20(unit.target))] : []),
  ]);
  const originalData = data.size
    ? x(
        'originalData',
        indented(
          [...data].map(([id, value]) => x('data', { id }, value)),
          3,
        ),
      )
    : undefined;
  const children = [notes20(unit.notes, 3), originalData, segment].filter((e): e is Element => e !== undefined);
  return x('unit', { id: unit.id, name: unit.id, 'xml:space': 'preserve' }, indented(children, 2));
}

function inline20(content: readonly Inline[]): ElementContent[] {
  return content.map((item): ElementContent => {
    if (typeof item === 'string') return { type: 'text', value: item };
    if (item.kind === 'ph') return x('ph', { id: item.id, dataRef: `d${item.id}`, type: item.role, disp: item.data });
    return x(
      'pc',
      { id: item.id, dataRefStart: `d${item.id}`, dataRefEnd: `d${item.id}e`, type: item.role, dispStart: item.open, dispEnd: item.close },
      inline20(item.children),
    );
  });
}

function xliff12(document: XliffDocument): Element {
  const files = document.files.map((file) => {
    const header = file.notes.length ? [x('header', indented(file.notes.map(note12), 2))] : [];
    const body = x('body', indented(file.units.map(unit12), 2));
    return x(
      'file',
      { original: file.id, 'source-language': document.sourceLang, 'target-language': document.targetLang, datatype: 'x-markdown' },
      indented([...header, body], 1),
    );
  });
  return x('xliff', { xmlns: 'urn:oasis:names:tc:xliff:document:1.2', version: '1.2' }, indented(files, 0));
}

function note12(note: XliffNote): Element {
  return x('note', { from: 'briefing', annotates: 'general' }, `${note.category}: ${note.text}`);
}

function unit12(unit: XliffUnit): Element {
  const target = x('target', { state: STATE_1_2[unit.state] }, inline12(unit.target ?? []));
  return x(
    'trans-unit',
    { id: unit.id, resname: unit.id, 'xml:space': 'preserve' },
    indented([x('source', inline12(unit.source)), target, ...unit.notes.map(note12)], 3),
  );
}

/** 1.2 codes keep their Markdown as content: `<ph>` for a standalone code, `<bpt>`…`<ept>` around text. */
function inline12(content: readonly Inline[]): ElementContent[] {
  return content.flatMap((item): ElementContent[] => {
    if (typeof item === 'string') return [{ type: 'text', value: item }];
    if (item.kind === 'ph') return [x('ph', { id: item.id, ctype: ctype12(item) }, item.data)];
    return [x('bpt', { id: item.id, ctype: ctype12(item) }, item.open), ...inline12(item.children), x('ept', { id: item.id }, item.close)];
  });
}

/** 1.2's `ctype` names for the common cases, `x-markdown` for the rest. */
function ctype12(code: Placeholder | PairedCode): string {
  if (code.role === 'link') return 'link';
  if (code.kind === 'pc' && /^(\*\*|__)$/.test(code.open)) return 'bold';
  if (code.kind === 'pc' && /^[*_]$/.test(code.open)) return 'italic';
  return 'x-markdown';
}
