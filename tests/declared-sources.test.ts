/**
 * Sources are declared in the front matter (`sources:`, src/parse/declared-sources.ts): strings of
 * inline Markdown, Markdown links, or `{title, url, publisher, date}`; titles are translation units,
 * publisher names are not; the order is kept; links are real in every format; wrong shapes get
 * placed errors; nothing attributed in the text is ever listed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { List } from 'mdast';
import type { Lang } from '../src/core/types.js';
import { createI18n } from '../src/i18n/instance.js';
import { segmentsOf } from '../src/i18n/extract.js';
import { localize } from '../src/localize/index.js';
import { parseArticle } from '../src/parse/index.js';
import { buildDocument, renderMarkdown } from '../src/render/markdown/index.js';
import { commonResources, pdfText, runCli, translatedProject } from './helpers.js';

const FILE = 'content/a.md';
const BODY = 'Le plan prévoit 300 kilomètres de pistes, selon Reuters. D’après l’Insee, la part du vélo progresse.\n';
const withSources = (yaml: string) => `---\ntitle: Plan vélo\n${yaml}\n---\n${BODY}`;
const parse = (text: string) => parseArticle(text, FILE, 'a');

const FOUR = withSources(
  [
    'sources:',
    '  - Axios',
    '  - "[Dossier de presse](https://www.example.gouv.fr/dossier.pdf)"',
    '  - title: Rapport annuel sur les mobilités',
    '    url: https://www.example.fr/rapport',
    '    publisher: Observatoire des mobilités',
    '    date: 2025-02-01',
    '  - publisher: Agence France-Presse',
    '    url: https://www.afp.com/',
  ].join('\n'),
);
const ENGLISH = {
  title: 'Cycling plan',
  lead: { '1': 'The plan provides for 300 kilometres of lanes, according to Reuters. According to Insee, cycling is growing.' },
  sources: { '2': { title: '[Press kit](https://www.example.gouv.fr/dossier.pdf)' }, '3': { title: 'Annual report on mobility' } },
};

function edition(text: string, lang: Lang, translations: Record<string, unknown> = {}) {
  const { article } = parse(text);
  const i18n = createI18n(lang, lang === 'en' ? { common: commonResources(lang), a: translations as never } : { common: commonResources(lang) });
  return buildDocument(localize(article, lang, i18n), { date: '2026-11-26' });
}
const sourcesList = (markdown: string) =>
  markdown
    .slice(markdown.indexOf('## Sources'))
    .split('\n')
    .filter((line) => line.startsWith('- '));

describe('declared sources', () => {
  it('reads names, Markdown links and mappings, in their order; titles become units, names and publishers do not', () => {
    const { article, diagnostics } = parse(FOUR);
    expect(diagnostics).toEqual([]);
    expect(article.sources.map(({ title, ...rest }) => ({ ...rest, title: title?.markdown, key: title?.key, line: title?.place.line }))).toEqual([
      { id: '1', title: undefined, key: undefined, line: undefined, publisher: 'Axios' },
      { id: '2', title: '[Dossier de presse](https://www.example.gouv.fr/dossier.pdf)', key: 'sources.2.title', line: 5 },
      {
        id: '3',
        title: 'Rapport annuel sur les mobilités',
        key: 'sources.3.title',
        line: 6,
        url: 'https://www.example.fr/rapport',
        publisher: 'Observatoire des mobilités',
        date: '2025-02-01',
      },
      { id: '4', title: undefined, key: undefined, line: undefined, url: 'https://www.afp.com/', publisher: 'Agence France-Presse' },
    ]);
    expect(segmentsOf(article).map((s) => s.key)).toEqual(['title', 'lead.1', 'sources.2.title', 'sources.3.title']);
    expect(segmentsOf(article).at(-2)?.place).toEqual({ line: 5, column: 5 });
  });

  it('lists them as links, in both languages, the date written per language', () => {
    expect(sourcesList(renderMarkdown(edition(FOUR, 'fr')))).toEqual([
      '- Axios',
      '- [Dossier de presse](https://www.example.gouv.fr/dossier.pdf)',
      '- [Rapport annuel sur les mobilités](https://www.example.fr/rapport), Observatoire des mobilités, 1er\u00a0février\u00a02025',
      '- [Agence France-Presse](https://www.afp.com/)',
    ]);
    expect(sourcesList(renderMarkdown(edition(FOUR, 'en', ENGLISH)))).toEqual([
      '- Axios',
      '- [Press kit](https://www.example.gouv.fr/dossier.pdf)',
      '- [Annual report on mobility](https://www.example.fr/rapport), Observatoire des mobilités, 1 February 2025',
      '- [Agence France-Presse](https://www.afp.com/)',
    ]);
  });

  it('a title without translation is shown in French, its item marked as a fallback (stale too)', () => {
    const english = { ...ENGLISH, sources: { '2': { title: '' } } };
    const doc = edition(FOUR, 'en', english);
    const list = doc.tree.children.at(-1) as List;
    expect(list.type).toBe('list');
    expect(list.children.map((item) => item.data?.fallback ?? null)).toEqual([null, 'fr', 'fr', null]);
    expect(list.children[1]?.children[0]?.data?.fallbackReason).toBe('missing');
    expect(sourcesList(renderMarkdown(doc))[1]).toBe('- [Dossier de presse](https://www.example.gouv.fr/dossier.pdf)');
  });

  it('nothing attributed in the text is listed: without sources: there is no Sources section', () => {
    const text = `---\ntitle: Plan vélo\n---\n${BODY}`;
    expect(parse(text).article.sources).toEqual([]);
    expect(renderMarkdown(edition(text, 'fr'))).not.toContain('## Sources');
  });

  it('markup in a name or title is inline text: no block, no raw HTML', () => {
    const text = withSources('sources:\n  - "# <b>Gras</b> *note*"\n  - "[# <i>Titre</i>](https://example.fr/)"');
    expect(sourcesList(renderMarkdown(edition(text, 'fr')))).toEqual(['- \\# \\<b>Gras\\</b> note', '- [# \\<i>Titre\\</i>](https://example.fr/)']);
    const { article: mapped } = parse(withSources('sources:\n  - title: "[x](javascript:alert(1))"'));
    expect(mapped.sources[0]?.title?.markdown).toBe('\\[x]\\(javascript:alert(1))');
    // A string is Markdown, so its link is a link: one whose address is not safe is not kept.
    const unsafe = renderMarkdown(edition(withSources('sources:\n  - "[x](javascript:alert(1))"'), 'fr'));
    expect(sourcesList(unsafe)).toHaveLength(1);
    expect(unsafe).not.toContain('javascript:');
  });
});

describe('wrong shapes: errors placed at the value that is wrong', () => {
  it.each([
    ['sources:\n  - 3', '4:5 Field "sources[1]" must be a name or title'],
    ['sources:\n  - title: T\n    url: www.example.gouv.fr', '5:10 Field "sources[1].url" must be an address starting with https://'],
    ['sources:\n  - title: T\n    url: javascript:alert(1)', '5:10 Field "sources[1].url" must be an address starting with https://'],
    ['sources:\n  - title: T\n    date: 2025-02-30', '5:11 Field "sources[1].date" must be a date as YYYY-MM-DD'],
    ['sources:\n  - url: https://example.fr/', '4:5 Field "sources[1]" must be a title or a publisher'],
    ['sources:\n  - title: T\n    auteur: X', '5:5 Field "sources[1].auteur" must be absent: a source holds title, url, publisher, date'],
    ['sources:\n  - title: [a, b]', '4:12 Field "sources[1].title" must be text on one line'],
  ])('%j', (yaml, expected) => {
    const diagnostics = parse(withSources(yaml)).diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)[0]).toContain(expected);
    expect(diagnostics.every((d) => d.ruleId === 'briefing:invalid-front-matter' && d.severity === 'error')).toBe(true);
  });
});

describe('built from a project', () => {
  it('links every source in HTML and PDF, in both languages, and check knows the titles', async () => {
    const root = await translatedProject('a', FOUR, ENGLISH);
    const build = await runCli(['build', '--root', root]);
    expect(build.code, build.stderr).toBe(0);
    const out = (name: string) => path.join(root, 'output', 'a', name);
    const html = readFileSync(out('a.en.html'), 'utf8');
    expect(html).toContain('<li><a href="https://www.example.gouv.fr/dossier.pdf" rel="noopener noreferrer">Press kit</a></li>');
    expect(html).toContain(
      '<li><a href="https://www.example.fr/rapport" rel="noopener noreferrer">Annual report on mobility</a>, Observatoire des mobilités, 1 February 2025</li>',
    );
    for (const lang of ['fr', 'en']) {
      const uris = [...execFileSync('qpdf', ['--json', out(`a.${lang}.pdf`)], { encoding: 'utf8' }).matchAll(/"\/URI": "u:([^"]*)"/g)].map((m) => m[1]);
      expect(uris).toEqual(['https://www.example.gouv.fr/dossier.pdf', 'https://www.example.fr/rapport', 'https://www.afp.com/']);
    }
    const text = pdfText(out('a.en.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('Sources • Axios • Press kit • Annual report on mobility, Observatoire des mobilités, 1 February 2025 • Agence France-Presse');
    // Reuters and Insee are attributions in the text, never sources.
    expect(text.slice(text.indexOf('Sources'))).not.toMatch(/Reuters|Insee/);
    const bilingual = pdfText(out('a.fr-en.pdf'));
    expect(bilingual).toContain('Rapport annuel sur les mobilités');
    expect(bilingual).toContain('Annual report on mobility');
    // A title left untranslated is reported by check like any unit.
    const check = await runCli(['check', '--root', root]);
    expect(check.code).toBe(0);
  });
});
