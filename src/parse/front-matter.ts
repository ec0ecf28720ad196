/** YAML front matter → `ArticleMeta`, with every problem placed in the article file. */
import { parseDocument, isMap, isSeq, visit, type Document } from 'yaml';
import type { Yaml } from 'mdast';
import type { ArticleMeta } from '../core/types.js';
import type { Limits } from '../core/defaults.js';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';

const STRING_FIELDS = ['title', 'date', 'status'] as const;
const LIST_FIELDS = ['sources', 'authors'] as const;
/** Fields giving the article's own address, by preference (src/render/markdown/links.ts). */
const URL_FIELDS = ['url', 'canonical', 'source_url'] as const;
const KNOWN = new Set<string>([...STRING_FIELDS, ...LIST_FIELDS, ...URL_FIELDS, 'format']);

/** Reads the front matter node (if any) into metadata; `diagnostics` receives problems. */
export function readFrontMatter(node: Yaml | undefined, file: string, diagnostics: Diagnostic[], limits: Limits): ArticleMeta {
  const meta: ArticleMeta = { sources: [], authors: [] };
  if (!node) return meta;
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const place = (offset: number | undefined) => {
    const before = node.value.slice(0, offset ?? 0).split('\n');
    return { line: firstLine + before.length - 1, column: (before.at(-1)?.length ?? 0) + 1 };
  };
  const tooDeep = checkYamlText(node.value, limits);
  if (tooDeep) {
    diagnostics.push(ruleDiagnostic('briefing:front-matter-limit', file, tooDeep.params, place(tooDeep.offset)));
    return meta;
  }
  const doc = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { yaml: error.message.split('\n')[0] ?? '' }, place(error.pos[0])));
  }
  if (doc.errors.length > 0) return meta;
  if (doc.contents === null) return meta;
  if (!isMap(doc.contents)) {
    diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { expected: 'a mapping of fields (title: …, sources: …)' }, place(0)));
    return meta;
  }
  const values = resolveAliases(doc, limits.yamlAliases);
  if (values instanceof Error) {
    diagnostics.push(ruleDiagnostic('briefing:front-matter-limit', file, { problem: 'aliases', limit: limits.yamlAliases }, place(firstAlias(doc))));
    return meta;
  }
  let urlField: string | undefined;
  for (const [index, pair] of doc.contents.items.entries()) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const value = values[index] ?? null;
    const at = place((pair.key as { range?: number[] } | null)?.range?.[0]);
    if (!KNOWN.has(key)) {
      diagnostics.push(ruleDiagnostic('briefing:unknown-front-matter-field', file, { field: key, known: [...KNOWN] }, at));
    } else if ((STRING_FIELDS as readonly string[]).includes(key)) {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
      if (typeof text === 'string' && text.trim()) meta[key as (typeof STRING_FIELDS)[number]] = text.trim();
      else diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { field: key, expected: 'a non-empty string' }, at));
    } else if ((LIST_FIELDS as readonly string[]).includes(key)) {
      const list = typeof value === 'string' ? [value] : value;
      const over = key === 'sources' && isSeq(pair.value) ? pair.value.items[limits.sources] : undefined;
      if (over && Array.isArray(list)) {
        const offset = (over as { range?: number[] }).range?.[0];
        diagnostics.push(ruleDiagnostic('briefing:too-many', file, { what: 'front matter sources', count: list.length, limit: limits.sources }, place(offset)));
      } else if (Array.isArray(list) && list.every((item) => typeof item === 'string')) meta[key as (typeof LIST_FIELDS)[number]] = list.map((s) => s.trim());
      else diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { field: key, expected: 'a list of strings' }, at));
    } else if ((URL_FIELDS as readonly string[]).includes(key)) {
      const rank = (field: string | undefined) => URL_FIELDS.indexOf(field as (typeof URL_FIELDS)[number]);
      if (typeof value === 'string' && value.trim() && (urlField === undefined || rank(key) < rank(urlField))) {
        meta.url = value.trim();
        urlField = key;
      }
    } else if (key === 'format') {
      if (value === 'wire' || value === 'markdown') meta.format = value;
      else diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { field: 'format', expected: '"wire" or "markdown"', got: value }, at));
    }
  }
  if (meta.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) {
    diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { field: 'date', expected: 'a date as YYYY-MM-DD', got: meta.date }, place(0)));
    delete meta.date;
  }
  return meta;
}

/**
 * Bracket depth of the YAML text, before the `yaml` package parses it: its parser recurses into
 * flow collections (`[[[…`), so depth is counted first, in one pass. (Its size was checked before
 * the article was parsed: src/parse/limits.ts.)
 */
function checkYamlText(yaml: string, limits: Limits): { params: { problem: 'depth'; limit: number }; offset: number } | undefined {
  let depth = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml[i];
    // Brackets inside quoted strings count too: an over-estimate only ever refuses sooner.
    if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    if (depth > limits.nestingDepth) return { params: { problem: 'depth', limit: limits.nestingDepth }, offset: i };
  }
  return undefined;
}

/**
 * The value of each field, with aliases expanded at most `maxAliasCount` times in all (the `yaml`
 * package's guard against "billion laughs"); the error when an alias bomb goes over.
 */
function resolveAliases(doc: Document, maxAliasCount: number): unknown[] | Error {
  try {
    const json = doc.toJS({ maxAliasCount }) as Record<string, unknown>;
    if (!isMap(doc.contents)) return [];
    return doc.contents.items.map((pair) => {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
      return Object.hasOwn(json, key) ? json[key] : null;
    });
  } catch (error) {
    if (error instanceof ReferenceError) return error;
    throw error;
  }
}

/** Offset of the first alias (`*name`) in the front matter, where an alias bomb is reported. */
function firstAlias(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}
