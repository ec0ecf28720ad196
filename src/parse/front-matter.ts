/** YAML front matter → `ArticleMeta`, with every problem placed in the article file. */
import { parseDocument, isMap } from 'yaml';
import type { Yaml } from 'mdast';
import type { ArticleMeta } from '../core/types.js';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';

const STRING_FIELDS = ['title', 'date', 'status'] as const;
const LIST_FIELDS = ['sources', 'authors'] as const;
const KNOWN = new Set<string>([...STRING_FIELDS, ...LIST_FIELDS, 'format']);

/** Reads the front matter node (if any) into metadata; `diagnostics` receives problems. */
export function readFrontMatter(node: Yaml | undefined, file: string, diagnostics: Diagnostic[]): ArticleMeta {
  const meta: ArticleMeta = { sources: [], authors: [] };
  if (!node) return meta;
  // The YAML text starts on the line after the opening `---`.
  const firstLine = (node.position?.start.line ?? 1) + 1;
  const doc = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true });
  const place = (offset: number | undefined) => {
    const before = node.value.slice(0, offset ?? 0).split('\n');
    return { line: firstLine + before.length - 1, column: (before.at(-1)?.length ?? 0) + 1 };
  };
  for (const error of doc.errors) {
    diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { yaml: error.message.split('\n')[0] ?? '' }, place(error.pos[0])));
  }
  if (doc.errors.length > 0) return meta;
  if (doc.contents === null) return meta;
  if (!isMap(doc.contents)) {
    diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { expected: 'a mapping of fields (title: …, sources: …)' }, place(0)));
    return meta;
  }
  for (const pair of doc.contents.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    const at = place((pair.key as { range?: number[] } | null)?.range?.[0]);
    if (!KNOWN.has(key)) {
      diagnostics.push(ruleDiagnostic('briefing:unknown-front-matter-field', file, { field: key, known: [...KNOWN] }, at));
    } else if ((STRING_FIELDS as readonly string[]).includes(key)) {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
      if (typeof text === 'string' && text.trim()) meta[key as (typeof STRING_FIELDS)[number]] = text.trim();
      else diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { field: key, expected: 'a non-empty string' }, at));
    } else if ((LIST_FIELDS as readonly string[]).includes(key)) {
      const list = typeof value === 'string' ? [value] : value;
      if (Array.isArray(list) && list.every((item) => typeof item === 'string')) meta[key as (typeof LIST_FIELDS)[number]] = list.map((s) => s.trim());
      else diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { field: key, expected: 'a list of strings' }, at));
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
