/**
 * `npm run bench`: cold whole-process builds of the seed and warm in-process stage timings.
 * Prints medians (and p95 for stages) with the machine they were measured on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../src/parse/index.js';
import { readLocaleFile } from '../src/i18n/locale-file.js';
import { createI18n } from '../src/i18n/instance.js';
import { localize } from '../src/localize/index.js';
import { buildDocument, renderMarkdown } from '../src/render/markdown/index.js';
import { renderHtml } from '../src/render/html/index.js';
import { renderPdf } from '../src/render/pdf/index.js';
import type { Lang } from '../src/core/types.js';
import { projectPaths } from '../src/core/paths.js';
import { listSources } from '../src/project/sources.js';
import { commonLocales } from '../src/project/locales.js';
import { renderArticle } from '../src/pipeline/render-article.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COLD_RUNS = Number(process.env.COLD_RUNS ?? 9);
const WARM_RUNS = Number(process.env.WARM_RUNS ?? 50);

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))]!;
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

function coldBuild(): number[] {
  const bin = path.join(ROOT, 'dist', 'briefing.mjs');
  const times: number[] = [];
  for (let i = 0; i < COLD_RUNS + 1; i++) {
    const out = mkdtempSync(path.join(tmpdir(), 'briefing-bench-'));
    const start = performance.now();
    const run = spawnSync(process.execPath, [bin, 'build', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    const elapsed = performance.now() - start;
    rmSync(out, { recursive: true, force: true });
    if (run.status !== 0) throw new Error(`build failed: ${run.stderr}`);
    if (i > 0) times.push(elapsed); // the first run warms the disk cache
  }
  return times;
}

/** Wall-clock and CPU times of one stage (ms per run). CPU time (the process's, user + system) is
 * what to read on a shared machine: it does not count the time spent waiting for a core. */
interface Times {
  wall: number[];
  cpu: number[];
}

async function time(fn: () => unknown | Promise<unknown>): Promise<Times> {
  for (let i = 0; i < 10; i++) await fn();
  const times: Times = { wall: [], cpu: [] };
  for (let i = 0; i < WARM_RUNS; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(cpu);
    times.wall.push(performance.now() - start);
    times.cpu.push((used.user + used.system) / 1000);
  }
  return times;
}

async function stages(): Promise<[string, Times][]> {
  const source = readFileSync(path.join(ROOT, 'content', 'microsoft-openai.txt'), 'utf8');
  const resources = (lang: Lang, name: string) => readLocaleFile(readFileSync(path.join(ROOT, 'locales', lang, `${name}.json`), 'utf8'), name).resources;
  const article = parseArticle(source, 'content/microsoft-openai.txt', 'microsoft-openai').article;
  const i18n = createI18n('en', { common: resources('en', 'common'), 'microsoft-openai': resources('en', 'microsoft-openai') });
  const briefing = localize(article, 'en', i18n);
  const doc = buildDocument(briefing, { date: '2026-11-26' });
  const creationDate = new Date(0);
  const rows: [string, Times][] = [
    ['parse (seed → Article)', await time(() => parseArticle(source, 'content/microsoft-openai.txt', 'microsoft-openai'))],
    [
      'load locale files (en)',
      await time(() => {
        resources('en', 'common');
        resources('en', 'microsoft-openai');
      }),
    ],
    ['localize (en)', await time(() => localize(article, 'en', i18n))],
    ['content template → document tree', await time(() => buildDocument(briefing, { date: '2026-11-26' }))],
    ['render Markdown', await time(() => renderMarkdown(doc))],
    ['render HTML', await time(() => renderHtml(doc))],
    ['render PDF', await time(() => renderPdf(doc, { creationDate }))],
  ];
  rows.push([
    'one language, all three formats',
    await time(async () => {
      const d = buildDocument(localize(article, 'en', i18n), { date: '2026-11-26' });
      renderMarkdown(d);
      renderHtml(d);
      await renderPdf(d, { creationDate });
    }),
  ]);
  // What `serve` runs for a live preview after a save (src/serve/render.ts): the whole article task
  // for one file, validation and QA included, with the parse and unit checks it keeps between renders.
  const paths = projectPaths(ROOT);
  const [seed] = await listSources(paths, ['microsoft-openai']);
  const preview = {
    paths,
    source: seed!,
    nowMs: Date.UTC(2026, 10, 26),
    minCoverage: 0,
    reuseParse: true,
    editions: [{ lang: 'en' as const, formats: ['html' as const], review: false }],
  };
  rows.push(['serve preview: en.html (article task)', await time(() => renderArticle(preview, commonLocales(paths)))]);
  return rows;
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`);
// COLD_RUNS=0: the warm stages only.
if (COLD_RUNS > 0) {
  const cold = coldBuild();
  console.log(
    `\nCold build of the seed (7 briefing files + index, feeds, manifest; whole process, ${cold.length} runs): median ${ms(median(cold))}, min ${ms(Math.min(...cold))}, max ${ms(Math.max(...cold))}  (issue 17: ≤ 3× Typst's one PDF, in ../shared/bench/peers.sh)`,
  );
}
console.log(`\nWarm in-process stages (${WARM_RUNS} runs after 10 warm-up runs):`);
console.log(`${'stage'.padEnd(38)}${'median'.padStart(11)}${'p95'.padStart(11)}${'min'.padStart(11)}${'CPU median'.padStart(12)}`);
for (const [name, { wall, cpu }] of await stages()) {
  const cells = [median(wall), quantile(wall, 0.95), Math.min(...wall)].map((x) => ms(x).padStart(11)).join('');
  console.log(`${name.padEnd(38)}${cells}${ms(median(cpu)).padStart(12)}`);
}
console.log('(target, issue 17: one language in all three formats ≤ 8 ms median)');
