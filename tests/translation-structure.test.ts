/**
 * Translations cannot change a document's structure, and every edition is equally safe:
 * - a unit's string is parsed as its kind: block markup in a paragraph, heading or title is text,
 *   so the English keeps one title and the French's sections in md, html and pdf, and the
 *   bilingual edition builds; `check` and `build` warn at the locale file's line and column;
 * - a list or quote translated with another shape is an error at its place, and that unit is shown
 *   in French, marked (tests/translation-validation.test.ts);
 * - `javascript:`, `vbscript:` and `data:` URLs and raw HTML reach neither the md nor the html.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { parseArticle } from '../src/parse/index.js';
import { createI18n } from '../src/i18n/instance.js';
import { localize } from '../src/localize/index.js';
import { buildDocument, renderMarkdown } from '../src/render/markdown/index.js';
import { renderHtml } from '../src/render/html/index.js';
import { lintLocale } from '../src/translate/lint/index.js';
import { readLocaleFile } from '../src/i18n/locale-file.js';
import { segmentsOf } from '../src/i18n/extract.js';
import { commonResources, hasTool, pdfText, runCli, tempProject } from './helpers.js';

const HOSTILE = ['# Second title', '## Fake section', '```\nunclosed fence', '---', '<div>a block of HTML</div>', '> a quote', '- an item'];
const MORE = ['Text\n# heading on a second line', 'Text\n---', 'Text\n===', '1. ordered', '    indented code', '[a]: https://example.com', '~~~'];

/** A small article: a title, a lead paragraph, two sections of two paragraphs. */
const SOURCE =
  '---\ntitle: Titre\n---\nPremier paragraphe.\n\n## Une section\n\nTexte un.\n\nTexte deux.\n\n## Autre section\n\nTexte trois.\n\nTexte quatre.\n';
const article = parseArticle(SOURCE, 'a.md', 'a').article;

function english(translations: Record<string, unknown>) {
  return localize(article, 'en', createI18n('en', { common: commonResources('en'), a: translations as never }));
}

/** The English document of `SOURCE` with `value` as the translation of every paragraph (and heading). */
function documentWith(value: string, heading = 'A section') {
  const en = english({
    title: 'Title',
    lead: { 1: value },
    sections: { 'une-section': { heading, 1: value, 2: 'Text two.' }, 'autre-section': { heading: 'Other section', 1: 'Text three.', 2: value } },
  });
  return buildDocument(en, { date: '2026-11-26' });
}

