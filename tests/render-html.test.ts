import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BlockContent, Data, Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { BriefingDocument } from '../src/core/types.js';
import { renderHtml } from '../src/render/html/index.js';
import { formatDate, inlineStylesheet } from '../src/render/html/page.js';
import { expectGolden, inlinedStylesheet, withStylesheetMarker } from './golden.js';
import { commonT, REPO } from './helpers.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const para = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
const h2 = (id: string, value: string): Heading => ({
  type: 'heading',
  depth: 2,
  children: [text(value)],
  data: { id, hProperties: { id } } as Data,
});
const fallback = <T extends BlockContent>(node: T): T => ({
  ...node,
  data: { fallback: 'fr', hProperties: { lang: 'fr', className: ['fallback'] } } as Data,
});

function sampleDoc(overrides: Partial<BriefingDocument> = {}, extra: RootContent[] = []): BriefingDocument {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 1, children: [text('Microsoft and OpenAI renegotiate their partnership')] },
      para(
        text('Microsoft and OpenAI are '),
        { type: 'emphasis', children: [text('renegotiating')] },
        text(' their strategic partnership, as reported by '),
        { type: 'link', url: 'https://www.axios.com/', children: [text('Axios')] },
        text('.'),
      ),
      h2('une-alliance-historique-a-redefinir', 'A historic alliance to redefine'),
      para(text('The partnership began in 2019 with an initial investment of $1 billion.')),
      {
        type: 'list',
        ordered: false,
        spread: false,
        children: [
          { type: 'listItem', spread: false, children: [para(text('Exclusive integration through Azure.'))] },
          { type: 'listItem', spread: false, children: [para(text('Microsoft 365 Copilot, GitHub Copilot, Windows 11.'))] },
        ],
      },
      h2('gpt-5-et-copilot', 'GPT-5 and Copilot: stronger synergies'),
      {
        type: 'blockquote',
        children: [para(text('GPT-5 could be launched as early as next week.'))],
      },
      fallback(
        para(text('Cette avancée permettrait à Microsoft de renforcer encore son écosystème '), { type: 'strong', children: [text('Copilot')] }, text('.')),
      ),
      ...extra,
    ],
  };
  return {
    slug: 'microsoft-openai',
    lang: 'en',
    title: 'Microsoft and OpenAI renegotiate their partnership',
    tree,
    t: commonT('en'),
    toc: [
      { id: 'une-alliance-historique-a-redefinir', text: 'A historic alliance to redefine', depth: 2 },
      { id: 'gpt-5-et-copilot', text: 'GPT-5 and Copilot: stronger synergies', depth: 2 },
    ],
    date: '2025-08-01',
    ...overrides,
  };
}

function count(haystack: string, needle: RegExp): number {
  return haystack.match(new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : `${needle.flags}g`))?.length ?? 0;
}

/** The text between `<tag` and its `</tag>` (first occurrence, no nesting of the same tag). */
function between(html: string, open: RegExp, close: string): string {
  const start = html.search(open);
  expect(start, `no ${open}`).toBeGreaterThanOrEqual(0);
  const end = html.indexOf(close, start);
  expect(end).toBeGreaterThan(start);
  return html.slice(start, end + close.length);
}

