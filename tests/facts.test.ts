import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../src/parse/index.js';
import type { Article, BriefingDocument } from '../src/core/types.js';
import { pairBlocks } from '../src/render/bilingual/pairs.js';
import { applyAnnotations } from '../src/render/markdown/annotations.js';
import { parseMarkdown } from '../src/core/markdown.js';
import { ATTRIBUTION_PATTERNS, detectSourceMatches } from '../src/facts/attributions.js';
import { segmentsInReadingOrder, segmentText } from '../src/facts/text.js';
import { FIGURE_RULES, figureLabel, formatFigure, keyFigures, type KeyFigure } from '../src/facts/key-figures.js';
import { REPO } from './helpers.js';

const CONTENT = readFileSync(path.join(REPO, 'content', 'microsoft-openai.txt'), 'utf8');
/** The seed verbatim: the article without its YAML front matter. */
const BARE_SEED = CONTENT.replace(/^---\n[\s\S]*?\n---\n/, '');

function article(source: string): Article {
  return parseArticle(source, 'fixture.txt', 'fixture').article;
}
/** The attributions found in each unit of the article, in reading order, with the unit's key. */
function citedSources(parsed: Article): { name: string; key: string }[] {
  return segmentsInReadingOrder(parsed).flatMap((segment) => detectSourceMatches(segmentText(segment)).map(({ name }) => ({ name, key: segment.key })));
}
const names = (source: string): string[] => citedSources(article(source)).map((s) => s.name);
const texts = (source: string): string[] => keyFigures(article(source)).map((f) => f.text);

const NNBSP = '\u202f';
const SECTION_1 = 'sections.une-alliance-historique-a-redefinir.1';
const SECTION_BLOOMBERG = 'sections.un-nouvel-accord-sur-le-partage-des-revenus.1';

describe('attributions (what `briefing suggest` proposes as sources)', () => {
  it('gives exactly Axios and Bloomberg for the seed, with the segment citing each', () => {
    const expected = [
      { name: 'Axios', key: 'lead.2' },
      { name: 'Bloomberg', key: SECTION_BLOOMBERG },
    ];
    expect(citedSources(article(CONTENT))).toEqual(expected);
    // Detection alone, without front matter, finds the same two.
    const bare = article(BARE_SEED);
    expect(bare.meta.sources).toEqual([]);
    expect(citedSources(bare)).toEqual(expected);
  });

  it.each(ATTRIBUTION_PATTERNS.map((p) => [p.id, p.example] as const))('pattern %s detects its example', (_id, example) => {
    expect(citedSources(article(example))).toEqual([{ name: 'Example', key: 'lead.1' }]);
  });

  it.each([
    ['selon le Financial Times, l’accord est proche.', 'Financial Times'],
    ['Selon Le Monde, l’accord est proche.', 'Le Monde'],
    ['D’après The Wall Street Journal, l’accord est proche.', 'The Wall Street Journal'],
    ['L’accord est proche, selon l’AFP.', 'AFP'],
    ['Le projet, cité par Les Echos, avance.', 'Les Echos'],
    ['L’accord, selon New York Times Company, avance.', 'New York Times Company'],
    ['Mais Bloomberg rapporte que l’accord est proche.', 'Bloomberg'],
    ['L’accord, a indiqué Reuters, est proche.', 'Reuters'],
    ['L’accord est proche, selon Reuters. Microsoft dément.', 'Reuters'],
    ['Selon [Bloomberg](https://example.com/article), l’accord est proche.', 'Bloomberg'],
    ['Selon *Les Echos*, l’accord est proche.', 'Les Echos'],
  ])('%s → %s', (source, name) => {
    expect(names(source)).toEqual([name]);
  });

  it.each([
    'Selon plusieurs sources, le modèle GPT-5 pourrait être lancé.',
    'Selon lui, l’accord est proche.',
    'Selon des informations concordantes, l’accord est proche.',
    'Ce que révèle surtout cette renégociation, c’est un changement.',
    'Il rapporte que l’accord est proche.',
    'Le rapport indique OpenAI comme partenaire.',
    'Microsoft rapporte 10 milliards de dollars par an.',
    'Le passage par Microsoft est obligé.',
  ])('finds no source in: %s', (source) => {
    expect(citedSources(article(source))).toEqual([]);
  });

  it('lists none of them in the briefing: its sources are the front matter’s, in their order', () => {
    const source = ['---', 'sources:', '  - AXIOS', '  - Le Monde', '---', 'L’accord est proche, selon Reuters. D’après Bloomberg, non.'].join('\n');
    expect(article(source).sources.map((s) => s.publisher)).toEqual(['AXIOS', 'Le Monde']);
    expect(article(BARE_SEED).sources).toEqual([]);
  });
});

