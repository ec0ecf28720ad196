/**
 * Raw HTML in articles (src/parse/raw-html.ts) and superscript/subscript (src/core/supersub.ts):
 * HTML blocks and inline HTML map onto the article's own structure (a lost `<h2>` starts a
 * section), scripts and embeds are dropped with a placed warning, comments silently; `^er^` and
 * `H~2~O` round-trip through every Markdown reader and writer and reach HTML as `<sup>`/`<sub>`,
 * the PDF as smaller raised/lowered text. Two realistic posts (tests/fixtures/html/) are built in
 * every format: no tag is ever shown as text.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHtml, type DefaultTreeAdapterMap } from 'parse5';
import type { Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString as plainText } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { bestTime } from '../bench/crafted.js';
import { keptShare, literalSyntax, measure } from '../bench/fidelity.js';
import { blocksToMarkdown, parseMarkdown, parseParagraph } from '../src/core/markdown.js';
import { segmentsOf } from '../src/i18n/extract.js';
import { blockUnit } from '../src/localize/units.js';
import { parseArticle } from '../src/parse/index.js';
import { mapRawHtml } from '../src/parse/raw-html.js';
import { FIXTURES, hasTool, pdfText, runCli, tempProject } from './helpers.js';

const FRONT = '---\ntitle: T\n---\n';

/** The French units of `body` (after a front matter title) as key → Markdown, and the diagnostics. */
function parse(body: string) {
  const { article, diagnostics } = parseArticle(FRONT + body, 'content/a.md', 'a');
  const units = Object.fromEntries(segmentsOf(article).map((s) => [s.key, s.markdown]));
  return { article, units, diagnostics };
}

