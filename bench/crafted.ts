/**
 * Crafted inputs of issue 11's timing table (the rows about text algorithms), as functions of a
 * size, shared by the growth tests (tests/linear-time.test.ts) and `npm run bench` (bench/linear.ts).
 * Each returns the source of one French article; `reviewPair` returns the two French texts the
 * review page diffs.
 */

/** One row of the table: a name and a generator of an article of about `size` units. */
export interface CraftedInput {
  id: string;
  /** What `size` counts. */
  unit: string;
  make: (size: number) => string;
}

const article = (body: string): string => `---\ntitle: Essai\n---\n\n${body}\n`;

const SENTENCE = 'Le partenariat entre les deux groupes a débuté en 2019, selon Reuters, avec un investissement de 1 milliard de dollars. ';

export const CRAFTED: readonly CraftedInput[] = [
  { id: 'key-figures', unit: 'bytes', make: (n) => article(`${'a'.repeat(Math.floor(n / 4))}${' 5 %'.repeat(Math.floor((n * 3) / 16))}`) },
  { id: 'source-dots', unit: 'bytes', make: (n) => article(`Selon ${'A.'.repeat(Math.floor(n / 2))}`) },
  { id: 'long-line', unit: 'bytes', make: (n) => article(SENTENCE.repeat(Math.ceil(n / SENTENCE.length))) },
  { id: 'guillemets', unit: 'bytes', make: (n) => article('«'.repeat(n)) },
  { id: 'thousands', unit: 'bytes', make: (n) => article(`1${' 000'.repeat(Math.floor(n / 4))}`) },
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
