/** The lint rules of `briefing check`: one fixture per rule, exact messages and places, and what must stay quiet. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readLocaleFile } from '../src/i18n/locale-file.js';
import { lintFrenchTypography, lintLocale, markupIn, pluralCategories, typographyIssues } from '../src/translate/lint/index.js';
import { REPO } from './helpers.js';

const FIXTURES = 'tests/fixtures/lint';
const text = (file: string) => readFileSync(path.join(REPO, file), 'utf8');
const load = (file: string) => readLocaleFile(text(file), file);
const fixture = (lang: 'fr' | 'en', name: string) => load(`${FIXTURES}/${lang}/${name}.json`);
/** `line:column severity ruleId message`, for compact assertions. */
const brief = (d: { line: number; column: number; severity: string; ruleId: string; message: string }) =>
  `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`;
/** A locale file from inline JSON. */
const inline = (file: string, value: unknown) => readLocaleFile(JSON.stringify(value, null, 2), file);

describe('placeholders, nesting, unescaped interpolation', () => {
  const target = fixture('en', 'placeholders');
  const diagnostics = lintLocale({ target, targetLang: 'en', source: fixture('fr', 'placeholders') });

  it('reads the fixtures cleanly', () => {
    expect(target.diagnostics).toEqual([]);
  });

  it('names missing and unexpected placeholders, nesting and {{- x}}, with the French as note', () => {
    const file = `${FIXTURES}/en/placeholders.json`;
    expect(diagnostics).toEqual([
      {
        file,
        line: 2,
        column: 15,
        severity: 'error',
        ruleId: 'briefing:placeholder-mismatch',
        url: 'docs/rules.md#placeholder-mismatch',
        message:
          'Placeholders differ from the French: missing {{count}}, unexpected {{cnt}}. Use exactly the French placeholders (names unchanged, not translated)',
        note: 'French: "{{count}} minutes de lecture"',
      },
      {
        file,
        line: 4,
        column: 11,
        severity: 'error',
        ruleId: 'briefing:placeholder-mismatch',
        url: 'docs/rules.md#placeholder-mismatch',
        message: 'Placeholders differ from the French: missing {{pages}}. Use exactly the French placeholders (names unchanged, not translated)',
        note: 'French: "Page {{page}} sur {{pages}}"',
      },
      {
        file,
        line: 5,
        column: 18,
        severity: 'error',
        ruleId: 'briefing:nesting',
        url: 'docs/rules.md#nesting',
        message: 'Nesting "$t(…)" is not allowed in a translation (it would pull another string in): write the text itself',
        note: 'French: "Voir le sommaire"',
      },
      {
        file,
        line: 6,
        column: 17,
        severity: 'error',
        ruleId: 'briefing:unescaped-interpolation',
        url: 'docs/rules.md#unescaped-interpolation',
        message: 'Unescaped interpolation "{{- name}}" is not allowed: write {{name}} so the value is escaped',
        note: 'French: "Bonjour {{name}}"',
      },
    ]);
  });

  it('compares names only (format and spacing may differ) and skips untranslated values', () => {
    // "prepared" uses {{date, DATE_MED}} and {{ author }}; "untranslated" is "".
    expect(diagnostics.map((d) => d.line)).not.toContain(3);
    expect(diagnostics.map((d) => d.line)).not.toContain(8);
  });

  it('flags nesting and {{- x}} in French files too, without a note', () => {
    const fr = inline('locales/fr/x.json', { a: 'Voir $t(toc) et {{- nom}}' });
    expect(lintLocale({ target: fr, targetLang: 'fr' }).map((d) => [d.ruleId, d.line, d.column, d.note])).toEqual([
      ['briefing:nesting', 2, 14, undefined],
      ['briefing:unescaped-interpolation', 2, 25, undefined],
    ]);
  });
});

