/**
 * The inputs' stat cache (src/publish/input-hash.ts with src/publish/stat-cache.ts): a no-op build
 * does not read an input whose stat data is unchanged since a build hashed it, nor scan an
 * unchanged article again for its images and embargo; any edit is still found — same size, mtime
 * set back — as without the cache.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EPOCH, runCli, tempProject } from './helpers.js';
import { type ArticleScan, FileHasher } from '../src/publish/input-hash.js';
import { INPUT_STAT_CACHE_FILE, lastChangeMs, RACY_MS, StatCache } from '../src/publish/stat-cache.js';
import { sha256 } from '../src/core/hash.js';

const SLUG = 'microsoft-openai';
const ARTICLE = `content/${SLUG}.txt`;

interface Summary {
  written: { path: string }[];
  unchanged: number;
}

async function build(root: string): Promise<Summary> {
  return JSON.parse((await runCli(['build', '--root', root, '--json'], EPOCH)).stdout) as Summary;
}

/**
 * Waits out the racy window: a file is remembered only if it last changed RACY_MS before it was read.
 * The wait runs from the last change (mtime or ctime) of the project's inputs (every file under
 * `root` but the output folder), so a build since then counts toward it.
 */
async function pause(root: string): Promise<void> {
  let last = 0;
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (full !== path.join(root, 'output')) visit(full);
      } else last = Math.max(last, lastChangeMs(lstatSync(full, { bigint: true })));
    }
  };
  visit(root);
  const wait = last + RACY_MS + 200 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** Same size, other bytes, its mtime set an hour back: only its ctime (and inode data) tells. */
function editKeepingSize(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text.includes(from) && Buffer.byteLength(from) === Buffer.byteLength(to)).toBe(true);
  writeFileSync(file, text.replace(from, to));
  const past = new Date(Date.now() - 3_600_000);
  utimesSync(file, past, past);
}

const written = (summary: Summary, part: string) => summary.written.filter((w) => w.path.includes(part)).length;

describe('FileHasher with a stat cache', () => {
  it('does not read or scan an unchanged input again, and reads an edited one', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'briefing-input-cache-'));
    writeFileSync(path.join(root, 'a.md'), 'Voir logo.png.\n');
    writeFileSync(path.join(root, 'b.json'), '{"a":1}\n');
    await pause(root);
    let scans = 0;
    const scan = async (text: string): Promise<ArticleScan> => {
      scans++;
      return { images: text.includes('logo') ? ['logo.png'] : [] };
    };
    const first = new FileHasher(root, undefined, StatCache.empty(INPUT_STAT_CACHE_FILE));
    expect(await first.article('a.md', 1000, scan)).toEqual({ images: ['logo.png'] });
    const hashes = { a: first.file('a.md'), b: first.file('b.json') };
    expect(hashes.a).toBe(sha256(readFileSync(path.join(root, 'a.md'))));
    const out = path.join(root, 'out');
    mkdirSync(out);
    await first.remember(true).save(out);

    // From the saved cache: the same hashes and scan, without scanning.
    const second = new FileHasher(root, undefined, StatCache.read(out, INPUT_STAT_CACHE_FILE));
    expect(await second.article('a.md', 1000, scan)).toEqual({ images: ['logo.png'] });
    expect({ a: second.file('a.md'), b: second.file('b.json') }).toEqual(hashes);
    expect(scans).toBe(1);

    editKeepingSize(path.join(root, 'a.md'), 'logo', 'LOGO');
    editKeepingSize(path.join(root, 'b.json'), '1', '2');
    const third = new FileHasher(root, undefined, StatCache.read(out, INPUT_STAT_CACHE_FILE));
    expect(await third.article('a.md', 1000, scan)).toEqual({ images: [] });
    expect(scans).toBe(2);
    expect(third.file('a.md')).toBe(sha256(readFileSync(path.join(root, 'a.md'))));
    expect(third.file('b.json')).toBe(sha256(readFileSync(path.join(root, 'b.json'))));
    expect(third.file('b.json')).not.toBe(hashes.b);
    // A removed file is absent, whatever the cache holds.
    rmSync(path.join(root, 'b.json'));
    expect(new FileHasher(root, undefined, StatCache.read(out, INPUT_STAT_CACHE_FILE)).file('b.json')).toBe('absent');
  }, 20_000);

  it('does not remember a racy input (changed less than RACY_MS before it was read)', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'briefing-input-cache-'));
    writeFileSync(path.join(root, 'b.json'), '{}\n');
    const hasher = new FileHasher(root, undefined, StatCache.empty(INPUT_STAT_CACHE_FILE));
    hasher.file('b.json');
    const out = path.join(root, 'out');
    mkdirSync(out);
    return hasher
      .remember(true)
      .save(out)
      .then(() => expect(existsSync(path.join(out, INPUT_STAT_CACHE_FILE))).toBe(false));
  });
});