describe('HTML blocks become the article’s own blocks', () => {
  it('maps headings, paragraphs, lists, quotes, links and inline styles; wrappers give their content', () => {
    const { units, diagnostics } = parse(
      [
        '<div class="post"><section><article>',
        '<h3>Une <em>section</em> en HTML</h3>',
        '<p>Un <strong>gras</strong>, un <b>autre</b>, une <i>italique</i>, du <code>code</code> et <a href="https://example.fr/x">un lien</a>.<br>Suite.</p>',
        '<ul><li>premier</li><li>second</li></ul>',
        '<ol><li>un</li><li>deux</li></ol>',
        '<blockquote><p>Une citation.</p></blockquote>',
        '<center><font size="3">Centré</font></center> <span>Libre</span>',
        '<details><summary>Résumé</summary><p>Détail caché.</p></details>',
        '</article></section></div>',
      ].join('\n'),
    );
    expect(diagnostics).toEqual([]);
    expect(Object.values(units)).toEqual([
      'T',
      'Une *section* en HTML',
      'Un **gras**, un **autre**, une *italique*, du `code` et [un lien](https://example.fr/x).\\\nSuite.',
      '- premier\n- second',
      '1. un\n2. deux',
      '> Une citation.',
      'Centré',
      'Libre',
      'Résumé',
      'Détail caché.',
    ]);
  });

  it('turns a lost <h2> into a section instead of gluing its text onto the previous one', () => {
    const { article } = parse('## Avant\n\nTexte avant.\n\n<h2>Le titre perdu</h2>\n<p>Son texte.</p>\n\nEncore.\n');
    expect(article.sections.map((s) => [s.id, s.heading.markdown, s.blocks.map((b) => b.markdown)])).toEqual([
      ['avant', 'Avant', ['Texte avant.']],
      ['le-titre-perdu', 'Le titre perdu', ['Son texte.', 'Encore.']],
    ]);
    // Placed in the article file: the heading at the <h2>, the paragraph at its <p>.
    expect(article.sections[1]!.heading.place).toEqual({ line: 8, column: 1 });
    expect(article.sections[1]!.blocks[0]!.place).toEqual({ line: 9, column: 1 });
  });

  it('makes a figure a paragraph holding only its image, the caption as its title; a bare img stays an image', () => {
    const { units } = parse(
      '<figure class="wp-block-image"><img src="photo.jpg" alt="Le port"><figcaption>Le port au <em>matin</em>.</figcaption></figure>\n\n<p><img src="b.png" alt="Schéma"></p>\n',
    );
    // The image reader (src/parse/images.ts) then makes each a figure: alt text and caption are its units.
    expect(units).toMatchObject({ 'lead.1.alt': 'Le port', 'lead.1.caption': 'Le port au matin.', 'lead.2.alt': 'Schéma' });
    // A figure that is not an image (a quote and its source) keeps all its text.
    expect(parse('<figure><blockquote><p>Dit.</p></blockquote><figcaption>Une source</figcaption></figure>\n').units).toMatchObject({
      'lead.1': '> Dit.',
      'lead.2': 'Une source',
    });
  });

  it('makes an HTML block holding only inline content (an <img>, text and links) a paragraph, so a lone <img> is a figure', () => {
    const { units, diagnostics } = parse('<img src="plan.png" alt="Le plan">\n\n<span>Du texte</span> et <a href="https://x.fr">un lien</a>\n');
    expect(units).toMatchObject({ 'lead.1.alt': 'Le plan', 'lead.2': 'Du texte et [un lien](https://x.fr)' });
    expect(diagnostics.filter((d) => d.ruleId === 'briefing:unsupported-block')).toEqual([]);
  });

  it("keeps a table's caption as a strong paragraph right before it", () => {
    const { units } = parse('<table><caption>Combinaison 1 : ordinateur</caption><tr><th>Lecteur</th></tr><tr><td>NVDA</td></tr></table>\n');
    expect(units).toMatchObject({ 'lead.1': '**Combinaison 1 : ordinateur**', 'lead.2.r1c1': 'Lecteur', 'lead.2.r2c1': 'NVDA' });
  });

  it('gives an HTML data table to the tables as a GFM table node, header row first', () => {
    const tree = fromMarkdown(
      '<table><thead><tr><th>Ville</th><th>Habitants</th></tr></thead><tbody><tr><td>Lyon</td><td>522 000</td></tr></tbody></table>\n',
    ) as Root;
    mapRawHtml(tree, 'a.md', []);
    const table = tree.children[0] as Table;
    expect(table.type).toBe('table');
    expect(table.children.map((row) => row.children.map((cell) => plainText(cell)))).toEqual([
      ['Ville', 'Habitants'],
      ['Lyon', '522 000'],
    ]);
    expect(table.position?.start.line).toBe(1);
  });

  it('drops scripts, styles, embeds and forms with one warning per element name, at the element', () => {
    const { units, diagnostics } = parse(
      'Avant.\n\n<div>\n  <script>track()</script>\n  <p>Gardé.</p>\n  <iframe src="https://video.example/x"></iframe>\n  <script>again()</script>\n</div>\n\nUn <script>inline()</script> mot.\n\n<form><input name="q"></form>\n',
    );
    expect(Object.values(units)).toEqual(['T', 'Avant.', 'Gardé.', 'Un mot.']);
    expect(diagnostics.map((d) => [d.ruleId, d.message.split(' element')[0], d.line, d.column, d.severity])).toEqual([
      ['briefing:dropped-html', 'A raw HTML <script>', 7, 3, 'warning'],
      ['briefing:dropped-html', 'A raw HTML <iframe>', 9, 3, 'warning'],
      ['briefing:dropped-html', 'A raw HTML <form>', 15, 1, 'warning'],
    ]);
    expect(diagnostics[0]!.message).toContain('remove it, or write what it shows as text');
  });

  it('drops HTML comments silently, as blocks and inline', () => {
    const { units, diagnostics } = parse(
      'Un.\n\n<!--more-->\n\nDeux <!-- TODO : relire --> mots.\n\n<!-- wp:paragraph -->\n<p>Trois.</p>\n<!-- /wp:paragraph -->\n',
    );
    expect(diagnostics).toEqual([]);
    expect(Object.values(units)).toEqual(['T', 'Un.', 'Deux mots.', 'Trois.']);
  });
});

