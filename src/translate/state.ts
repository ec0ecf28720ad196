/**
 * The translation state file, `locales/<lang>/<slug>.state.json`: per key, what the translation
 * was last checked against. Written by `briefing extract` and `briefing check`, read by builds.
 * Diff-friendly on purpose: keys sorted, one entry per line, so it reviews well in pull requests.
 */
import { createHash } from 'node:crypto';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import type { StateEntry } from './types.js';

export type TranslationState = Map<string, StateEntry>;

/** Short content hash (12 hex digits of sha256): enough to tell two texts apart, short to review. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
}

/** The entry saying "translation `target` was checked against French `french`". */
export function checkedEntry(french: string, target: string): StateEntry {
  return { source: textHash(french), target: textHash(target), text: french };
}

/** Parses a state file; a damaged one is reported and treated as empty (every translation re-accepted). */
export function parseState(text: string | undefined, file: string): { state: TranslationState; diagnostics: Diagnostic[] } {
  const state: TranslationState = new Map();
  if (text === undefined || text.trim() === '') return { state, diagnostics: [] };
  try {
    const data = JSON.parse(text) as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
    for (const [key, value] of Object.entries(data)) {
      const entry = value as Partial<StateEntry>;
      if (typeof entry?.source !== 'string' || typeof entry.target !== 'string' || typeof entry.text !== 'string')
        throw new Error(`entry "${key}" is malformed`);
      const accepted = Array.isArray(entry.accepted) ? entry.accepted.filter((rule): rule is string => typeof rule === 'string') : [];
      state.set(key, {
        source: entry.source,
        target: entry.target,
        text: entry.text,
        ...(accepted.length > 0 ? { accepted } : {}),
        ...(entry.reviewed === true ? { reviewed: true as const } : {}),
      });
    }
    return { state, diagnostics: [] };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      state: new Map(),
      diagnostics: [ruleDiagnostic('briefing:invalid-state', file, { reason })],
    };
  }
}

/** Serialises a state: sorted keys, one entry per line. */
export function serializeState(state: TranslationState): string {
  const keys = [...state.keys()].sort();
  if (keys.length === 0) return '{}\n';
  const lines = keys.map((key) => {
    const { source, target, text, accepted, reviewed } = state.get(key)!;
    const extra = { ...(accepted?.length ? { accepted: [...accepted].sort() } : {}), ...(reviewed ? { reviewed } : {}) };
    return `  ${JSON.stringify(key)}: ${JSON.stringify({ source, target, text, ...extra })}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

export function sameState(a: TranslationState, b: TranslationState): boolean {
  return serializeState(a) === serializeState(b);
}
