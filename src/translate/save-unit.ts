/**
 * Saving one translation unit (the workbench's save), as texts in, texts out. The locale file is
 * edited in place: only the JSON string of the saved key is replaced, every other byte (key order,
 * indentation, escapes of other values, a hand-made layout) stays, so `git diff` shows the changed
 * value's line and nothing else. Only a key the file does not hold yet makes it rewritten, in the
 * order `extract` writes (the article's units in document order, other keys after).
 */
import { parse as parseJson, type ObjectNode } from '@humanwhocodes/momoa';
import { nestedJson } from '../i18n/extract.js';
import { readLocaleFile } from '../i18n/locale-file.js';
import { checkedEntry, textHash, type TranslationState } from './state.js';

/** The string values of a locale file's text by dotted key (a Map: keys from files never become object keys). */
export function localeValues(text: string | undefined, file: string): Map<string, string> {
  if (text === undefined || text.trim() === '') return new Map();
  return new Map(readLocaleFile(text, file).entries.map((entry) => [entry.key, entry.value]));
}

/**
 * `text` (a locale file, undefined when absent) with `key`'s value set to `value`. `unitKeys`: the
 * article's units in document order, for a key the file does not hold yet.
 */
export function withUnitValue(text: string | undefined, file: string, key: string, value: string, unitKeys: readonly string[]): string {
  const spliced = text === undefined ? undefined : spliceValue(text, key, value);
  if (spliced !== undefined) return spliced;
  const values = localeValues(text, file);
  values.set(key, value);
  const units = new Set(unitKeys);
  const order = [...unitKeys.filter((k) => values.has(k)), ...[...values.keys()].filter((k) => !units.has(k))];
  return nestedJson(order.map((k) => [k, values.get(k)!]));
}

/** `text` with the JSON string at dotted `key` replaced, or undefined when there is no such string. */
function spliceValue(text: string, key: string, value: string): string | undefined {
  // momoa's offsets count from the text it parsed: the BOM, if any, is put back in front.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  let root: ObjectNode;
  try {
    const body = parseJson(text.slice(bom.length), { mode: 'json' }).body;
    if (body.type !== 'Object') return undefined;
    root = body;
  } catch {
    return undefined;
  }
  let node: ObjectNode = root;
  const parts = key.split('.');
  for (const [i, part] of parts.entries()) {
    // The last member of that name, as JSON.parse would read it (a duplicate is reported by check).
    const member = node.members.findLast((m) => (m.name.type === 'String' ? m.name.value : m.name.name) === part);
    if (!member) return undefined;
    if (i === parts.length - 1) {
      if (member.value.type !== 'String') return undefined;
      const { start, end } = member.value.loc;
      const json = text.slice(bom.length);
      return `${bom}${json.slice(0, start.offset)}${JSON.stringify(value)}${json.slice(end.offset)}`;
    }
    if (member.value.type !== 'Object') return undefined;
    node = member.value;
  }
  return undefined;
}

/**
 * The state after saving `value` for `key` against `french`: the entry of the same two texts is
 * kept (with its accepted QA warnings), otherwise a fresh one records that the translation was
 * checked against the French of now — the translator saved it beside that French. `reviewed`
 * true marks it reviewed, false unmarks it, undefined keeps the mark while the texts are the same.
 * An empty value (missing) has no entry.
 */
export function stateAfterSave(state: TranslationState, key: string, french: string, value: string, reviewed?: boolean): TranslationState {
  const next = new Map(state);
  if (value.trim() === '') {
    next.delete(key);
    return next;
  }
  const previous = state.get(key);
  const same = previous !== undefined && previous.source === textHash(french) && previous.target === textHash(value);
  const { reviewed: _was, ...entry } = same ? previous : checkedEntry(french, value);
  const keep = reviewed ?? (same && previous.reviewed === true);
  next.set(key, keep ? { ...entry, reviewed: true } : entry);
  return next;
}
