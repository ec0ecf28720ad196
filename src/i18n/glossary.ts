/**
 * The project's glossary, `locales/glossary.json`: French term → the English term(s) a translation
 * must use, forbidden English variants, a note. Keyed by French term, like a locale file is keyed
 * by unit, so the JSON reader's own checks apply: one entry per term (a repeated term is a
 * duplicate key), `__proto__` and the like refused. Read with places (momoa); every problem is a
 * diagnostic at its line and column, never thrown. Entries live in a `Map`, so no term ever
 * becomes an object key.
 *
 * ```json
 * { "IA": { "en": "AI", "forbidden": ["IA"], "note": "intelligence artificielle" } }
 * ```
 */
import { parse as parseJson, type MemberNode, type ValueNode } from '@humanwhocodes/momoa';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { Place } from '../core/types.js';
import { readLocaleFile } from './locale-file.js';

export { GLOSSARY_FILE } from './namespaces.js';

/** One glossary entry. */
export interface GlossaryTerm {
  /** The French term as written: a term with a capital (IA, AGI) matches exactly, one in lower case matches any case. */
  fr: string;
  /** English terms, one of which a translation must hold; never empty. */
  en: string[];
  /** English variants a translation must not hold. */
  forbidden: string[];
  note?: string;
  /** Where the entry's French term is written in the glossary file. */
  place: Place;
}

/** The glossary, in file order, by French term. */
export type Glossary = ReadonlyMap<string, GlossaryTerm>;

const FORBIDDEN_TERMS = new Set(['__proto__', 'constructor', 'prototype']);
const FIELDS = new Set(['en', 'forbidden', 'note']);

/** Parses the glossary `text` of `file`; a file with JSON errors has no entries. */
export function readGlossaryFile(text: string, file: string): { glossary: Glossary; diagnostics: Diagnostic[] } {
  const glossary = new Map<string, GlossaryTerm>();
  const diagnostics: Diagnostic[] = [];
  // The locale reader's size and depth limits and JSON error messages, so both files read alike.
  const syntax = readLocaleFile(text, file).diagnostics.filter((d) => d.ruleId === 'briefing:invalid-json' || d.ruleId === 'briefing:locale-limit');
  if (syntax.length > 0) return { glossary, diagnostics: syntax };
  const root = parseJson(text.replace(/^\uFEFF/, ''), { mode: 'json' }).body;
  if (root.type !== 'Object') {
    diagnostics.push(ruleDiagnostic('briefing:invalid-glossary', file, { problem: 'not-object' }, at(root)));
    return { glossary, diagnostics };
  }
  const seen = new Map<string, Place>();
  for (const member of root.members) {
    const fr = member.name.type === 'String' ? member.name.value : member.name.name;
    const place = at(member.name);
    const first = seen.get(fr);
    if (first) {
      diagnostics.push(ruleDiagnostic('briefing:duplicate-key', file, { key: fr, firstLine: first.line }, place));
      continue;
    }
    seen.set(fr, place);
    if (FORBIDDEN_TERMS.has(fr)) {
      diagnostics.push(ruleDiagnostic('briefing:forbidden-key', file, { key: fr }, place));
      continue;
    }
    if (fr.trim() === '') {
      diagnostics.push(ruleDiagnostic('briefing:invalid-glossary', file, { problem: 'empty-term' }, place));
      continue;
    }
    const term = readEntry(fr, member, file, diagnostics);
    if (term) glossary.set(fr, term);
  }
  return { glossary, diagnostics };
}

function readEntry(fr: string, member: MemberNode, file: string, diagnostics: Diagnostic[]): GlossaryTerm | undefined {
  const value = member.value;
  if (value.type !== 'Object') {
    diagnostics.push(ruleDiagnostic('briefing:invalid-glossary', file, { problem: 'entry-not-object', term: fr }, at(value)));
    return undefined;
  }
  const term: GlossaryTerm = { fr, en: [], forbidden: [], place: at(member.name) };
  let ok = true;
  for (const field of value.members) {
    const name = field.name.type === 'String' ? field.name.value : field.name.name;
    if (!FIELDS.has(name)) {
      diagnostics.push(ruleDiagnostic('briefing:invalid-glossary', file, { problem: 'unknown-field', term: fr, field: name }, at(field.name)));
      continue;
    }
    const texts = name === 'note' ? (field.value.type === 'String' ? [field.value.value] : undefined) : textList(field.value);
    if (!texts) {
      diagnostics.push(ruleDiagnostic('briefing:invalid-glossary', file, { problem: 'not-text', term: fr, field: name }, at(field.value)));
      ok = false;
      continue;
    }
    if (name === 'note') term.note = texts[0]!;
    else term[name === 'en' ? 'en' : 'forbidden'] = texts.map((t) => t.trim()).filter((t) => t !== '');
  }
  if (term.en.length === 0) {
    if (ok) diagnostics.push(ruleDiagnostic('briefing:invalid-glossary', file, { problem: 'no-english', term: fr }, at(member.name)));
    return undefined;
  }
  return ok ? term : undefined;
}

/** A string or an array of strings, else undefined. */
function textList(node: ValueNode): string[] | undefined {
  if (node.type === 'String') return [node.value];
  if (node.type !== 'Array') return undefined;
  const out: string[] = [];
  for (const element of node.elements) {
    if (element.value.type !== 'String') return undefined;
    out.push(element.value.value);
  }
  return out;
}

function at(node: { loc: { start: { line: number; column: number } } }): Place {
  return { line: node.loc.start.line, column: node.loc.start.column };
}
