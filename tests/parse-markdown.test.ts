import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../src/parse/index.js';
import { FIXTURES } from './helpers.js';

describe('Markdown sources', () => {
  const source = readFileSync(path.join(FIXTURES, 'markdown-article', 'note.md'), 'utf8');
  const { article, diagnostics } = parseArticle(source, 'content/note.md', 'note');

  it('reads the front matter', () => {
    expect(diagnostics).toEqual([]);
    expect(article.meta).toEqual({
      title: 'Une note *de test*',
      date: '2026-11-20',
      sources: [expect.objectContaining({ publisher: 'Le Monde' }), expect.objectContaining({ publisher: 'Reuters' })],
      authors: ['Service presse'],
      status: 'draft',
    });
    // The front matter title is plain text: Markdown characters in it are escaped.
    expect(article.title.markdown).toBe('Une note \\*de test\\*');
  });

  it('takes ATX and setext headings as sections, with unique ids', () => {
    expect(article.sections.map((s) => [s.id, s.heading.markdown])).toEqual([
      ['contexte', 'Contexte'],
      ['enjeux-et-risques', 'Enjeux *et* risques'],
      ['contexte-2', 'Contexte'],
    ]);
  });

  it('keeps lists, quotes, emphasis and links as units with their Markdown and place', () => {
    expect(article.lead.map((s) => [s.kind, s.markdown, s.place.line])).toEqual([
      ['paragraph', 'Un chapeau avec **du gras**, de l’*italique* et un [lien](https://example.org/a "A").', 10],
    ]);
    expect(article.sections[0]!.blocks.map((s) => s.kind)).toEqual(['paragraph', 'list']);
    expect(article.sections[0]!.blocks[1]!.markdown).toBe('- premier point ;\n- second point, avec `code`.');
    expect(article.sections[1]!.blocks.map((s) => [s.kind, s.markdown])).toEqual([
      ['blockquote', '> « Une citation. »'],
      ['list', '1. un\n2. deux'],
    ]);
  });

  it('reports front matter errors at their line in the article file', () => {
    const broken = parseArticle('---\ntitle: Bon titre\nsources: 3\ndate: demain\n---\nTexte.\n', 'content/x.md', 'x');
    expect(broken.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([
      // Each problem at its value: the list that is a number, the date that is no date.
      'content/x.md:3:10 briefing:invalid-front-matter',
      'content/x.md:4:7 briefing:invalid-front-matter',
    ]);
    const yaml = parseArticle('---\ntitle: [oops\n---\nTexte.\n', 'content/y.md', 'y');
    expect(yaml.diagnostics[0]).toMatchObject({ file: 'content/y.md', ruleId: 'briefing:invalid-front-matter', severity: 'error' });
    expect(yaml.diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('warns about blocks a briefing cannot carry, and errors on an empty article', () => {
    // A thematic break is still left out (code blocks are kept: tests/code-blocks.test.ts).
    const rule = parseArticle('# T\n\nTexte.\n\n***\n', 'c.md', 'c');
    expect(rule.diagnostics.map((d) => [d.ruleId, d.line, d.severity])).toEqual([['briefing:unsupported-block', 5, 'warning']]);
    const empty = parseArticle('---\ntitle: Vide\n---\n', 'e.md', 'e');
    expect(empty.diagnostics.map((d) => d.ruleId)).toEqual(['briefing:empty-article']);
  });
});
