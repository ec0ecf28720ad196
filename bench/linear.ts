/**
 * `npm run bench` (last part): issue 11's crafted inputs that attack text algorithms, each at one
 * size, through the French Markdown edition's stages in-process (parse, localize, document tree
 * with typography, Markdown), and the review page's word diff of a 16 000-word stale paragraph.
 * Best of RUNS (default 3) after one warm-up run; the machine is printed with the figures.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createI18n } from '../src/i18n/instance.js';
import { readLocaleFile } from '../src/i18n/locale-file.js';
import { localize } from '../src/localize/index.js';
import { parseArticle } from '../src/parse/index.js';
import { buildDocument, renderMarkdown } from '../src/render/markdown/index.js';
import { wordDiff } from '../src/render/review/diff.js';
import { bestTime, CRAFTED, reviewPair } from './crafted.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 3);
/** One size per crafted input: the larger size of tests/linear-time.test.ts (distinct figures: 12 KB). */
const BYTES: Record<string, number> = {
  'key-figures': 16_000,
  'source-dots': 80_000,
  'long-line': 120_000,
  guillemets: 64_000,
  thousands: 64_000,
  'distinct-figures': 12_000,
  sections: 12_000,
};

const common = readLocaleFile(readFileSync(path.join(ROOT, 'locales', 'fr', 'common.json'), 'utf8'), 'common.json').resources;
const i18n = createI18n('fr', { common });
const frenchMarkdown = (source: string) =>
  renderMarkdown(buildDocument(localize(parseArticle(source, 'a.md', 'a').article, 'fr', i18n), { date: '2026-11-26' }));

const best = (fn: () => unknown) => bestTime(fn, RUNS, 1);

console.log(`\nCrafted inputs (issue 11), French Markdown edition in-process, best of ${RUNS}`);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
for (const input of CRAFTED) {
  const source = input.make(BYTES[input.id]!);
  console.log(
    `${input.what.padEnd(52)}${`${(Buffer.byteLength(source) / 1000).toFixed(0)} KB`.padStart(8)}${`${best(() => frenchMarkdown(source)).toFixed(1)} ms`.padStart(12)}`,
  );
}
const { before, after } = reviewPair(16_000);
console.log(
  `${'review page word diff of a stale paragraph'.padEnd(52)}${'16 000 w'.padStart(8)}${`${best(() => wordDiff(before, after)).toFixed(1)} ms`.padStart(12)}`,
);
