/**
 * CommonMark's inline HTML (micromark-core-commonmark's `htmlText`), linear in the text.
 *
 * A comment (`<!--`), CDATA (`<![CDATA[`), declaration (`<!X`) or processing instruction (`<?`)
 * runs to the first occurrence of its terminator (`-->`, `]]>`, `>`, `?>`), across lines. When
 * there is none, micromark scans to the end of the paragraph, fails, and scans again from the
 * next `<!` or `<?`: `<!B ` repeated 1 200 times took 2.4–3.4 s (quadratic). An attempt that
 * reached the end of the text without its terminator proves that no later attempt of the same
 * kind in that text can find one (its text is a suffix of the one scanned), so such attempts fail
 * at once here. Every other attempt runs micromark's own tokenizer, so what is HTML stays HTML.
 */
import { htmlText } from 'micromark-core-commonmark';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

type Kind = 'comment' | 'cdata' | 'declaration' | 'instruction';

/** Per text being tokenized: for each kind, the earliest start whose attempt found no terminator. */
const hopeless = new WeakMap<TokenizeContext, Partial<Record<Kind, number>>>();

/** The kind an attempt is, from its first three characters (`<`, then `!` or `?`, then one more). */
function kindOf(codes: readonly Code[]): Kind | undefined {
  if (codes[1] === 63) return 'instruction'; // <?
  if (codes[1] !== 33 || codes.length < 3) return undefined; // <!
  const third = codes[2]!;
  if (third === 45) return 'comment'; // <!-
  if (third === 91) return 'cdata'; // <![
  return third !== null && ((third >= 65 && third <= 90) || (third >= 97 && third <= 122)) ? 'declaration' : undefined;
}

function tokenizeBoundedHtmlText(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const start = this.now().offset;
  const memo = hopeless.get(this) ?? {};
  hopeless.set(this, memo);
  const first: Code[] = [];
  let kind: Kind | undefined;
  const watched: Effects = {
    ...effects,
    consume(code) {
      if (first.length < 3) {
        first.push(code);
        kind = kindOf(first);
      }
      effects.consume(code);
    },
  };
  let settled = false;
  const failed: State = (code) => {
    settled = true;
    // Reached the end of the text without its terminator: no later attempt of this kind can succeed.
    if (code === null && kind !== undefined) memo[kind] = Math.min(memo[kind] ?? start, start);
    return nok(code);
  };
  const doomed = () => {
    const from = kind === undefined ? undefined : memo[kind];
    return from !== undefined && start >= from;
  };
  // The kind is known after at most three characters: only those first steps are watched.
  const watch =
    (state: State, steps: number): State =>
    (code) => {
      const next = state(code);
      if (settled || next === undefined) return next; // failed already (or done): nothing to cut short
      if (doomed()) {
        settled = true;
        return nok;
      }
      return steps > 1 ? watch(next, steps - 1) : next;
    };
  return watch(htmlText.tokenize.call(this, watched, ok, failed), 3);
}

/** The bounded construct in place of micromark's, after autolinks as in CommonMark's own order. */
export const boundedHtmlText: Extension = {
  disable: { null: ['htmlText'] },
  text: { 60: { name: 'boundedHtmlText', tokenize: tokenizeBoundedHtmlText, add: 'after' } satisfies Construct },
};
