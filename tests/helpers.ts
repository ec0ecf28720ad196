/** Shared test utilities: temporary projects and edits to them, the CLI, poppler, artifacts. (Goldens: golden.ts.) */
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, type Output } from '../src/cli/main.js';
import type { BriefingDocument, Lang } from '../src/core/types.js';
import { createI18n } from '../src/i18n/instance.js';
import { readLocaleFile, type ResourceTree } from '../src/i18n/locale-file.js';
import { INPUT_STAT_CACHE_FILE, STAT_CACHE_FILE } from '../src/publish/stat-cache.js';
import { BUILD_RECORD_FILE } from '../src/publish/build-record.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = path.join(REPO, 'tests', 'fixtures');
/** 2026-11-26T00:00:00Z: every test build shows the same date. */
export const EPOCH = '1795651200';

/** A throw-away copy of the repository's project files (content, locales, templates). */
export function tempProject(parts: readonly string[] = ['content', 'locales', 'templates']): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-test-'));
  for (const part of parts) cpSync(path.join(REPO, part), path.join(dir, part), { recursive: true });
  return dir;
}

/**
 * A project holding one article, `content/<slug>.md` (the repo's locales and templates, without the
 * seed's translation), extracted, with `english` as its English translation.
 */
export async function translatedProject(slug: string, source: string, english: unknown): Promise<string> {
  const root = tempProject(['locales', 'templates']);
  mkdirSync(path.join(root, 'content'));
  for (const file of ['microsoft-openai.json', 'microsoft-openai.state.json']) rmSync(path.join(root, 'locales', 'en', file));
  rmSync(path.join(root, 'locales', 'fr', 'microsoft-openai.json'));
  writeFileSync(path.join(root, 'content', `${slug}.md`), source);
  const extract = await runCli(['extract', '--root', root]);
  if (extract.code !== 0) throw new Error(`extract failed: ${extract.stderr}`);
  writeFileSync(path.join(root, 'locales', 'en', `${slug}.json`), JSON.stringify(english, null, 2));
  return root;
}

/** Rewrites the text file `file` (relative to `root`) through `change`. */
export function editFile(root: string, file: string, change: (text: string) => string): void {
  const target = path.join(root, file);
  writeFileSync(target, change(readFileSync(target, 'utf8')));
}

/** Replaces `from`, which must occur exactly once, by `to` in the text file `file` (relative to `root`). */
export function replaceInFile(root: string, file: string, from: string, to: string): void {
  editFile(root, file, (text) => {
    const found = text.split(from).length - 1;
    if (found !== 1) throw new Error(`"${from}" should occur once in ${file}, found ${found} times`);
    return text.replace(from, () => to);
  });
}

/**
 * Changes the JSON file `file` (relative to `root`) in place, written back with two-space indents.
 * `T` defaults to `any`: tests reach into locale trees by literal keys, as JSON.parse would let them.
 */
export function editJson<T = any>(root: string, file: string, change: (value: T) => void): void {
  editFile(root, file, (text) => {
    const value = JSON.parse(text) as T;
    change(value);
    return JSON.stringify(value, null, 2);
  });
}

/** The interface strings of the repository's `locales/<lang>/common.json`, read as the build reads them. */
export function commonResources(lang: Lang): ResourceTree {
  return readLocaleFile(readFileSync(path.join(REPO, 'locales', lang, 'common.json'), 'utf8'), 'common.json').resources;
}

/** The real i18next `t` over `locales/<lang>/common.json`, as the build passes it to the renderers. */
export function commonT(lang: Lang): BriefingDocument['t'] {
  const fixedT = createI18n(lang, { common: commonResources(lang) }).getFixedT(lang, 'common');
  return (key, vars) => String(fixedT(key, vars ?? {}));
}

/** Runs the CLI in-process with captured output, with SOURCE_DATE_EPOCH set to `epoch`. */
export async function runCli(args: string[], epoch = EPOCH): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = { stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  const previous = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = epoch;
  try {
    const code = await run(args, output);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    if (previous === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = previous;
  }
}

/** Whether the command `name` can be run here (poppler, qpdf: installed by .ci/run). */
export function hasTool(name: string, arg = '-v'): boolean {
  return spawnSync(name, [arg], { stdio: 'ignore' }).error === undefined;
}

/** Text of a PDF through poppler's pdftotext (installed by .ci/run). */
export function pdfText(file: string, ...args: string[]): string {
  return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/**
 * A PDF's objects as text, for looking for dictionary entries (`/Lang (fr)`, `/URI (…)`): the
 * renderer packs dictionaries into compressed object streams, so the file's own bytes do not show
 * them. qpdf's QDF form lists every object on its own, streams uncompressed.
 */
export function pdfObjectsText(file: string): string {
  return execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 64 << 20 });
}

/** A word of a PDF with its page (from 1) and box, in points from the top left. */
export interface PdfWord {
  page: number;
  x0: number;
  x1: number;
  y0: number;
  text: string;
}

/** Every word of a PDF with its page and box, from poppler's `pdftotext -bbox`. */
export function pdfWords(file: string): PdfWord[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: PdfWord[] = [];
  xhtml.split('<page ').forEach((page, index) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
      out.push({ page: index, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), text: m[4]! });
    }
  });
  return out;
}

/** `pdfinfo` fields as a record. */
export function pdfInfo(file: string): Record<string, string> {
  const text = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

export const BIN = path.join(REPO, 'dist', 'briefing.mjs');

export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled bin (dist/briefing.mjs) as its own process, as a scheduler would. */
export function runBin(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, CI: 'true', ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/**
 * Every file under `dir` (relative path → sha256), for byte-for-byte comparisons of whole trees;
 * not the output folder's stat cache (inodes and file times, not an output: src/publish/stat-cache.ts).
 */
export function treeHashes(dir: string, keep: (relative: string) => boolean = () => true): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name !== STAT_CACHE_FILE && entry.name !== INPUT_STAT_CACHE_FILE && entry.name !== BUILD_RECORD_FILE && keep(relative))
        result[relative] = createHash('sha256')
          .update(readFileSync(path.join(dir, relative)))
          .digest('hex');
    }
  };
  walk('');
  return Object.fromEntries(Object.entries(result).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * A path in tests/artifacts/ (git-ignored), the folder created: files written there are for a
 * person to look at after a run (screenshots, page images, visual diffs).
 */
export function artifactPath(name: string): string {
  const dir = path.join(REPO, 'tests', 'artifacts');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/**
 * The bundle's files the bin and the render worker can load (dist/briefing.mjs, dist/build-worker.mjs
 * and every chunk they import, transitively), to check what the bundle holds.
 */
export function reachableBundleFiles(): string[] {
  const dist = path.join(REPO, 'dist');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, spec] of text.matchAll(/["'](\.{1,2}\/[\w./-]+\.mjs)["']/g)) visit(path.resolve(path.dirname(file), spec!));
  };
  visit(path.join(dist, 'briefing.mjs'));
  visit(path.join(dist, 'build-worker.mjs'));
  return [...seen];
}
