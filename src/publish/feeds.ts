/**
 * One Atom feed per language (`output/feed.<lang>.xml`, RFC 4287) listing every published
 * briefing, newest first. Built from the manifest only: ids are derived from the slug and
 * language (stable across rebuilds), `updated` from the outputs' build times, so the same
 * manifest gives the same bytes. Links are relative to the feed, which sits beside index.html.
 * Every text is XML-escaped.
 */
import { createHash } from 'node:crypto';
import type { Lang } from '../core/types.js';
import { formatDate } from '../core/dates.js';
import type { Manifest } from './manifest.js';
import { editionsOf, hrefOf, INDEX_FILE } from './catalogue.js';

const FEED_TITLES: Record<Lang, string> = { fr: 'Notes d’information (français)', en: 'Briefings (English)' };
const COVERAGE: Record<Lang, (n: number) => string> = {
  fr: (n) => `Traduction à jour : ${String(n).replace('.', ',')} %`,
  en: (n) => `Translation up to date: ${n} %`,
};
const TYPES = { html: 'text/html', pdf: 'application/pdf', md: 'text/markdown' } as const;

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids outright are dropped rather than emitted.
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/** A URN from a name, as a name-based (v5-style) UUID: permanent, and no domain needed. */
export function urnFor(name: string): string {
  const hex = createHash('sha1').update(`briefing:${name}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

export function renderFeed(manifest: Manifest, lang: Lang): string {
  const editions = editionsOf(manifest, lang).map((edition) => ({
    ...edition,
    updated: edition.outputs.map((o) => o.builtAt).sort().at(-1)!,
  }));
  // An empty feed has no build to date it from: the epoch keeps its bytes stable.
  const updated = editions.map((e) => e.updated).sort().at(-1) ?? '1970-01-01T00:00:00.000Z';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${urnFor(`feed:${lang}`)}</id>`,
    `  <title>${escapeXml(FEED_TITLES[lang])}</title>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    '  <author><name>Briefing</name></author>',
    '  <generator>Briefing</generator>',
    `  <link rel="alternate" type="text/html" href="${INDEX_FILE}"/>`,
  ];
  for (const edition of editions) {
    const main = edition.outputs.find((o) => o.kind === 'briefing' && o.format === 'html') ?? edition.outputs.find((o) => o.kind === 'briefing')!;
    lines.push(
      '  <entry>',
      `    <id>${urnFor(`edition:${edition.slug}.${lang}`)}</id>`,
      `    <title>${escapeXml(edition.title)}</title>`,
      `    <updated>${escapeXml(edition.updated)}</updated>`,
      `    <link rel="alternate" type="${TYPES[main.format]}" href="${escapeXml(hrefOf(main.path))}"/>`,
    );
    for (const output of edition.outputs) {
      if (output === main || output.kind !== 'briefing') continue;
      lines.push(`    <link rel="enclosure" type="${TYPES[output.format]}" href="${escapeXml(hrefOf(output.path))}" length="${output.bytes}"/>`);
    }
    lines.push(
      `    <summary>${escapeXml(`${formatDate(edition.date, lang)} · ${COVERAGE[lang](edition.coverage)}`)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