describe('inline HTML is read again with its paragraph', () => {
  it('keeps a span’s text, maps sup, sub and br, and leaves blocks without HTML untouched', () => {
    const source = 'Le mot <span lang="en">*random*</span> est anglais, le 1<sup>er</sup> mai, CO<sub>2</sub>,<br>à la ligne.\n\nSans HTML : *intact* \\<b>.\n';
    const { units, article } = parse(source);
    expect(units['lead.1']).toBe('Le mot *random* est anglais, le 1^er^ mai, CO~2~,\\\nà la ligne.');
    expect(units['lead.2']).toBe('Sans HTML : *intact* \\<b>.');
    expect(article.lead.map((s) => s.place)).toEqual([
      { line: 4, column: 1 },
      { line: 6, column: 1 },
    ]);
  });

  it('maps inline HTML in headings too (a heading stays a heading of its depth)', () => {
    expect(parse('## Le 1<sup>er</sup> <abbr title="x">juin</abbr>\n\nTexte.\n').article.sections.map((s) => [s.id, s.heading.markdown])).toEqual([
      ['le-1er-juin', 'Le 1^er^ juin'],
    ]);
    // An anchor target (no href) is not a link: `## Titre <a name="x"></a>` is just its title.
    expect(parse('## Format csv <a name="format-csv"></a>\n\nTexte.\n').article.sections[0]!.heading.markdown).toBe('Format csv');
  });
});

describe('nesting and size', () => {
  it('survives 5 000 nested divs and 5 000 nested inline spans, keeping the text', () => {
    const n = 5000;
    // One tag a line: a line of 5 000 tags would be over the line-length limit.
    const blocks = parse(`${'<div>\n'.repeat(n)}<p>Tout au fond.</p>\n${'</div>\n'.repeat(n)}`);
    expect(blocks.diagnostics).toEqual([]);
    expect(Object.values(blocks.units)).toEqual(['T', 'Tout au fond.']);
    // One paragraph over 10 001 lines: told it is Markdown, or it would read as wire copy.
    const paragraph = `Un ${'<span>\n'.repeat(n)}mot${'</span>\n'.repeat(n)}caché.\n`;
    const inline = parseArticle(`---\ntitle: T\nbriefing: {format: markdown}\n---\n${paragraph}`, 'content/a.md', 'a');
    expect(segmentsOf(inline.article).map((s) => s.markdown)).toEqual(['T', 'Un mot caché.']);
  });

  it('grows linearly with the amount of HTML (time per byte at 1 : 4 grows less than 2.5×)', () => {
    const make = (bytes: number) => {
      // No headings: the many sections would time the rest of the parse stage, not the HTML.
      const unit = '<div class="c"><p>Un <span lang="en">mot</span> et 1<sup>er</sup>.</p><ul><li>a</li></ul></div>\n\nUn <b>gras</b> <!-- c --> ici.\n\n';
      return unit.repeat(Math.ceil(bytes / unit.length));
    };
    const run = (input: string) => parseArticle(FRONT + input, 'a.md', 'a');
    run(make(6_000));
    const small = make(6_000);
    const large = make(24_000);
    const smallMs = bestTime(() => run(small));
    const largeMs = bestTime(() => run(large));
    const ratio = largeMs / large.length / (Math.max(smallMs, 5) / small.length);
    expect(ratio, `${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms`).toBeLessThan(2.5);
  }, 60_000);
});

