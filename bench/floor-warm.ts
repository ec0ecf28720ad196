/**
 * `npm run bench` (after bench/floor.ts): the floors of issue 17's warm, long-article and corpus
 * goals, as bench/floor.ts measures the cold one-PDF floor: what the libraries this architecture
 * is built on (pdfkit + fontkit, remark-parse/micromark) need for the same work with none of
 * Briefing's own code, next to Briefing doing it.
 *   1. WARM, in this process (20 warm-up renders, then FLOOR_WARM_RUNS, default 100): (a) the plain
 *      pdfkit program of bench/floor.ts (same DejaVu fonts, the seed's text, headings and justified
 *      paragraphs) rendering into a buffer; (b) remark-parse alone of the seed's Markdown;
 *      (c) Briefing's warm render of one language in all formats, and of the PDF alone, as
 *      bench/run.ts runs them (goal: ≤ 8 ms).
 *   2. LONG, cold, each case its own process, alternated run by run (FLOOR_LONG_RUNS, default 7):
 *      the 3 000-section article of bench/scale.ts laid out by the plain pdfkit program, parsed by
 *      remark-parse, both in one process, and Briefing's build of it (all formats, then the PDF
 *      alone); CPU (user + system of the child) and peak RSS from /usr/bin/time (goal: ≤ 2 s,
 *      ≤ 250 MB).
 *   3. CORPUS lower bound: one generated corpus article (bench/corpus.ts) rendered warm by the
 *      plain pdfkit program three times (French, English, both) and parsed twice by remark-parse,
 *      × 200 articles ÷ 2 cores (goal: ≤ 5 s).
 * CPU is read from `process.cpuUsage` deltas in process (all threads: GC and compiler included)
 * and from the child's rusage for whole processes; on a shared machine read the CPU columns.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Lang } from '../src/core/types.js';
import { createI18n } from '../src/i18n/instance.js';
import { readLocaleFile } from '../src/i18n/locale-file.js';
import { localize } from '../src/localize/index.js';
import { parseArticle } from '../src/parse/index.js';
import { renderHtml } from '../src/render/html/index.js';
import { buildDocument, renderMarkdown } from '../src/render/markdown/index.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { corpusSlug, generateCorpus } from './corpus.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WARM_RUNS = Number(process.env.FLOOR_WARM_RUNS ?? 100);
const WARM_UP = 20;
const LONG_RUNS = Number(process.env.FLOOR_LONG_RUNS ?? 7);
const LONG_SECTIONS = Number(process.env.LONG_SECTIONS ?? 3000);
const CORPUS = 200;
const BIN = path.join(ROOT, 'dist', 'briefing.mjs');
const require = createRequire(path.join(ROOT, 'package.json'));
const work = mkdtempSync(path.join(tmpdir(), 'briefing-floor-warm-'));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const min = (xs: number[]) => Math.min(...xs);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

interface Line {
  text: string;
  heading: boolean;
}
/** Non-empty lines, each a heading (short, no final period: peers.sh's rule) or a paragraph. */
const toLines = (text: string): Line[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ text: line, heading: line.length < 90 && !line.endsWith('.') }));
const stripFrontMatter = (markdown: string) => markdown.replace(/^---\n[\s\S]*?\n---\n/, '');

/** The seed as plain text, as bench/floor.ts reads it: the shared seed of peers.sh when found. */
function seedText(): string {
  const shared = ['../shared', '../../shared', '/work/shared'].map((dir) => path.resolve(ROOT, dir, 'seed', 'microsoft-openai.fr.txt'));
  const found = shared.find((file) => existsSync(file));
  if (found) return readFileSync(found, 'utf8');
  return stripFrontMatter(readFileSync(path.join(ROOT, 'content', 'microsoft-openai.txt'), 'utf8'));
}

const FONTS = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'));
const BODY_FONT = path.join(FONTS, 'DejaVuSerif.ttf');
const HEADING_FONT = path.join(FONTS, 'DejaVuSans-Bold.ttf');

/**
 * bench/floor.ts's pdfkit program, as source shared by the in-process renders and the child
 * processes: A4, a title, headings in DejaVu Sans Bold, justified paragraphs in DejaVu Serif,
 * embedded subsets, compressed streams (pdfkit's defaults), the output collected from the
 * document's 'data' events into one buffer. Fonts are given as buffers read once.
 */
