/**
 * Crafted inputs of issue 11's timing table (the rows about text algorithms), as functions of a
 * size in bytes, shared by the growth tests (tests/linear-time.test.ts) and `npm run bench`
 * (bench/linear.ts). Each returns the source of one French article; `reviewPair` returns the two
 * French texts the review page diffs.
 */

/** Best of `runs` timings of `fn` (ms), after `warmUp` untimed runs: a busy machine's noise only adds time. */
export function bestTime(fn: () => unknown, runs = 3, warmUp = 0): number {
  for (let i = 0; i < warmUp; i++) fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** One row of the table: what it attacks, and a generator of an article of about `bytes` bytes. */
export interface CraftedInput {
  id: string;
  what: string;
  make: (bytes: number) => string;
}

const article = (body: string): string => `---\ntitle: Essai\n---\n\n${body}\n`;

const SENTENCE = 'Le partenariat entre les deux groupes a débuté en 2019, selon Reuters, avec un investissement de 1 milliard de dollars. ';

export const CRAFTED: readonly CraftedInput[] = [
  {
    id: 'key-figures',
    what: 'a long word then many "5 %" (key-figure detection)',
    make: (n) => article(`${'a'.repeat(Math.floor(n / 4))}${' 5 %'.repeat(Math.floor((n * 3) / 16))}`),
  },
  { id: 'source-dots', what: '`A.A.A.…` (source detection)', make: (n) => article(`Selon ${'A.'.repeat(Math.floor(n / 2))}`) },
  { id: 'long-line', what: 'one long line of ordinary French', make: (n) => article(SENTENCE.repeat(Math.ceil(n / SENTENCE.length))) },
  { id: 'guillemets', what: '`«` repeated (typography)', make: (n) => article('«'.repeat(Math.floor(n / 2))) },
  { id: 'thousands', what: '`1 000 000 …` thousands groups', make: (n) => article(`1${' 000'.repeat(Math.floor(n / 4))}`) },
  {
    id: 'distinct-figures',
    what: 'one sentence of many distinct figures (labels)',
    make: (n) => article(`${Array.from({ length: Math.floor(n / 17) }, (_, i) => `hausse de ${i + 1} %`).join(', ')}.`),
  },
  {
    id: 'sections',
    what: 'many sections with one title (section ids)',
    make: (n) => article(Array.from({ length: Math.floor(n / 36) }, () => '## Un titre\n\nUn paragraphe court.').join('\n\n')),
  },
];

/** The review page's case: a stale paragraph of `words` words, and its edited version (every 7th word changed). */
export function reviewPair(words: number): { before: string; after: string } {
  const before: string[] = [];
  const after: string[] = [];
  for (let i = 0; i < words; i++) {
    before.push(`mot${i % 97}`);
    after.push(i % 7 === 3 ? `nouveau${i % 89}` : `mot${i % 97}`);
  }
  return { before: before.join(' '), after: after.join(' ') };
}
