import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/parse/index.js';
import { createI18n } from '../src/i18n/instance.js';
import { localize } from '../src/localize/index.js';
import { buildDocument, renderMarkdown } from '../src/render/markdown/index.js';
import { commonResources } from './helpers.js';

const SOURCE = '---\ntitle: Titre\n---\nPremier paragraphe.\nUne section\nTexte de la section.\nDeuxième texte.\n';
const article = parseArticle(SOURCE, 'a.txt', 'a').article;

function english(translations: Record<string, unknown>) {
  return localize(article, 'en', createI18n('en', { common: commonResources('en'), a: translations as never }));
}

describe('localize', () => {
  it('builds the French edition from the article itself', () => {
    const fr = localize(article, 'fr', createI18n('fr', { common: commonResources('fr') }));
    expect(fr.sections[0]!.blocks.map((b) => b.state)).toEqual(['source', 'source']);
    expect(fr.fallbacks).toEqual([]);
    expect(fr.t('page', { page: 2, pages: 3 })).toBe('Page 2 sur 3');
  });

  it('uses the English strings and marks missing ones as French fallbacks', () => {
    const en = english({ title: 'Title', lead: { 1: 'First paragraph.' }, sections: { 'une-section': { heading: 'A section', 1: 'Section text.', 2: '' } } });
    expect(en.title).toMatchObject({ state: 'translated', lang: 'en', children: [{ type: 'text', value: 'Title' }] });
    expect(en.sections[0]!.blocks.map((b) => [b.state, b.lang])).toEqual([
      ['translated', 'en'],
      ['missing', 'fr'],
    ]);
    expect(en.fallbacks).toEqual(['sections.une-section.2']);
    expect(en.t('page', { page: 2, pages: 3 })).toBe('Page 2 of 3');
  });

  it('never interpolates, nests or un-escapes article strings', () => {
    const en = english({ title: 'Cost {{price}} $t(common:toc) <b>bold</b> & co', lead: { 1: 'Un <script>alert(1)</script> paragraph.' } });
    const doc = buildDocument(en, { date: '2026-11-26' });
    const md = renderMarkdown(doc);
    expect(md).toContain('# Cost {{price}} $t(common:toc) \\<b>bold\\</b> & co');
    expect(md).toContain('Un \\<script>alert(1)\\</script> paragraph.');
    expect(JSON.stringify(doc.tree)).not.toContain('"type":"html"');
  });

  it('keeps i18next interface strings free of HTML escaping', () => {
    const en = localize(article, 'en', createI18n('en', { common: { ...commonResources('en'), page: 'A & B <{{page}}>' } as never }));
    expect(en.t('page', { page: '<1>', pages: 2 })).toBe('A & B <<1>>');
  });

  it('marks fallback blocks in the document tree and in Markdown', () => {
    const en = english({ title: 'Title', sections: { 'une-section': { heading: 'A section', 1: 'Section text.' } } });
    const doc = buildDocument(en, { date: '2026-11-26' });
    const fallback = doc.tree.children.filter((n) => (n.data as { fallback?: string } | undefined)?.fallback === 'fr');
    expect(fallback).toHaveLength(2); // lead.1 and sections.une-section.2
    expect(renderMarkdown(doc)).toContain('*Translation missing: original French text shown.*\n\nPremier paragraphe.');
    expect(doc.toc).toEqual([{ id: 'une-section', text: 'A section', depth: 2 }]);
  });

  it('marks a title shown in French like any other fallback', () => {
    const en = english({ lead: { 1: 'First paragraph.' }, sections: { 'une-section': { heading: 'A section', 1: 'Section text.', 2: 'Second.' } } });
    const doc = buildDocument(en, { date: '2026-11-26' });
    const title = doc.tree.children[0]!;
    expect(title).toMatchObject({ type: 'heading', depth: 1, data: { fallback: 'fr', fallbackReason: 'missing', hProperties: { lang: 'fr' } } });
    // Its note comes right before it, as for any other block shown in French.
    expect(renderMarkdown(doc).startsWith('*Translation missing: original French text shown.*\n\n# Titre\n')).toBe(true);
  });

  it('estimates the reading time with correct plurals in both languages', () => {
    const en = english({ title: 'Title' });
    const doc = buildDocument(en, { date: '2026-11-26' });
    expect(doc.readingMinutes).toBe(1);
    expect(doc.t('readingTime', { count: 1 })).toBe('Reading time: 1 minute');
    expect(doc.t('readingTime', { count: 4 })).toBe('Reading time: 4 minutes');
    const fr = localize(article, 'fr', createI18n('fr', { common: commonResources('fr') }));
    expect(fr.t('readingTime', { count: 1 })).toBe('Lecture\u00a0: 1 minute');
    expect(fr.t('readingTime', { count: 4 })).toBe('Lecture\u00a0: 4 minutes');
    expect(fr.t('readingTime', { count: 1_000_000 })).toBe('Lecture\u00a0: 1000000 minutes');
  });
});
