/** YAML front matter → `ArticleMeta`, with every problem placed in the article file. */
import { parseDocument, isMap } from 'yaml';
import type { Yaml } from 'mdast';
import type { ArticleMeta } from '../core/types.js';
import { diagnostic, type Diagnostic } from '../core/errors.js';

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
    diagnostics.push(diagnostic(file, 'briefing:invalid-front-matter', error.message.split('\n')[0] ?? 'Invalid YAML', place(error.pos[0])));
  }
  if (doc.errors.length > 0) return meta;
  if (doc.contents === null) return meta;
  if (!isMap(doc.contents)) {
    diagnostics.push(diagnostic(file, 'briefing:invalid-front-matter', 'Front matter must be a mapping of fields (title: …, sources: …)', place(0)));
    return meta;
  }
  for (const pair of doc.contents.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const value = (pair.value as { toJSON?: () => unknown } | null)?.toJSON?.() ?? null;
    const at = place((pair.key as { range?: number[] } | null)?.range?.[0]);
    if (!KNOWN.has(key)) {
      diagnostics.push(diagnostic(file, 'briefing:unknown-front-matter-field', `Unknown front matter field "${key}" (known: ${[...KNOWN].join(', ')})`, at, 'warning'));
    } else if ((STRING_FIELDS as readonly string[]).includes(key)) {
      const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
      if (typeof text === 'string' && text.trim()) meta[key as (typeof STRING_FIELDS)[number]] = text.trim();
      else diagnostics.push(diagnostic(file, 'briefing:invalid-front-matter', `Field "${key}" must be a non-empty string`, at));
    } else if ((LIST_FIELDS as readonly string[]).includes(key)) {
      const list = typeof value === 'string' ? [value] : value;
      if (Array.isArray(list) && list.every((item) => typeof item === 'string')) meta[key as (typeof LIST_FIELDS)[number]] = list.map((s) => s.trim());
      else diagnostics.push(diagnostic(file, 'briefing:invalid-front-matter', `Field "${key}" must be a list of strings`, at));
    } else if (key === 'format') {
      if (value === 'wire' || value === 'markdown') meta.format = value;
      else diagnostics.push(diagnostic(file, 'briefing:invalid-front-matter', `Field "format" must be "wire" or "markdown", not ${JSON.stringify(value)}`, at));
    }
  }
  if (meta.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) {
    diagnostics.push(diagnostic(file, 'briefing:invalid-front-matter', `Field "date" must be a date as YYYY-MM-DD, not "${meta.date}"`, place(0)));
    delete meta.date;
  }
  return meta;
}