describe('a no-op build with the inputs’ stat cache', () => {
  it('rebuilds an article edited keeping its size, and one whose image changed', async () => {
    const root = tempProject();
    const article = path.join(root, ARTICLE);
    // Named in a YAML comment: an input of the article's hash, not a unit to translate.
    writeFileSync(article, readFileSync(article, 'utf8').replace(/^---\n/, '---\n# logo.png\n'));
    copyFileSync(path.join(import.meta.dirname, 'fixtures', 'visual', 'seed-en.png'), path.join(root, 'content', 'logo.png'));
    await build(root);
    await pause(root);
    const outputs = (await build(root)).unchanged;
    const cached = JSON.parse(readFileSync(path.join(root, 'output', INPUT_STAT_CACHE_FILE), 'utf8')) as { files: Record<string, string[]> };
    expect(cached.files[ARTICLE]?.[4]).toContain('logo.png');
    expect(Object.keys(cached.files)).toContain(`locales/en/${SLUG}.json`);
    // From the cache: nothing to do.
    expect((await build(root)).unchanged).toBe(outputs);

    editKeepingSize(article, 'Microsoft', 'MICROSOFT');
    const edited = await build(root);
    expect(written(edited, `${SLUG}.fr.`)).toBeGreaterThan(0);
    await pause(root);
    await build(root);

    // The article's scan is remembered; the image it names is still checked.
    copyFileSync(path.join(import.meta.dirname, 'fixtures', 'visual', 'seed-fr-en.png'), path.join(root, 'content', 'logo.png'));
    expect(written(await build(root), `${SLUG}.fr.`)).toBeGreaterThan(0);

    // A translation edited the same way rebuilds the English outputs.
    editKeepingSize(path.join(root, 'locales', 'en', `${SLUG}.json`), 'Microsoft', 'MICROSOFT');
    const translated = await build(root);
    expect(written(translated, `${SLUG}.en.`)).toBeGreaterThan(0);
  }, 120_000);
});

describe('common.json known clean by its stat data', () => {
  interface Reported extends Summary {
    diagnostics: { file: string; ruleId: string }[];
  }
  const COMMON = 'locales/en/common.json';
  const full = async (root: string) => JSON.parse((await runCli(['build', '--root', root, '--json'], EPOCH)).stdout) as Reported;

  it('remembers that it parses clean, and still reports a problem at every build once it has one', async () => {
    const root = tempProject();
    await build(root);
    await pause(root);
    await build(root);
    const cached = JSON.parse(readFileSync(path.join(root, 'output', INPUT_STAT_CACHE_FILE), 'utf8')) as { files: Record<string, string[]> };
    expect(cached.files[COMMON]?.[4]).toContain('"clean":true');

    // Same size, mtime set back: a string value becomes a number.
    editKeepingSize(path.join(root, COMMON), '"Contents"', '1234567890');
    const atCommon = (summary: Reported) => summary.diagnostics.filter((d) => d.file === COMMON).map((d) => d.ruleId);
    expect(atCommon(await full(root))).toEqual(['briefing:non-string-value']);
    await pause(root);
    // Remembered as not clean: parsed again, reported again.
    expect(atCommon(await full(root))).toEqual(['briefing:non-string-value']);
    expect(atCommon(await full(root))).toEqual(['briefing:non-string-value']);
  }, 120_000);
});
