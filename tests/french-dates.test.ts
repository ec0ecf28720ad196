/**
 * Issue 18: French writes the first day of a month as "1er" ("1er décembre 2026"), ICU does not;
 * English keeps "1 December 2026". One formatter (src/core/dates.ts) writes every date a briefing
 * shows: the title block in every format, the sources, key figures, the index pages, the preview
 * mark. The feeds show no written date (RFC 3339 only) and the review page none at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay } from '../src/core/dates.js';
import { previewMark } from '../src/pipeline/preview-mark.js';
import { createI18n } from '../src/i18n/instance.js';
import { commonResources, pdfText, runCli, translatedProject } from './helpers.js';

const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');

describe('the shared date formatter', () => {
  it('writes day 1 as "1er" in French and every other day as a number, in every month', () => {
    for (let month = 1; month <= 12; month++) {
      const days = new Date(Date.UTC(2026, month, 0)).getUTCDate();
      for (let day = 1; day <= days; day++) {
        const iso = `2026-${pad(month)}-${pad(day)}`;
        const fr = `${day === 1 ? '1er' : day} ${FR_MONTHS[month - 1]} 2026`;
        const en = `${day} ${EN_MONTHS[month - 1]} 2026`;
        expect(formatDate(iso, 'fr'), iso).toBe(fr);
        expect(formatDate(iso, 'en'), iso).toBe(en);
        expect(formatDay(Date.UTC(2026, month - 1, day), 'fr'), iso).toBe(fr);
        expect(formatDay(new Date(Date.UTC(2026, month - 1, day)), 'en'), iso).toBe(en);
      }
    }
    expect(formatDate('not a date', 'fr')).toBe('not a date');
  });

  it('writes an embargo instant with "1er" in French, English as before', () => {
    expect(formatDateTime(new Date('2026-12-01T08:00:00Z'), 'fr')).toBe('1er décembre 2026 à 08:00');
    expect(formatDateTime(new Date('2026-12-11T08:00:00Z'), 'fr')).toBe('11 décembre 2026 à 08:00');
    expect(formatDateTime(new Date('2026-12-01T08:00:00Z'), 'en')).toBe('1 December 2026 at 08:00');
    const hidden = { visibility: 'embargoed' as const, embargo: '2026-12-01T08:00:00.000Z' };
    const mark = (lang: 'fr' | 'en') => previewMark(hidden, lang, createI18n(lang, { common: commonResources(lang) }));
    expect(mark('fr')).toBe('SOUS EMBARGO jusqu’au 1er décembre 2026 à 08:00 UTC — ne pas publier');
    expect(mark('en')).toBe('EMBARGOED until 1 December 2026 at 08:00 UTC — not for publication');
  });
});

// An article dated the 1st, updated the 1st, citing a source of the 1st, with a key figure of the
// 1st; another dated the 21st and updated the 31st (a "1" that is not the 1st); one undated,
// built on the 1st of December 2026 ("Préparée le 1er décembre 2026").
const FIRST = [
  '---',
  'title: Budget des transports',
  'date: 2025-03-01',
  'updated: 2025-04-01',
  'sources:',
  '  - title: Rapport annuel',
  '    url: https://www.example.fr/rapport',
  '    publisher: Observatoire',
  '    date: 2025-02-01',
  'figures:',
  '  - value: 2025-01-01',
  '    label: date du vote',
  '---',
  'Le budget des transports augmente.',
  '',
].join('\n');
const FIRST_EN = {
  title: 'Transport budget',
  lead: { '1': 'The transport budget is rising.' },
  sources: { '1': { title: 'Annual report' } },
  figures: { '1': { label: 'voting day' } },
};
const OTHER = '---\ntitle: Plan vélo\ndate: 2025-03-21\nupdated: 2025-03-31\n---\nLe plan prévoit 300 kilomètres de pistes.\n';
const OTHER_EN = { title: 'Cycling plan', lead: { '1': 'The plan provides for 300 kilometres of lanes.' } };
const UNDATED = '---\ntitle: Réseau de bus\n---\nLe réseau de bus change.\n';
const UNDATED_EN = { title: 'Bus network', lead: { '1': 'The bus network is changing.' } };
/** 2026-12-01T00:00:00Z. */
const DECEMBER_FIRST = String(Date.UTC(2026, 11, 1) / 1000);

