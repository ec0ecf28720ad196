/**
 * A strict RFC 4287 check of an Atom feed, written for the tests from the RFC (sections 4.1–4.2),
 * independent of the code that writes the feeds: parsed with @xmldom/xmldom, it lists every
 * problem it finds (an empty list: the feed is valid). With `base`, every link must be absolute
 * and under it, and the feed must link to itself at `self`.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

const ATOM = 'http://www.w3.org/2005/Atom';
/** RFC 3339 date-time (RFC 4287 §3.3). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const FEED_CHILDREN = new Set([
  'author',
  'category',
  'contributor',
  'generator',
  'icon',
  'id',
  'link',
  'logo',
  'rights',
  'subtitle',
  'title',
  'updated',
  'entry',
]);
const ENTRY_CHILDREN = new Set(['author', 'category', 'content', 'contributor', 'id', 'link', 'published', 'rights', 'source', 'summary', 'title', 'updated']);

const children = (parent: Element): Element[] => Array.from(parent.childNodes).filter((n): n is Element => n.nodeType === 1);
const named = (parent: Element, name: string) => children(parent).filter((c) => c.localName === name && c.namespaceURI === ATOM);

/** Every problem of `xml` as an Atom feed. */
export function atomProblems(xml: string, expect: { base?: string; self?: string } = {}): string[] {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && problems.push(`XML: ${message}`)) }).parseFromString(xml, 'text/xml');
  const feed = doc.documentElement;
  if (feed?.localName !== 'feed' || feed.namespaceURI !== ATOM) return [...problems, 'the root is not an Atom <feed>'];

  const exactlyOne = (parent: Element, name: string, where: string) => {
    const found = named(parent, name);
    if (found.length !== 1) problems.push(`${where} has ${found.length} <${name}>, must have exactly one`);
    return found[0];
  };
  const date = (parent: Element, name: string, where: string) => {
    for (const element of named(parent, name))
      if (!DATE_TIME.test(element.textContent ?? '') || Number.isNaN(Date.parse(element.textContent ?? '')))
        problems.push(`${where} <${name}> "${element.textContent}" is not an RFC 3339 date-time`);
  };
  const iri = (value: string | null, where: string) => {
    if (!value || !URL.canParse(value)) problems.push(`${where}: "${value}" is not an absolute IRI`);
  };
  const authors = (parent: Element, where: string) => {
    for (const author of named(parent, 'author'))
      if (named(author, 'name').length !== 1 || !named(author, 'name')[0]!.textContent?.trim()) problems.push(`${where} <author> needs one non-empty <name>`);
    return named(parent, 'author').length;
  };
  const links = (parent: Element, where: string) => {
    const alternates = new Set<string>();
    for (const link of named(parent, 'link')) {
      const href = link.getAttribute('href');
      if (!href) problems.push(`${where} <link> without href`);
      else if (expect.base !== undefined && !(URL.canParse(href) && href.startsWith(expect.base)))
        problems.push(`${where} <link href="${href}"> is not absolute under ${expect.base}`);
      const rel = link.getAttribute('rel') ?? 'alternate';
      if (rel === 'alternate') {
        const key = `${link.getAttribute('type')} ${link.getAttribute('hreflang')}`;
        if (alternates.has(key)) problems.push(`${where} has two alternate links of type and hreflang ${key}`);
        alternates.add(key);
      }
      const length = link.getAttribute('length');
      if (length !== null && !/^\d+$/.test(length)) problems.push(`${where} <link length="${length}"> is not a number`);
    }
    return alternates.size;
  };

  for (const child of children(feed))
    if (child.namespaceURI === ATOM && !FEED_CHILDREN.has(child.localName ?? '')) problems.push(`<feed> has an unknown element <${child.localName}>`);
  iri(exactlyOne(feed, 'id', '<feed>')?.textContent ?? null, '<feed> <id>');
  exactlyOne(feed, 'title', '<feed>');
  exactlyOne(feed, 'updated', '<feed>');
  date(feed, 'updated', '<feed>');
  const feedAuthors = authors(feed, '<feed>');
  links(feed, '<feed>');
  // RFC 4287 §4.1.1: a feed SHOULD have a self link (this check requires it).
  const self = named(feed, 'link').filter((l) => l.getAttribute('rel') === 'self');
  if (self.length !== 1) problems.push(`<feed> has ${self.length} rel="self" links, must have one`);
  else if (expect.self !== undefined && self[0]!.getAttribute('href') !== expect.self)
    problems.push(`rel="self" is ${self[0]!.getAttribute('href')}, expected ${expect.self}`);

  const ids = new Set<string>();
  for (const [i, entry] of named(feed, 'entry').entries()) {
    const where = `<entry> ${i + 1}`;
    for (const child of children(entry))
      if (child.namespaceURI === ATOM && !ENTRY_CHILDREN.has(child.localName ?? '')) problems.push(`${where} has an unknown element <${child.localName}>`);
    const id = exactlyOne(entry, 'id', where)?.textContent ?? '';
    iri(id, `${where} <id>`);
    if (ids.has(id)) problems.push(`${where} repeats the id ${id}`);
    ids.add(id);
    exactlyOne(entry, 'title', where);
    exactlyOne(entry, 'updated', where);
    date(entry, 'updated', where);
    date(entry, 'published', where);
    if (named(entry, 'summary').length > 1) problems.push(`${where} has more than one <summary>`);
    if (authors(entry, where) === 0 && feedAuthors === 0) problems.push(`${where} has no author and the feed has none`);
    // §4.1.2: an entry without content must have an alternate link.
    if (links(entry, where) === 0 && named(entry, 'content').length === 0) problems.push(`${where} has neither content nor an alternate link`);
  }
  return problems;
}