describe('keyFigures', () => {
  const SEED_SENTENCE_2030 =
    'Dans un contexte où l’intelligence artificielle progresse à une vitesse fulgurante, Microsoft et OpenAI sont en pleine renégociation de leur partenariat stratégique, avec pour objectif de le prolonger bien au-delà de 2030, y compris après l’éventuelle atteinte de l’AGI (intelligence artificielle générale).';
  const SEED_SENTENCE_2019 = 'Le partenariat entre Microsoft et OpenAI a débuté en 2019 avec un investissement initial de 1 milliard de dollars.';
  const SEED_FIGURES: KeyFigure[] = [
    { id: 'year-2030', kind: 'year', text: '2030', value: 2030, key: 'lead.1', sentence: SEED_SENTENCE_2030 },
    { id: 'year-2019', kind: 'year', text: '2019', value: 2019, key: SECTION_1, sentence: SEED_SENTENCE_2019 },
    {
      id: 'amount-1-milliard-de-dollars',
      kind: 'amount',
      text: '1 milliard de dollars',
      value: 1e9,
      currency: 'USD',
      scale: 'billion',
      key: SECTION_1,
      sentence: SEED_SENTENCE_2019,
    },
  ];

  it('gives exactly 2030, 2019 and 1 milliard de dollars for the seed (GPT-5, Microsoft 365, Windows 11 and the second 2030 excluded)', () => {
    expect(keyFigures(article(CONTENT))).toEqual(SEED_FIGURES);
    expect(keyFigures(article(BARE_SEED))).toEqual(SEED_FIGURES);
  });

  it('labels the seed figures in French', () => {
    expect(keyFigures(article(CONTENT)).map((f) => [f.text, figureLabel(f)])).toEqual([
      ['2030', 'prolongation de leur partenariat'],
      ['2019', 'début du partenariat'],
      ['1 milliard de dollars', 'investissement initial'],
    ]);
  });

  it('shows none of the figures it detects: the seed’s figures are the three its front matter declares (tests/declared-figures.test.ts)', () => {
    const parsed = article(CONTENT);
    expect(parsed.figures.map((f) => [f.label.key, f.label.markdown])).toEqual([
      ['figures.1.label', 'prolongation de leur partenariat'],
      ['figures.2.label', 'début du partenariat'],
      ['figures.3.label', 'investissement initial'],
    ]);
    // Without its front matter, the seed still has three figures to detect, and none to show.
    expect(keyFigures(article(BARE_SEED))).toHaveLength(3);
    expect(article(BARE_SEED).figures).toEqual([]);
  });

  it.each(FIGURE_RULES.flatMap((rule) => rule.examples.map((example) => [rule.kind, example] as const)))('%s rule detects “%s”', (kind, example) => {
    const figures = keyFigures(article(`Le chiffre atteint ${example} cette fois.`));
    expect(figures.map((f) => [f.kind, f.text])).toEqual([[kind, example]]);
  });

  it.each([
    ['1 milliard de dollars', { kind: 'amount', value: 1e9, currency: 'USD', scale: 'billion', id: 'amount-1-milliard-de-dollars' }],
    ['1,5 milliard d’euros', { kind: 'amount', value: 1.5e9, currency: 'EUR', scale: 'billion', id: 'amount-1-5-milliard-d-euros' }],
    ['500 millions de dollars', { kind: 'amount', value: 5e8, currency: 'USD', scale: 'million' }],
    ['10 M€', { kind: 'amount', value: 1e7, currency: 'EUR', scale: 'million', id: 'amount-10-m-eur' }],
    ['3 Mds$', { kind: 'amount', value: 3e9, currency: 'USD', scale: 'billion', id: 'amount-3-mds-usd' }],
    ['2 000 euros', { kind: 'amount', value: 2000, currency: 'EUR' }],
    ['40 k€', { kind: 'amount', value: 40000, currency: 'EUR', scale: 'thousand' }],
    ['20 %', { kind: 'percent', value: 20, id: 'percent-20-pct' }],
    ['20 pour cent', { kind: 'percent', value: 20 }],
    ['2,5 %', { kind: 'percent', value: 2.5 }],
    ['26 novembre 2026', { kind: 'date', value: Date.UTC(2026, 10, 26), id: 'date-26-novembre-2026' }],
    ['1er janvier 2025', { kind: 'date', value: Date.UTC(2025, 0, 1) }],
    ['2019', { kind: 'year', value: 2019, id: 'year-2019' }],
  ])('parses “%s”', (text, expected) => {
    const [figure, ...rest] = keyFigures(article(`Le chiffre atteint ${text} cette fois.`));
    expect(rest).toEqual([]);
    expect(figure).toMatchObject({ text, ...expected });
    if (!('scale' in expected)) expect(figure).not.toHaveProperty('scale');
  });

  it.each([
    'Le produit phare reste Windows 11 cette année.',
    'Il vend Microsoft 365 Copilot aux entreprises.',
    'Le modèle GPT-5 arrive.',
    'Le modèle GPT-4o arrive.',
    'Les licences M365 et le modèle Llama-3 progressent.',
    'La suite Office 2019 reste vendue.',
    'Le total atteint 12019 unités, soit 2019,5 par jour.',
    'Le service compte 10 millions d’utilisateurs.',
    'Il a eu 1 000 clients et 150 salariés en 5G.',
    'Il y a des milliards supplémentaires.',
  ])('finds no figure in: %s', (source) => {
    expect(keyFigures(article(source))).toEqual([]);
  });

  it('keeps years after sentence-initial function words and lower-case prefixes', () => {
    expect(texts('En 2019, tout commence. Depuis 2020, tout change. La sortie est prévue mi-2025.')).toEqual(['2019', '2020', '2025']);
  });

  it('does not take the year of a date, nor the number of an amount, twice', () => {
    const figures = keyFigures(article('Le 26 novembre 2026, il a versé 2 000 euros et 20 % de plus.'));
    expect(figures.map((f) => [f.kind, f.text])).toEqual([
      ['date', '26 novembre 2026'],
      ['amount', '2 000 euros'],
      ['percent', '20 %'],
    ]);
  });

  it('lists each distinct figure once, at its first occurrence, lead first then sections', () => {
    const source = [
      'Le budget court jusqu’en 2030 et pèse 1 milliard de dollars.',
      '',
      '## Une hausse de 20 %',
      '',
      'Au-delà de 2030, il faudra 1 Md$ de plus, soit 20 pour cent, depuis 2019.',
    ].join('\n');
    const figures = keyFigures(article(source));
    expect(figures.map((f) => [f.key, f.kind, f.text])).toEqual([
      ['lead.1', 'year', '2030'],
      ['lead.1', 'amount', '1 milliard de dollars'],
      ['sections.une-hausse-de-20.heading', 'percent', '20 %'],
      ['sections.une-hausse-de-20.1', 'year', '2019'],
    ]);
  });

  it('reads the text under Markdown markup', () => {
    const figures = keyFigures(article('Un investissement de **1,5 milliard d’euros** annoncé *le 1er janvier 2025*.'));
    expect(figures.map((f) => [f.kind, f.text, f.sentence])).toEqual([
      ['amount', '1,5 milliard d’euros', 'Un investissement de 1,5 milliard d’euros annoncé le 1er janvier 2025.'],
      ['date', '1er janvier 2025', 'Un investissement de 1,5 milliard d’euros annoncé le 1er janvier 2025.'],
    ]);
  });
});

