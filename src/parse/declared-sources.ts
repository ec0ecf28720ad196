/**
 * The front matter's `sources:`: what the article's authors cite, the only sources a briefing
 * lists (docs/writing.md, "Sources"). An entry is a name (`Axios`: never translated), a Markdown
 * link (`[Dossier de presse](https://…)`: its text a title to translate) or a mapping `{title, url,
 * publisher, date}`; the order is kept. Every wrong shape is an error placed on the value that is wrong.
 */
import { isMap, isSeq } from 'yaml';
import type { DeclaredSource } from '../core/types.js';
import { ruleDiagnostic } from '../core/errors.js';
import { toString as plainText } from 'mdast-util-to-string';
import { inlineToMarkdown, oneLine, parseParagraph } from '../core/markdown.js';
import { readCalendarDate, readText } from './front-matter-values.js';
import { child, isRecord, keyNode, problem, shown, start, type YamlContext } from './yaml-nodes.js';

/** The fields of a source written as a mapping. */
const FIELDS = ['title', 'url', 'publisher', 'date'] as const;

/** An address a reader can follow: absolute on the web, or site-relative (resolved like the article's links). */
const ADDRESS = /^(?:https?:\/\/[^\s/]|\/(?!\/))\S*$/i;

/**
 * Reads `sources:` (`value`: the YAML value, `node`: its node). Returns the sources, or `undefined`
 * when the field is empty or wrong (the errors are reported). `limit`: the most entries accepted.
 */
export function readDeclaredSources(value: unknown, node: unknown, ctx: YamlContext, limit: number): DeclaredSource[] | undefined {
  if (value === null || value === undefined) return undefined;
  const entries = Array.isArray(value) ? value : [value];
  const items = isSeq(node) ? node.items : [node];
  const over = items[limit];
  if (entries.length > limit) {
    const params = { what: 'front matter sources' as const, count: entries.length, limit };
    ctx.diagnostics.push(ruleDiagnostic('briefing:too-many', ctx.file, params, ctx.place(start(over))));
    return undefined;
  }
  const sources: DeclaredSource[] = [];
  let wrong = false;
  for (const [index, entry] of entries.entries()) {
    const name = Array.isArray(value) ? `sources[${index + 1}]` : 'sources';
    const source = readEntry(entry, items[index], name, ctx);
    if (source === 'wrong') wrong = true;
    else if (source) sources.push(source);
  }
  return wrong || sources.length === 0 ? undefined : sources;
}

/** One entry: a string or a mapping; `undefined` for an empty one, `'wrong'` (and errors) for a wrong one. */
function readEntry(entry: unknown, node: unknown, name: string, ctx: YamlContext): DeclaredSource | undefined | 'wrong' {
  if (entry === null) return undefined;
  if (typeof entry === 'string') {
    const text = readText(entry);
    if (!('value' in text)) return undefined;
    // Read as one line of inline Markdown (raw HTML and block syntax are text). With a link, it is a
    // title to translate (`[Dossier de presse](https://…)`); without, a name shown as written (`Axios`).
    const inline = oneLine(parseParagraph(text.value).children);
    const place = ctx.place(start(node));
    if (inline.some((child) => child.type === 'link')) return { title: inlineToMarkdown(inline, 2), titlePlace: place };
    return { publisher: plainText({ type: 'paragraph', children: inline }), titlePlace: place };
  }
  if (!isRecord(entry) || !isMap(node)) {
    problem(ctx, name, 'a name or title ("Axios", "[Dossier de presse](https://…)"), or a mapping {title, url, publisher, date}', shown(entry), node);
    return 'wrong';
  }
  let ok = true;
  for (const key of Object.keys(entry)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      problem(ctx, `${name}.${key}`, `absent: a source holds ${FIELDS.join(', ')}`, undefined, keyNode(node, key));
      ok = false;
    }
  }
  const field = (key: (typeof FIELDS)[number]): string | undefined | 'wrong' => {
    if (entry[key] === null || entry[key] === undefined) return undefined;
    if (key === 'date') {
      const date = readCalendarDate(entry.date, undefined);
      if ('value' in date) return date.value;
      problem(ctx, `${name}.date`, 'a date as YYYY-MM-DD', shown(entry.date), child(node, key));
      return 'wrong';
    }
    const text = typeof entry[key] === 'string' ? readText(entry[key]) : { expected: 'text' };
    if ('value' in text) return text.value;
    if ('empty' in text) return undefined;
    problem(ctx, `${name}.${key}`, 'text on one line', shown(entry[key]), child(node, key));
    return 'wrong';
  };
  const [title, url, publisher, date] = FIELDS.map(field);
  if (title === 'wrong' || url === 'wrong' || publisher === 'wrong' || date === 'wrong' || !ok) return 'wrong';
  if (url !== undefined && !ADDRESS.test(url)) {
    problem(ctx, `${name}.url`, 'an address starting with https:// (or / for a page of the same site)', shown(url), child(node, 'url'));
    return 'wrong';
  }
  if (title === undefined && publisher === undefined) {
    problem(ctx, name, 'a title or a publisher (- title: Dossier de presse  publisher: Ministère de la Culture)', undefined, node);
    return 'wrong';
  }
  return {
    // A mapping's title is plain text: its link is `url`.
    ...(title !== undefined ? { title: inlineToMarkdown([{ type: 'text', value: title }], 2) } : {}),
    titlePlace: ctx.place(start(child(node, 'title') ?? node)),
    ...(url !== undefined ? { url } : {}),
    ...(publisher !== undefined ? { publisher } : {}),
    ...(date !== undefined ? { date } : {}),
  };
}
