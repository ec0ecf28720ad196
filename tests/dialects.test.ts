/**
 * Other dialects' syntax: heading attributes (`{#id .class}`) give the section id and leave the
 * text, kramdown attribute lists and the TOC placeholder go, shortcodes and macros keep their
 * readable text with one warning per name (code untouched), a Hugo figure is an image.
 */
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/parse/index.js';

const parse = (source: string) => parseArticle(`---\ntitle: T\n---\n${source}`, 'content/x.md', 'x');
const markdownOf = (source: string) => {
  const { article } = parse(source);
  return [...article.lead, ...article.sections.flatMap((s) => [s.heading, ...s.blocks])].map((b) => b.markdown);
};

describe('heading attributes and kramdown attribute lists', () => {
  it('use `#id` as the section id (slugged, made unique) and drop the braces', () => {
    const { article } = parse('## Première partie {#mon-id .classe}\n\nA.\n\n## Autre {#Mon-Id}\n\nB.\n\n## Sans {.seul}\n\nC.\n\n## Accolades {2024}\n\nD.\n');
    expect(article.sections.map((s) => [s.id, s.heading.markdown, s.heading.key])).toEqual([
      ['mon-id', 'Première partie', 'sections.mon-id.heading'],
      ['mon-id-2', 'Autre', 'sections.mon-id-2.heading'],
      ['sans', 'Sans', 'sections.sans.heading'],
      ['accolades-2024', 'Accolades {2024}', 'sections.accolades-2024.heading'],
    ]);
  });

  it('remove `{: .class}`, `{:toc}`, `{::options /}` and the `* TOC` placeholder, keeping every word', () => {
    const source =
      '* TOC\n{:toc}\n\n{::options parse_block_html="true" /}\n\nUn paragraphe.\n{: .note}\n\n## Titre {: .no_toc}\n\nUn [lien](https://example.fr){:target="_blank"} ici.\n';
    expect(markdownOf(source)).toEqual(['Un paragraphe.', 'Titre', 'Un [lien](https://example.fr) ici.']);
  });

  it('keep the text of Pandoc bracketed spans and drop attribute lists after links, leaving braces that are not attributes', () => {
    const source =
      'Un [linter]{.orange} est un [outil](https://x.fr){target="_blank" rel="noopener"} ; {2024}, [a] {b}, ]{.x} et [y]{z} restent.\n\n- [**_Minimum_**]{.orange} : un [mot *mis* en avant]{.blue2 #id} ici.\n';
    expect(markdownOf(source)).toEqual([
      'Un linter est un [outil](https://x.fr) ; {2024}, \\[a] {b}, ]{.x} et \\[y]{z} restent.',
      '- **_Minimum_** : un mot *mis* en avant ici.',
    ]);
  });
});

describe('shortcodes and macros', () => {
  it('keep the readable text of MDN, Hugo and Liquid macros, one warning per name at its first place', () => {
    const source =
      'Le {{Glossary("HTML", "langage HTML")}} et le {{Glossary("CSS")}}, {{< ref "guide.md" >}} et {% include note.html %}.\n\n{{< details "Plus" >}}\nCaché.\n{{< /details >}}\n\n{% raw %}Brut{% endraw %} {{ page.title }}\n';
    const { article, diagnostics } = parse(source);
    expect(article.lead.map((b) => b.markdown)).toEqual(['Le langage HTML et le CSS, guide.md et .', 'Plus\nCaché.', 'Brut']);
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message.slice(0, d.message.indexOf(':'))])).toEqual([
      ['briefing:macro', 4, 4, '"Glossary" is another site\'s macro or shortcode (here and in the rest of the file)'],
      ['briefing:macro', 4, 68, '"ref" is another site\'s macro or shortcode (here and in the rest of the file)'],
      ['briefing:macro', 4, 94, '"include" is another site\'s macro or shortcode (here and in the rest of the file)'],
      ['briefing:macro', 6, 1, '"details" is another site\'s macro or shortcode (here and in the rest of the file)'],
      ['briefing:macro', 10, 1, '"raw" is another site\'s macro or shortcode (here and in the rest of the file)'],
      ['briefing:macro', 10, 14, '"endraw" is another site\'s macro or shortcode (here and in the rest of the file)'],
      ['briefing:macro', 10, 27, '"page.title" is another site\'s macro or shortcode (here and in the rest of the file)'],
    ]);
    expect(diagnostics[0]?.message).toContain('its text "langage HTML" was kept');
  });

  it('turn a Hugo figure into an image with its alt text and caption', () => {
    const { article } = parse('{{< figure src="chat.png" alt="Un chat" caption="Le chat dort" >}}\n');
    // The image reader (src/parse/images.ts) makes it a figure: its alt text and caption are its units.
    const [figure] = article.lead;
    expect(figure?.kind).toBe('image');
    expect(figure?.parts?.map((part) => [part.key, part.markdown])).toEqual([
      ['lead.1.alt', 'Un chat'],
      ['lead.1.caption', 'Le chat dort'],
    ]);
  });

  it('leave code alone', () => {
    const { article, diagnostics } = parse('Écrire `{{Glossary("x")}}` ici.\n\n```\n{{< figure src="a" >}}\n```\n');
    expect(article.lead[0]?.markdown).toBe('Écrire `{{Glossary("x")}}` ici.');
    expect(diagnostics.filter((d) => d.ruleId === 'briefing:macro')).toEqual([]);
  });

  it('read a macro split by the parser (an autolinked address inside it)', () => {
    const { article } = parse('Voir {{Link("https://example.fr/page", "la page")}} ici.\n');
    expect(article.lead[0]?.markdown).toBe('Voir la page ici.');
  });
});
