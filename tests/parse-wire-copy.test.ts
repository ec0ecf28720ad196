import { describe, expect, it } from 'vitest';
import { classifyLine, isWireCopy, parseArticle } from '../src/parse/index.js';

describe('wire-copy line classification', () => {
  it.each([
    ['Une alliance historique à redéfinir', 'heading'],
    ['GPT-5 et Copilot : des synergies renforcées', 'heading'],
    ['Un nouvel accord sur le partage des revenus ?', 'heading'],
    ['2030 : la date butoir', 'heading'],
    ['« Un tournant » pour le secteur', 'heading'],
    ['Le partenariat a débuté en 2019.', 'paragraph'],
    ['Qui paiera la facture ? Personne ne le sait encore.', 'paragraph'],
    ['Un levier crucial… et justifier la suite.', 'paragraph'],
    ['Elle a dit « non ».', 'paragraph'],
    ['Il faut voir !', 'paragraph'],
    ['le texte continue ici sans majuscule', 'prose'],
    ['Une liste de choses :', 'prose'],
    ['X'.repeat(120), 'paragraph'],
    ['écrit sur deux lignes qui se terminent par un point.', 'prose'],
  ])('%s → %s', (line, kind) => {
    expect(classifyLine(line)).toBe(kind);
  });

  it('needs every heading to be followed by a paragraph', () => {
    expect(isWireCopy(['paragraph', 'heading', 'paragraph'])).toBe(true);
    expect(isWireCopy(['heading', 'heading', 'paragraph'])).toBe(false);
    expect(isWireCopy(['paragraph', 'heading'])).toBe(false);
    expect(isWireCopy(['paragraph', 'prose', 'paragraph'])).toBe(false);
    expect(isWireCopy(['heading', 'heading'])).toBe(false);
  });
});

describe('wire-copy splitting', () => {
  it('splits lines into headings and paragraphs with their own positions and inline Markdown', () => {
    const source = 'Premier paragraphe, avec *emphase*.\nUn titre court\nSuite du texte avec un [lien](https://example.org).\n';
    const { article } = parseArticle(source, 'a.txt', 'a');
    expect(article.lead.map((s) => s.markdown)).toEqual(['Premier paragraphe, avec *emphase*.']);
    expect(article.sections).toHaveLength(1);
    expect(article.sections[0]!.heading.markdown).toBe('Un titre court');
    expect(article.sections[0]!.heading.place).toEqual({ line: 2, column: 1 });
    expect(article.sections[0]!.blocks[0]!.markdown).toBe('Suite du texte avec un [lien](https://example.org).');
    expect(article.sections[0]!.blocks[0]!.place).toEqual({ line: 3, column: 1 });
  });

  it('leaves hard-wrapped Markdown prose as one paragraph', () => {
    const source =
      '# Titre\n\nCeci est un paragraphe écrit sur plusieurs lignes\nparce que son auteur coupe ses lignes à la main,\ncomme on le fait souvent en Markdown.\n';
    const { article } = parseArticle(source, 'a.md', 'a');
    expect(article.lead).toHaveLength(1);
    expect(article.sections).toHaveLength(0);
  });

  it('obeys `format: markdown` and `format: wire` in the front matter', () => {
    const body = 'Premier paragraphe.\nUn titre\nDeuxième paragraphe.\n';
    const markdown = parseArticle(`---\ntitle: T\nformat: markdown\n---\n${body}`, 'a.txt', 'a').article;
    expect(markdown.lead).toHaveLength(1);
    expect(markdown.sections).toHaveLength(0);
    const wire = parseArticle(`---\ntitle: T\nformat: wire\n---\nune ligne sans point\nUn titre\nDeuxième paragraphe.\n`, 'a.txt', 'a').article;
    expect(wire.lead.map((s) => s.markdown)).toEqual(['une ligne sans point']);
    expect(wire.sections.map((s) => s.heading.markdown)).toEqual(['Un titre']);
  });

  it('handles a source that mixes Markdown blocks and wire copy', () => {
    const source = '# Le titre\n\nPremier paragraphe.\nUne section\nSon texte.\n\n## Une section Markdown\n\n- un\n- deux\n';
    const { article } = parseArticle(source, 'a.md', 'a');
    expect(article.title.markdown).toBe('Le titre');
    expect(article.sections.map((s) => [s.heading.markdown, s.blocks.map((b) => b.kind)])).toEqual([
      ['Une section', ['paragraph']],
      ['Une section Markdown', ['list']],
    ]);
  });
});
