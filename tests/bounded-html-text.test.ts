/**
 * src/core/bounded-html-text.ts: inline HTML that never ends is given up at once when an earlier
 * attempt of the same kind already scanned to the end, and every other text parses exactly as
 * micromark's own construct parses it. (Its time per byte is in tests/linear-time.test.ts.)
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/core/markdown.js';
import { forgetParses } from '../src/core/tree-memo.js';

/** micromark's own parse, with GFM as the project reads it (math and sup/sub do not meet `<`). */
const reference = (text: string) => fromMarkdown(text, { extensions: [gfm({ singleTilde: false })], mdastExtensions: [gfmFromMarkdown()] });
const shape = (tree: unknown) => JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value));

describe('inline HTML, bounded', () => {
  it.each([
    'a <!-- c --> b',
    'a <!B x> b',
    'a <? x ?> b',
    'a <![CDATA[ x ]]> b',
    'a <!B <!C> b',
    'a <!-- <!-- --> b',
    'a <? <? ?> b',
    'x <!B y\n<!C z> w',
    '<!-- a\n<!-- b --> c',
    'a <!--> b <!---> c',
    'a <span>b</span> <!x',
    'a <!B b <!-- c <? d <![CDATA[ e',
    'a <!B b <!B c> d',
    'a <!-- b <!-- c --> d <!-- e',
    'a <? b ?? c ?> d <? e',
    'a <![CDATA[ b ]] c ]]> d <![CDATA[ e',
    'a <!B b\n\nc <!C d> e',
    '<a href="x">lien</a> <!B <b>gras</b>',
    // Ending right after the opening, once or twice.
    'a <?',
    'a <? b <?',
    'a <!B c <!D',
    'a <!-- <!--',
    'a <![CDATA[',
  ])('%j parses as micromark parses it', (text) => {
    forgetParses();
    expect(shape(parseMarkdown(text))).toBe(shape(reference(text)));
  });
});

describe('inline HTML that never ends, repeated', () => {
  it('parses in time linear in its length (micromark alone: quadratic)', async () => {
    const { bestTime } = await import('../bench/crafted.js');
    // No `<![CDATA[` here: its `[` opens a label, and micromark's own merge of data runs around
    // thousands of those is quadratic on its own (docs/performance.md); CDATA is in the cases above.
    const text = (bytes: number) => `Texte ${'<!B <!-- <? '.repeat(Math.floor(bytes / 13))}fin.`;
    const time = (input: string) =>
      bestTime(() => {
        forgetParses();
        parseMarkdown(input);
      });
    time(text(4_000)); // warm-up
    const small = time(text(12_000));
    const large = time(text(48_000));
    // Per byte, 4× the input may cost at most 2.5× (quadratic: 4×); micromark's own construct took
    // 23 ms for 300 repetitions and 219 ms for 1 200 of `<!B `.
    expect(large / 4 / Math.max(small, 5)).toBeLessThan(2.5);
  });
});
