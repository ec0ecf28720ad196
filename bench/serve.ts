/**
 * `npm run bench` (second part): `briefing serve` over loopback. Warm on-demand latency of each
 * file (200 sequential requests each, driven by autocannon, per-request times), uncached render
 * latency (a server with the cache off), and save-to-reload latency of the live preview: from
 * writing a locale file to the `reload` event, and, when Chromium is there, to the new text on
 * screen. Last, the soak: RSS over 10 000 requests for different files (bench/serve-soak.ts).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { projectPaths } from '../src/core/paths.js';
import { startServer, type BriefingServer } from '../src/serve/server.js';
import { soak, soakProject } from './serve-soak.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SLUG = 'microsoft-openai';
const REQUESTS = Number(process.env.SERVE_REQUESTS ?? 200);
const SAVES = Number(process.env.SAVES ?? 20);
const TITLE = 'Microsoft and OpenAI Renegotiate Their Strategic Partnership';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** SERVE_PARTS=reload (comma-separated: files, reload, soak) runs only those parts; all by default. */
const PARTS = new Set((process.env.SERVE_PARTS ?? 'files,reload,soak').split(','));

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))]!;
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-bench-serve-'));
  for (const part of ['content', 'locales', 'templates']) cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  return dir;
}

/** Per-request latencies of `amount` sequential GETs of `target` (autocannon, one connection). */
async function load(server: BriefingServer, target: string, amount: number): Promise<number[]> {
  const times: number[] = [];
  // autocannon's own histogram has whole-millisecond buckets: per-response times are finer.
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${server.url.slice(0, -1)}${target}`, connections: 1, amount }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status === 200) times.push(responseTime);
    });
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${target}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return times;
}

function row(name: string, times: number[], target: string): void {
  console.log(`${name.padEnd(40)}${ms(quantile(times, 0.5)).padStart(11)}${ms(quantile(times, 0.95)).padStart(11)}   ${target}`);
}

/** Resolves at the next `reload` event of the preview stream. */
function stream(server: BriefingServer, name: string, version: string): Promise<{ next: () => Promise<void>; close: () => void }> {
  return new Promise((resolve, reject) => {
    let wake: (() => void) | undefined;
    let pending = 0;
    const req = request({ host: '127.0.0.1', port: server.port, path: `/__briefing/events/briefings/${SLUG}/${name}?v=${version}` }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (!chunk.includes('event: reload')) return;
        pending++;
        wake?.();
      });
      resolve({
        next: () =>
          new Promise<void>((done) => {
            const check = () => {
              if (pending > 0) {
                pending--;
                done();
              } else wake = check;
            };
            check();
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** A workbench save of the title through the API (token, Origin, JSON), resolving with the new version. */
function workbenchSave(server: BriefingServer, value: string, version: string): Promise<string> {
  const body = JSON.stringify({ key: 'title', value, version });
  const headers = { Origin: `http://127.0.0.1:${server.port}`, 'X-Briefing-Token': server.token ?? '', 'Content-Type': 'application/json' };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: 'POST', path: `/api/translate/${SLUG}/save?lang=en`, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        res.statusCode === 200 ? resolve((JSON.parse(text) as { version: string }).version) : reject(new Error(`save: ${res.statusCode} ${text}`)),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The locale file's version as the workbench's data endpoint gives it. */
function workbenchVersion(server: BriefingServer): Promise<string> {
  return new Promise((resolve, reject) => {
    request(`${server.url}api/translate/${SLUG}?lang=en`, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve((JSON.parse(text) as { version: string }).version));
    })
      .on('error', reject)
      .end();
  });
}

