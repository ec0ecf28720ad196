/**
 * Front matter as static-site generators write it (issue 12): the fixtures in
 * tests/fixtures/front-matter/ are posts as Jekyll, Hugo, Eleventy, Quarto, Docusaurus and
 * VuePress sites keep them; each must give its article, with no error and no warning.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/parse/index.js';
import { FIXTURES } from './helpers.js';

const parse = (source: string, file = 'content/x.md') => parseArticle(source, file, 'x');
const fixture = (name: string) => parse(readFileSync(path.join(FIXTURES, 'front-matter', `${name}.md`), 'utf8'), `content/${name}.md`);
// Without a title the article warns, as it should; these tests look at the rest.
const placed = (result: ReturnType<typeof parse>) =>
  result.diagnostics.filter((d) => d.ruleId !== 'briefing:missing-title').map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`);

describe('front matter of static-site posts', () => {
  it('Jekyll: date-time with a space and an offset, one author, excerpt as the standfirst', () => {
    const { article, diagnostics } = fixture('jekyll');
    expect(article.meta).toEqual({
      title: 'Écoles rurales : le plan du ministère en cinq points',
      date: '2024-05-01',
      updated: '2024-05-03',
      authors: ['Camille Martin'],
      standfirst: 'Le ministère présente un plan pour maintenir les écoles dans les petites communes.',
      sources: [],
    });
    expect(diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [2, 'info', 'Front matter fields not used by briefing, ignored: layout, categories, tags, permalink'],
    ]);
  });

  it('Hugo: the calendar date is the one in the offset given, lastmod, a list of authors, summary', () => {
    const { article, diagnostics } = fixture('hugo');
    // 23:30 on 1 May at UTC-5 is 2 May in UTC: the date written wins.
    expect(article.meta).toMatchObject({ date: '2024-05-01', updated: '2024-06-12', authors: ['Léa Dubois', 'Marc Petit'] });
    expect(article.meta.standfirst).toBe('Dotations, investissements et fiscalité locale : les principaux changements.');
    expect(placed({ article, diagnostics })).toEqual(['5:1 info briefing:ignored-front-matter-fields']);
    expect(diagnostics[0]!.message).toMatch(/ignored: draft, tags, images, slug$/);
  });

  it('Eleventy: a plain date, description, a nested map of another tool ignored', () => {
    const { article, diagnostics } = fixture('eleventy');
    expect(article.meta).toEqual({
      title: 'Un nouveau réseau de bibliothèques',
      date: '2024-03-15',
      standfirst: 'La métropole relie ses vingt bibliothèques par une carte unique.',
      sources: [],
      authors: [],
    });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['briefing:ignored-front-matter-fields']);
  });

  it('Quarto: authors as entries with a name, subtitle, date-modified, and its format: map is not ours', () => {
    const { article, diagnostics } = fixture('quarto');
    expect(article.meta).toEqual({
      title: 'Analyse des mobilités domicile-travail',
      standfirst: 'Ce que disent les données du recensement',
      authors: ['Sophie Bernard', 'Paul Girard'],
      date: '2024-02-20',
      updated: '2024-02-28',
      sources: [],
    });
    expect(article.meta.format).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toEqual(['Front matter fields not used by briefing, ignored: format, execute']);
  });

  it('Docusaurus: authors as objects with a name and more', () => {
    const { article, diagnostics } = fixture('docusaurus');
    expect(article.meta.authors).toEqual(['Équipe produit']);
    expect(article.meta.standfirst).toBe('Le portail citoyen change d’interface et simplifie les démarches en ligne.');
    expect(diagnostics.map((d) => d.severity)).toEqual(['info']);
  });

  it('VuePress: an ISO date-time in UTC, one author object, empty fields absent rather than errors', () => {
    const { article, diagnostics } = fixture('vuepress');
    expect(article.meta).toEqual({ title: 'Guide de la consultation publique', date: '2024-04-02', authors: ['Service communication'], sources: [] });
    expect(diagnostics.map((d) => d.severity)).toEqual(['info']);
  });
});

describe('front matter fields', () => {
  const meta = (yaml: string) => parse(`---\n${yaml}\n---\nTexte.\n`);

  it.each([
    ['2024-05-01', '2024-05-01'],
    ['2024-05-01T10:00:00Z', '2024-05-01'],
    ['"2024-05-01T10:00:00Z"', '2024-05-01'],
    ["'2024-05-01T23:30:00-05:00'", '2024-05-01'],
    ['2024-05-01T00:30:00+14:00', '2024-05-01'],
    ['2024-05-01T10:00:00.123456+0200', '2024-05-01'],
    ['2024-05-01 10:00:00 -5', '2024-05-01'],
    ['2024-05-01t10:00:00z', '2024-05-01'],
  ])('date: %s is %s', (written, date) => {
    const result = meta(`title: T\ndate: ${written}`);
    expect(result.diagnostics).toEqual([]);
    expect(result.article.meta.date).toBe(date);
  });

  it('a YAML timestamp (a Date to the YAML package, moved to UTC) keeps the day written', () => {
    const result = meta('title: T\ndate: !!timestamp 2024-05-01T23:30:00-05:00');
    expect(result.diagnostics).toEqual([]);
    expect(result.article.meta.date).toBe('2024-05-01');
  });

  it.each([
    ['hier', 'date'],
    ['2024-02-30', 'exists in the calendar'],
    ['2024-05-01T25:00:00Z', 'time of day'],
    ['2024-5-1', 'date'],
    ['[2024-05-01]', 'date'],
  ])('date: %s is an error at the date, naming the fix', (written, words) => {
    const result = meta(`title: T\nsources: [A]\ndate: ${written}`);
    expect(placed(result)).toEqual(['4:7 error briefing:invalid-front-matter']);
    expect(result.diagnostics[0]!.message).toContain(words);
    expect(result.article.meta.date).toBeUndefined();
  });

  it('updated, lastmod, modified: the first one given is kept as updated', () => {
    expect(meta('modified: 2024-01-02\nlastmod: 2024-01-03').article.meta.updated).toBe('2024-01-02');
    expect(placed(meta('updated: bientôt'))).toEqual(['2:10 error briefing:invalid-front-matter']);
  });

  it('author and authors: a string, strings, entries with a name; together, without repeats', () => {
    expect(meta('author: Ana').article.meta.authors).toEqual(['Ana']);
    expect(meta('author: Ana\nauthors: [Ana, Bo]').article.meta.authors).toEqual(['Ana', 'Bo']);
    expect(meta('authors:\n  - name: Ana\n  - Bo\n  -').article.meta.authors).toEqual(['Ana', 'Bo']);
    const wrong = meta('authors:\n  - [Ana]');
    expect(placed(wrong)).toEqual(['3:3 error briefing:invalid-front-matter']);
    expect(wrong.diagnostics[0]!.message).toContain('a name, a list of names, or a list of entries with a name');
  });

  it('empty fields are absent, not errors', () => {
    const result = meta('title:\ndate:\nauthors:\nsources:\ndescription: ""\nstatus:');
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['briefing:missing-title']);
    expect(result.article.meta).toEqual({ sources: [], authors: [] });
  });

  it('description, excerpt, summary, subtitle: the first becomes the standfirst, on one line', () => {
    expect(meta('summary: >\n  Un résumé\n  sur deux lignes.\ndescription: Autre').article.meta.standfirst).toBe('Un résumé sur deux lignes.');
    expect(placed(meta('excerpt: [a, b]'))).toEqual(['2:10 error briefing:invalid-front-matter']);
  });

  it("the tool's own options: briefing: {format: wire}, a bare format: wire|markdown, any other format ignored", () => {
    expect(meta('briefing:\n  format: wire').article.meta.format).toBe('wire');
    expect(meta('briefing: {format: markdown}\nformat: wire').article.meta.format).toBe('markdown');
    expect(meta('format: wire').article.meta.format).toBe('wire');
    const quarto = meta('format: html');
    expect(quarto.article.meta.format).toBeUndefined();
    expect(placed(quarto)).toEqual(['2:1 info briefing:ignored-front-matter-fields']);
    const wrong = meta('briefing:\n  format: docx\n  fromat: wire');
    expect(placed(wrong)).toEqual(['4:3 warning briefing:unknown-front-matter-field', '3:11 error briefing:invalid-front-matter']);
    expect(placed(meta('briefing: wire'))).toEqual(['2:11 error briefing:invalid-front-matter']);
    expect(placed(meta('briefing:\n  format:\nformat:'))).toEqual(['4:1 info briefing:ignored-front-matter-fields']);
  });

  it('fields of other tools: one info per file, at the first, listing them all', () => {
    const result = meta('title: T\nlayout: post\ntags: [a]\ncategories: [b]\npermalink: /x/\nimage: x.png\ndraft: true');
    expect(placed(result)).toEqual(['3:1 info briefing:ignored-front-matter-fields']);
    expect(result.diagnostics[0]!.message).toBe('Front matter fields not used by briefing, ignored: layout, tags, categories, permalink, image, draft');
  });
});

describe('YAML errors in plain words', () => {
  it('an unquoted value holding ": " gets the line to write instead, at that line', () => {
    const result = parse('---\ndate: 2024-05-01\ntitle: Écoles rurales : un plan\n---\nTexte.\n');
    expect(placed(result)).toEqual(['3:8 error briefing:front-matter-quotes']);
    expect(result.diagnostics[0]!.message).toContain('put this value in quotes: title: "Écoles rurales : un plan"');
  });

  it('quotes inside the value are escaped in the line suggested', () => {
    const result = parse('---\nsubtitle: Le « plan » dit "avenir": oui\n---\nTexte.\n');
    expect(result.diagnostics[0]!.message).toContain('put this value in quotes: subtitle: "Le « plan » dit \\"avenir\\": oui"');
  });

  it("other YAML errors keep the YAML reader's words, at their place", () => {
    const result = parse('---\ntitle: T\nsources: [oops\n---\nTexte.\n');
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'briefing:invalid-front-matter', severity: 'error' });
    expect(result.diagnostics[0]!.line).toBeGreaterThanOrEqual(3);
  });
});
