/**
 * The catalogue: the one index renderer (published and local modes), the Atom feeds as XML trees,
 * interface strings from common.json, and problems reported at the file that is wrong. Pure
 * renders from hand-made manifests, then `publishCatalogue` on a temporary project.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, type Document } from '@xmldom/xmldom';
import { REPO, tempProject } from './helpers.js';
import type { Lang } from '../src/core/types.js';
import { projectPaths } from '../src/core/paths.js';
import { readLocaleFile } from '../src/i18n/locale-file.js';
import type { Manifest, OutputEntry } from '../src/publish/manifest.js';
import { publishedRows } from '../src/publish/catalogue.js';
import { CatalogueInputError, languageNames, uiStrings, type UiStrings } from '../src/publish/catalogue-inputs.js';
import { renderFeed } from '../src/publish/feeds.js';
import { renderIndexPage, type IndexPage } from '../src/publish/index-page.js';
import { publishCatalogue } from '../src/publish/publish-catalogue.js';
import { localRows } from '../src/serve/index-page.js';

const HOSTILE = '<script>alert(1)</script> & Cie ]]> "q" \u0001';

function strings(lang: Lang): UiStrings {
  const file = `locales/${lang}/common.json`;
  return uiStrings(readLocaleFile(readFileSync(path.join(REPO, file), 'utf8'), file), lang);
}
const STRINGS = { fr: strings('fr'), en: strings('en') };

function output(slug: string, lang: Lang, suffix: string, extra: Partial<OutputEntry> = {}): OutputEntry {
  const [format, kind] =
    suffix === 'review.html'
      ? (['html', 'review'] as const)
      : suffix.startsWith('fr-en')
        ? ([suffix.slice(6), 'bilingual'] as const)
        : ([suffix.split('.')[1], 'briefing'] as const);
  return {
    path: `${slug}/${slug}.${suffix}`,
    slug,
    lang,
    format: format as OutputEntry['format'],
    kind,
    title: `Title of ${slug}`,
    date: '2026-11-20',
    sha256: 'a'.repeat(64),
    bytes: 1536,
    inputHash: 'h',
    coverage: 100,
    builtAt: '2026-11-26T00:00:00.000Z',
    ...extra,
  };
}

/** Two French briefings (one hostile, one older), one English briefing at 75 % with its bilingual edition and review page. */
const MANIFEST: Manifest = {
  version: 1,
  generator: 'test',
  problems: [],
  outputs: [
    ...['fr.html', 'fr.pdf', 'fr.md'].map((s) => output('old', 'fr', s, { date: '2025-01-02', bytes: 900, builtAt: '2026-11-20T00:00:00.000Z' })),
    ...['fr.md', 'fr.html'].map((s) => output('new', 'fr', s, { title: HOSTILE })),
    ...['en.html', 'en.pdf', 'fr-en.html', 'review.html'].map((s) => output('new', 'en', s, { title: 'New', coverage: 75 })),
  ],
  editions: [
    {
      slug: 'old',
      lang: 'fr',
      contentHash: 'c',
      changedAt: '2026-11-20T00:00:00.000Z',
      summary: 'Le chapeau de old.',
      summaryLang: 'fr',
      authors: ['Ada', 'Léa'],
    },
    { slug: 'new', lang: 'fr', contentHash: 'c', changedAt: '2026-11-25T10:00:00.000Z', summary: 'Le chapeau de new.', summaryLang: 'fr' },
    // The English lead is not translated yet: the summary is the French one.
    {
      slug: 'new',
      lang: 'en',
      contentHash: 'c',
      changedAt: '2026-11-25T11:00:00.000Z',
      summary: 'Le chapeau de new.',
      summaryLang: 'fr',
      published: '2026-11-20',
    },
  ],
};

function page(overrides: Partial<IndexPage> = {}): IndexPage {
  return {
    mode: { kind: 'published', feeds: { fr: 'feed.fr.xml', en: 'feed.en.xml' } },
    languages: (['fr', 'en'] as const).map((lang) => ({ lang, rows: publishedRows(MANIFEST, lang, 80) })),
    minCoverage: 80,
    t: STRINGS.en,
    languageNames: languageNames(STRINGS),
    stylesheet: 'body { color: black; }\n',
    ...overrides,
  };
}

function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(text, 'text/xml');
  expect(errors).toEqual([]);
  return doc;
}

