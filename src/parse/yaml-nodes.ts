/**
 * Helpers for readers of structured front-matter fields (`figures:`, `sources:`): the YAML nodes
 * give each problem its place in the article file.
 */
import { isMap, type Node } from 'yaml';
import type { Place } from '../core/types.js';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';

/** What a reader needs from the front matter around it: where a YAML offset is in the article file. */
export interface YamlContext {
  file: string;
  diagnostics: Diagnostic[];
  place: (offset: number | undefined) => Place;
}

/** Reports `briefing:invalid-front-matter` for `field`, placed on `node`. */
export function problem(ctx: YamlContext, field: string, expected: string, got: unknown, node: unknown): void {
  const params = got === undefined ? { field, expected } : { field, expected, got };
  ctx.diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', ctx.file, params, ctx.place(start(node))));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** The value node of `key` in a YAML map (its key node when the value is empty). */
export function child(node: unknown, key: string): unknown {
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === key);
  return pair ? (pair.value ?? pair.key) : undefined;
}

/** The key node of `key` in a YAML map. */
export function keyNode(node: Node, key: string): unknown {
  return isMap(node) ? node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === key)?.key : undefined;
}

/** Offset of a YAML node in the front matter text, when it has one. */
export function start(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

/** A value as shown in a message: short, a mapping or list named as such. */
export function shown(value: unknown): unknown {
  if (typeof value === 'string' && value.length > 80) return `${value.slice(0, 77)}…`;
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'a mapping';
  return value;
}
