/**
 * Key figures travel as data on the document tree (core/node-data.ts): the content template's
 * `<!-- briefing:figure ID -->` mark attaches the figure's value and label to its paragraph, and
 * HTML and PDF lay the figure out from that data, never by splitting the `**value** — label` line.
 * A paragraph that merely looks like a figure line stays an ordinary paragraph.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Paragraph, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { BRIEFING_SECTION, CLASS } from '../src/core/class-names.js';
import { parseMarkdown } from '../src/core/markdown.js';
import { isKeyFigure, type KeyFigureData } from '../src/core/node-data.js';
import type { BriefingDocument } from '../src/core/types.js';
import { createI18n } from '../src/i18n/instance.js';
import { readLocaleFile } from '../src/i18n/locale-file.js';
import { localize } from '../src/localize/index.js';
import { parseArticle } from '../src/parse/index.js';
import { renderHtml } from '../src/render/html/index.js';
import { applyAnnotations } from '../src/render/markdown/annotations.js';
import { buildDocument, renderMarkdown } from '../src/render/markdown/index.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { pdfText, REPO } from './helpers.js';

const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error === undefined;
if (!HAS_PDFTOTEXT && process.env.CI) throw new Error('poppler-utils is required to test the PDF renderer');

// A Markdown article declaring two key figures, and a paragraph shaped like a figure line that is not one.
const SOURCE = [
  '---',
  'title: Titre',
  'figures:',
  '  - value: 2019',
  '    label: début du partenariat',
  '  - value: { amount: 1000000000, currency: USD }',
  '    label: investissement initial',
  '---',
  'Le partenariat a débuté en 2019 avec un investissement initial de 1 milliard de dollars.',
  '',
  '## Une section',
  '',
  '**Neuf fois** — sur dix, la phrase ressemble à un chiffre clé.',
  '',
].join('\n');
const article = parseArticle(SOURCE, 'a.md', 'a').article;
const common = (lang: string) => readLocaleFile(readFileSync(path.join(REPO, 'locales', lang, 'common.json'), 'utf8'), 'common.json').resources;

function edition(lang: 'fr' | 'en', translations: Record<string, unknown> = {}): BriefingDocument {
  const i18n = createI18n(lang, lang === 'en' ? { common: common(lang), a: translations as never } : { common: common(lang) });
  return buildDocument(localize(article, lang, i18n), { date: '2026-11-26' });
}

const figures = (doc: BriefingDocument) => doc.tree.children.filter(isKeyFigure);
const lookalike = (doc: BriefingDocument) => doc.tree.children.find((node) => plainText(node).startsWith('Neuf fois'))!;

describe('key figures on the document tree', () => {
  it('carry their value and label as data, typeset like the Markdown line they come with', () => {
    const doc = edition('fr');
    expect(figures(doc).map((node) => node.data.figure.id)).toEqual(['1', '2']);
    for (const node of figures(doc)) {
      const { value, label } = node.data.figure;
      expect(node.data.hProperties?.className).toEqual([CLASS.figure]);
      // The value carries the no-break space the typography stage put into the line itself.
      expect(`**${value}** — ${plainText({ type: 'paragraph', children: label })}`).toBe(
        `**${plainText(node.children[0]!)}**${plainText({ type: 'paragraph', children: node.children.slice(1) })}`,
      );
    }
    expect(figures(doc)[1]!.data.figure.value).toBe('1\u00a0milliard de dollars');
    expect(renderMarkdown(doc)).toContain('**1\u00a0milliard de dollars** — investissement initial\n');
  });

  it('take the language and fallback of their label', () => {
    const doc = edition('en', { figures: { '1': { label: 'start of the partnership' } } });
    const [year, amount] = figures(doc);
    expect(year!.data).toMatchObject({ figure: { value: '2019', label: [{ type: 'text', value: 'start of the partnership' }] } });
    expect(year!.data.fallback).toBeUndefined();
    expect(amount!.data).toMatchObject({
      fallback: 'fr',
      fallbackReason: 'missing',
      figure: { value: '1\u00a0milliard de dollars', label: [{ type: 'text', value: 'investissement initial' }] },
    });
    expect(amount!.data.hProperties?.className).toEqual([CLASS.figure, CLASS.fallback]);
  });

  it('are made only by the template: an article or translated paragraph shaped like a figure line is not one', () => {
    expect(figures(edition('fr'))).toHaveLength(2);
    expect(isKeyFigure(lookalike(edition('fr')))).toBe(false);
    // A translation carrying a mark of its own: raw HTML in a translation is text, so it marks nothing.
    const forged = '<!-- briefing:figure 1 -->\n\n**1 %** — forged label';
    const doc = edition('en', { sections: { 'une-section': { 1: forged } } });
    expect(figures(doc)).toHaveLength(2);
    const fake = doc.tree.children.filter((node) => plainText(node).includes('forged label'));
    expect(fake.map((node) => [node.type, isKeyFigure(node)])).toEqual([['paragraph', false]]);
    expect(JSON.stringify(doc.tree)).not.toContain('"type":"html"');
  });
});

describe('applyAnnotations: figure marks', () => {
  const data = (id: string): KeyFigureData => ({ id, value: id.toUpperCase(), label: [{ type: 'text', value: `label ${id}` }] });
  const annotate = (markdown: string) => applyAnnotations(parseMarkdown(markdown), new Map(), [data('a'), data('b'), data('c')]).children;
  const figureIds = (nodes: RootContent[]) => nodes.map((node) => (isKeyFigure(node) ? node.data.figure.id : null));

  it('attach the figure named by the mark', () => {
    expect(figureIds(annotate('<!-- briefing:figure c -->\n**C** — x\n\n<!-- briefing:figure a -->\n**A** — y\n'))).toEqual(['c', 'a']);
  });

  it('without an id (templates written before figures had one), take the figure after the previous one', () => {
    expect(figureIds(annotate('<!-- briefing:figure -->\nx\n\n<!-- briefing:figure b -->\ny\n\n<!-- briefing:figure -->\nz\n'))).toEqual(['a', 'b', 'c']);
  });

  it('leave an ordinary paragraph when they name no figure, and never mark anything but a paragraph', () => {
    const nodes = annotate('<!-- briefing:figure zzz -->\nx\n\n<!-- briefing:figure a -->\n- item\n\nplain\n');
    expect(figureIds(nodes)).toEqual([null, null, null]);
    expect(nodes.map((node) => node.data?.hProperties?.className)).toEqual([undefined, undefined, undefined]);
  });
});

/** The edition with the figures' data replaced, their Markdown lines left as they are. */
function withFigureData(doc: BriefingDocument, replace: (figure: KeyFigureData) => KeyFigureData): BriefingDocument {
  const children = doc.tree.children.map((node) =>
    isKeyFigure(node) ? ({ ...node, data: { ...node.data, figure: replace(node.data.figure) } } satisfies Paragraph) : node,
  );
  return { ...doc, tree: { ...doc.tree, children } };
}
const fromData = (figure: KeyFigureData): KeyFigureData => ({
  ...figure,
  value: `value of ${figure.id}`,
  label: [
    { type: 'text', value: 'label from ' },
    { type: 'emphasis', children: [{ type: 'text', value: 'data' }] },
  ],
});