describe('formatFigure', () => {
  const figure = (text: string): KeyFigure => {
    const [found] = keyFigures(article(`Le chiffre atteint ${text} cette fois.`));
    if (!found) throw new Error(`no figure in ${text}`);
    return found;
  };

  it.each([
    ['1 milliard de dollars', '1 milliard de dollars', '$1 billion'],
    ['1,5 milliard de dollars', '1,5 milliard de dollars', '$1.5 billion'],
    ['1,5 milliard d’euros', '1,5 milliard d’euros', '€1.5 billion'],
    ['3 Mds$', '3 milliards de dollars', '$3 billion'],
    ['500 millions de dollars', '500 millions de dollars', '$500 million'],
    ['10 M€', '10 millions d’euros', '€10 million'],
    ['2 000 euros', `2${NNBSP}000 euros`, '€2,000'],
    ['1 euro', '1 euro', '€1'],
    ['40 k€', `40${NNBSP}000 euros`, '€40,000'],
    ['20 %', `20${NNBSP}%`, '20%'],
    ['2,5 pour cent', `2,5${NNBSP}%`, '2.5%'],
    ['2019', '2019', '2019'],
    ['26 novembre 2026', '26 novembre 2026', '26 November 2026'],
    ['1er janvier 2025', '1er janvier 2025', '1 January 2025'],
  ])('%s → fr “%s”, en “%s”', (text, fr, en) => {
    const f = figure(text);
    expect(formatFigure(f, 'fr')).toBe(fr);
    expect(formatFigure(f, 'en')).toBe(en);
  });
});

