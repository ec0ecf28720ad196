/**
 * Linear by construction (issue 11): each crafted input of the timing table that attacks a
 * text algorithm is run through the French Markdown edition's stages (parseArticle, localize,
 * buildDocument with typography, renderMarkdown) at two sizes, 1 : 4. Time per byte may grow at
 * most 2.5× — a quadratic algorithm would grow 4×, a cubic one 16× — under a generous absolute
 * cap, so the test is about the shape, not the speed of the machine. Each size is timed as the
 * best of a few runs, which keeps a busy machine from passing for a slow algorithm.
 *
 * Then properties (fast-check): generated articles and translations made of long lines, numbers,
 * punctuation runs, guillemets and dots stay under a time per byte; and the figure detector's
 * shortcut (a number pattern tried once per run of digit groups) finds exactly what a plain global
 * search finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestTime, CRAFTED, reviewPair } from '../bench/crafted.js';
import { createI18n } from '../src/i18n/instance.js';
import { localize } from '../src/localize/index.js';
import { parseArticle } from '../src/parse/index.js';
import { numberRunStarts } from '../src/facts/number-runs.js';
import { FIGURE_RULES } from '../src/facts/key-figures.js';
import { buildDocument, renderMarkdown } from '../src/render/markdown/index.js';
import { wordDiff } from '../src/render/review/diff.js';
import { commonResources } from './helpers.js';
import { forgetParses } from '../src/core/tree-memo.js';

const frenchI18n = createI18n('fr', { common: commonResources('fr') });
const english = (resources: Record<string, unknown>) => createI18n('en', { common: commonResources('en'), a: resources as never });

/**
 * The French Markdown edition of `source`, through every text stage, each time from scratch: the
 * parsed-string memo (src/core/tree-memo.ts) would time a repeat of a small input, not its parse.
 */
function frenchMarkdown(source: string): string {
  forgetParses();
  const { article } = parseArticle(source, 'a.md', 'a');
  return renderMarkdown(buildDocument(localize(article, 'fr', frenchI18n), { date: '2026-11-26' }));
}

/** Time per byte at `bytes` and at 4 × `bytes`, and their ratio. */
function growth(make: (bytes: number) => string, bytes: number, run: (input: string) => unknown) {
  run(make(bytes)); // warm-up: JIT and lazily loaded templates
  const small = make(bytes);
  const large = make(bytes * 4);
  const smallMs = bestTime(() => run(small));
  const largeMs = bestTime(() => run(large));
  // A floor of 5 ms on the small size: below it, timer noise and GC would dominate the ratio.
  const ratio = largeMs / large.length / (Math.max(smallMs, 5) / small.length);
  return { smallMs, largeMs, ratio };
}

/** Base size of each crafted input: the larger run stays well under a second when linear. */
const SIZES: Record<string, number> = {
  'key-figures': 4_000,
  'source-dots': 20_000,
  'long-line': 30_000,
  guillemets: 16_000,
  thousands: 16_000,
  'distinct-figures': 6_000,
  sections: 3_000,
};

describe('crafted inputs grow linearly through the French Markdown edition', () => {
  it.each(CRAFTED.map((input) => [input.id, input] as const))('%s', (id, input) => {
    const { smallMs, largeMs, ratio } = growth(input.make, SIZES[id]!, frenchMarkdown);
    console.info(`${id}: ${SIZES[id]} B ${smallMs.toFixed(1)} ms, ${SIZES[id]! * 4} B ${largeMs.toFixed(1)} ms, per-byte ratio ${ratio.toFixed(2)}`);
    expect(ratio, `${input.what}: ${smallMs.toFixed(0)} ms → ${largeMs.toFixed(0)} ms for 4× the bytes`).toBeLessThan(2.5);
    expect(largeMs).toBeLessThan(10_000);
  });

  it('the review page word diff of a long stale paragraph is capped', () => {
    // The stale French and the new French, in one string: before, a blank line, after.
    const pair = (bytes: number) => {
      const { before, after } = reviewPair(Math.floor(bytes / 6));
      return `${before}\n\n${after}`;
    };
    const diff = (input: string) => {
      const [before, after] = input.split('\n\n');
      return wordDiff(before!, after!);
    };
    // 4 000 and 16 000 words, both past the cap: the diff gives up after the same number of edits.
    const { smallMs, largeMs, ratio } = growth(pair, 24_000, diff);
    console.info(`review diff: 4 000 words ${smallMs.toFixed(1)} ms, 16 000 words ${largeMs.toFixed(1)} ms, per-byte ratio ${ratio.toFixed(2)}`);
    expect(ratio, `${smallMs.toFixed(0)} ms → ${largeMs.toFixed(0)} ms`).toBeLessThan(2.5);
    expect(largeMs).toBeLessThan(10_000);
  });
});

