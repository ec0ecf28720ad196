/**
 * Typing slips a comms officer would correct (issue 18), found in the corpus: a space before a
 * word-ending `.` or `,` (`contacter la mission Etalab .`) and a space inside brackets
 * (`( Article L. 311-6 du CRPA)`). French and English alike; never inside URLs, e-mails, times or
 * code; only the rendered text changes, not the French of the translation units.
 */
import { describe, expect, it } from 'vitest';
import { bestTime } from '../bench/crafted.js';
import { segmentsOf } from '../src/i18n/extract.js';
import { createI18n } from '../src/i18n/instance.js';
import { localize } from '../src/localize/index.js';
import { parseArticle } from '../src/parse/index.js';
import { buildDocument, renderMarkdown } from '../src/render/markdown/index.js';
import { textHash } from '../src/translate/state.js';
import { typographText } from '../src/typography/index.js';
import { commonResources } from './helpers.js';

const fr = (text: string) => typographText(text, 'fr');
const en = (text: string) => typographText(text, 'en');

describe('space before a word-ending . or ,', () => {
  it('is removed after a letter, digit or closing mark, in French and English', () => {
    expect(fr('contacter la mission Etalab .')).toBe('contacter la mission Etalab.');
    expect(fr('modalités d’utilisation , il agit')).toBe('modalités d’utilisation, il agit');
    expect(fr('en 2023 , puis')).toBe('en 2023, puis');
    expect(fr('(voir plus haut) . Ensuite')).toBe('(voir plus haut). Ensuite');
    expect(fr('«\u202fmot\u202f» .')).toBe('«\u202fmot\u202f».');
    expect(fr('un mot\u00a0, deux')).toBe('un mot, deux');
    expect(fr('un mot   .')).toBe('un mot.');
    expect(fr('(fin .)')).toBe('(fin.)');
    expect(en('the Etalab mission , then .')).toBe('the Etalab mission, then.');
    expect(en('He said "yes" .')).toBe('He said “yes”.');
  });
  const unchanged = [
    'une ellipse ...',
    'une ellipse … et',
    'une ellipse . . .',
    'le framework .NET et le domaine .fr',
    'un nombre 1 .5 et 1 ,5',
    'voir https://example.fr/a .',
    'voir https://example.fr/a , puis',
    'écrire à contact@example.fr .',
    ' . en tête',
    'un signe «\u202f.\u202f» seul',
    'tiret - . et point',
  ];
  for (const text of unchanged) {
    it(`keeps ${JSON.stringify(text)}`, () => {
      expect(fr(text)).toBe(text);
      expect(en(text)).toBe(en(en(text)));
    });
  }
  it('never touches inline code', () => {
    const md = frenchMarkdown('Lancer `a .` puis `( b )` , enfin.\n');
    expect(md).toContain('Lancer `a .` puis `( b )`, enfin.');
  });
});

describe('space inside brackets', () => {
  it('is removed after ( and before ), in French and English; square brackets are left as written', () => {
    expect(fr('d’une personne ( Article L. 311-6 du CRPA)')).toBe('d’une personne (Article L. 311-6 du CRPA)');
    expect(fr('(transposition de la directive )')).toBe('(transposition de la directive)');
    expect(fr('[ note ]')).toBe('[ note ]');
    expect(fr('<script>alert(1)</script> & Cie ]]> ')).toBe('<script>alert(1)</script> & Cie ]]> ');
    expect(fr('(\u00a0640 contributeurs\u00a0)')).toBe('(640 contributeurs)');
    expect(en('( see above )')).toBe('(see above)');
  });
  it('keeps empty pairs, a space after a URL and bracket-free text', () => {
    for (const text of ['[ ] à faire', '( )', 'voir (https://example.fr/a )', 'a ) b ( c'])
      expect(fr(text), text).toBe(text === 'a ) b ( c' ? 'a) b (c' : text);
  });
});

describe('slips are typography, not source edits', () => {
  const source = ['# Un titre', '', 'Il faut contacter la mission Etalab . Voir le comportement d’une personne ( Article L. 311-6 du CRPA ).', ''].join('\n');

  it('render corrected, while the translation unit keeps the French as written (same hash)', () => {
    const { article } = parseArticle(source, 'a.md', 'a');
    const paragraph = segmentsOf(article).find((segment) => segment.markdown.includes('Etalab'))!;
    expect(paragraph.markdown).toBe('Il faut contacter la mission Etalab . Voir le comportement d’une personne ( Article L. 311-6 du CRPA ).');
    expect(textHash(paragraph.markdown)).toBe(textHash(source.split('\n')[2]!));
    const md = frenchMarkdown(source);
    expect(md).toContain('Il faut contacter la mission Etalab. Voir le comportement d’une personne (Article L. 311-6 du CRPA).');
  });
});

describe('the slip rules stay linear', () => {
  // Each space run has one start the lookbehinds accept: a rescan per space or per dot would be
  // quadratic. Run on the rules directly (an article line is capped at 50 000 characters).
  const inputs: Record<string, (n: number) => string> = {
    'space runs not before punctuation': (n) => `mot${' '.repeat(n / 4)}x (${' '.repeat(n / 4)}y${'\u00a0'.repeat(n / 4)}-)`,
    'space runs before punctuation': (n) => `mot${' '.repeat(n / 2)}.${'\u202f'.repeat(n / 2)},`,
    'spaced and bare dots': (n) => `a${' .'.repeat(n / 4)} ${'.,'.repeat(n / 4)}`,
    'brackets and spaces': (n) => '( a ) [ '.repeat(n / 8),
  };
  for (const [what, make] of Object.entries(inputs)) {
    it(what, () => {
      for (const lang of ['fr', 'en'] as const) {
        const small = make(40_000);
        const large = make(160_000);
        typographText(small, lang);
        const smallMs = Math.max(
          bestTime(() => typographText(small, lang)),
          5,
        );
        const largeMs = bestTime(() => typographText(large, lang));
        // Linear: 4× the bytes, about 4× the time; quadratic would be 16×.
        expect(largeMs / smallMs, `${lang}: ${smallMs.toFixed(1)} ms → ${largeMs.toFixed(1)} ms`).toBeLessThan(10);
      }
    });
  }
});

function frenchMarkdown(source: string): string {
  const { article } = parseArticle(source.startsWith('#') ? source : `# Titre\n\n${source}`, 'a.md', 'a');
  const i18n = createI18n('fr', { common: commonResources('fr') });
  return renderMarkdown(buildDocument(localize(article, 'fr', i18n), { date: '2026-11-26' }));
}
