/** YAML front matter → `ArticleMeta`, with every problem placed in the article file. */
import { parseDocument, isMap, isScalar, visit, type Document, type Node } from 'yaml';
import type { Yaml } from 'mdast';
import type { ArticleMeta } from '../core/types.js';
import type { Limits } from '../core/defaults.js';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { readCalendarDate, readPeople, readText, type ValueRead } from './front-matter-values.js';
import { plainYamlError } from './front-matter-errors.js';
import { readDeclaredFigures } from './declared-figures.js';
import { readDeclaredSources } from './declared-sources.js';
import { readEmbargo, readMinCoverage } from './publication-values.js';

/** The fields of `ArticleMeta` read from the front matter, each by one reader. */
type MetaField = 'title' | 'date' | 'updated' | 'authors' | 'standfirst' | 'status' | 'url';

/**
 * Which front-matter keys feed which field, as the site generators name them. The first key
 * present wins (`description` before a later `summary`), except for people: `author` and
 * `authors` add up.
 */
const FIELDS: Readonly<Record<string, MetaField>> = {
  title: 'title',
  date: 'date',
  updated: 'updated',
  lastmod: 'updated',
  modified: 'updated',
  'date-modified': 'updated', // Quarto
  last_modified_at: 'updated', // Jekyll's jekyll-last-modified-at
  author: 'authors',
  authors: 'authors',
  description: 'standfirst',
  excerpt: 'standfirst',
  summary: 'standfirst',
  subtitle: 'standfirst',
  status: 'status',
  // The article's own address: site-relative links resolve against it (src/render/markdown/links.ts).
  url: 'url',
  canonical: 'url',
  source_url: 'url',
};

/** The keys giving the article's own address, most preferred first. */
const ADDRESS_KEYS = ['url', 'canonical', 'source_url'] as const;

/** The tool's own options, under `briefing:` (a bare `format: wire|markdown` is read too). */
const OWN_OPTIONS = ['format', 'min-coverage'] as const;
const SOURCE_FORMATS = ['wire', 'markdown'] as const;

/** Reads the front matter node (if any) into metadata; `diagnostics` receives problems. */
export function readFrontMatter(node: Yaml | undefined, file: string, diagnostics: Diagnostic[], limits: Limits, keyFigures?: number): ArticleMeta {
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
    const plain = plainYamlError(node.value, error);
    if (plain) diagnostics.push(ruleDiagnostic('briefing:front-matter-quotes', file, plain.params, place(plain.offset)));
    else diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { yaml: error.message.split('\n')[0] ?? '' }, place(error.pos[0])));
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
  const ignored: { field: string; offset: number | undefined }[] = [];
  // The article's address, by preference of key rather than order: url, then canonical, then source_url.
  const addresses: { key: string; value: string }[] = [];
  const options: Partial<Record<(typeof OWN_OPTIONS)[number], OwnOption>> = {};
  for (const [index, pair] of doc.contents.items.entries()) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const value = values[index] ?? null;
    const keyOffset = rangeStart(pair.key);
    // A problem with a value is placed on the value (the key when the value is empty).
    const at = place(rangeStart(pair.value) ?? keyOffset);
    const field = Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined;
    if (field) {
      const read = readField(field, value, pair.value, node.value);
      if ('expected' in read)
        diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { field: key, expected: read.expected, got: shown(value) }, at));
      else if ('value' in read && field === 'url') addresses.push({ key, value: String(read.value) });
      else if ('value' in read) store(meta, field, read.value);
    } else if (key === 'figures') {
      const figures = readDeclaredFigures(value, pair.value, { file, diagnostics, place }, keyFigures);
      if (figures !== undefined) meta.figures = figures;
    } else if (key === 'sources') {
      meta.sources = readDeclaredSources(value, pair.value, { file, diagnostics, place }, limits.sources) ?? [];
    } else if (key === 'briefing') {
      const own = readOwnOptions(value, pair.value);
      if (own === 'invalid') {
        const expected = 'a mapping of options (briefing: { format: wire })';
        diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { field: 'briefing', expected, got: shown(value) }, at));
      } else {
        Object.assign(options, own.options);
        const known = OWN_OPTIONS.map((o) => `briefing.${o}`);
        for (const unknown of own.unknown) {
          diagnostics.push(ruleDiagnostic('briefing:unknown-front-matter-field', file, { field: `briefing.${unknown.name}`, known }, place(unknown.offset)));
        }
      }
    } else if (key === 'embargo') {
      const read = readEmbargo(value);
      if ('expected' in read)
        diagnostics.push(ruleDiagnostic('briefing:invalid-front-matter', file, { field: key, expected: read.expected, got: shown(value) }, at));
      else if ('value' in read) meta.embargo = read.value;
    } else if (key === 'format' && (SOURCE_FORMATS as readonly unknown[]).includes(value)) {
      options.format ??= { value, node: pair.value, key };
    } else {
      // `layout`, `tags`, a Quarto `format:` map…: another tool's field, listed once below.
      ignored.push({ field: key, offset: keyOffset });
    }
  }
  const format = options.format;
  // `briefing: { format: }` is empty, hence absent, like any other field.
  if (format && format.value !== null) {
    if ((SOURCE_FORMATS as readonly unknown[]).includes(format.value)) meta.format = format.value as ArticleMeta['format'] & string;
    else {
      const got = shown(format.value);
      diagnostics.push(
        ruleDiagnostic('briefing:invalid-front-matter', file, { field: format.key, expected: '"wire" or "markdown"', got }, place(rangeStart(format.node))),
      );
    }
  }
  const threshold = options['min-coverage'];
  if (threshold && threshold.value !== null) {
    const read = readMinCoverage(threshold.value);
    if ('expected' in read) {
      const at = place(rangeStart(threshold.node));
      diagnostics.push(
        ruleDiagnostic('briefing:invalid-front-matter', file, { field: threshold.key, expected: read.expected, got: shown(threshold.value) }, at),
      );
    } else if ('value' in read) meta.minCoverage = read.value;
  }
  const preference = (key: string) => ADDRESS_KEYS.indexOf(key as (typeof ADDRESS_KEYS)[number]);
  const address = addresses.sort((a, b) => preference(a.key) - preference(b.key))[0];
  if (address) meta.url = address.value;
  if (ignored.length > 0) {
    const fields = ignored.map((i) => i.field);
    diagnostics.push(ruleDiagnostic('briefing:ignored-front-matter-fields', file, { fields }, place(ignored[0]?.offset)));
  }
  return meta;
}