async function saveToReload(): Promise<{ event: number[]; workbench: number[]; browser?: number[] }> {
  const root = project();
  const server = await startServer({ paths: projectPaths(root), port: 0, toolVersion: 'bench' });
  const pauseMs = 150;
  const enFile = path.join(root, 'locales', 'en', `${SLUG}.json`);
  const original = readFileSync(enFile, 'utf8');
  const pause = () => new Promise((resolve) => setTimeout(resolve, pauseMs));
  try {
    const event: number[] = [];
    // The version of the page as served now: the stream then reports only changes.
    const etag = await new Promise<string>((resolve, reject) => {
      request(`${server.url}briefings/${SLUG}/${SLUG}.en.html`, (res) => {
        res.resume();
        resolve(String(res.headers.etag).replace(/^"|-live"$/g, ''));
      })
        .on('error', reject)
        .end();
    });
    const live = await stream(server, `${SLUG}.en.html`, etag);
    for (let i = 0; i < SAVES + 2; i++) {
      await pause();
      const start = performance.now();
      writeFileSync(enFile, original.replace(TITLE, `Event save ${i}`));
      await live.next();
      if (i >= 2) event.push(performance.now() - start);
    }
    // The same through the workbench's API: request, atomic write, watcher, render, event.
    const workbench: number[] = [];
    let version = await workbenchVersion(server);
    for (let i = 0; i < SAVES + 2; i++) {
      await pause();
      const start = performance.now();
      version = await workbenchSave(server, `Workbench save ${i}`, version);
      await live.next();
      if (i >= 2) workbench.push(performance.now() - start);
    }
    live.close();
    if (!existsSync(CHROMIUM)) return { event, workbench };
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}briefings/${SLUG}/${SLUG}.en.html`);
      const browserTimes: number[] = [];
      for (let i = 0; i < SAVES + 2; i++) {
        await pause();
        while (server.live.size === 0) await pause();
        const text = `Browser save ${i}`;
        const loaded = page.waitForEvent('load');
        // Wall clock on both sides (same machine): the page reports when its new document was ready.
        const start = Date.now();
        writeFileSync(enFile, original.replace(TITLE, text));
        await loaded;
        // Runs in the page (tsconfig has no DOM lib: the entry is typed loosely).
        const ready = await page.evaluate(() => {
          const [nav] = performance.getEntries().filter((entry) => (entry.entryType as string) === 'navigation') as unknown as {
            domContentLoadedEventEnd: number;
          }[];
          return performance.timeOrigin + nav!.domContentLoadedEventEnd;
        });
        if ((await page.locator('h1').textContent()) !== text) throw new Error(`reloaded without "${text}"`);
        if (i >= 2) browserTimes.push(ready - start);
      }
      return { event, workbench, browser: browserTimes };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
}

const FILES = ['en.md', 'en.html', 'en.html?download', 'en.pdf', 'review.html'];

console.log(
  `\nbriefing serve on loopback — ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
if (PARTS.has('files')) {
  console.log(`${REQUESTS} sequential requests per file (autocannon, 1 connection), after ${10} warm-up requests`);
  console.log(`${'request'.padEnd(40)}${'median'.padStart(11)}${'p95'.padStart(11)}`);
  const root = project();
  const cached = await startServer({ paths: projectPaths(root), port: 0, toolVersion: 'bench', watch: false });
  const uncached = await startServer({ paths: projectPaths(root), port: 0, toolVersion: 'bench', watch: false, cacheEntries: 0 });
  try {
    for (const file of FILES) {
      const target = `/briefings/${SLUG}/${SLUG}.${file}`;
      await load(cached, target, 10);
      row(`cached ${file}`, await load(cached, target, REQUESTS), target);
    }
    await load(cached, '/', 10);
    row('index page', await load(cached, '/', REQUESTS), '/');
    for (const file of ['en.md', 'en.html', 'en.pdf']) {
      const target = `/briefings/${SLUG}/${SLUG}.${file}`;
      await load(uncached, target, 10);
      row(`uncached ${file} (render every time)`, await load(uncached, target, REQUESTS), target);
    }
  } finally {
    await cached.close();
    await uncached.close();
    rmSync(root, { recursive: true, force: true });
  }
  console.log('(targets: cached HTML ≤ 10 ms p95; uncached PDF ≤ 60 ms median)');
}

if (PARTS.has('reload')) {
  const reload = await saveToReload();
  console.log(`\nSave-to-reload of the live preview (${SAVES} saves of locales/en/${SLUG}.json, after 2 warm-up saves):`);
  console.log(`${'measured until'.padEnd(40)}${'median'.padStart(11)}${'p95'.padStart(11)}`);
  console.log(`${'reload event received'.padEnd(40)}${ms(quantile(reload.event, 0.5)).padStart(11)}${ms(quantile(reload.event, 0.95)).padStart(11)}`);
  console.log(
    `${'workbench save (POST) → reload event'.padEnd(40)}${ms(quantile(reload.workbench, 0.5)).padStart(11)}${ms(quantile(reload.workbench, 0.95)).padStart(11)}`,
  );
  if (reload.browser)
    console.log(
      `${'new page loaded in Chromium'.padEnd(40)}${ms(quantile(reload.browser, 0.5)).padStart(11)}${ms(quantile(reload.browser, 0.95)).padStart(11)}`,
    );
  else console.log(`(${CHROMIUM} not found: browser measurement skipped)`);
  console.log('(target, issue 17: save-to-reload ≤ 100 ms median)');
}

// Soak (issue 11): RSS over SOAK_REQUESTS requests, each for a file not asked for before.
if (PARTS.has('soak')) {
  const requests = Number(process.env.SOAK_REQUESTS ?? 10_000);
  const root = soakProject(Math.ceil(requests / 6));
  try {
    const result = await soak(root, requests);
    const rss = result.samples.map(([, mb]) => mb);
    const warm = result.samples.filter(([n]) => n >= requests / 4).map(([, mb]) => mb);
    console.log(`\nSoak: ${requests} requests for different files (${Math.ceil(requests / 6)} generated articles × 6 text files, 2 at a time)`);
    console.log(`  ${Math.round(result.ms / 1000)} s, ${result.renders} renders, statuses ${JSON.stringify(result.statuses)}`);
    console.log(`  RSS (MB) every ${result.samples[1]?.[0] ?? 0} requests: ${rss.join(' ')}`);
    console.log(
      `  after the first quarter: min ${Math.min(...warm)} MB, max ${Math.max(...warm)} MB; cache ${result.cache.entries} entries, ${(result.cache.bytes / 2 ** 20).toFixed(1)} MB`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