describe('superscript ^x^ and subscript ~x~', () => {
  const roundTrip = (markdown: string) => blocksToMarkdown(parseMarkdown(markdown).children);

  it('reads and writes them back unchanged; ~~strike~~ stays a strikethrough', () => {
    const tree = parseMarkdown('Le 1^er^ janvier, H~2~O et ~~barré~~.');
    expect(tree.children[0]).toMatchObject({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'Le 1' },
        { type: 'superscript', children: [{ type: 'text', value: 'er' }], data: { hName: 'sup' } },
        { type: 'text', value: ' janvier, H' },
        { type: 'subscript', children: [{ type: 'text', value: '2' }], data: { hName: 'sub' } },
        { type: 'text', value: 'O et ' },
        { type: 'delete' },
        { type: 'text', value: '.' },
      ],
    });
    expect(roundTrip('Le 1^er^ janvier, H~2~O et ~~barré~~.')).toBe('Le 1^er^ janvier, H~2~O et ~~barré~~.');
    expect(roundTrip('Échappé : ^a\\^b^')).toBe('Échappé : ^a\\^b^');
  });

  it('leaves text that is not a script as text, escaped so it never becomes one', () => {
    for (const text of ['2^10 et 3^ fois', 'a ^b c^ d', 'x^^y^^', 'un ~ seul']) {
      const paragraph = parseParagraph(text);
      expect(
        paragraph.children.every((child) => child.type === 'text'),
        text,
      ).toBe(true);
      expect(plainText(parseMarkdown(blocksToMarkdown([paragraph])))).toBe(text);
    }
  });

  it('is read in a translation unit too, so a translator can keep it', () => {
    expect(blockUnit('The 1^st^ of May, CO~2~.', 'paragraph')[0]).toMatchObject({
      children: [{ type: 'text' }, { type: 'superscript' }, { type: 'text' }, { type: 'subscript' }, { type: 'text' }],
    });
  });
});

type P5Node = DefaultTreeAdapterMap['node'];

/** The text a reader sees in an HTML page (no script or style), through the DOM parse5 builds. */
function visibleText(html: string): string {
  const parts: string[] = [];
  const stack: P5Node[] = [parseHtml(html)];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeName === '#text' && 'value' in node) parts.push(node.value);
    if ('tagName' in node && ['script', 'style', 'template'].includes(node.tagName)) continue;
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return parts.join('');
}

/** Elements named `tagName` in the page, with their text. */
function elementsText(html: string, tagName: string): string[] {
  const found: string[] = [];
  const stack: P5Node[] = [parseHtml(html)];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if ('tagName' in node && node.tagName === tagName) found.push(visibleText(`<p>${node.childNodes.map((c) => ('value' in c ? c.value : '')).join('')}</p>`));
    if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return found;
}

const POSTS = ['wordpress-velo', 'jekyll-chimie'];
const TAG_TEXT = /<\/?[a-z][a-z0-9]{0,10}[\s>/]/i;

