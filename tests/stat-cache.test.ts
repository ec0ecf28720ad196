/**
 * The outputs' stat cache (src/publish/stat-cache.ts): a no-op build hashes only outputs whose
 * stat data changed since they were last hashed, and an output edited by hand is still found —
 * same size, other mtime — as without the cache.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EPOCH, runCli, tempProject } from './helpers.js';
import { lastChangeMs, RACY_MS, STAT_CACHE_FILE, StatCache } from '../src/publish/stat-cache.js';

const SLUG = 'microsoft-openai';
const EN_MD = `${SLUG}/${SLUG}.en.md`;

interface Summary {
  exitCode: number;
  written: { path: string }[];
  unchanged: number;
  diagnostics: { ruleId: string; file: string }[];
}

async function build(root: string): Promise<Summary> {
  return JSON.parse((await runCli(['build', '--root', root, '--json'], EPOCH)).stdout) as Summary;
}

/**
 * Waits out the racy window, as any real pause between builds does: a file is remembered only if
 * its mtime and ctime are older (and a ctime cannot be set back). The wait runs from the last
 * change of a file in the output folder, not from the end of the build that wrote it.
 */
async function pause(root: string): Promise<void> {
  let last = 0;
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else last = Math.max(last, lastChangeMs(lstatSync(full, { bigint: true })));
    }
  };
  visit(path.join(root, 'output'));
  const wait = last + RACY_MS + 200 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

const outputsOf = (root: string) =>
  (JSON.parse(readFileSync(path.join(root, 'output', 'manifest.json'), 'utf8')) as { outputs: { path: string }[] }).outputs.map((o) => o.path);

describe('StatCache', () => {
  const file = 'a/a.fr.md';
  const stats = () => lstatSync(path.join(import.meta.dirname, 'stat-cache.test.ts'), { bigint: true });

  it('gives back the hash only for the same stat data', () => {
    const cache = StatCache.empty();
    const s = stats();
    const lastChange = lastChangeMs(s);
    cache.remember(file, s, 'abc', lastChange + RACY_MS + 1);
    expect(cache.sha256(file, s)).toBe('abc');
    expect(cache.sha256(file, { ...s, mtimeNs: s.mtimeNs + 1n })).toBeUndefined();
    expect(cache.sha256(file, { ...s, ctimeNs: s.ctimeNs + 1n })).toBeUndefined();
    expect(cache.sha256(file, { ...s, size: s.size + 1n })).toBeUndefined();
    expect(cache.sha256(file, { ...s, ino: s.ino + 1n })).toBeUndefined();
    expect(cache.sha256('other', s)).toBeUndefined();
  });

  it('does not remember a racy file (changed less than RACY_MS before it was hashed)', () => {
    const cache = StatCache.empty();
    const s = stats();
    const lastChange = lastChangeMs(s);
    cache.remember(file, s, 'abc', lastChange + RACY_MS - 1);
    expect(cache.sha256(file, s)).toBeUndefined();
  });

  it('reads a FIFO or a link in its place as no cache, without waiting', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'briefing-stat-'));
    execFileSync('mkfifo', [path.join(out, STAT_CACHE_FILE)]);
    expect(StatCache.read(out).sha256(file, stats())).toBeUndefined();
    rmSync(path.join(out, STAT_CACHE_FILE));
    symlinkSync(path.join(import.meta.dirname, 'stat-cache.test.ts'), path.join(out, STAT_CACHE_FILE));
    expect(StatCache.read(out).sha256(file, stats())).toBeUndefined();
    rmSync(out, { recursive: true });
  });

  it('reads back what it saved, and skips damaged entries one by one', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'briefing-stat-'));
    const s = stats();
    const saved = StatCache.empty();
    saved.remember(file, s, 'abc', Date.now() + RACY_MS * 10);
    await saved.save(out);
    expect(StatCache.read(out).sha256(file, s)).toBe('abc');
    const good = JSON.parse(readFileSync(path.join(out, STAT_CACHE_FILE), 'utf8')).files[file];
    const files = { [file]: good, 'b/b.fr.md': [...good.slice(0, 4), 5], 'c/c.fr.md': good.slice(0, 4), 'd/d.fr.md': 'x', 'e/e.fr.md': null };
    writeFileSync(path.join(out, STAT_CACHE_FILE), JSON.stringify({ version: 1, files }));
    const read = StatCache.read(out);
    expect(read.sha256(file, s)).toBe('abc');
    for (const other of Object.keys(files).slice(1)) expect(read.sha256(other, s)).toBeUndefined();
    rmSync(out, { recursive: true });
  });

  it('keeps only the outputs still recorded', () => {
    const cache = StatCache.empty();
    const s = stats();
    cache.remember(file, s, 'abc', Date.now() + RACY_MS * 10);
    cache.retain(new Set(['b/b.fr.md']));
    expect(cache.sha256(file, s)).toBeUndefined();
  });
});

describe('a no-op build with the stat cache', () => {
  it('records the outputs it hashed, and finds an output edited by hand with the same size', async () => {
    const root = tempProject();
    expect((await build(root)).exitCode).toBe(0);
    const outputs = outputsOf(root);
    await pause(root);
    // First no-op: every output hashed, and remembered (none is racy any more).
    expect((await build(root)).unchanged).toBe(outputs.length);
    const cacheFile = path.join(root, 'output', STAT_CACHE_FILE);
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(cached.files).sort()).toEqual([...outputs].sort());
    // Second no-op: from the cache, same result.
    expect((await build(root)).unchanged).toBe(outputs.length);

    // An edit keeping the size, its mtime set an hour back too (another time than recorded).
    const target = path.join(root, 'output', EN_MD);
    const text = readFileSync(target, 'utf8');
    writeFileSync(target, text.replace('Microsoft', 'MICROSOFT'));
    expect(readFileSync(target).length).toBe(Buffer.byteLength(text));
    const past = new Date(Date.now() - 7_200_000);
    utimesSync(target, past, past);
    const rebuilt = await build(root);
    expect(rebuilt.written.map((w) => w.path).filter((p) => p.endsWith(EN_MD))).toHaveLength(1);
    expect(rebuilt.unchanged).toBe(outputs.length - 1);
    expect(readFileSync(target, 'utf8')).toBe(text);
  });

  it('decides as a build without it', async () => {
    const root = tempProject();
    await build(root);
    await pause(root);
    await build(root);
    const target = path.join(root, 'output', `${SLUG}/${SLUG}.fr.md`);
    writeFileSync(target, readFileSync(target, 'utf8').replace('Microsoft', 'MICROSOFT'));
    const withCache = await build(root);
    writeFileSync(target, readFileSync(target, 'utf8').replace('Microsoft', 'MICROSOFT'));
    rmSync(path.join(root, 'output', STAT_CACHE_FILE));
    const without = await build(root);
    expect(withCache.written.map((w) => w.path)).toEqual(without.written.map((w) => w.path));
    expect(withCache.unchanged).toBe(without.unchanged);
    expect(existsSync(path.join(root, 'output', STAT_CACHE_FILE))).toBe(true);
  });
});