const PDFKIT_RENDER = `module.exports = function renderPdfkit(PDFDocument, fonts, title, lines, layoutCaches) {
  return new Promise((resolve, reject) => {
    // Fonts already opened by fontkit are the default font too: no Helvetica metrics loaded.
    const opened = typeof fonts.body.layout === 'function';
    const doc = new PDFDocument({ size: 'A4', margins: { top: 70, right: 66, bottom: 70, left: 66 }, info: { Title: title }, ...(opened ? { font: fonts.body } : {}) });
    const chunks = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('body', fonts.body);
    doc.registerFont('heading', fonts.heading);
    // layoutCaches: pdfkit's per-font cache of shaped words (a private field), kept across documents.
    const use = (name, size) => {
      doc.font(name).fontSize(size);
      if (layoutCaches) doc._font.layoutCache = layoutCaches[name] ??= Object.create(null);
      return doc;
    };
    use('heading', 20).text(title).moveDown();
    for (const line of lines) {
      if (line.heading) use('heading', 13).text(line.text).moveDown(0.3);
      else use('body', 10.5).text(line.text, { align: 'justify' }).moveDown(0.6);
    }
    doc.end();
  });
};
`;
interface Fonts {
  body: unknown;
  heading: unknown;
}
type RenderPdfkit = (pdfkit: unknown, fonts: Fonts, title: string, lines: Line[], layoutCaches?: Record<string, unknown>) => Promise<Buffer>;
const RENDER_MODULE = path.join(work, 'pdfkit-render.cjs');
writeFileSync(RENDER_MODULE, PDFKIT_RENDER);
const renderPdfkit = require(RENDER_MODULE) as RenderPdfkit;
const PDFDocument: unknown = require('pdfkit');
/** As bench/floor.ts: font files given to each document, which opens them with fontkit. */
const fonts: Fonts = { body: readFileSync(BODY_FONT), heading: readFileSync(HEADING_FONT) };
/** What a long-lived process may keep through pdfkit's public API: fontkit fonts opened once (their tables decoded once). */
const fontkit = require('fontkit') as { create(data: Buffer): unknown };
const openedFonts: Fonts = { body: fontkit.create(fonts.body as Buffer), heading: fontkit.create(fonts.heading as Buffer) };
const parseMarkdown = (markdown: string) => unified().use(remarkParse).parse(markdown);

/** CPU (process.cpuUsage: user + system, every thread) and wall time of `runs` calls, after `WARM_UP`. */
async function timeWarm(fn: () => unknown, runs = WARM_RUNS): Promise<{ cpu: number[]; wall: number[] }> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const before = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(before);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { cpu, wall };
}

const cell = (xs: number[], digits = 2) => `${median(xs).toFixed(digits)} (${min(xs).toFixed(digits)})`;

async function warm(): Promise<void> {
  const seedMarkdown = readFileSync(path.join(ROOT, 'content', 'microsoft-openai.txt'), 'utf8');
  const seedLines = toLines(seedText());
  const title = 'Microsoft et OpenAI renégocient leur partenariat';
  const resources = (lang: Lang, name: string) => readLocaleFile(readFileSync(path.join(ROOT, 'locales', lang, `${name}.json`), 'utf8'), name).resources;
  const article = parseArticle(seedMarkdown, 'content/microsoft-openai.txt', 'microsoft-openai').article;
  const i18n = createI18n('en', { common: resources('en', 'common'), 'microsoft-openai': resources('en', 'microsoft-openai') });
  const doc = buildDocument(localize(article, 'en', i18n), { date: '2026-11-26' });
  const creationDate = new Date(0);
  const layoutCaches = {};
  const rows: [string, { cpu: number[]; wall: number[] }][] = [
    ['a1 pdfkit, as floor.ts, → buffer', await timeWarm(() => renderPdfkit(PDFDocument, fonts, title, seedLines))],
    ['a2 pdfkit, fonts opened once', await timeWarm(() => renderPdfkit(PDFDocument, openedFonts, title, seedLines))],
    ['a3 a2 + shaped words kept', await timeWarm(() => renderPdfkit(PDFDocument, openedFonts, title, seedLines, layoutCaches))],
    ['b remark-parse of the seed', await timeWarm(() => parseMarkdown(seedMarkdown))],
    ['c1 briefing: render PDF (en)', await timeWarm(() => renderPdf(doc, { creationDate }))],
    [
      'c2 briefing: one language, all formats',
      await timeWarm(async () => {
        const d = buildDocument(localize(article, 'en', i18n), { date: '2026-11-26' });
        renderMarkdown(d);
        renderHtml(d);
        await renderPdf(d, { creationDate });
      }),
    ],
  ];
  console.log(`\n1. WARM, in process (${WARM_RUNS} runs after ${WARM_UP} warm-up renders; ms; load ${load()})`);
  console.log('case'.padEnd(42), 'CPU median (min)'.padStart(18), 'wall median (min)'.padStart(19), ' CPU / c2');
  const all = median(rows[5]![1].cpu);
  for (const [name, { cpu, wall }] of rows) {
    console.log(name.padEnd(42), cell(cpu).padStart(18), cell(wall).padStart(19), (median(cpu) / all).toFixed(2).padStart(9));
  }
  const parse = median(rows[3]![1].cpu);
  for (const [i, name] of [
    [0, 'a1'],
    [1, 'a2'],
    [2, 'a3'],
  ] as const) {
    const floor = median(rows[i]![1].cpu) + parse;
    console.log(
      `${name} + b = ${floor.toFixed(2)} ms of CPU: ${((floor / 8) * 100).toFixed(0)} % of the 8 ms goal; c2 / (${name} + b) = ${(all / floor).toFixed(2)}`,
    );
  }
}