describe('plural forms', () => {
  it('follows the runtime ICU categories: en one/other, fr one/many/other', () => {
    expect(new Set(pluralCategories('en'))).toEqual(new Set(['one', 'other']));
    expect(new Set(pluralCategories('fr'))).toEqual(new Set(['one', 'many', 'other']));
    expect(new Set(pluralCategories('en', 'ordinal'))).toEqual(new Set(['one', 'two', 'few', 'other']));
    expect(new Set(pluralCategories('fr', 'ordinal'))).toEqual(new Set(['one', 'other']));
  });

  it('requires every category of the target language, placed at the first existing form', () => {
    const file = `${FIXTURES}/en/plurals.json`;
    expect(lintLocale({ target: fixture('en', 'plurals'), targetLang: 'en', source: fixture('fr', 'plurals') })).toEqual([
      {
        file,
        line: 2,
        column: 24,
        severity: 'error',
        ruleId: 'briefing:incomplete-plural',
        url: 'docs/rules.md#incomplete-plural',
        message: 'Plural forms of "readingTime" incomplete for en: missing readingTime_one (en needs readingTime_one, readingTime_other)',
        note: 'French: "{{count}} minutes de lecture"',
      },
      {
        file,
        line: 5,
        column: 23,
        severity: 'error',
        ruleId: 'briefing:incomplete-plural',
        url: 'docs/rules.md#incomplete-plural',
        message:
          'Plural forms of "rank_ordinal" incomplete for en: missing rank_ordinal_two, rank_ordinal_few (en needs rank_ordinal_one, rank_ordinal_two, rank_ordinal_few, rank_ordinal_other)',
        note: 'French: "{{count}}e"',
      },
    ]);
  });

  it('does not require French _many in English, nor {{count}} in a _one form', () => {
    // sources_one "One source" / sources_other: complete for en, no placeholder mismatch.
    const lines = lintLocale({ target: fixture('en', 'plurals'), targetLang: 'en', source: fixture('fr', 'plurals') }).map((d) => d.line);
    expect(lines).toEqual([2, 5]);
    expect(lintLocale({ target: fixture('fr', 'plurals'), targetLang: 'fr' })).toEqual([]);
  });

  it('lets a plural form add or drop {{count}}, but not other placeholders', () => {
    const en = inline('locales/en/common.json', { items_one: '{{count}} item in {{place}}', items_other: 'Items in {{where}}' });
    const fr = inline('locales/fr/common.json', {
      items_one: 'Un élément dans {{place}}',
      items_many: '{{count}} d’éléments dans {{place}}',
      items_other: '{{count}} éléments dans {{place}}',
    });
    expect(lintLocale({ target: en, targetLang: 'en', source: fr }).map(brief)).toEqual([
      '3:28 error briefing:placeholder-mismatch Placeholders differ from the French: missing {{place}}, unexpected {{where}}. Use exactly the French placeholders (names unchanged, not translated)',
    ]);
  });

  it('requires _many in French', () => {
    const fr = inline('locales/fr/common.json', { items_one: '{{count}} élément', items_other: '{{count}} éléments' });
    expect(lintLocale({ target: fr, targetLang: 'fr' }).map(brief)).toEqual([
      '2:16 error briefing:incomplete-plural Plural forms of "items" incomplete for fr: missing items_many (fr needs items_one, items_many, items_other)',
    ]);
  });

  it('reports a plural key present only in French at the start of the file', () => {
    const en = inline('locales/en/common.json', { toc: 'Contents' });
    const fr = inline('locales/fr/common.json', { toc: 'Sommaire', items_one: '{{count}} élément', items_other: '{{count}} éléments' });
    expect(lintLocale({ target: en, targetLang: 'en', source: fr })).toMatchObject([
      {
        line: 1,
        column: 1,
        message: 'Plural forms of "items" incomplete for en: missing items_one, items_other (en needs items_one, items_other)',
        note: 'French: "{{count}} éléments"',
      },
    ]);
  });
});