describe('the review page word diff', () => {
  it('shows a paragraph past the edit cap as changed as a whole', () => {
    const { before, after } = reviewPair(400);
    expect(wordDiff(before, after, 10).map((part) => [part.kind, part.text])).toEqual([
      ['removed', before],
      ['added', after],
    ]);
  });

  it('diffs word by word under the cap', () => {
    const parts = wordDiff('Le chiffre est de 13 milliards.', 'Le chiffre est de près de 14 milliards.', 10);
    expect(parts.filter((part) => part.kind !== 'same').map((part) => [part.kind, part.text])).toEqual([
      ['removed', '13'],
      ['added', 'près de 14'],
    ]);
  });
});

/** Pieces the generated texts are made of: what the crafted inputs use, and ordinary French. */
const PIECE = fc.constantFrom(
  'a',
  'A.',
  'A-',
  ' ',
  '  ',
  '«',
  '»',
  '« ',
  ' »',
  '5 %',
  ' 000',
  '1',
  '2019',
  ',',
  '.',
  '!',
  '?',
  ';',
  ':',
  '…',
  '"',
  "'",
  '’',
  '@',
  'https://',
  'www.',
  '10:55',
  '](',
  '{{',
  '}}',
  '<!B ',
  'Selon Reuters',
  ' rapporte que ',
  ' milliard de dollars',
  'le partenariat a débuté en ',
  'mot',
  '\n',
);
/** A run of one piece repeated (the shape of every attack), or a mix of pieces. */
const CHUNK = fc.oneof(
  fc.tuple(PIECE, fc.integer({ min: 50, max: 1_500 })).map(([piece, times]) => piece.repeat(times)),
  fc.array(PIECE, { maxLength: 200 }).map((pieces) => pieces.join('')),
);
const TEXT = fc.array(CHUNK, { minLength: 1, maxLength: 6 }).map((chunks) => chunks.join(''));

/** A generous bound: 250 ms, plus 50 µs per byte (a linear stage takes 2–20 µs). */
const budget = (bytes: number): number => 250 + bytes * 0.05;

describe('generated articles and translations (fast-check)', () => {
  it('render the French edition in time proportional to their size', { timeout: 120_000 }, () => {
    frenchMarkdown('---\ntitle: x\n---\n\nChauffe.\n');
    fc.assert(
      fc.property(TEXT, TEXT, (lead, body) => {
        const source = `---\ntitle: Essai\n---\n\n${lead}\n\n## Section\n\n${body}\n`;
        const ms = bestTime(() => frenchMarkdown(source), 1);
        return ms < budget(source.length) || bestTime(() => frenchMarkdown(source), 2) < budget(source.length);
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('render an English edition from generated translations in time proportional to their size', { timeout: 120_000 }, () => {
    const { article } = parseArticle('---\ntitle: Essai\n---\n\nUn paragraphe.\n\n## Section\n\nUn autre.\n', 'a.md', 'a');
    const keys = [...article.lead, ...article.sections.flatMap((s) => [s.heading, ...s.blocks])].map((segment) => segment.key);
    fc.assert(
      fc.property(fc.array(TEXT, { minLength: keys.length, maxLength: keys.length }), (values) => {
        const resources: Record<string, unknown> = {};
        for (const [i, key] of keys.entries()) setPath(resources, key, values[i]!);
        const bytes = values.join('').length;
        const run = () => {
          forgetParses();
          return renderMarkdown(buildDocument(localize(article, 'en', english(resources)), { date: '2026-11-26' }));
        };
        return bestTime(run, 1) < budget(bytes) || bestTime(run, 2) < budget(bytes);
      }),
      { numRuns: 25, seed: 11 },
    );
  });

  it('find the same numbers as a global search when number patterns are tried once per run', () => {
    const DIGITS = fc.constantFrom('1', '12', '123', '1234', '000', ' ', '\u00a0', ',', '.', ',5', 'a', '%', ' %', ' €', ' dollars', ' pour cent', '-');
    const numberRules = FIGURE_RULES.filter((rule) => rule.startsWithNumber);
    fc.assert(
      fc.property(fc.array(DIGITS, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        for (const rule of numberRules) {
          const global = [...text.matchAll(new RegExp(rule.pattern, 'gu'))].map((m) => [m.index, m[0]]);
          const sticky = new RegExp(rule.pattern, 'uy');
          const once: [number, string][] = [];
          let after = 0;
          for (const start of numberRunStarts(text)) {
            if (start < after) continue;
            sticky.lastIndex = start;
            const m = sticky.exec(text);
            if (m) {
              once.push([start, m[0]]);
              after = start + m[0].length;
            }
          }
          expect(once).toEqual(global);
        }
      }),
      { numRuns: 2_000, seed: 11 },
    );
  });
});

/** Sets `tree[a][b]…` for the key `a.b.…`. */
function setPath(tree: Record<string, unknown>, key: string, value: string): void {
  const parts = key.split('.');
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}