describe('figureLabel', () => {
  const label = (sentence: string): string => {
    const [found] = keyFigures(article(sentence));
    if (!found) throw new Error(`no figure in ${sentence}`);
    return figureLabel(found);
  };

  it.each([
    ['Microsoft prévoit un investissement initial de 1 milliard de dollars.', 'investissement initial'],
    ['Le groupe annonce une hausse de plus de 20 % des ventes.', 'hausse'],
    ['Les ventes ont augmenté de 20 % sur un an.', 'augmentation des ventes'],
    ['La version finale sera lancée en 2027.', 'lancement de la version'],
    ['Le 26 novembre 2026, Microsoft a annoncé un accord.', 'Microsoft a annoncé un accord'],
    ['2019 !', 'année'],
    ['Le chiffre d’affaires a progressé de 12 % en 2024.', 'progression du chiffre'],
    ['Une levée de 6,6 milliards de dollars le 2 octobre 2024.', 'levée'],
    ['Un objectif de 100 milliards de dollars d’ici 2029.', 'objectif'],
  ])('%s → %s', (sentence, expected) => {
    expect(label(sentence)).toBe(expected);
  });

  it('stays within 8 words', () => {
    const long = 'Le très grand et très ambitieux programme spatial européen commun coûtera 3 Mds$.';
    expect(label(long).split(' ').length).toBeLessThanOrEqual(8);
  });
});

describe('figureLabel on figures after another figure', () => {
  it('labels each figure of a sentence', () => {
    const figures = keyFigures(article('Le chiffre d’affaires a progressé de 12 % en 2024. Une levée de 6,6 milliards de dollars le 2 octobre 2024.'));
    expect(figures.map((f) => [f.text, figureLabel(f)])).toEqual([
      ['12 %', 'progression du chiffre'],
      ['2024', 'progression du chiffre'],
      ['6,6 milliards de dollars', 'levée'],
      ['2 octobre 2024', 'levée'],
    ]);
  });
});

describe('pairBlocks (bilingual edition)', () => {
  const doc = (lang: 'fr' | 'en', markdown: string): BriefingDocument => ({
    slug: 'x',
    lang,
    title: 'T',
    tree: applyAnnotations(parseMarkdown(markdown), new Map()),
    t: (key) => key,
    toc: [],
    date: '2026-11-26',
  });
  it('pairs blocks one to one, with the section id on heading pairs', () => {
    const pairs = pairBlocks(
      doc('fr', '# Titre\n\nUn.\n\n<!-- briefing:section s -->\n## Partie\n\n- a\n'),
      doc('en', '# Title\n\nOne.\n\n<!-- briefing:section s -->\n## Part\n\n- a\n'),
    );
    expect(pairs.map((p) => [p.source.type, p.target.type, p.id])).toEqual([
      ['heading', 'heading', undefined],
      ['paragraph', 'paragraph', undefined],
      ['heading', 'heading', 's'],
      ['list', 'list', undefined],
    ]);
  });
  it.each([
    ['# T\n\nUn.\n\nDeux.\n', '# T\n\nOne.\n', /have 3 and 2 blocks/],
    ['# T\n\nUn.\n', '# T\n\n- one\n', /block 2 of "x" is a paragraph in fr but a list in en/],
    ['<!-- briefing:section a -->\n## A\n', '<!-- briefing:section b -->\n## B\n', /heading \(a\) in fr but a heading \(b\) in en/],
  ])('refuses editions whose blocks do not correspond (%#)', (fr, en, message) => {
    expect(() => pairBlocks(doc('fr', fr), doc('en', en))).toThrow(message);
  });
});