describe('renderHtml: page structure', () => {
  const html = renderHtml(sampleDoc());

  it('is a complete, self-describing HTML document in the edition language', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<meta name="generator" content="Briefing">');
    expect(html).toContain('<title>Microsoft and OpenAI renegotiate their partnership</title>');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it('puts the one h1 in the header with the label and the localized date', () => {
    expect(count(html, /<h1[\s>]/)).toBe(1);
    const header = between(html, /<header/, '</header>');
    expect(header).toContain('<h1>Microsoft and OpenAI renegotiate their partnership</h1>');
    expect(header).toContain('>Briefing</p>');
    expect(header).toContain('<time datetime="2025-08-01">Prepared on 1 August 2025</time>');
    expect(between(html, /<main/, '</main>')).not.toContain('<h1');
  });

  it('has a skip link to main, and semantic landmarks', () => {
    const target = /<a class="skip-link" href="#([^"]+)">Skip to content<\/a>/.exec(html)?.[1];
    expect(target).toBeTruthy();
    expect(html).toContain(`<main id="${target}"`);
    for (const tag of ['header', 'nav', 'main', 'footer']) expect(count(html, new RegExp(`<${tag}[\\s>]`))).toBe(1);
  });

  it('builds the table of contents from doc.toc, linking to the h2 ids', () => {
    const nav = between(html, /<nav class="toc" aria-label="Contents">/, '</nav>');
    const links = [...nav.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['une-alliance-historique-a-redefinir', 'gpt-5-et-copilot']);
    expect(links).toEqual(ids);
    expect(nav).toContain('>A historic alliance to redefine</a>');
    expect(html).not.toContain('user-content-');
  });

  it('wraps the lead and one section per h2, each labelled by its heading', () => {
    const main = between(html, /<main/, '</main>');
    const lead = between(main, /<section class="lead" aria-label="Summary">/, '</section>');
    expect(lead).toContain('<em>renegotiating</em>');
    expect(lead).not.toContain('<h2');
    const labelled = [...main.matchAll(/<section aria-labelledby="([^"]+)">\n<h2 id="([^"]+)"/g)];
    expect(labelled.map((m) => m[1])).toEqual(['une-alliance-historique-a-redefinir', 'gpt-5-et-copilot']);
    expect(labelled.every((m) => m[1] === m[2])).toBe(true);
    expect(main).toContain('<li>Exclusive integration through Azure.</li>');
    expect(main).toContain('<blockquote>');
  });

  it('marks French fallbacks with lang, class and a translated note before the block', () => {
    expect(html).toContain(
      '<p class="fallback-note">Translation missing: original French text shown.</p>\n' + '<p lang="fr" class="fallback">Cette avancée permettrait',
    );
  });

  it('inlines the stylesheet and makes no external requests', () => {
    const css = readFileSync(path.join(REPO, 'templates', 'html', 'style.css'), 'utf8');
    expect(inlinedStylesheet(html)).toBe(css);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link[\s>]/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    const external = [...html.matchAll(/(?:href|src)="((?:https?:)?\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(external).toEqual(['https://www.axios.com/']);
    expect(html).toContain('<a href="https://www.axios.com/" rel="noopener noreferrer">Axios</a>');
  });

  it('ships a print stylesheet', () => {
    const css = readFileSync(path.join(REPO, 'templates', 'html', 'style.css'), 'utf8');
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/@page\s*\{[^}]*size: A4;[^}]*margin:/);
    expect(print).toMatch(/\.skip-link, \.toc, \.editions \{ display: none; \}/);
    expect(print).toContain('break-after: avoid');
    expect(print).toContain('content: " (" attr(href) ")"');
    expect(css).toContain('max-width: calc(var(--measure)');
    expect(css).toContain(':focus-visible');
  });

  it('formats the date per language', () => {
    expect(formatDate('2025-08-01', 'fr')).toBe('1er août 2025');
    expect(formatDate('2025-08-01', 'en')).toBe('1 August 2025');
    expect(formatDate('not a date', 'en')).toBe('not a date');
    const fr = renderHtml(sampleDoc({ lang: 'fr', t: commonT('fr') }));
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('Préparée le 1er août 2025');
    expect(fr).toContain('aria-label="Sommaire"');
    expect(fr).toContain('Traduction manquante');
  });

  it('matches the golden file (UPDATE=1 to regenerate)', () => {
    expectGolden('html-renderer/expected.html', withStylesheetMarker(html, 'templates/html/style.css'));
  });
});

