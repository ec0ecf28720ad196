/**
 * `npm run bench` (after bench/run.ts): the floor of a cold one-PDF build in this architecture.
 * Times, alternated run by run, whole processes that each add one layer:
 *   1. `node -e 0`: Node's own start;
 *   2. node importing every module of the bundle that a one-PDF build loads, and doing nothing
 *      (the list is read from `NODE_DEBUG=esm` during one real build);
 *   3. the smallest pdfkit program making a comparable PDF: the seed's plain text in paragraphs
 *      over A4 pages, a heading font, the same DejaVu fonts embedded as subsets, written to a file;
 *   4. `briefing build --force --lang fr --format pdf` on the seed;
 *   5. Typst's one PDF through its Node binding, as `../shared/bench/peers.sh` runs it, when the
 *      binding is installed (`$TYPST_PEER_DIR`, default /tmp/briefing-typst-peer; never installed
 *      here).
 * With Node 20 (this process's) and, when present, a second Node (`$FLOOR_NODE2`, default
 * /tmp/node24/node_modules/.bin/node) with its compile cache on. Wall and CPU (user + system of
 * the child, from bash's `time`) medians and minima; on a shared machine read the CPU columns.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.FLOOR_RUNS ?? 10);
const NODE2 = process.env.FLOOR_NODE2 ?? '/tmp/node24/node_modules/.bin/node';
const TYPST_DIR = process.env.TYPST_PEER_DIR ?? '/tmp/briefing-typst-peer';
const BIN = path.join(ROOT, 'dist', 'briefing.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'briefing-floor-'));
const require = createRequire(path.join(ROOT, 'package.json'));

interface Case {
  name: string;
  argv: (node: string) => string[];
  env?: Record<string, string>;
}
interface Sample {
  wall: number;
  cpu: number;
}

/** One process run under bash's `time`, which reads the child's rusage to the microsecond. */
function run(argv: string[], env: Record<string, string> = {}): Sample {
  const script = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>"$ERR"; } 2>&1';
  const err = path.join(work, 'stderr.txt');
  const result = spawnSync('bash', ['-c', script, 'bash', ...argv], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env, ERR: err } });
  const [real, user, sys] = result.stdout.trim().split(/\s+/).map(Number);
  if (result.status !== 0 || real === undefined || user === undefined || sys === undefined || Number.isNaN(real)) {
    throw new Error(`${argv.join(' ')} failed: ${result.stdout}${existsSync(err) ? readFileSync(err, 'utf8') : ''}`);
  }
  return { wall: real * 1000, cpu: (user + sys) * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const min = (xs: number[]) => Math.min(...xs);

/** The bundle's modules a one-PDF build loads, as file URLs (the entry left out: it would run the CLI). */
function loadedModules(): string[] {
  const out = path.join(work, 'probe');
  const result = spawnSync(process.execPath, [BIN, 'build', '--force', '--lang', 'fr', '--format', 'pdf', '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_DEBUG: 'esm' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`probe build failed: ${result.stderr.slice(-2000)}`);
  const urls = new Set<string>();
  for (const [, url] of result.stderr.matchAll(/Storing (file:\/\/\S+) /g)) if (url !== pathToFileURL(BIN).href) urls.add(url!);
  return [...urls];
}

/** The seed as plain text: the shared seed of peers.sh when found, else the article's body without its front matter. */
function seedText(): string {
  const shared = ['../shared', '../../shared', '/work/shared'].map((dir) => path.resolve(ROOT, dir, 'seed', 'microsoft-openai.fr.txt'));
  const found = shared.find((file) => existsSync(file));
  if (found) return readFileSync(found, 'utf8');
  return readFileSync(path.join(ROOT, 'content', 'microsoft-openai.txt'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
}

const TITLE = 'Microsoft et OpenAI renégocient leur partenariat';
/** Non-empty lines, each a heading (short, no final period: peers.sh's rule) or a paragraph. */
const lines = seedText()
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean)
  .map((text) => ({ text, heading: text.length < 90 && !text.endsWith('.') }));

function writePdfkitProgram(): string {
  const fonts = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'));
  const program = path.join(work, 'pdfkit-floor.cjs');
  writeFileSync(path.join(work, 'seed.json'), JSON.stringify({ title: TITLE, lines }));
  writeFileSync(
    program,
    `// The smallest pdfkit program making the seed's PDF: plain text, A4, a heading font, DejaVu subsets.
const { createWriteStream, readFileSync } = require('node:fs');
const PDFDocument = require(${JSON.stringify(require.resolve('pdfkit'))});
const { title, lines } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const doc = new PDFDocument({ size: 'A4', margins: { top: 70, right: 66, bottom: 70, left: 66 }, info: { Title: title } });
doc.registerFont('body', ${JSON.stringify(path.join(fonts, 'DejaVuSerif.ttf'))});
doc.registerFont('heading', ${JSON.stringify(path.join(fonts, 'DejaVuSans-Bold.ttf'))});
doc.pipe(createWriteStream(process.argv[3]));
doc.font('heading').fontSize(20).text(title).moveDown();
for (const line of lines) {
  if (line.heading) doc.font('heading').fontSize(13).text(line.text).moveDown(0.3);
  else doc.font('body').fontSize(10.5).text(line.text, { align: 'justify' }).moveDown(0.6);
}
doc.end();
`,
  );
  return program;
}

/** peers.sh's Typst source and peer program, when the binding is installed. */
function writeTypstPeer(): string | null {
  if (!existsSync(path.join(TYPST_DIR, 'node_modules', '@myriaddreamin', 'typst-ts-node-compiler'))) return null;
  const typstEscape = (text: string) => text.replace(/([\\#*_$@<>[\]`~=+/-])/g, '\\$1');
  const typ = [
    '#set page(paper: "a4", margin: 2cm)',
    '#set text(font: "DejaVu Serif", size: 10.5pt, lang: "fr")',
    `#set document(title: "${TITLE}")`,
    `#text(size: 20pt, weight: "bold")[${TITLE}]`,
    '#outline()',
    '',
    ...lines.flatMap(({ text, heading }) => [heading ? `= ${typstEscape(text)}` : typstEscape(text), '']),
  ];
  writeFileSync(path.join(work, 'seed.typ'), typ.join('\n'));
  const program = path.join(work, 'typst-peer.mjs');
  writeFileSync(
    program,
    `import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
const require = createRequire(process.env.TYPST_PEER_DIR + '/package.json');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const [src, out] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace: dirname(src), fontArgs: [{ fontPaths: [process.env.TYPST_FONT_DIR] }] });
writeFileSync(out, compiler.pdf({ mainFileContent: readFileSync(src, 'utf8') }));
`,
  );
  return program;
}

const modules = loadedModules();
const importer = path.join(work, 'import-only.mjs');
writeFileSync(importer, `${modules.map((url) => `import ${JSON.stringify(url)};`).join('\n')}\n`);
const pdfkitProgram = writePdfkitProgram();
const typstPeer = writeTypstPeer();
const fontDir = path.dirname(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'));

const cases: Case[] = [
  { name: '1 node -e 0', argv: (node) => [node, '-e', '0'] },
  { name: `2 import the ${modules.length} modules`, argv: (node) => [node, importer] },
  { name: '3 pdfkit, plain text', argv: (node) => [node, pdfkitProgram, path.join(work, 'seed.json'), path.join(work, 'pdfkit.pdf')] },
  { name: '4 briefing, one French PDF', argv: (node) => [node, BIN, 'build', '--force', '--lang', 'fr', '--format', 'pdf', '--out', path.join(work, 'out')] },
];
if (typstPeer) {
  cases.push({
    name: '5 Typst (Node binding)',
    argv: (node) => [node, typstPeer, path.join(work, 'seed.typ'), path.join(work, 'typst.pdf')],
    env: { TYPST_PEER_DIR: TYPST_DIR, TYPST_FONT_DIR: fontDir },
  });
}

function measure(node: string, env: Record<string, string>): Map<string, Sample[]> {
  const samples = new Map(cases.map((c) => [c.name, [] as Sample[]]));
  for (const c of cases) run(c.argv(node), { ...env, ...c.env }); // warm-up: disk cache, compile cache
  for (let round = 0; round < RUNS; round++) {
    // Alternated, each round starting at another case, so no case always follows the same one.
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(round + i) % cases.length]!;
      samples.get(c.name)!.push(run(c.argv(node), { ...env, ...c.env }));
    }
  }
  return samples;
}

function report(label: string, samples: Map<string, Sample[]>): void {
  console.log(`\n${label} (${RUNS} runs each, alternated; ms)`);
  const build = median(samples.get(cases[3]!.name)!.map((s) => s.cpu));
  console.log('case'.padEnd(34), 'wall median (min)'.padStart(19), 'CPU median (min)'.padStart(18), ' CPU / case 4');
  for (const [name, list] of samples) {
    const wall = list.map((s) => s.wall);
    const cpu = list.map((s) => s.cpu);
    const cell = (xs: number[]) => `${median(xs).toFixed(0)} (${min(xs).toFixed(0)})`;
    console.log(name.padEnd(34), cell(wall).padStart(19), cell(cpu).padStart(18), (median(cpu) / build).toFixed(2).padStart(13));
  }
}

try {
  console.log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  if (!typstPeer) console.log(`Typst: its Node binding is not installed in ${TYPST_DIR} (peers.sh installs it); row 5 left out.`);
  report(`Node ${process.version}`, measure(process.execPath, {}));
  if (existsSync(NODE2)) {
    const version = spawnSync(NODE2, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const cache = path.join(work, 'compile-cache');
    mkdirSync(cache);
    // Compile cache on for every case (briefing turns it on itself; the others through the variable).
    report(`Node ${version}, compile cache on`, measure(NODE2, { NODE_COMPILE_CACHE: cache }));
  }
  console.log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