describe('raw HTML', () => {
  const diagnostics = lintLocale({ target: fixture('en', 'markup'), targetLang: 'en' });
  const hint = 'is shown as literal text, never interpreted: use Markdown instead (*emphasis*, **strong**, [text](url))';

  it('warns at each tag and comment', () => {
    expect(diagnostics.map(brief)).toEqual([
      `2:14 warning briefing:raw-html Raw HTML "<b>" ${hint}`,
      `2:21 warning briefing:raw-html Raw HTML "</b>" ${hint}`,
      `3:17 warning briefing:raw-html Raw HTML "<br/>" ${hint}`,
      `4:14 warning briefing:raw-html Raw HTML "<script src="x.js">" ${hint}`,
      // after the escaped quotes: the raw column, each \" counted as written
      `4:35 warning briefing:raw-html Raw HTML "</script>" ${hint}`,
      `5:20 warning briefing:raw-html Raw HTML "<!-- hidden -->" ${hint}`,
    ]);
    expect(diagnostics.every((d) => d.file === `${FIXTURES}/en/markup.json` && d.note === undefined)).toBe(true);
  });

  it('leaves less-than signs, autolinks, code spans and Markdown alone', () => {
    expect(diagnostics.map((d) => d.line)).toEqual([2, 2, 3, 4, 4, 5]);
    for (const value of [
      'a < b',
      '3<4',
      'x <= y',
      'a<b',
      '<https://a.b/c?x=1>',
      '<team@example.com>',
      '`<br>`',
      '*a* [b](https://c.d)',
      '<3 love',
      '-> and <-',
    ]) {
      expect(markupIn(value), value).toEqual([]);
    }
    expect(markupIn('x <p class="a">y</p> <!-- z').map((m) => m.text)).toEqual(['<p class="a">', '</p>', '<!-- z']);
  });
});

describe('whitespace', () => {
  it('warns about leading, trailing and doubled spaces, not indentation or hard breaks', () => {
    expect(lintLocale({ target: fixture('en', 'whitespace'), targetLang: 'en' }).map(brief)).toEqual([
      '2:15 warning briefing:whitespace Leading space: remove it, it would show in the output',
      '3:23 warning briefing:whitespace Trailing no-break space (U+00A0): remove it, it would show in the output',
      '4:26 warning briefing:whitespace Trailing narrow no-break space (U+202F): remove it, it would show in the output',
      '5:17 warning briefing:whitespace 2 consecutive spaces: use a single space',
      // after the escaped quotes: the raw column
      '6:25 warning briefing:whitespace 2 consecutive spaces: use a single space',
      '7:12 warning briefing:whitespace Value holds only whitespace: write the translation, or leave it empty ("") while untranslated',
    ]);
  });

  it('places a problem inside a multi-line value at its raw column, past \\n and \\u escapes', () => {
    // Line 2 holds `  "body": "Un\nDeux\u00a0:  trois"`: the doubled space is raw column 27.
    const raw = '{\n  "body": "Un\\nDeux\\u00a0:  trois"\n}\n';
    expect(raw.split('\n')[1]!.indexOf('  trois') + 1).toBe(27);
    const file = readLocaleFile(raw, 'locales/en/multi.json');
    const diagnostics = lintLocale({ target: file, targetLang: 'en', text: raw });
    expect(diagnostics.map(brief)).toEqual(['2:27 warning briefing:whitespace 2 consecutive spaces: use a single space']);
  });

  it('adds the French as note when there is a counterpart', () => {
    const en = inline('locales/en/common.json', { toc: 'Contents ' });
    const fr = inline('locales/fr/common.json', { toc: 'Sommaire' });
    expect(lintLocale({ target: en, targetLang: 'en', source: fr })).toEqual([
      {
        file: 'locales/en/common.json',
        line: 2,
        column: 19,
        severity: 'warning',
        ruleId: 'briefing:whitespace',
        url: 'docs/rules.md#whitespace',
        message: 'Trailing space: remove it, it would show in the output',
        note: 'French: "Sommaire"',
      },
    ]);
  });
});