/** Reads one field's value with its reader; dates also get the text typed (see readCalendarDate). */
function readField(field: MetaField, value: unknown, valueNode: unknown, yaml: string): ValueRead<string | string[]> {
  switch (field) {
    case 'date':
    case 'updated': {
      const range = isScalar(valueNode) ? valueNode.range : undefined;
      return readCalendarDate(value, range ? yaml.slice(range[0], range[1]) : undefined);
    }
    case 'authors':
      return readPeople(value);
    default:
      return readText(value);
  }
}

/** Keeps a value read: the first key wins for a text field; people add up. */
function store(meta: ArticleMeta, field: MetaField, value: string | string[]): void {
  if (field === 'authors') {
    const list = Array.isArray(value) ? value : [value];
    meta.authors = [...new Set([...meta.authors, ...list])];
  } else if (meta[field] === undefined && typeof value === 'string') meta[field] = value;
}

/** An option read from the front matter, with its node (for its place) and its key as written. */
interface OwnOption {
  value: unknown;
  node: unknown;
  key: string;
}

/** Reads `briefing: { format: wire }`: the options known, and the names (with places) of the others. */
function readOwnOptions(
  value: unknown,
  node: unknown,
): 'invalid' | { options: Partial<Record<(typeof OWN_OPTIONS)[number], OwnOption>>; unknown: { name: string; offset: number | undefined }[] } {
  const read: ReturnType<typeof readOwnOptions> = { options: {}, unknown: [] };
  if (value === null) return read;
  if (!isMap(node) || typeof value !== 'object' || Array.isArray(value)) return 'invalid';
  const record = value as Record<string, unknown>;
  for (const pair of node.items) {
    const name = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    if ((OWN_OPTIONS as readonly string[]).includes(name)) {
      read.options[name as (typeof OWN_OPTIONS)[number]] = { value: record[name] ?? null, node: pair.value, key: `briefing.${name}` };
    } else read.unknown.push({ name, offset: rangeStart(pair.key) });
  }
  return read;
}

/** Offset of a YAML node in the front matter text, when it has one. */
function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

/** A value as shown in a message: short, and dates as written. */
function shown(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' && value.length > 80) return `${value.slice(0, 77)}…`;
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'a mapping';
  return value;
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
