/**
 * Key figures are declared in the front matter (`figures:`, src/parse/declared-figures.ts): typed
 * values formatted per language, free-text values and labels as translation units, `figures:
 * false`, the cap on cards, and placed errors for wrong shapes. Nothing detected in the text is shown.
 */
import { describe, expect, it } from 'vitest';
import { toString as plainText } from 'mdast-util-to-string';
import type { Lang } from '../src/core/types.js';
import { DEFAULTS } from '../src/core/defaults.js';
import { isKeyFigure } from '../src/core/node-data.js';
import { createI18n } from '../src/i18n/instance.js';
import { segmentsOf } from '../src/i18n/extract.js';
import { localize } from '../src/localize/index.js';
import { formatTypedFigure } from '../src/localize/figure-value.js';
import { parseArticle } from '../src/parse/index.js';
import { buildDocument, renderMarkdown } from '../src/render/markdown/index.js';
import path from 'node:path';
import { keyFigureCap, loadPdfTheme } from '../src/render/pdf/theme.js';
import { commonResources, editJson, runCli, translatedProject } from './helpers.js';

const FILE = 'content/a.md';
const BODY = 'Le partenariat a débuté en 2019 avec un investissement initial de 1 milliard de dollars.\n';
const withFigures = (yaml: string) => `---\ntitle: Titre\n${yaml}\n---\n${BODY}`;
const parse = (text: string) => parseArticle(text, FILE, 'a');
const placed = (text: string) => parse(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`);

function edition(text: string, lang: Lang, translations: Record<string, unknown> = {}) {
  const { article } = parse(text);
  const i18n = createI18n(lang, lang === 'en' ? { common: commonResources(lang), a: translations as never } : { common: commonResources(lang) });
  return buildDocument(localize(article, lang, i18n), { date: '2026-11-26' });
}
const cards = (doc: ReturnType<typeof edition>) =>
  doc.tree.children
    .filter(isKeyFigure)
    .map((node) => [node.data.figure.value, plainText({ type: 'paragraph', children: node.data.figure.label }), node.data.fallback]);

describe('typed values, formatted per language', () => {
  it.each([
    [{ type: 'amount', amount: 1e9, currency: 'USD' }, '1 milliard de dollars', '$1 billion'],
    [{ type: 'amount', amount: 2.5e6, currency: 'EUR' }, '2,5 millions d’euros', '€2.5 million'],
    [{ type: 'amount', amount: 2000, currency: 'EUR' }, '2\u202f000 euros', '€2,000'],
    [{ type: 'amount', amount: 2.5e6, currency: 'GBP' }, '2,5 millions de livres sterling', '£2.5 million'],
    [{ type: 'amount', amount: 2000, currency: 'CHF' }, '2\u202f000 francs suisses', 'CHF\u00a02,000'],
    [{ type: 'amount', amount: 1e9, currency: 'JPY' }, '1 milliard de yens japonais', 'JP¥1 billion'],
    [{ type: 'amount', amount: 1, currency: 'CAD' }, '1 dollar canadien', 'CA$1'],
    [{ type: 'quantity', amount: 12, unit: 'kilometer' }, '12\u00a0kilomètres', '12 kilometres'],
    [{ type: 'percent', percent: 15 }, '15\u202f%', '15%'],
    [{ type: 'count', count: 3200 }, '3\u202f200', '3,200'],
    [{ type: 'count', count: 2.5e6 }, '2,5 millions', '2.5 million'],
    [{ type: 'date', date: '2026-11-26' }, '26 novembre 2026', '26 November 2026'],
    [{ type: 'date', date: '2025-01-01' }, '1er janvier 2025', '1 January 2025'],
    [{ type: 'year', year: 2030 }, '2030', '2030'],
  ] as const)('%o → fr %s, en %s', (value, fr, en) => {
    expect(formatTypedFigure(value, 'fr')).toBe(fr);
    expect(formatTypedFigure(value, 'en')).toBe(en);
  });

  it('reads each shape from the front matter, in order, into the box of both editions', () => {
    const text = withFigures(
      [
        'figures:',
        '  - value: { amount: 2500000, currency: EUR }',
        '    label: budget du projet',
        '  - value: { percent: 15 }',
        '    label: part des votants',
        '  - value: { count: 3200 }',
        '    label: habitants',
        '  - value: 2026-11-26',
        '    label: date du vote',
      ].join('\n'),
    );
    expect(parse(text).diagnostics).toEqual([]);
    const labels = { figures: { 1: { label: 'project budget' }, 2: { label: 'share of voters' }, 3: { label: 'residents' }, 4: { label: 'voting day' } } };
    expect(cards(edition(text, 'fr')).map(([value]) => value)).toEqual(['2,5\u00a0millions d’euros', '15\u202f%', '3\u202f200', '26\u00a0novembre\u00a02026']);
    expect(cards(edition(text, 'en', labels))).toEqual([
      ['€2.5 million', 'project budget', undefined],
      ['15%', 'share of voters', undefined],
      ['3,200', 'residents', undefined],
      ['26 November 2026', 'voting day', undefined],
    ]);
  });
});

describe('translation units', () => {
  const text = withFigures(
    ['figures:', '  - value: "trois sur quatre"', '    label: utilisateurs satisfaits', '  - value: 2030', '    label: horizon'].join('\n'),
  );

  it('a free-text value and each label are units figures.<n>.value / figures.<n>.label, placed at their front matter value, extracted after the text', () => {
    const { article } = parse(text);
    const units = segmentsOf(article).slice(-3);
    expect(units.map((u) => [u.key, u.kind, u.markdown, u.place])).toEqual([
      ['figures.1.value', 'figure', 'trois sur quatre', { line: 4, column: 12 }],
      ['figures.1.label', 'figure', 'utilisateurs satisfaits', { line: 5, column: 12 }],
      ['figures.2.label', 'figure', 'horizon', { line: 7, column: 12 }],
    ]);
  });

  it('translated: the free text and the label in English', () => {
    const doc = edition(text, 'en', { figures: { 1: { value: 'three in four', label: 'satisfied users' }, 2: { label: 'horizon' } } });
    expect(cards(doc)).toEqual([
      ['three in four', 'satisfied users', undefined],
      ['2030', 'horizon', undefined],
    ]);
  });

  it('missing: the whole figure is shown in French and marked, whichever of its units is missing', () => {
    const valueMissing = edition(text, 'en', { figures: { 1: { label: 'satisfied users' }, 2: { label: 'horizon' } } });
    expect(cards(valueMissing)[0]).toEqual(['trois sur quatre', 'utilisateurs satisfaits', 'fr']);
    const labelMissing = edition(text, 'en', { figures: { 1: { value: 'three in four' } } });
    expect(cards(labelMissing)).toEqual([
      ['trois sur quatre', 'utilisateurs satisfaits', 'fr'],
      ['2030', 'horizon', 'fr'],
    ]);
    expect(renderMarkdown(labelMissing)).toContain('*Translation missing: original French text shown.*\n\n**trois sur quatre** — utilisateurs satisfaits\n');
  });

  it('a typed value in a fallen-back figure is written in French, with its label', () => {
    const doc = edition(withFigures('figures:\n  - value: { amount: 1000000000, currency: USD }\n    label: investissement initial'), 'en');
    expect(cards(doc)).toEqual([['1\u00a0milliard de dollars', 'investissement initial', 'fr']]);
  });
});

describe('what the box shows', () => {
  it('nothing the front matter does not declare: no figures field, no box, whatever the text holds', () => {
    const text = `---\ntitle: Titre\n---\n${BODY}`;
    expect(parse(text).article.figures).toEqual([]);
    expect(renderMarkdown(edition(text, 'fr'))).not.toContain('Chiffres clés');
  });

  it('figures: false: no box, no unit, no error', () => {
    const text = withFigures('figures: false');
    expect(parse(text).diagnostics).toEqual([]);
    expect(parse(text).article.figures).toEqual([]);
    expect(renderMarkdown(edition(text, 'fr'))).not.toContain('Chiffres clés');
  });

  it(`at most ${DEFAULTS.keyFigureCards} cards: one more is an error at the first entry past the limit, naming it`, () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => `  - value: ${2020 + i}\n    label: an ${i + 1}`).join('\n');
    expect(parse(withFigures(`figures:\n${entries(4)}`)).diagnostics).toEqual([]);
    const text = withFigures(`figures:\n${entries(5)}`);
    expect(placed(text)).toEqual([
      '12:5 briefing:too-many-figures More than 4 key figures declared (5), from here on: the box holds 4 cards at most (keyFigures.max in templates/pdf/theme.json); keep the 4 that matter most in figures:',
    ]);
    expect(parse(text).article.figures).toEqual([]);
  });

  it('the cap is the theme’s keyFigures.max: check and build both refuse past it, naming it; a cap out of range is a theme error', async () => {
    const entries = Array.from({ length: 3 }, (_, i) => `  - value: ${2020 + i}\n    label: an ${i + 1}`).join('\n');
    const root = await translatedProject('a', withFigures(`figures:\n${entries}`), {});
    editJson(root, 'templates/pdf/theme.json', (theme) => {
      theme.keyFigures = { max: 2 };
    });
    expect(keyFigureCap(path.join(root, 'templates'))).toBe(2);
    for (const command of [['check'], ['build', '--min-coverage', '0']]) {
      const run = await runCli([...command, '--root', root]);
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).toContain('content/a.md:8:5');
      expect(run.stdout + run.stderr).toContain('More than 2 key figures declared (3)');
    }
    editJson(root, 'templates/pdf/theme.json', (theme) => {
      theme.keyFigures = { max: 3 };
    });
    expect((await runCli(['build', '--min-coverage', '0', '--root', root])).code).toBe(0);
    editJson(root, 'templates/pdf/theme.json', (theme) => {
      theme.keyFigures = { max: 2.5 };
    });
    expect(() => loadPdfTheme(path.join(root, 'templates'))).toThrow(/keyFigures\.max.*whole number from 0 to 12/);
  });
});

describe('wrong shapes: errors placed at the value that is wrong', () => {
  it.each([
    ['figures: 3', '3:10 Field "figures" must be a list of figures (- value: …  label: …), or false for no box, not 3'],
    ['figures:\n  - 2030', '4:5 Field "figures[1]" must be a mapping with a value and a label'],
    ['figures:\n  - value: 2030', '4:5 Field "figures[1].label" must be a short label on one line'],
    ['figures:\n  - value: 2030\n    label: [a, b]', '5:12 Field "figures[1].label" must be a short label on one line'],
    ['figures:\n  - label: horizon', '4:5 Field "figures[1].value" must be a year, a text, or one of'],
    ['figures:\n  - value: 2.5\n    label: x', '4:12 Field "figures[1].value" must be a year, a text, or one of'],
    [
      'figures:\n  - value: { amount: 5, currency: ZZZ }\n    label: x',
      '4:35 Field "figures[1].value.currency" must be an ISO 4217 currency code (EUR, USD, GBP, CHF, CAD, XOF…), not "ZZZ"',
    ],
    ['figures:\n  - value: { amount: "2,5 millions", currency: EUR }\n    label: x', '4:22 Field "figures[1].value.amount" must be a number'],
    ['figures:\n  - value: { amount: 5, unit: brouettes }\n    label: x', '4:31 Field "figures[1].value.unit" must be a unit Intl.NumberFormat knows'],
    ['figures:\n  - value: { percent: 15, count: 3 }\n    label: x', '4:12 Field "figures[1].value" must be one of {amount: 2500000, currency: EUR}'],
    ['figures:\n  - value: 2026-02-30\n    label: x', '4:12 Field "figures[1].value" must be a date that exists in the calendar'],
    ['figures:\n  - value: 2030\n    label: x\n    note: y', '6:5 Field "figures[1].note" must be absent'],
  ])('%j', (yaml, expected) => {
    const diagnostics = parse(withFigures(yaml)).diagnostics;
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)[0]).toContain(expected);
    expect(diagnostics.every((d) => d.ruleId === 'briefing:invalid-front-matter' && d.severity === 'error')).toBe(true);
    expect(parse(withFigures(yaml)).article.figures).toEqual([]);
  });
});