describe('French typography', () => {
  const file = `${FIXTURES}/fr/typography.json`;
  const narrow = (mark: string) => `warning briefing:french-typography Use a narrow no-break space (U+202F) before "${mark}" in French`;

  it('warns at each mark lacking its no-break space', () => {
    expect(lintFrenchTypography(fixture('fr', 'typography')).map(brief)).toEqual([
      `2:33 ${narrow('?')}`,
      `3:23 ${narrow('?')}`,
      '4:30 warning briefing:french-typography Use a no-break space (U+00A0) before ":" in French',
      `5:20 ${narrow(';')}`,
      `6:21 ${narrow('!')}`,
      '7:28 warning briefing:french-typography Use a narrow no-break space (U+202F) after "«" in French',
      `7:41 ${narrow('»')}`,
      `8:17 ${narrow('?')}`,
      // after escaped quotes: the raw column, each \" counted as written
      `9:30 ${narrow('?')}`,
      // without the raw text, the \u00a0 escape is invisible: the column is off
      `10:29 ${narrow('?')}`,
    ]);
    expect(lintFrenchTypography(fixture('fr', 'typography')).every((d) => d.file === file && d.note === undefined)).toBe(true);
  });

  it('points at the raw column past any escape when given the raw text', () => {
    const diagnostics = lintFrenchTypography(fixture('fr', 'typography'), text(file));
    expect(diagnostics.map((d) => `${d.line}:${d.column}`)).toEqual(['2:33', '3:23', '4:30', '5:20', '6:21', '7:28', '7:41', '8:17', '9:30', '10:34']);
  });

  it('leaves URLs, times, ratios, code spans, a leading "?", images, entities and correct spaces alone', () => {
    const lines = lintFrenchTypography(fixture('fr', 'typography')).map((d) => d.line);
    expect(lines.filter((l) => l > 10)).toEqual([]);
  });

  it.each([
    'https://a.b/c?x=1',
    '<https://a.b/c?x=1>',
    'Rendez-vous à 10:55',
    'Un ratio de 1:2',
    'Le code `a ? b : c` et ``x ; y``',
    '? en tête',
    '![image](a.png)',
    'Tom &amp; Jerry',
    'Quoi\u202f?!',
    'Note\u00a0: oui',
    '«\u00a0citation\u00a0»',
    'Oui\u202f; non',
    'Ligne\n: suite',
    'C++::std',
  ])('does not flag %j', (value) => {
    expect(typographyIssues(value)).toEqual([]);
  });

  it.each([
    ['Vraiment ?', [{ offset: 9, mark: '?' }]],
    ['Vraiment?', [{ offset: 8, mark: '?' }]],
    ['Note : oui', [{ offset: 5, mark: ':' }]],
    ['Note: oui', [{ offset: 4, mark: ':' }]],
    ['*Vraiment*?', [{ offset: 10, mark: '?' }]],
    [
      '«citation»',
      [
        { offset: 0, mark: '«' },
        { offset: 9, mark: '»' },
      ],
    ],
    ['Voir `a ? b` ; ensuite', [{ offset: 13, mark: ';' }]],
  ])('flags %j', (value, issues) => {
    expect(typographyIssues(value)).toEqual(issues);
  });

  it('is not part of lintLocale', () => {
    expect(lintLocale({ target: fixture('fr', 'typography'), targetLang: 'fr' })).toEqual([]);
  });
});

describe('the real locale files', () => {
  const locale = (lang: string, name: string) => load(`locales/${lang}/${name}.json`);

  it('English interface strings match the French', () => {
    expect(lintLocale({ target: locale('en', 'common'), targetLang: 'en', source: locale('fr', 'common') })).toEqual([]);
    expect(lintLocale({ target: locale('fr', 'common'), targetLang: 'fr' })).toEqual([]);
  });

  it('the seed translation is clean', () => {
    expect(lintLocale({ target: locale('en', 'microsoft-openai'), targetLang: 'en', source: locale('fr', 'microsoft-openai') })).toEqual([]);
    expect(lintLocale({ target: locale('fr', 'microsoft-openai'), targetLang: 'fr' })).toEqual([]);
  });

  it('the seed French has ordinary spaces before ":" and "?" and inside « »: warnings, as intended', () => {
    const file = 'locales/fr/microsoft-openai.json';
    const diagnostics = lintFrenchTypography(locale('fr', 'microsoft-openai'), text(file));
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '15:36 Use a no-break space (U+00A0) before ":" in French', // GPT-5 et Copilot : des synergies
      '16:260 Use a narrow no-break space (U+202F) after "«" in French', // « o-series »
      '16:271 Use a narrow no-break space (U+202F) before "»" in French',
      '21:109 Use a narrow no-break space (U+202F) after "«" in French', // « for-profit »
      '21:122 Use a narrow no-break space (U+202F) before "»" in French',
      '25:63 Use a narrow no-break space (U+202F) before "?" in French', // … partage des revenus ?
      '31:142 Use a no-break space (U+00A0) before ":" in French', // … expérimentales : elles
      '37:26 Use a narrow no-break space (U+202F) after "«" in French', // « gagnant-gagnant »
      '37:44 Use a narrow no-break space (U+202F) before "»" in French',
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning' && d.ruleId === 'briefing:french-typography' && d.file === file)).toBe(true);
  });

  it('the French interface strings follow French typography (no-break spaces before ":")', () => {
    expect(lintFrenchTypography(locale('fr', 'common'))).toEqual([]);
  });
});
