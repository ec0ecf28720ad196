/**
 * Reads an XLIFF 2.0 or 1.2 file back into units, each with its place in the file, its French and
 * its translation as Markdown (codes give back the Markdown they hold). Parsed with @xmldom/xmldom,
 * whose nodes carry line and column (the `xliff` package's reader drops places, `<originalData>`
 * and states, and keys units by id on a plain object). A DOCTYPE is refused before parsing: no
 * entity is ever declared, so none can expand (billion laughs) or reach outside (XXE).
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { ruleDiagnostic, type Diagnostic } from '../../core/errors.js';
import type { Place } from '../../core/types.js';
import { XLIFF_VERSIONS, type UnitState, type XliffVersion } from './document.js';
import { readState12, readState20 } from './states.js';

/** One unit as read. */
interface ReadUnit {
  id: string;
  /** The French, as Markdown. */
  source: string;
  /** The translation, as Markdown; undefined when the unit has no target. */
  target?: string;
  state: UnitState;
  place: Place;
  targetPlace: Place;
}

/** One `<file>`: an article. */
export interface ReadFile {
  slug: string;
  /** Its target language as written (2.0: the document's `trgLang`). */
  targetLang: string;
  sourceLang: string;
  units: ReadUnit[];
  place: Place;
}

export interface ReadDocument {
  version: XliffVersion;
  files: ReadFile[];
}

const DECLARATION = /<!(DOCTYPE|ENTITY)/i;
/** An `&` that starts none of XML's own five entities nor a character reference. */
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/;

/** Parses `text` (the file `file`, relative to the project); problems are placed in it. */
export function readXliff(text: string, file: string): { document?: ReadDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const declared = DECLARATION.exec(text);
  if (declared) return { diagnostics: [ruleDiagnostic('briefing:xliff-doctype', file, {}, placeAt(text, declared.index))] };
  // xmldom keeps a bare `&` as text; XML does not (and no entity but the five of XML is defined here).
  const ampersand = BARE_AMPERSAND.exec(text);
  if (ampersand) {
    const reason = 'a bare "&" (write &amp; for the character)';
    return { diagnostics: [ruleDiagnostic('briefing:xliff-malformed', file, { reason }, placeAt(text, ampersand.index))] };
  }
  let root: Element | null;
  let failure: { reason: string; place?: Place } | undefined;
  try {
    const parser = new DOMParser({
      onError: (level, message, context) => {
        if (level === 'warning') return;
        const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
        const place = locator?.lineNumber ? { line: locator.lineNumber, column: locator.columnNumber ?? 1 } : undefined;
        failure ??= { reason: message, ...(place ? { place } : {}) };
        throw new Error(message);
      },
    });
    root = parser.parseFromString(text, 'text/xml').documentElement;
  } catch (error) {
    failure ??= { reason: error instanceof Error ? error.message : String(error) };
    return { diagnostics: [ruleDiagnostic('briefing:xliff-malformed', file, { reason: failure.reason }, failure.place)] };
  }
  const version = root?.getAttribute('version') ?? '';
  if (root?.localName !== 'xliff' || !(XLIFF_VERSIONS as readonly string[]).includes(version)) {
    return {
      diagnostics: [
        ruleDiagnostic(
          'briefing:xliff-unsupported',
          file,
          { found: root ? `<${root.tagName} version="${version}">` : 'no element' },
          root ? place(root) : undefined,
        ),
      ],
    };
  }
  const problem = (d: Diagnostic) => diagnostics.push(d);
  const files = children(root, 'file').map((element) => (version === '2.0' ? file20(element, root, file, problem) : file12(element, file, problem)));
  return { document: { version: version as XliffVersion, files }, diagnostics };
}

type Report = (d: Diagnostic) => void;