describe('renderHtml: untrusted content', () => {
  it('escapes markup in text', () => {
    const html = renderHtml(sampleDoc({}, [para(text('<script>alert(1)</script>'))]));
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    expect(html).not.toMatch(/<script/i);
  });

  it('drops raw html nodes', () => {
    const html = renderHtml(
      sampleDoc({}, [
        { type: 'html', value: '<script>alert(1)</script>' },
        { type: 'html', value: '<img src="https://tracker.example/x.gif" onerror="alert(1)">' },
      ]),
    );
    expect(html).not.toMatch(/<script|alert\(1\)|tracker\.example|onerror/i);
  });

  it('removes javascript: hrefs and keeps the link text', () => {
    const html = renderHtml(
      sampleDoc({}, [
        para({ type: 'link', url: 'javascript:alert(1)', children: [text('click')] }),
        para({ type: 'link', url: 'JaVaScRiPt:alert(2)', children: [text('again')] }),
      ]),
    );
    expect(html).not.toMatch(/javascript:/i);
    expect(html).toContain('<a>click</a>');
    expect(html).toContain('<a>again</a>');
  });

  it('turns images into links instead of loading them', () => {
    const html = renderHtml(sampleDoc({}, [para({ type: 'image', url: 'https://example.org/chart.png', alt: 'Revenue chart' })]));
    expect(html).not.toMatch(/<img|\ssrc=/);
    expect(html).toContain('<a href="https://example.org/chart.png" rel="noopener noreferrer">Revenue chart</a>');
  });

  it('prints titles and labels literally, never as templates or markup', () => {
    const title = '{{x}} <b>bold</b> {{{labels.toc}}} & "quotes"';
    const tree = sampleDoc().tree;
    tree.children[0] = { type: 'heading', depth: 1, children: [text(title)] };
    const html = renderHtml(sampleDoc({ title, tree, toc: [{ id: 'une-alliance-historique-a-redefinir', text: '<i>{{lang}}</i>', depth: 2 }] }));
    expect(html).toContain('<title>{{x}} &lt;b&gt;bold&lt;/b&gt; {{{labels.toc}}} &amp; &quot;quotes&quot;</title>');
    expect(html).toContain('<h1>{{x}} &#x3C;b>bold&#x3C;/b> {{{labels.toc}}} &#x26; "quotes"</h1>');
    expect(html).toContain('>&lt;i&gt;{{lang}}&lt;/i&gt;</a>');
    expect(html).not.toContain('<b>');
  });

  it('uses the plain title when the tree has no h1', () => {
    const tree = sampleDoc().tree;
    tree.children.shift();
    const html = renderHtml(sampleDoc({ title: 'A <plain> title', tree }));
    expect(count(html, /<h1[\s>]/)).toBe(1);
    expect(between(html, /<header/, '</header>')).toContain('<h1>A &#x3C;plain> title</h1>');
  });

  it('copes with ids such as __proto__ and keeps ids only on section headings', () => {
    const html = renderHtml(
      sampleDoc(
        {
          toc: [
            { id: '__proto__', text: 'Proto', depth: 2 },
            { id: 'constructor', text: 'Constructor', depth: 2 },
          ],
        },
        [
          h2('__proto__', 'Proto'),
          para(text('p')),
          h2('constructor', 'Constructor'),
          { type: 'paragraph', children: [text('x')], data: { hProperties: { id: 'location', name: 'n' } } },
          { type: 'heading', depth: 2, children: [text('Bad id')], data: { hProperties: { id: 'a b"><x' } } },
        ],
      ),
    );
    expect(html).toContain('<section aria-labelledby="__proto__">\n<h2 id="__proto__">Proto</h2>');
    expect(html).toContain('<section aria-labelledby="constructor">\n<h2 id="constructor">Constructor</h2>');
    expect(html).toContain('<a href="#__proto__">Proto</a>');
    expect(html).toContain('<p name="user-content-n">x</p>');
    expect(html).toContain('<section>\n<h2>Bad id</h2>');
    expect(html).not.toContain('id="location"');
  });

  it('strips attributes the policy does not allow', () => {
    const html = renderHtml(
      sampleDoc({}, [
        {
          type: 'paragraph',
          children: [text('styled')],
          data: { hProperties: { style: 'color:red', onClick: 'alert(1)', className: ['fallback', 'evil'] } },
        },
      ]),
    );
    expect(html).toContain('<p class="fallback">styled</p>');
    expect(html).not.toMatch(/color:red|onclick|evil/i);
  });

  it('avoids an id clash between the main landmark and a section', () => {
    const html = renderHtml(sampleDoc({ toc: [{ id: 'briefing-content', text: 'Briefing content', depth: 2 }] }, [h2('briefing-content', 'Briefing content')]));
    const mainId = /<main id="([^"]+)"/.exec(html)?.[1];
    expect(mainId).not.toBe('briefing-content');
    expect(html).toContain(`href="#${mainId}"`);
  });

  it('refuses a stylesheet that could close the style element', () => {
    expect(() => inlineStylesheet('p{} </style><script>')).toThrow(/style\.css/);
    const dir = mkdtempSync(path.join(tmpdir(), 'briefing-html-'));
    cpSync(path.join(REPO, 'templates', 'html'), path.join(dir, 'html'), { recursive: true });
    writeFileSync(path.join(dir, 'html', 'style.css'), 'body{}</STYLE><script>alert(1)</script>');
    expect(() => renderHtml(sampleDoc(), { templatesDir: dir })).toThrow(/style\.css/);
  });
});