describe('two HTML-heavy posts in every format', () => {
  let root: string;
  let log: string;
  const out = (slug: string, ext: string) => path.join(root, 'output', slug, `${slug}.${ext}`);
  const read = (slug: string, ext: string) => readFileSync(out(slug, ext), 'utf8');
  const pdfTools = hasTool('pdftotext');

  beforeAll(async () => {
    root = tempProject(['templates']);
    for (const lang of ['fr', 'en']) {
      mkdirSync(path.join(root, 'locales', lang), { recursive: true });
      cpSync(path.join(FIXTURES, '..', '..', 'locales', lang, 'common.json'), path.join(root, 'locales', lang, 'common.json'));
    }
    mkdirSync(path.join(root, 'content'));
    for (const slug of POSTS) cpSync(path.join(FIXTURES, 'html', `${slug}.md`), path.join(root, 'content', `${slug}.md`));
    const build = await runCli(['build', '--root', root, '--lang', 'fr']);
    log = build.stdout + build.stderr;
    expect(build.code, log).toBe(0);
    writeFileSync(path.join(root, 'build.log'), log);
  }, 60_000);

  it('reports the dropped script, style and iframe at their lines', () => {
    expect(log).toContain('content/jekyll-chimie.md:27:1  warning  A raw HTML <script> element');
    expect(log).toContain('content/jekyll-chimie.md:28:1  warning  A raw HTML <style> element');
    expect(log).toContain('content/wordpress-velo.md:44:1  warning  A raw HTML <iframe> element');
  });

  it('Markdown: no tag left, sup/sub written ^x^ / ~x~, the lost headings are headings', () => {
    for (const slug of POSTS) expect(read(slug, 'fr.md'), slug).not.toMatch(TAG_TEXT);
    const chimie = read('jekyll-chimie', 'fr.md');
    expect(chimie).toContain('Le 1^er^ novembre');
    expect(chimie).toContain('H~2~O');
    expect(chimie).toContain('## Ce qu’il faut retenir');
    expect(read('wordpress-velo', 'fr.md')).toContain('### Les chiffres par quartier');
  });

  it('HTML: no tag in the visible text; <sup> and <sub> elements', () => {
    for (const slug of POSTS) {
      const text = visibleText(read(slug, 'fr.html'));
      expect(text, slug).not.toMatch(TAG_TEXT);
      expect(text).not.toContain('^');
    }
    const html = read('jekyll-chimie', 'fr.html');
    expect(elementsText(html, 'sup')).toEqual(['er', 'e', 'e']);
    expect(elementsText(html, 'sub')).toEqual(['2', '2']);
    expect(elementsText(read('wordpress-velo', 'fr.html'), 'h3')).toContain('Les chiffres par quartier');
  });

  it.runIf(pdfTools)('PDF: no tag in the text; a superscript is smaller and raised, a subscript smaller and lowered', () => {
    for (const slug of POSTS) expect(pdfText(out(slug, 'fr.pdf')), slug).not.toMatch(TAG_TEXT);
    const text = pdfText(out('jekyll-chimie', 'fr.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('Le 1er novembre');
    expect(text).toContain('H2O');
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', out('jekyll-chimie', 'fr.pdf'), '-'], { encoding: 'utf8' });
    const words = [...bbox.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
      top: Number(m[1]),
      bottom: Number(m[2]),
      word: m[3]!,
    }));
    const at = (word: string, after: string) => {
      const i = words.findIndex((w, j) => w.word === word && words[j - 1]?.word === after);
      expect(i, `${after} ${word}`).toBeGreaterThan(0);
      return [words[i - 1]!, words[i]!] as const;
    };
    const [one, er] = at('er', '1');
    expect(er.bottom - er.top).toBeLessThan(0.8 * (one.bottom - one.top));
    expect(er.bottom).toBeLessThan(one.bottom - 2);
    const [h, two] = at('2', 'H');
    expect(two.bottom - two.top).toBeLessThan(0.8 * (h.bottom - h.top));
    expect(two.bottom).toBeGreaterThan(h.bottom);
  });

  it.runIf(pdfTools)('keeps the posts’ words (fidelity measure of bench/fidelity.ts) and shows no syntax', () => {
    for (const slug of POSTS) {
      const source = measure(readFileSync(path.join(FIXTURES, 'html', `${slug}.md`), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
      const markdown = measure(read(slug, 'fr.md'));
      const pdf = pdfText(out(slug, 'fr.pdf'));
      // Lost on purpose: the style sheet's words; the WordPress table (about 10 % of its words)
      // until tables are rendered (they reach the tables' renderers as a table node).
      expect(keptShare(source.wordList, markdown.wordList), slug).toBeGreaterThan(0.88);
      expect(keptShare(source.wordList, pdf.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []), slug).toBeGreaterThan(0.88);
      expect(literalSyntax(pdf), slug).toBe(0);
      // Every HTML heading is a heading (the output adds its own "Chiffres clés" section).
      expect(markdown.headings[1], slug).toBeGreaterThanOrEqual(source.headings[1]!);
      expect(markdown.headings[2], slug).toBe(source.headings[2]);
    }
  });
});
