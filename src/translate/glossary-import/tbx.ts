/**
 * Reads a TBX file (TermBase eXchange, ISO 30042: TBX 2 `martif`/`termEntry`/`langSet`/`tig` and
 * TBX 3 `tbx`/`conceptEntry`/`langSec`/`termSec`) with @xmldom/xmldom, which never expands
 * entities declared in a DTD nor fetches anything: a `&name;` other than XML's five is an error.
 * Each concept entry gives one glossary entry per French term it admits; its English terms are the
 * required ones, except those whose `administrativeStatus` is deprecated or superseded, which are
 * the forbidden variants; its notes and definition become the entry's note.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { ruleDiagnostic, type Diagnostic } from '../../core/errors.js';
import type { Place } from '../../core/types.js';
import type { ImportedGlossary, ImportedTerm } from './types.js';

const ENTRY = new Set(['termEntry', 'conceptEntry']);
const LANGUAGE = new Set(['langSet', 'langSec']);
const TERM_GROUP = new Set(['tig', 'ntig', 'termSec']);
/** Administrative statuses that mean "do not use" (TBX data category administrativeStatus). */
const DO_NOT_USE = new Set(['deprecatedTerm-admn-sts', 'supersededTerm-admn-sts']);

/** The glossary entries of TBX `text` (the file `file`, named in messages). */
export function readTbx(text: string, file: string): ImportedGlossary {
  const diagnostics: Diagnostic[] = [];
  const problem = (message: string, place?: Place) => diagnostics.push(ruleDiagnostic('briefing:glossary-import', file, { problem: message }, place));
  let root: Element | null = null;
  try {
    const parser = new DOMParser({
      onError: (level, message, context) => {
        const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
        if (level !== 'warning') problem(`the XML is invalid (${message})`, placeOf(locator));
      },
    });
    root = parser.parseFromString(text, 'text/xml').documentElement;
  } catch (error) {
    const locator = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    if (diagnostics.length === 0) problem(`the XML is invalid (${(error as Error).message.split('\n')[0]})`, placeOf(locator));
  }
  if (diagnostics.length > 0 || !root) return { terms: [], diagnostics };
  const terms: ImportedTerm[] = [];
  for (const entry of descendants(root, ENTRY)) {
    const french: string[] = [];
    const english: string[] = [];
    const forbidden: string[] = [];
    for (const language of descendants(entry, LANGUAGE)) {
      const lang = (language.getAttribute('xml:lang') ?? language.getAttribute('lang') ?? '').toLowerCase();
      const base = lang.split(/[-_]/)[0];
      if (base !== 'fr' && base !== 'en') continue;
      for (const group of descendants(language, TERM_GROUP)) {
        const term = descendants(group, new Set(['term']))[0];
        const value = term?.textContent?.trim() ?? '';
        if (value === '') continue;
        const banned = descendants(group, new Set(['termNote'])).some(
          (note) => note.getAttribute('type') === 'administrativeStatus' && DO_NOT_USE.has(note.textContent?.trim() ?? ''),
        );
        if (base === 'fr') {
          if (!banned) french.push(value);
        } else (banned ? forbidden : english).push(value);
      }
    }
    const place = placeOf(entry as unknown as { lineNumber?: number; columnNumber?: number });
    if (french.length === 0) problem('the entry has no French term (a langSet with xml:lang="fr" holding a term)', place);
    else if (english.length === 0)
      problem(`the entry "${french[0]}" has no English term (a langSet with xml:lang="en" holding a term that is not deprecated)`, place);
    else {
      const notes = descendants(entry, new Set(['note', 'descrip']))
        .filter((n) => n.tagName === 'note' || n.getAttribute('type') === 'definition')
        .map((n) => n.textContent?.trim() ?? '')
        .filter((n) => n !== '');
      for (const fr of french) terms.push({ fr, en: english, forbidden, ...(notes.length > 0 ? { note: notes.join(' ') } : {}) });
    }
  }
  if (terms.length === 0 && diagnostics.length === 0) problem('no termEntry (or conceptEntry) with French and English terms found', { line: 1, column: 1 });
  return { terms, diagnostics };
}

/** Elements under `node` (not itself) named in `names`, in document order; iterative, so deep files cannot overflow the stack. */
function descendants(node: Element, names: ReadonlySet<string>): Element[] {
  const found: Element[] = [];
  const stack: Element[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const children: Element[] = [];
    for (let child = current.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) children.push(child as Element);
    for (const child of children.reverse()) stack.push(child);
    if (current !== node && names.has(current.localName ?? current.tagName)) found.push(current);
  }
  return found;
}

function placeOf(locator: { lineNumber?: number; columnNumber?: number } | undefined): Place | undefined {
  return locator?.lineNumber ? { line: locator.lineNumber, column: locator.columnNumber ?? 1 } : undefined;
}