describe('every place a briefing writes a date', () => {
  let root: string;
  const file = (...parts: string[]) => readFileSync(path.join(root, 'output', ...parts), 'utf8');
  const pdf = (name: string) => pdfText(path.join(root, 'output', name.split('.')[0]!, name)).replace(/\s+/g, ' ');

  beforeAll(async () => {
    root = await translatedProject('first', FIRST, FIRST_EN);
    writeFileSync(path.join(root, 'content', 'other.md'), OTHER);
    writeFileSync(path.join(root, 'content', 'undated.md'), UNDATED);
    const extract = await runCli(['extract', '--root', root]);
    expect(extract.stderr).toBe('');
    writeFileSync(path.join(root, 'locales', 'en', 'other.json'), JSON.stringify(OTHER_EN));
    writeFileSync(path.join(root, 'locales', 'en', 'undated.json'), JSON.stringify(UNDATED_EN));
    const build = await runCli(['build', '--root', root], DECEMBER_FIRST);
    expect(build.code, build.stderr).toBe(0);
  }, 120_000);

  it('the title block of each format: "1er" in French, "1" in English, other days unchanged', () => {
    expect(file('first', 'first.fr.md')).toContain('*Publié le 1er mars 2025 · mis à jour le 1er avril 2025*');
    expect(file('first', 'first.en.md')).toContain('*Published 1 March 2025 · updated 1 April 2025*');
    expect(file('other', 'other.fr.md')).toContain('*Publié le 21 mars 2025 · mis à jour le 31 mars 2025*');
    expect(file('other', 'other.en.md')).toContain('*Published 21 March 2025 · updated 31 March 2025*');
    for (const [name, text] of [
      ['first.fr.html', '>Publié le 1er mars 2025</time> · <time datetime="2025-04-01">mis à jour le 1er avril 2025</time>'],
      ['first.en.html', '>Published 1 March 2025</time> · <time datetime="2025-04-01">updated 1 April 2025</time>'],
      ['other.fr.html', '>Publié le 21 mars 2025</time> · <time datetime="2025-03-31">mis à jour le 31 mars 2025</time>'],
      ['undated.fr.html', '>Préparée le 1er décembre 2026</time>'],
      ['undated.en.html', '>Prepared on 1 December 2026</time>'],
    ] as const) {
      expect(file(name.split('.')[0]!, name), name).toContain(text);
    }
    // The colophon's date and both columns of the bilingual edition.
    expect(file('first', 'first.fr.html')).toContain('<time datetime="2025-03-01">1er mars 2025</time>');
    expect(file('first', 'first.en.html')).toContain('<time datetime="2025-03-01">1 March 2025</time>');
    const bilingual = file('first', 'first.fr-en.html');
    expect(bilingual).toContain('Publié le 1er mars 2025');
    expect(bilingual).toContain('mis à jour le 1er avril 2025');
    expect(bilingual).toContain('Published 1 March 2025');
    expect(bilingual).toContain('>1er mars 2025</time>');
    expect(file('undated', 'undated.fr-en.html')).toContain('Préparée le 1er décembre 2026');
    expect(pdf('first.fr.pdf')).toContain('Publié le 1er mars 2025 · mis à jour le 1er avril 2025');
    expect(pdf('first.en.pdf')).toContain('Published 1 March 2025 · updated 1 April 2025');
    expect(pdf('first.fr-en.pdf')).toContain('Publié le 1er mars 2025');
    expect(pdf('other.fr.pdf')).toContain('Publié le 21 mars 2025 · mis à jour le 31 mars 2025');
    expect(pdf('undated.fr.pdf')).toContain('Préparée le 1er décembre 2026');
    expect(pdf('undated.en.pdf')).toContain('Prepared on 1 December 2026');
  });

  it('source dates and key figures, in every format', () => {
    // The typography stage joins a French date with no-break spaces (src/typography/no-break.ts).
    const FIRST_OF_FEBRUARY = /Observatoire, 1er[ \u00a0]février[ \u00a0]2025/;
    expect(file('first', 'first.fr.md')).toMatch(FIRST_OF_FEBRUARY);
    expect(file('first', 'first.en.md')).toContain('Observatoire, 1 February 2025');
    expect(file('first', 'first.fr.html')).toMatch(FIRST_OF_FEBRUARY);
    expect(file('first', 'first.en.html')).toContain('Observatoire, 1 February 2025');
    expect(pdf('first.fr.pdf')).toMatch(FIRST_OF_FEBRUARY);
    expect(pdf('first.en.pdf')).toContain('Observatoire, 1 February 2025');
    expect(file('first', 'first.fr.html')).toMatch(/1er[ \u00a0]janvier[ \u00a0]2025/);
    expect(file('first', 'first.en.html')).toContain('1 January 2025');
    expect(pdf('first.fr.pdf')).toMatch(/1er[ \u00a0]janvier[ \u00a0]2025/);
  });

  it('the public and internal index pages', () => {
    const index = file('index.html');
    expect(index).toContain('<time datetime="2025-03-01">1er mars 2025</time>');
    expect(index).toContain('<time datetime="2025-03-01">1 March 2025</time>');
    expect(index).toContain('<time datetime="2025-03-21">21 mars 2025</time>');
    expect(index).not.toMatch(/>1 (mars|avril|janvier|février|décembre) /);
    // The internal page is in English.
    const internal = file('internal.html');
    expect(internal).toContain('<time datetime="2025-03-01">1 March 2025</time>');
    expect(internal).toContain('<time datetime="2025-03-21">21 March 2025</time>');
  });

  it('the feeds and the review page write no date in words', () => {
    for (const lang of ['fr', 'en']) {
      const feed = file(`feed.${lang}.xml`);
      expect(feed).toContain('<published>2025-03-01T00:00:00.000Z</published>');
      expect(feed).not.toMatch(/\b1 ?(er)? (mars|March|avril|April)\b/);
    }
    const review = file('first', 'first.review.html');
    expect(review).not.toMatch(/\b1 (mars|avril|février|janvier|décembre) /);
  });
});