/** bench/scale.ts's long article (same generator): `sections` headings, each with one paragraph. */
function longMarkdown(sections: number): string {
  const body = Array.from(
    { length: sections },
    (_, i) =>
      `## Section ${i + 1} : le marché en ${2000 + (i % 30)}\n\nLe chiffre d’affaires a progressé de ${i % 50} % en ${2000 + (i % 30)}, selon l’Insee, avec « une hausse » de 1 000 emplois.`,
  );
  return `---\ntitle: Un très long dossier\n---\n\nUn dossier pour mesurer la croissance.\n\n${body.join('\n\n')}\n`;
}

/** Markdown → the plain program's lines: `## ` lines are headings, the rest paragraphs. */
const markdownLines = (markdown: string): Line[] =>
  stripFrontMatter(markdown)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (line.startsWith('#') ? { text: line.replace(/^#+\s*/, ''), heading: true } : { text: line.trim(), heading: false }));

interface Sample {
  cpu: number;
  wall: number;
  rssMb: number;
}

/** One process under /usr/bin/time: wall, user + system (the child's rusage) and peak RSS. */
function timed(argv: string[], cwd: string, env: Record<string, string> = {}): Sample {
  const report = path.join(work, 'time.txt');
  const result = spawnSync('/usr/bin/time', ['-o', report, '-f', '%e %U %S %M', ...argv], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  const fields = readFileSync(report, 'utf8').trim().split('\n').at(-1)!.split(/\s+/).map(Number);
  const [real, user, sys, kb] = fields;
  if (result.status !== 0 || real === undefined || user === undefined || sys === undefined || kb === undefined) {
    throw new Error(`${argv.join(' ')} failed: ${result.stderr.slice(-2000)}`);
  }
  return { wall: real * 1000, cpu: (user + sys) * 1000, rssMb: kb / 1024 };
}

function long(): void {
  const markdown = longMarkdown(LONG_SECTIONS);
  const project = path.join(work, 'long');
  mkdirSync(path.join(project, 'content'), { recursive: true });
  // The project bench/scale.ts builds: the repository's templates and common locale files.
  cpSync(path.join(ROOT, 'templates'), path.join(project, 'templates'), { recursive: true });
  for (const lang of ['fr', 'en']) {
    mkdirSync(path.join(project, 'locales', lang), { recursive: true });
    cpSync(path.join(ROOT, 'locales', lang, 'common.json'), path.join(project, 'locales', lang, 'common.json'));
  }
  writeFileSync(path.join(project, 'content', 'long.md'), markdown);
  writeFileSync(path.join(work, 'long.json'), JSON.stringify({ title: 'Un très long dossier', lines: markdownLines(markdown) }));
  writeFileSync(path.join(work, 'long.md'), markdown);
  // The libraries alone: pdfkit as installed (CommonJS), remark-parse and unified (ESM), loaded only
  // by the cases that use them.
  const program = path.join(work, 'long-floor.mjs');
  writeFileSync(
    program,
    `import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))});
const renderPdfkit = require(${JSON.stringify(RENDER_MODULE)});
const [mode, json, md] = process.argv.slice(2);
if (mode === 'parse' || mode === 'both') {
  const { unified } = await import(${JSON.stringify(pathToFileURL(require.resolve('unified')).href)});
  const { default: remarkParse } = await import(${JSON.stringify(pathToFileURL(require.resolve('remark-parse')).href)});
  const tree = unified().use(remarkParse).parse(readFileSync(md, 'utf8'));
  if (tree.children.length < 2) throw new Error('nothing parsed');
}
if (mode === 'pdf' || mode === 'both') {
  const PDFDocument = require('pdfkit');
  const fonts = { body: readFileSync(${JSON.stringify(BODY_FONT)}), heading: readFileSync(${JSON.stringify(HEADING_FONT)}) };
  const { title, lines } = JSON.parse(readFileSync(json, 'utf8'));
  const pdf = await renderPdfkit(PDFDocument, fonts, title, lines);
  process.stderr.write('pdf bytes ' + pdf.length + '\\n');
}
`,
  );
  const env = { BRIEFING_LIMITS: `sections=${LONG_SECTIONS}` };
  const out = path.join(work, 'long-out');
  const briefing = (...extra: string[]) => [process.execPath, BIN, 'build', '--force', '--lang', 'fr', '--time-budget', '0', '--out', out, ...extra];
  const floorCase = (mode: string) => [process.execPath, program, mode, path.join(work, 'long.json'), path.join(work, 'long.md')];
  const cases: { name: string; argv: string[]; env?: Record<string, string> }[] = [
    { name: 'a pdfkit, plain text → buffer', argv: floorCase('pdf') },
    { name: 'b remark-parse alone', argv: floorCase('parse') },
    { name: 'c pdfkit + remark-parse, one process', argv: floorCase('both') },
    { name: 'd briefing, fr, all formats', argv: briefing(), env },
    { name: 'e briefing, fr, PDF only', argv: briefing('--format', 'pdf'), env },
  ];
  const samples = new Map(cases.map((c) => [c.name, [] as Sample[]]));
  const before = load();
  for (const c of cases) timed(c.argv, project, c.env); // warm-up: disk cache, shaping store
  for (let round = 0; round < LONG_RUNS; round++) {
    // Alternated, each round starting at another case, so no case always follows the same one.
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(round + i) % cases.length]!;
      samples.get(c.name)!.push(timed(c.argv, project, c.env));
    }
  }
  console.log(`\n2. LONG: ${LONG_SECTIONS} sections, cold, each its own process (${LONG_RUNS} runs each, alternated; ms; load ${before} → ${load()})`);
  console.log('case'.padEnd(38), 'CPU median (min)'.padStart(18), 'wall median (min)'.padStart(19), 'peak RSS MB'.padStart(12), ' CPU / c');
  const floor = median(samples.get(cases[2]!.name)!.map((s) => s.cpu));
  for (const [name, list] of samples) {
    const cpu = list.map((s) => s.cpu);
    const rss = median(list.map((s) => s.rssMb));
    console.log(
      name.padEnd(38),
      cell(cpu, 0).padStart(18),
      cell(
        list.map((s) => s.wall),
        0,
      ).padStart(19),
      rss.toFixed(0).padStart(12),
      (median(cpu) / floor).toFixed(2).padStart(8),
    );
  }
}

/** Translation strings in document order: the English text of an article. */
function strings(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (tree && typeof tree === 'object') return Object.values(tree).flatMap(strings);
  return [];
}

async function corpus(): Promise<void> {
  const dir = generateCorpus(1, path.join(work, 'corpus'));
  const slug = corpusSlug(0);
  const markdown = readFileSync(path.join(dir, 'content', `${slug}.txt`), 'utf8');
  const french = markdownLines(markdown);
  const translation = JSON.parse(readFileSync(path.join(dir, 'locales', 'en', `${slug}.json`), 'utf8')) as { title: string };
  const english = toLines(strings(translation).slice(1).join('\n'));
  // The bilingual edition: each French line followed by its English one, as long as both.
  const both = french.flatMap((line, i) => (english[i] ? [line, english[i]] : [line]));
  const title = /^title: (.*)$/m.exec(markdown)?.[1] ?? slug;
  const body = stripFrontMatter(markdown);
  const cores = availableParallelism();
  console.log(`\n3. CORPUS lower bound (${WARM_RUNS} runs after ${WARM_UP} warm-up; load ${load()})`);
  console.log(`one corpus article: pdfkit × 3 (fr ${french.length} lines, en ${english.length}, both ${both.length}) + remark-parse × 2, warm`);
  const layoutCaches = {};
  for (const [name, use, caches] of [
    ['a1 pdfkit as floor.ts', fonts, undefined],
    ['a2 fonts opened once', openedFonts, undefined],
    ['a3 a2 + shaped words kept', openedFonts, layoutCaches],
  ] as const) {
    const { cpu, wall } = await timeWarm(async () => {
      await renderPdfkit(PDFDocument, use, title, french, caches);
      await renderPdfkit(PDFDocument, use, translation.title, english, caches);
      await renderPdfkit(PDFDocument, use, title, both, caches);
      parseMarkdown(body);
      parseMarkdown(body);
    });
    const total = (cpu: number) => ((cpu * CORPUS) / cores / 1000).toFixed(2);
    console.log(
      `${name.padEnd(28)} CPU median ${cell(cpu)} ms, wall ${cell(wall)} ms; × ${CORPUS} ÷ ${cores} cores = ${total(median(cpu))} s (min ${total(min(cpu))} s) against 5 s`,
    );
  }
}

try {
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${load()}`,
  );
  await warm();
  await corpus();
  long();
  console.log(`\nload average after: ${load()}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
