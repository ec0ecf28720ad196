/**
 * Reads an i18next JSON locale file with positions (momoa), because `JSON.parse` loses them and
 * silently keeps the last of two duplicate keys. Values become a null-prototype tree, so a key
 * such as `__proto__` can never reach `Object.prototype`.
 */
import { parse as parseJson, type ObjectNode, type ValueNode } from '@humanwhocodes/momoa';
import path from 'node:path';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { jsonTooDeep } from '../core/json-depth.js';
import { limits as currentLimits } from '../core/limits.js';
import type { Place } from '../core/types.js';
import { plainJsonError } from './json-error.js';
import { checkNesting } from './nesting-check.js';

/** Nested i18next resources (`{ sections: { id: { heading: "…" } } }`). */
export interface ResourceTree {
  [key: string]: string | ResourceTree;
}

/** One string of a locale file, by its flat dotted key. */
export interface LocaleEntry {
  key: string;
  value: string;
  /** Where the value starts (for messages pointing at a translation). */
  place: Place;
}

export interface LocaleFile {
  file: string;
  /** The file's text as read (for exact columns past escape sequences). */
  text: string;
  resources: ResourceTree;
  entries: LocaleEntry[];
  /** Where each object opens (`{`), by its dotted key (`''`: the root), to place a key missing in it. */
  objects?: Map<string, Place>;
  diagnostics: Diagnostic[];
}

/** The locale of a file that does not exist: no strings (every key missing). */
export function emptyLocale(file: string): LocaleFile {
  return { file, text: '', resources: Object.create(null) as ResourceTree, entries: [], diagnostics: [] };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Name of the interface strings' file (the i18next namespace `common`), the one file whose `$t(…)` runs. */
const INTERFACE_FILE = 'common.json';

/**
 * Parses `text` (the content of `file`); problems go to `diagnostics`, never thrown. A file over
 * the size or depth limit is not parsed (no strings); in common.json, a string whose `$t(…)`
 * nesting goes over the limits is reported and left out (src/i18n/nesting-check.ts).
 */
export function readLocaleFile(text: string, file: string): LocaleFile {
  const result: LocaleFile = { file, text, resources: Object.create(null) as ResourceTree, entries: [], diagnostics: [] };
  const limits = currentLimits();
  if (text.length * 3 > limits.localeBytes) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > limits.localeBytes) {
      result.diagnostics.push(ruleDiagnostic('briefing:locale-limit', file, { problem: 'bytes', bytes, limit: limits.localeBytes }));
      return { ...result, text: '' };
    }
  }
  const tooDeep = jsonTooDeep(text, limits.nestingDepth);
  if (tooDeep) {
    result.diagnostics.push(ruleDiagnostic('briefing:locale-limit', file, { problem: 'depth', limit: limits.nestingDepth }, tooDeep));
    return result;
  }
  let root: ValueNode;
  const json = text.replace(/^\uFEFF/, '');
  try {
    root = parseJson(json, { mode: 'json' }).body;
  } catch (error) {
    const e = error as { line?: number; column?: number; message?: string };
    const message = (e.message ?? 'Invalid JSON').replace(/(?<!\s)\s*\(\d+:\d+\)\s*$/, '');
    const plain = plainJsonError(json, { line: e.line ?? 1, column: e.column ?? 1 }, message);
    result.diagnostics.push(ruleDiagnostic('briefing:invalid-json', file, { reason: plain.reason }, plain.place));
    return result;
  }
  if (root.type !== 'Object') {
    result.diagnostics.push(ruleDiagnostic('briefing:invalid-locale', file, {}, at(root)));
    return result;
  }
  result.objects = new Map();
  walk(root, '', result.resources, result);
  if (path.basename(file) === INTERFACE_FILE) {
    const nesting = checkNesting(result.entries, file, limits);
    result.diagnostics.push(...nesting.diagnostics);
    for (const key of nesting.rejected) remove(result.resources, key);
  }
  return result;
}

/** Deletes the string at dotted `key` from `tree`. */
function remove(tree: ResourceTree, key: string): void {
  const parts = key.split('.');
  let node: ResourceTree | string | undefined = tree;
  for (const part of parts.slice(0, -1)) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node === 'object') delete node[parts.at(-1)!];
}

function walk(node: ObjectNode, prefix: string, target: ResourceTree, result: LocaleFile): void {
  result.objects?.set(prefix, at(node));
  const seen = new Map<string, Place>();
  for (const member of node.members) {
    const name = member.name.type === 'String' ? member.name.value : member.name.name;
    const key = prefix ? `${prefix}.${name}` : name;
    const place = at(member.name);
    const first = seen.get(name);
    if (first) {
      result.diagnostics.push(ruleDiagnostic('briefing:duplicate-key', result.file, { key, firstLine: first.line }, place));
      continue;
    }
    seen.set(name, place);
    if (FORBIDDEN_KEYS.has(name)) {
      result.diagnostics.push(ruleDiagnostic('briefing:forbidden-key', result.file, { key }, place));
      continue;
    }
    if (name.includes('.') || name === '') {
      result.diagnostics.push(ruleDiagnostic('briefing:invalid-key', result.file, { key }, place));
      continue;
    }
    const value = member.value;
    if (value.type === 'String') {
      target[name] = value.value;
      result.entries.push({ key, value: value.value, place: at(value) });
    } else if (value.type === 'Object') {
      const child = Object.create(null) as ResourceTree;
      target[name] = child;
      walk(value, key, child, result);
    } else {
      result.diagnostics.push(ruleDiagnostic('briefing:non-string-value', result.file, { key, found: value.type.toLowerCase() }, at(value)));
    }
  }
}

function at(node: { loc: { start: { line: number; column: number } } }): Place {
  return { line: node.loc.start.line, column: node.loc.start.column };
}
