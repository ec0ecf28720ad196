/**
 * Callouts: fenced divs and admonitions of every dialect (Quarto, Pandoc, VuePress, Docusaurus,
 * GitHub alerts), nested and unclosed; their translation keys and English edition; HTML, PDF and
 * Markdown output.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { parseArticle } from '../src/parse/index.js';
import { unitsOf, type Segment } from '../src/core/types.js';
import { hasTool, pdfText, runCli, tempProject } from './helpers.js';

const blocksOf = (source: string) => {
  const { article, diagnostics } = parseArticle(`---\ntitle: T\n---\n${source}`, 'content/x.md', 'x');
  return { blocks: [...article.lead, ...article.sections.flatMap((s) => s.blocks)], article, diagnostics };
};
const callout = (block: Segment | undefined) => ({ type: block?.callout, kind: block?.kind, parts: block?.parts?.map((p) => [p.key, p.kind, p.markdown]) });

describe('callouts in the source', () => {
  it('reads VuePress `::: tip Titre` glued to its content, with a list', () => {
    const { blocks, diagnostics } = blocksOf('::: tip Le titre\nContenu.\n- un\n- deux\n:::\n\nAprès.\n');
    expect(callout(blocks[0])).toEqual({
      type: 'tip',
      kind: 'callout',
      parts: [
        ['lead.1.title', 'heading', 'Le titre'],
        ['lead.1.1', 'paragraph', 'Contenu.'],
        ['lead.1.2', 'list', '- un\n- deux'],
      ],
    });
    expect(blocks[1]?.markdown).toBe('Après.');
    expect(diagnostics).toEqual([]);
  });

  it('maps every dialect onto note, tip, warning, important', () => {
    const source = [
      '::: {.callout-note}\nA.\n:::',
      ':::{.callout-tip title="Le titre"}\nB.\n:::',
      '::: note\nC.\n:::',
      ':::warning\nD.\n:::',
      ':::danger\nE.\n:::',
      ':::info\nF.\n:::',
      ':::details Plus\nG.\n:::',
      ':::tip[Docusaurus]\nH.\n:::',
      '> [!IMPORTANT]\n> I.',
      '> [!CAUTION]\n> J.',
    ].join('\n\n');
    const { blocks } = blocksOf(source);
    expect(blocks.map((b) => b.callout)).toEqual(['note', 'tip', 'note', 'warning', 'warning', 'note', 'note', 'tip', 'important', 'warning']);
    expect(blocks.map((b) => b.parts?.find((p) => p.key.endsWith('.title'))?.markdown)).toEqual([
      undefined,
      'Le titre',
      undefined,
      undefined,
      undefined,
      undefined,
      'Plus',
      'Docusaurus',
      undefined,
      undefined,
    ]);
    expect(blocks.map((b) => b.parts?.at(-1)?.markdown)).toEqual(['A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'G.', 'H.', 'I.', 'J.']);
  });

  it('heads the title with a name of no known type, capitalised (`::: lexique`), as in the corpus guides', () => {
    const { blocks } = blocksOf('::: lexique Base de données\nTexte.\n:::\n\n::: lexique &nbsp;\nAutre.\n:::\n\n::: lexique\nEncore.\n:::\n');
    expect(blocks.map((b) => [b.callout, b.parts?.[0]?.markdown])).toEqual([
      ['note', 'Lexique — Base de données'],
      ['note', 'Lexique'],
      ['note', 'Lexique'],
    ]);
  });

  it('gives a generic fence name (`:::callout`, `::: admonition`, `::: aside`) no title: the note’s own label', () => {
    const { blocks } = blocksOf(':::callout\nTexte.\n:::\n\n::: admonition\nAutre.\n:::\n\n::: aside Titre\nEncore.\n:::\n');
    expect(blocks.map((b) => [b.callout, b.parts?.length, b.parts?.[0]?.markdown])).toEqual([
      ['note', 1, 'Texte.'],
      ['note', 1, 'Autre.'],
      ['note', 2, 'Titre'],
    ]);
  });

  it('takes a Quarto heading right after the fence as the title, not as a section', () => {
    const { article, blocks } = blocksOf('## Partie\n\n::: {.callout-warning}\n## Attention\nTexte.\n:::\n');
    expect(article.sections.map((s) => s.id)).toEqual(['partie']);
    expect(callout(blocks[0]).parts).toEqual([
      ['sections.partie.1.title', 'heading', 'Attention'],
      ['sections.partie.1.1', 'paragraph', 'Texte.'],
    ]);
  });

  it('nests `::::` around `:::`, and gives every unit its own key', () => {
    const { blocks } = blocksOf(':::: important Dehors\nAvant.\n\n::: note\nDedans.\n:::\n\nAprès.\n::::\n');
    expect(blocks).toHaveLength(1);
    const inner = blocks[0]?.parts?.[2];
    expect(inner?.kind).toBe('callout');
    expect(inner?.callout).toBe('note');
    expect(unitsOf(blocks).map((u) => [u.key, u.markdown])).toEqual([
      ['lead.1.title', 'Dehors'],
      ['lead.1.1', 'Avant.'],
      ['lead.1.2.1', 'Dedans.'],
      ['lead.1.3', 'Après.'],
    ]);
  });

  it('keeps the content of an unclosed container, with a warning at its line', () => {
    const { blocks, diagnostics } = blocksOf('Début.\n\n::: tip Rappel\nJamais fermé.\n');
    expect(blocks.map((b) => [b.kind, b.markdown])).toEqual([
      ['paragraph', 'Début.'],
      ['paragraph', 'Jamais fermé.'],
    ]);
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([
      [
        'briefing:unclosed-container',
        6,
        'The container "::: tip Rappel" is never closed: its content is kept as ordinary text. Add a line ":::" where it ends',
      ],
    ]);
  });

  it('leaves `:::` inside code alone', () => {
    const { blocks } = blocksOf('Texte.\n\n```\n::: tip\n```\n');
    expect(blocks.every((b) => b.kind !== 'callout')).toBe(true);
  });
});

const ARTICLE = `---
title: Astuces
---
## Conseils

::: tip Un titre
Pensez à sauvegarder.
:::

> [!WARNING]
> Ne pas éteindre.
`;

describe('callouts in every format', () => {
  const root = tempProject();
  for (const lang of ['fr', 'en']) rmSync(path.join(root, 'locales', lang, 'microsoft-openai.json'), { force: true });
  rmSync(path.join(root, 'content', 'microsoft-openai.txt'));
  writeFileSync(path.join(root, 'content', 'astuces.md'), ARTICLE);
  const out = (file: string) => path.join(root, 'output', 'astuces', file);
  /** The callouts of an HTML file, parsed as a DOM: class, role, label, text. */
  const asidesOf = (file: string) => {
    const dom = new DOMParser().parseFromString(readFileSync(out(file), 'utf8'), 'text/html');
    return [...Array.from(dom.getElementsByTagName('aside'))].map((aside) => {
      const label = Array.from(aside.getElementsByTagName('p')).find((p) => p.getAttribute('class') === 'callout-label');
      return { className: aside.getAttribute('class'), role: aside.getAttribute('role'), label: label?.textContent, text: aside.textContent ?? '' };
    });
  };

  it('are extracted as title and block units, and built in French and English', async () => {
    expect((await runCli(['extract', '--root', root])).code).toBe(0);
    const french = JSON.parse(readFileSync(path.join(root, 'locales', 'fr', 'astuces.json'), 'utf8')) as Record<string, unknown>;
    expect(french.sections).toEqual({ conseils: { heading: 'Conseils', 1: { title: 'Un titre', 1: 'Pensez à sauvegarder.' }, 2: { 1: 'Ne pas éteindre.' } } });
    mkdirSync(path.join(root, 'locales', 'en'), { recursive: true });
    const english = {
      title: 'Tips',
      sections: { conseils: { heading: 'Advice', 1: { title: 'A title', 1: 'Remember to save.' }, 2: { 1: 'Do not switch off.' } } },
    };
    writeFileSync(path.join(root, 'locales', 'en', 'astuces.json'), JSON.stringify(english, null, 2));
    const build = await runCli(['build', '--root', root, '--min-coverage', '0']);
    expect(build.stderr).not.toMatch(/error/);
    expect(build.code).toBe(0);
  });

  it('are GitHub alerts in Markdown', () => {
    const md = readFileSync(out('astuces.en.md'), 'utf8');
    expect(md).toContain('> [!TIP]\n> **A title**\n>\n> Remember to save.');
    expect(md).toContain('> [!WARNING]\n> **Warning**\n>\n> Do not switch off.');
    expect(readFileSync(out('astuces.fr.md'), 'utf8')).toContain('> [!WARNING]\n> **Attention**\n>\n> Ne pas éteindre.');
  });

  it('are labelled asides in HTML, in both languages and the bilingual edition', () => {
    const asides = asidesOf('astuces.fr.html');
    expect(asides.map((a) => [a.className, a.role, a.label])).toEqual([
      ['callout callout-tip', 'note', 'Un titre'],
      ['callout callout-warning', 'note', 'Attention'],
    ]);
    expect(asides[1]?.text).toContain('Ne pas éteindre.');
    expect(asidesOf('astuces.en.html').map((a) => a.label)).toEqual(['A title', 'Warning']);
    expect(asidesOf('astuces.fr-en.html').map((a) => a.label)).toEqual(['Un titre', 'A title', 'Attention', 'Warning']);
  });

  it.runIf(hasTool('pdftotext'))('are boxes in the PDF: label then content, in order, tagged', () => {
    const text = pdfText(out('astuces.fr.pdf')).replace(/\s+/g, ' ');
    const order = ['Conseils', 'Un titre', 'Pensez à sauvegarder.', 'Attention', 'Ne pas éteindre.'].map((s) => text.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    if (hasTool('qpdf', '--version')) {
      const json = execFileSync('qpdf', ['--json', out('astuces.fr.pdf')], { encoding: 'utf8', maxBuffer: 64 << 20 });
      expect(json.match(/"\/S": "\/Div"/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    }
  });
});