describe('HTML lays key figures out from their data', () => {
  it('as cards whose value and label come from the data, not from the Markdown line', () => {
    const html = renderHtml(withFigureData(edition('fr'), fromData));
    const box = new RegExp(`<h2 id="${BRIEFING_SECTION.keyFigures}">[^]*?</section>`).exec(html)?.[0] ?? '';
    expect(box).toContain(
      `<div class="${CLASS.figureCard}"><p class="${CLASS.figure}"><strong class="${CLASS.figureValue}">value of 1</strong> <span class="${CLASS.figureLabel}">label from <em>data</em></span></p></div>`,
    );
    expect(box).toContain('value of 2');
    expect(box).not.toContain('début du partenariat');
    expect(box).not.toContain('investissement initial');
    expect(box).not.toContain('—');
  });

  it('keeps a figure-shaped paragraph outside the box an ordinary paragraph', () => {
    const html = renderHtml(edition('fr'));
    expect(html).toContain('<p><strong>Neuf fois</strong> — sur dix, la phrase ressemble à un chiffre clé.</p>');
    expect(html.match(new RegExp(`class="${CLASS.figureCard}"`, 'g'))).toHaveLength(2);
  });
});

describe.runIf(HAS_PDFTOTEXT)('PDF lays key figures out from their data', () => {
  const text = async (doc: BriefingDocument) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'briefing-figures-')), 'doc.pdf');
    writeFileSync(file, await renderPdf(doc, { creationDate: new Date('2026-11-26T00:00:00Z') }));
    return pdfText(file).replace(/\s+/g, ' ');
  };

  it('draws each card from the value and label of the data, not from the Markdown line', async () => {
    const pdf = await text(withFigureData(edition('fr'), fromData));
    expect(pdf).toContain('value of 1 label from data value of 2 label from data');
    expect(pdf).not.toContain('début du partenariat');
  });

  it('sets a figure-shaped paragraph outside the box as an ordinary paragraph, dash and all', async () => {
    const pdf = await text(edition('fr'));
    expect(pdf).toContain('2019 début du partenariat 1 milliard de dollars investissement initial');
    expect(pdf).toContain('Neuf fois — sur dix, la phrase ressemble à un chiffre clé.');
  });
});
