/**
 * The Atom feeds as feed readers see them (issue 15): built with --base-url, validated by a strict
 * RFC 4287 check (tests/atom-check.ts, on @xmldom/xmldom) and read by an independent feed-reader
 * library (@rowanmanning/feed-parser): every entry, with absolute links, its lead as summary,
 * its authors and its content time; no translation coverage in any feed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { EPOCH, runCli } from './helpers.js';
import { datedProject } from './dated-project.js';
import { atomProblems } from './atom-check.js';
import { renderFeed } from '../src/publish/feeds.js';
import { uiStrings } from '../src/publish/catalogue-inputs.js';
import { readLocaleFile } from '../src/i18n/locale-file.js';
import type { Manifest } from '../src/publish/manifest.js';

const BASE = 'https://example.org/briefings/';
let root: string;
const read = (file: string) => readFileSync(path.join(root, 'output', file), 'utf8');

beforeAll(async () => {
  root = await datedProject();
  // A base URL without its final slash: it is the folder output/ is published at.
  const result = await runCli(['build', '--root', root, '--base-url', 'https://example.org/briefings', '--format', 'html,pdf'], EPOCH);
  expect(result.code, result.stderr).toBe(0);
}, 60_000);

describe('with --base-url', () => {
  it('both feeds pass the strict RFC 4287 check, absolute and linking to themselves', () => {
    for (const lang of ['fr', 'en']) expect(atomProblems(read(`feed.${lang}.xml`), { base: BASE, self: `${BASE}feed.${lang}.xml` }), lang).toEqual([]);
  });

  it('a feed-reader library reads every entry with absolute links, the lead, the authors and the content time', () => {
    const fr = parseFeed(read('feed.fr.xml'));
    expect(fr.self).toBe(`${BASE}feed.fr.xml`);
    expect(fr.url).toBe(`${BASE}index.html`);
    const items = fr.items.map((item) => ({
      title: item.title,
      url: item.url,
      summary: item.description,
      authors: item.authors.map((a) => a.name),
      updated: item.updated?.toISOString(),
    }));
    expect(items).toEqual([
      {
        title: 'Plan vélo',
        url: `${BASE}alpha/alpha.fr.html`,
        summary: 'Le plan prévoit 300 kilomètres de pistes.',
        authors: ['Ada Martin'],
        updated: '2026-11-26T00:00:00.000Z',
      },
      {
        title: 'Budget des transports',
        url: `${BASE}beta/beta.fr.html`,
        summary: 'Le budget des transports augmente.',
        authors: ['Briefing'],
        updated: '2026-03-10T00:00:00.000Z',
      },
    ]);
    const en = parseFeed(read('feed.en.xml'));
    expect(en.items.map((item) => [item.title, item.url, item.description])).toEqual([
      ['Cycling plan', `${BASE}alpha/alpha.en.html`, 'The plan provides for 300 kilometres of lanes.'],
      ['Transport budget', `${BASE}beta/beta.en.html`, 'The transport budget is rising.'],
    ]);
  });

  it('each entry links to its HTML and PDF and to the other language, by hreflang', () => {
    const entry = read('feed.en.xml').split('<entry>')[1]!;
    const links = [...entry.matchAll(/<link ([^>]*)\/>/g)].map((m) => m[1]!.replace(/ length="\d+"/, ''));
    expect(links).toEqual([
      `rel="alternate" type="text/html" hreflang="en" href="${BASE}alpha/alpha.en.html"`,
      `rel="alternate" type="application/pdf" hreflang="en" href="${BASE}alpha/alpha.en.pdf"`,
      `rel="alternate" type="text/html" hreflang="fr" href="${BASE}alpha/alpha.fr.html"`,
    ]);
  });

  it('no feed shows translation coverage', () => {
    for (const lang of ['fr', 'en']) expect(read(`feed.${lang}.xml`)).not.toMatch(/Traduction|Translation|%/);
  });
});

describe('the check itself', () => {
  it('refuses what feeds used to be: relative links, no self link, and entries without ids or dates', () => {
    const file = 'locales/fr/common.json';
    const t = uiStrings(readLocaleFile(readFileSync(path.join(root, file), 'utf8'), file), 'fr');
    const manifest = JSON.parse(read('manifest.json')) as Manifest;
    const relative = renderFeed(manifest, 'fr', t);
    expect(atomProblems(relative, { base: BASE })).toContain(`<feed> <link href="feed.fr.xml"> is not absolute under ${BASE}`);
    const broken = relative
      .replace(/<link rel="self"[^>]*\/>/, '')
      .replace(/<updated>[^<]*<\/updated>/g, '<updated>26/11/2026</updated>')
      .replace('<id>', '<id>x');
    expect(atomProblems(broken)).toEqual(
      expect.arrayContaining([
        '<feed> has 0 rel="self" links, must have one',
        '<feed> <updated> "26/11/2026" is not an RFC 3339 date-time',
        '<entry> 1 <updated> "26/11/2026" is not an RFC 3339 date-time',
      ]),
    );
  });
});