function file20(element: Element, root: Element, file: string, report: Report): ReadFile {
  const units = descendants(element, 'unit').map((unit): ReadUnit => {
    const data = new Map<string, string>();
    for (const item of descendants(unit, 'data')) data.set(item.getAttribute('id') ?? '', item.textContent ?? '');
    const segments = [...children(unit, 'segment'), ...children(unit, 'ignorable')];
    const first = children(unit, 'segment')[0];
    const sources = segments.flatMap((s) => children(s, 'source'));
    const targets = segments.flatMap((s) => children(s, 'target'));
    const read = (nodes: Element[]) => nodes.map((n) => inline20(n, data, file, report)).join('');
    return {
      id: unit.getAttribute('id') ?? '',
      source: read(sources),
      ...(targets.length ? { target: read(targets) } : {}),
      state: readState20(first?.getAttribute('state') ?? null, first?.getAttribute('subState') ?? null),
      place: place(unit),
      targetPlace: place(targets[0] ?? unit),
    };
  });
  return {
    slug: element.getAttribute('id') ?? '',
    sourceLang: root.getAttribute('srcLang') ?? '',
    targetLang: root.getAttribute('trgLang') ?? '',
    units,
    place: place(element),
  };
}

function file12(element: Element, file: string, report: Report): ReadFile {
  const units = descendants(element, 'trans-unit').map((unit): ReadUnit => {
    const source = children(unit, 'source')[0];
    const target = children(unit, 'target')[0];
    return {
      id: unit.getAttribute('id') ?? '',
      source: source ? inline12(source, file, report) : '',
      ...(target ? { target: inline12(target, file, report) } : {}),
      state: readState12(target?.getAttribute('state') ?? null),
      place: place(unit),
      targetPlace: place(target ?? unit),
    };
  });
  return {
    slug: element.getAttribute('original') ?? '',
    sourceLang: element.getAttribute('source-language') ?? '',
    targetLang: element.getAttribute('target-language') ?? '',
    units,
    place: place(element),
  };
}

/** 2.0 inline content: each code gives back its `<originalData>`; annotations are read through. */
function inline20(element: Element, data: Map<string, string>, file: string, report: Report): string {
  let out = '';
  const ref = (node: Element, attribute: string) => {
    const id = node.getAttribute(attribute);
    if (id === null) return '';
    const value = data.get(id);
    if (value === undefined) report(ruleDiagnostic('briefing:xliff-unknown-code', file, { code: `<${node.tagName} ${attribute}="${id}">` }, place(node)));
    return value ?? '';
  };
  for (const node of nodes(element)) {
    if (isText(node)) out += node.nodeValue ?? '';
    else if (!isElement(node)) continue;
    else if (node.localName === 'ph') out += ref(node, 'dataRef');
    else if (node.localName === 'pc') out += ref(node, 'dataRefStart') + inline20(node, data, file, report) + ref(node, 'dataRefEnd');
    else if (node.localName === 'sc') out += ref(node, 'dataRefStart');
    else if (node.localName === 'ec') out += ref(node, 'dataRefEnd');
    else if (node.localName === 'mrk') out += inline20(node, data, file, report);
    else if (node.localName !== 'sm' && node.localName !== 'em')
      report(ruleDiagnostic('briefing:xliff-unknown-code', file, { code: `<${node.tagName}>` }, place(node)));
  }
  return out;
}

/** 1.2 inline content: `<ph>`, `<bpt>`, `<ept>`, `<it>` hold their Markdown; `<mrk>` is read through. */
function inline12(element: Element, file: string, report: Report): string {
  let out = '';
  for (const node of nodes(element)) {
    if (isText(node)) out += node.nodeValue ?? '';
    else if (!isElement(node)) continue;
    else if (['ph', 'bpt', 'ept', 'it'].includes(node.localName ?? '')) out += node.textContent ?? '';
    else if (node.localName === 'mrk') out += inline12(node, file, report);
    else report(ruleDiagnostic('briefing:xliff-unknown-code', file, { code: `<${node.tagName}>` }, place(node)));
  }
  return out;
}

function nodes(element: Element): Node[] {
  const list: Node[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) list.push(node);
  return list;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** Text and CDATA sections. */
function isText(node: Node): boolean {
  return node.nodeType === 3 || node.nodeType === 4;
}

function children(element: Element, name: string): Element[] {
  return nodes(element).filter((node): node is Element => isElement(node) && node.localName === name);
}

/** Elements named `name` under `element`, in document order (units may sit in groups). */
function descendants(element: Element, name: string): Element[] {
  return [...element.getElementsByTagName('*')].filter((node) => node.localName === name);
}

function place(node: Node): Place {
  return { line: node.lineNumber ?? 1, column: node.columnNumber ?? 1 };
}

/** Line and column of a character offset. */
function placeAt(text: string, offset: number): Place {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