describe('Atom feeds as XML trees', () => {
  it('list the editions newest first, escaped, with links and a summary in the feed language', () => {
    const xml = renderFeed(MANIFEST, 'fr', STRINGS.fr);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">\n  <id>')).toBe(true);
    const doc = parseXml(xml);
    expect(doc.getElementsByTagName('title')[0]!.textContent).toBe('Notes d’information (français)');
    // The newest content time, not a build time.
    expect(doc.getElementsByTagName('updated')[0]!.textContent).toBe('2026-11-25T10:00:00.000Z');
    const entries = Array.from(doc.getElementsByTagName('entry'));
    // The control character cannot be carried by XML: dropped; the rest survives escaping.
    expect(entries.map((e) => e.getElementsByTagName('title')[0]!.textContent)).toEqual(['<script>alert(1)</script> & Cie ]]> "q" ', 'Title of old']);
    const links = (i: number) =>
      Array.from(entries[i]!.getElementsByTagName('link')).map((l) => [
        l.getAttribute('rel'),
        l.getAttribute('type'),
        l.getAttribute('hreflang'),
        l.getAttribute('href'),
        l.getAttribute('length'),
      ]);
    expect(links(0)).toEqual([
      ['alternate', 'text/html', 'fr', 'new/new.fr.html', null],
      ['alternate', 'text/markdown', 'fr', 'new/new.fr.md', '1536'],
      ['alternate', 'text/html', 'en', 'new/new.en.html', null],
    ]);
    expect(links(1).map(([rel, type, hreflang]) => `${rel} ${type} ${hreflang}`)).toEqual([
      'alternate text/html fr',
      'alternate application/pdf fr',
      'alternate text/markdown fr',
    ]);
    expect(entries.map((e) => e.getElementsByTagName('summary')[0]!.textContent)).toEqual(['Le chapeau de new.', 'Le chapeau de old.']);
    expect(entries.map((e) => e.getElementsByTagName('updated')[0]!.textContent)).toEqual(['2026-11-25T10:00:00.000Z', '2026-11-20T00:00:00.000Z']);
    expect(Array.from(entries[1]!.getElementsByTagName('name')).map((n) => n.textContent)).toEqual(['Ada', 'Léa']);
    expect(entries[0]!.getElementsByTagName('author')).toHaveLength(0);
  });

  it('show no translation coverage; an untranslated English lead is the French one, marked as French', () => {
    const coverage = { ...MANIFEST, outputs: MANIFEST.outputs.map((o) => ({ ...o, coverage: 0 })) };
    const en = renderFeed(coverage, 'en', STRINGS.en);
    const fr = renderFeed(coverage, 'fr', STRINGS.fr);
    for (const xml of [en, fr]) expect(xml).not.toMatch(/Traduction|Translation|%/);
    const doc = parseXml(en);
    expect(doc.getElementsByTagName('title')[0]!.textContent).toBe('Briefings (English)');
    const summary = doc.getElementsByTagName('summary')[0]!;
    expect([summary.textContent, summary.getAttribute('xml:lang')]).toEqual(['Le chapeau de new.', 'fr']);
    expect(doc.getElementsByTagName('published')[0]!.textContent).toBe('2026-11-20T00:00:00.000Z');
  });

  it('with a base URL, every link is absolute and the feed links to itself', () => {
    for (const base of ['https://example.org/briefings', 'https://example.org/briefings/']) {
      const doc = parseXml(renderFeed(MANIFEST, 'fr', STRINGS.fr, base));
      const hrefs = Array.from(doc.getElementsByTagName('link')).map((l) => `${l.getAttribute('rel')} ${l.getAttribute('href')}`);
      expect(hrefs.slice(0, 3)).toEqual([
        'self https://example.org/briefings/feed.fr.xml',
        'alternate https://example.org/briefings/index.html',
        'alternate https://example.org/briefings/new/new.fr.html',
      ]);
      for (const href of hrefs) expect(href).toMatch(/ https:\/\/example\.org\/briefings\//);
    }
  });

  it('are valid and dated from the epoch when empty', () => {
    const doc = parseXml(renderFeed({ ...MANIFEST, outputs: [] }, 'en', STRINGS.en));
    expect(doc.getElementsByTagName('entry')).toHaveLength(0);
    expect(doc.getElementsByTagName('updated')[0]!.textContent).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('the index page, published mode', () => {
  const html = renderIndexPage(page());

  it('escapes article text through the serialiser', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('<th scope="row" lang="fr">&lt;script>alert(1)&lt;/script> &amp; Cie ]]> "q" \u0001</th>');
  });

  it('lists each language with its feed, rows newest first, formats with sizes, and low coverage marked', () => {
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" hreflang="fr" title="Français" href="feed.fr.xml">');
    expect(html).toContain('<p class="dateline">3 editions in 2 languages</p>');
    expect(html).toContain('<caption>2 briefings, newest first</caption>');
    expect(html).toContain('<caption>1 briefing, newest first</caption>');
    expect(html.indexOf('new/new.fr.html')).toBeLessThan(html.indexOf('old/old.fr.html'));
    expect(html).toContain('<td class="num low">75\u00a0%</td>');
    expect(html).toContain('<li><a href="old/old.fr.html" type="text/html">HTML</a> <span class="size">900\u00a0B</span></li>');
    expect(html).toContain('<a href="new/new.fr-en.html" type="text/html">French–English HTML</a> <span class="size">1.5\u00a0kB</span>');
    expect(html).toContain('<a href="new/new.review.html" type="text/html">Translation review</a>');
    expect(html).toContain('<a href="feed.en.xml" type="application/atom+xml">Atom feed<span class="visually-hidden"> (English)</span></a>');
    expect(html).not.toContain('/api/status');
  });

  it('says so when a language has no briefing', () => {
    const empty = renderIndexPage(
      page({
        languages: [
          { lang: 'fr', rows: [] },
          { lang: 'en', rows: [] },
        ],
      }),
    );
    expect(empty.match(/<p>No briefing published in this language yet\.<\/p>/g)).toHaveLength(2);
    expect(empty).not.toContain('<table');
  });
});

describe('the index page, local mode (briefing serve)', () => {
  const articles = [
    {
      slug: 'good',
      titleMarkdown: 'Un *bon* titre',
      date: '2026-11-01',
      coverage: [{ slug: 'good', lang: 'en' as const, file: 'locales/en/good.json', total: 10, ok: 5, stale: 2, missing: 3, obsolete: 0, coverage: 50 }],
      problems: [],
    },
    {
      slug: 'broken',
      coverage: [],
      problems: [
        {
          file: 'content/broken.md',
          line: 2,
          column: 3,
          severity: 'error' as const,
          message: 'Bad <b>front matter</b>',
          ruleId: 'briefing:invalid-front-matter' as const,
          url: 'docs/rules.md#invalid-front-matter',
        },
      ],
    },
  ];
  const html = renderIndexPage(
    page({
      mode: {
        kind: 'local',
        root: '/projects/<demo>',
        statusHref: '/api/status',
        problems: [{ slug: 'broken', text: 'content/broken.md:2:3  error  Bad <b>front matter</b>' }],
      },
      languages: (['fr', 'en'] as const).map((lang) => ({ lang, rows: localRows(articles, lang, 80) })),
    }),
  );

  it('shows the project, the status link, coverage details, live previews and downloads, and no feed', () => {
    expect(html).toContain(
      '<p class="dateline">Project <code>/projects/&lt;demo></code> · rendered on demand from the current files · <a href="/api/status">translation status (JSON)</a></p>',
    );
    expect(html).not.toContain('feed.');
    expect(html).toContain('<th scope="row" lang="fr">Un bon titre</th>');
    expect(html).toContain(
      '<td class="num"><strong>50\u00a0%</strong> — 5 of 10 up to date, 2 stale, 3 missing <span class="low">(below 80\u00a0%: French shown for the rest)</span></td>',
    );
    expect(html).toContain(
      '<li><a href="/briefings/good/good.en.html" type="text/html">HTML (live)</a> · <a href="/briefings/good/good.en.html?download" download="good.en.html" aria-label="Download good.en.html">download</a></li>',
    );
    expect(html).toContain('<a href="/briefings/good/good.fr-en.pdf" type="application/pdf">French–English PDF</a></li>');
    // Bilingual and review files are listed with the language they add to the source.
    expect(html.indexOf('good.fr-en.html')).toBeGreaterThan(html.indexOf('id="briefings-en"'));
  });

  it('lists an article that does not parse under its slug, with its problems escaped', () => {
    expect(html).toContain('<th scope="row" lang="fr">broken</th>\n<td class="num"></td>\n<td class="num low">unreadable (see below)</td>');
    expect(html).toContain(
      '<h2 id="problems">Problems</h2>\n<h3><code>broken</code></h3>\n<pre>content/broken.md:2:3  error  Bad &lt;b>front matter&lt;/b></pre>',
    );
    // Dated articles first: the unparsed one has no date.
    expect(html.indexOf('good.fr.html')).toBeLessThan(html.indexOf('broken.fr.html'));
  });
});

describe('interface strings from common.json', () => {
  it('come from the file, plurals included, and a missing key is an error at that file', () => {
    expect(STRINGS.fr('index.caption', { count: 1 })).toBe('1 note, de la plus récente à la plus ancienne');
    expect(STRINGS.fr('index.caption', { count: 3 })).toBe('3 notes, de la plus récente à la plus ancienne');
    const t = uiStrings(readLocaleFile('{\n  "languageName": "English"\n}\n', 'locales/en/common.json'), 'en');
    expect(t('languageName')).toBe('English');
    expect(() => t('index.title')).toThrow(CatalogueInputError);
    expect(() => t('index.title')).toThrow('locales/en/common.json:1:1 Missing en translation of "index.title"');
  });

  it('every key the pages use exists in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      expect(() => renderIndexPage(page({ t: STRINGS[lang] }))).not.toThrow();
      expect(() => renderFeed(MANIFEST, lang, STRINGS[lang])).not.toThrow();
    }
  });

  it('a common.json that does not parse is reported at its own line and column', () => {
    let error: unknown;
    try {
      uiStrings(readLocaleFile('{\n  "a": "b",,\n}\n', 'locales/fr/common.json'), 'fr');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CatalogueInputError);
    expect(error).toMatchObject({ diagnostic: { file: 'locales/fr/common.json', line: 2 } });
  });
});

describe('publishCatalogue reports each problem at the file that is wrong', () => {
  it('a missing English feed title: the English feed is not written, the index and the French feed are', async () => {
    const root = tempProject(['locales', 'templates']);
    const file = path.join(root, 'locales', 'en', 'common.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { feed: Record<string, string> };
    delete json.feed.title;
    writeFileSync(file, JSON.stringify(json, null, 2));
    const paths = projectPaths(root);
    const { diagnostics } = await publishCatalogue(paths, MANIFEST, 80);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message} (${d.note})`)).toEqual([
      'locales/en/common.json:1:1 briefing:missing-translation Missing en translation of "feed.title" (feed.en.xml not written)',
    ]);
    expect(['index.html', 'feed.fr.xml', 'feed.en.xml'].map((name) => existsSync(path.join(paths.output, name)))).toEqual([true, true, false]);
  });

  it('a stylesheet that would end <style> early: reported at its line and column, feeds still written', async () => {
    const root = tempProject(['locales', 'templates']);
    writeFileSync(path.join(root, 'templates', 'html', 'index.css'), '.a { color: red; }\n.b { content: "</style>"; }\n');
    const paths = projectPaths(root);
    const { diagnostics } = await publishCatalogue(paths, MANIFEST, 80);
    // The public index and the internal page share the stylesheet: one problem, naming both.
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(['templates/html/index.css:2:16 briefing:invalid-stylesheet']);
    expect(diagnostics[0]!.message).toMatch(/^A stylesheet must not contain "<\/style"/);
    expect(diagnostics[0]!.note).toBe('index.html, internal.html not written');
    expect(['index.html', 'internal.html', 'feed.fr.xml', 'feed.en.xml'].map((name) => existsSync(path.join(paths.output, name)))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('an index template left from before is named as unused (a warning), and the page is built all the same', async () => {
    const root = tempProject(['locales', 'templates']);
    writeFileSync(path.join(root, 'templates', 'html', 'index.hbs'), '<p>{{summary}}</p>');
    const paths = projectPaths(root);
    const { diagnostics } = await publishCatalogue(paths, MANIFEST, 80);
    expect(diagnostics.map((d) => `${d.file} ${d.severity}`)).toEqual(['templates/html/index.hbs warning']);
    expect(readFileSync(path.join(paths.output, 'internal.html'), 'utf8')).toContain('<caption>2 briefings, newest first</caption>');
  });
});