const french = buildDocument(localize(article, 'fr', createI18n('fr', { common: commonResources('fr') })), { date: '2026-11-26' });
/** The document's top-level blocks: kind, heading depth, section id. */
const blocks = (tree: Root) =>
  tree.children.map((node) => `${node.type}${node.type === 'heading' ? node.depth : ''}${node.data?.id ? `#${node.data.id}` : ''}`);

/** The structural elements of a page, in order. */
const outline = (page: string) => [...page.matchAll(/<(h[1-6]|p|pre|hr|blockquote|ul|ol|li|div|section)\b[^>]*>/g)].map((m) => m[0]);

describe('a paragraph translation is one paragraph of text', () => {
  const plainHtml = renderHtml(documentWith('Plain text.'));

  it.each([...HOSTILE, ...MORE])('%j: the same blocks as the French, the text shown literally', (value) => {
    const doc = documentWith(value);
    expect(blocks(doc.tree)).toEqual(blocks(french.tree));
    const lead = doc.tree.children[1]!;
    expect(lead.type).toBe('paragraph');
    // Literal text: the markup's characters are all there (a line ending reads as one).
    expect(plainText(lead).replace(/\s+/g, ' ')).toBe(value.replace(/\s+/g, ' ').trim());
    // The Markdown edition, read back by any CommonMark reader, has the same structure.
    const md = renderMarkdown(doc);
    expect(md.split('\n').filter((line) => /^ {0,3}#/.test(line))).toEqual(['# Title', '## A section', '## Other section']);
    // The HTML has the elements of a translation without markup, and one h1.
    const html = renderHtml(doc);
    expect(outline(html)).toEqual(outline(plainHtml));
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  });

  it('joins the parts of a paragraph split by a blank line', () => {
    const doc = documentWith('One.\n\nTwo.');
    expect(blocks(doc.tree)).toEqual(blocks(french.tree));
    expect(plainText(doc.tree.children[1]!)).toBe('One. Two.');
  });

  it('keeps a title or heading on one line, whatever its translation holds', () => {
    const en = english({ title: 'Title\n# Second title', sections: { 'une-section': { heading: 'Heading\n===\n\n## Fake' } } });
    const doc = buildDocument(en, { date: '2026-11-26' });
    expect(blocks(doc.tree)).toEqual(blocks(french.tree));
    expect(doc.title).toBe('Title # Second title');
    expect(doc.toc[0]).toEqual({ id: 'une-section', text: 'Heading === ## Fake', depth: 2 });
  });

  it('parses French article text the same way: a paragraph of the article stays one paragraph', () => {
    const source = '---\ntitle: Titre\n---\n\\# Pas un titre\n\nTexte\n\\---\n\n1\\. Pas une liste\n';
    const fr = localize(parseArticle(source, 'b.md', 'b').article, 'fr', createI18n('fr', { common: commonResources('fr') }));
    const doc = buildDocument(fr, { date: '2026-11-26' });
    expect(blocks(doc.tree)).toEqual(['heading1', 'paragraph', 'paragraph', 'paragraph']);
    expect(doc.tree.children.slice(1).map((node) => plainText(node))).toEqual(['# Pas un titre', 'Texte\n---', '1. Pas une liste']);
  });
});

describe('lists and quotes keep their French shape', () => {
  const listSource = '---\ntitle: Titre\n---\n- un\n- deux\n\n> Une citation.\n';
  const lists = parseArticle(listSource, 'l.md', 'l').article;
  const localized = (translations: Record<string, unknown>) =>
    localize(lists, 'en', createI18n('en', { common: commonResources('en'), l: translations as never }));

  it('uses a translation of the same shape as it is', () => {
    const en = localized({ lead: { 1: '- one\n- two', 2: '> A quote.' } });
    expect(en.lead.map((unit) => unit.nodes.map((n) => n.type))).toEqual([['list'], ['blockquote']]);
  });

  it('shows a translation of another shape as one paragraph of text, never as the blocks it holds', () => {
    const en = localized({ lead: { 1: 'one, two', 2: '> A quote.\n\n# A heading' } });
    expect(en.lead.map((unit) => unit.nodes.map((n) => n.type))).toEqual([['paragraph'], ['paragraph']]);
    expect(plainText(en.lead[1]!.nodes[0]!)).toBe('> A quote. # A heading');
  });
});

describe('check: the shape rules at the locale file line and column', () => {
  const frenchText = JSON.stringify({ title: 'Titre', lead: { 1: '- un\n- deux', 2: '> Une citation.' } }, null, 2);
  const units = segmentsOf(parseArticle('---\ntitle: Titre\n---\n- un\n- deux\n\n> Une citation.\n', 'l.md', 'l').article);
  const lint = (values: Record<string, unknown>) => {
    const text = JSON.stringify(values, null, 2);
    return lintLocale({ target: readLocaleFile(text, 'en.json'), targetLang: 'en', source: readLocaleFile(frenchText, 'fr.json'), text, units });
  };

  it('a list translated as a paragraph, a quote followed by a heading: errors at the value, or at its extra block', () => {
    const found = lint({ title: 'Title', lead: { 1: 'one, two', 2: '> A quote.\n\n# A heading' } });
    expect(found.map((d) => [d.line, d.column, d.severity, d.ruleId])).toEqual([
      [4, 11, 'error', 'briefing:translation-shape'],
      // `    "2": "> A quote.\n\n# A heading"`: the heading starts at raw column 25, past the escapes
      [5, 25, 'error', 'briefing:translation-shape'],
    ]);
    expect(found[0]!.message).toBe(
      'The French of this unit is one list, its translation is a paragraph: keep the French\'s block shape (one list, each item on its own line starting with the French\'s marker, "- " or "1.", no blank line outside it)',
    );
    expect(found[1]!.message).toContain('its translation is 2 blocks (a quote, then a heading)');
    expect(found[0]!.note).toBe('French: "- un\\n- deux"');
  });

  it('block markup in a title: a warning at the markup; markup the French has too: none', () => {
    const found = lint({ title: '# Title', lead: { 1: '- one\n- two', 2: '> A quote.' } });
    expect(found.map((d) => [d.line, d.column, d.severity, d.ruleId, d.message])).toEqual([
      [
        2,
        13,
        'warning',
        'briefing:block-markup',
        '"# Title" (a heading) is shown as literal text: the translation of a title is one line of text and cannot add a block. Remove it, as in the French',
      ],
    ]);
    const headings = segmentsOf(parseArticle('# Titre\n\n## 1. Introduction\n\nTexte.\n', 'h.md', 'h').article);
    const text = JSON.stringify({ title: 'Title', sections: { '1-introduction': { heading: '1. Introduction', 1: 'Text.' } } }, null, 2);
    expect(lintLocale({ target: readLocaleFile(text, 'en.json'), targetLang: 'en', text, units: headings })).toEqual([]);
  });
});

describe('the whole build: md, html, pdf and the bilingual edition (CLI)', () => {
  const SLUG = 'microsoft-openai';
  const EN = `locales/en/${SLUG}.json`;
  const out = (root: string, name: string) => path.join(root, 'output', SLUG, name);

  /** One hostile value per paragraph unit of the seed, in reading order. */
  function hostileProject(): { root: string; keys: string[]; text: string } {
    const root = tempProject();
    const json = JSON.parse(readFileSync(path.join(root, EN), 'utf8')) as { lead: Record<string, string>; sections: Record<string, Record<string, string>> };
    const slots: [Record<string, string>, string, string][] = [
      [json.lead, '2', 'lead.2'],
      ...Object.entries(json.sections).flatMap(([id, section]) =>
        Object.keys(section)
          .filter((key) => key !== 'heading')
          .map((key): [Record<string, string>, string, string] => [section, key, `sections.${id}.${key}`]),
      ),
    ];
    const keys = HOSTILE.map((value, i) => {
      const [holder, key, full] = slots[i]!;
      holder[key] = value;
      return full;
    });
    const text = `${JSON.stringify(json, null, 2)}\n`;
    writeFileSync(path.join(root, EN), text);
    return { root, keys, text };
  }

  const pdfTools = hasTool('pdftotext') && hasTool('qpdf', '--version');
  if (!pdfTools && process.env.CI) throw new Error('poppler-utils and qpdf are required');

  it('keeps one title and the same sections in every format, shows the markup as text, builds the bilingual edition', async () => {
    const clean = tempProject();
    const { root, keys, text } = hostileProject();
    const [before, after] = [await runCli(['build', '--root', clean]), await runCli(['build', '--root', root])];
    expect(before.code).toBe(0);
    expect(after.code).toBe(0);
    expect(after.stderr).not.toContain('not built');

    const md = (dir: string) => readFileSync(out(dir, `${SLUG}.en.md`), 'utf8');
    const headingLines = (text: string) => text.split('\n').filter((line) => /^ {0,3}#/.test(line) && !line.startsWith('\\'));
    expect(headingLines(md(root))).toEqual(headingLines(md(clean)));
    for (const literal of [
      '\\# Second title',
      '\\## Fake section',
      '\\`\\`\\`\nunclosed fence',
      '\\---',
      '\\<div>a block of HTML\\</div>',
      '\\> a quote',
      '\\- an item',
    ]) {
      expect(md(root)).toContain(literal);
    }

    const html = (dir: string) => readFileSync(out(dir, `${SLUG}.en.html`), 'utf8');
    expect(outline(html(root))).toEqual(outline(html(clean)));
    expect(html(root)).toContain('<p>## Fake section</p>');

    if (pdfTools) {
      type Outline = { title: string; kids: Outline[] };
      const titles = (items: Outline[]): unknown[] => items.map((item) => [item.title, titles(item.kids)]);
      const outlines = (dir: string) =>
        titles(
          (JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', out(dir, `${SLUG}.en.pdf`)], { encoding: 'utf8' })) as { outlines: Outline[] })
            .outlines,
        );
      expect(outlines(root)).toEqual(outlines(clean));
      expect(outlines(root)).toHaveLength(1);
      expect(pdfText(out(root, `${SLUG}.en.pdf`))).toContain('## Fake section');
    }
    expect(readFileSync(out(root, `${SLUG}.fr-en.html`), 'utf8')).toContain('## Fake section');

    // `check` warns at each value's first character (its opening quote + 1), the build too;
    // `<div>` is raw-html's warning, a check rule only.
    const places = HOSTILE.map((value) => {
      const lines = text.slice(0, text.indexOf(JSON.stringify(value))).split('\n');
      return `${EN}:${lines.length}:${lines.at(-1)!.length + 2}`.replace(/\./g, '\\.');
    });
    const check = await runCli(['check', '--root', root]);
    expect(check.code).toBe(0);
    for (const [i, place] of places.entries()) {
      if (HOSTILE[i]!.startsWith('<')) {
        expect(check.stdout).toMatch(new RegExp(`^${place} {2}warning {2}Raw HTML .* {2}briefing:raw-html$`, 'm'));
        continue;
      }
      const line = new RegExp(`^${place} {2}warning {2}".+" \\(a [a-z ]+\\) is shown as literal text: .* {2}briefing:block-markup$`, 'm');
      expect(check.stdout).toMatch(line);
      expect(after.stderr).toMatch(line);
    }
    expect(keys).toHaveLength(HOSTILE.length);
  });

  it('a list translated as a paragraph: an error at its place, the English edition built with the French list, marked', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'content', 'listes.md'), '---\ntitle: Des listes\n---\nUn paragraphe.\n\n- premier point\n- second point\n');
    expect((await runCli(['extract', '--root', root])).code).toBe(0);
    const text = `${JSON.stringify({ title: 'Lists', lead: { 1: 'A paragraph.', 2: 'first point, second point' } }, null, 2)}\n`;
    writeFileSync(path.join(root, 'locales', 'en', 'listes.json'), text);
    const message = `locales/en/listes.json:5:11  error  The French of this unit is one list, its translation is a paragraph: `;
    const check = await runCli(['check', '--root', root, 'listes']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(message);
    const build = await runCli(['build', '--root', root, '--format', 'md,html', 'listes']);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(message);
    expect(build.stderr).toMatch(/unchanged \(1 error\)$/);
    expect(build.stderr).toContain('listes.en: 1 segment shown in French (0 missing, 0 stale, 1 not valid; coverage 100 %): lead.2');
    expect(build.stderr).not.toContain('not built');
    expect(build.stderr).not.toContain('pairing-mismatch');
    expect(readFileSync(path.join(root, 'output', 'listes', 'listes.fr.md'), 'utf8')).toContain('- premier point');
    expect(readFileSync(path.join(root, 'output', 'listes', 'listes.en.md'), 'utf8')).toContain(
      'A paragraph.\n\n*Translation not valid: original French text shown.*\n\n- premier point',
    );
  });
});

describe('unsafe URLs and raw HTML reach neither the md nor the html', () => {
  const DANGEROUS = [
    '[a](javascript:alert(1))',
    '[b](JAVASCRIPT:alert(1))',
    '[c](vbscript:msgbox)',
    '[d](data:text/html,<script>alert(1)</script>)',
    '![e](data:image/png;base64,AAAA)',
    '<javascript:alert(2)>',
    '[f](java&#115;cript:alert(3))',
  ];
  const SAFE = '[g](https://example.com/g) [h](page.html) [i](mailto:x@example.com)';
  const source = `---\ntitle: Liens\n---\n${DANGEROUS.join(' ')} ${SAFE} <script>alert(4)</script>\n\n<script>alert(5)</script>\n\nFin.\n`;
  const links = parseArticle(source, 'k.md', 'k');

  function editions(translation: string) {
    const build = (lang: 'fr' | 'en') => {
      const i18n = createI18n(lang, { common: commonResources(lang), k: { title: 'Links', lead: { 1: translation, 2: 'End.' } } as never });
      const doc = buildDocument(localize(links.article, lang, i18n), { date: '2026-11-26' });
      return { md: renderMarkdown(doc), html: renderHtml(doc) };
    };
    return [build('fr'), build('en')];
  }

  it('drops the URLs, keeps the link text and the safe links, and never lets a script through', () => {
    // The article's own <script> (a block and inline) is left out with a warning.
    expect(links.diagnostics.map((d) => d.ruleId)).toContain('briefing:dropped-html');
    for (const [lang, { md, html }] of editions(`${DANGEROUS.join(' ')} ${SAFE} <script>alert(4)</script>`).entries()) {
      const body = html.slice(html.indexOf('<main'));
      for (const text of [md, body]) {
        // No such URL is left as a destination; an autolink's text may still read "javascript:…".
        expect(text).not.toMatch(/\]\((?:javascript|vbscript|data):|<(?:javascript|vbscript|data):|(?:href|src)="?(?:javascript|vbscript|data):/i);
        expect(text).not.toMatch(/vbscript:|data:|alert\(1\)|alert\(3\)/i);
        expect(text).not.toMatch(/(?<!\\)<script/i);
        expect(text).not.toContain('alert(5)');
      }
      expect(html).not.toMatch(/<script/i);
      // A relative link in an article with no address of its own is shown as its text (src/render/markdown/links.ts).
      expect(md).toContain('[g](https://example.com/g) h [i](mailto:x@example.com)');
      expect(md).toMatch(/^a b c d e/m);
      // The French's inline <script> is dropped; a translation's is text, escaped.
      if (lang === 0) expect(md).not.toContain('alert(4)');
      else expect(md).toContain('\\<script>alert(4)\\</script>');
    }
  });
});
