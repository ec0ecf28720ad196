/**
 * The service's memory under a stream of requests for different files (issue 11): a project of
 * many small generated articles, each request a file not asked for before (so each one renders
 * and makes a new cache entry), the process's RSS — the worker threads included — sampled as it
 * goes. Used by `npm run bench` (10 000 requests) and by tests/serve-soak.test.ts (fewer).
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectPaths } from '../src/core/paths.js';
import { startServer, type ServeOptions } from '../src/serve/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The files asked of each article: text formats, so a request costs a render, not a PDF layout. */
const FILES = ['fr.md', 'en.md', 'fr.html', 'en.html', 'review.html', 'fr-en.html'];

export interface SoakResult {
  requests: number;
  /** [requests done, RSS in MB] every `every` requests, the first before any. */
  samples: [number, number][];
  ms: number;
  cache: { entries: number; bytes: number };
  renders: number;
  statuses: Record<number, number>;
}

/** A project with `articles` generated articles (plus the seed's locales and templates). */
export function soakProject(articles: number): string {
  const root = mkdtempSync(path.join(tmpdir(), 'briefing-soak-'));
  for (const part of ['locales', 'templates']) cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true });
  mkdirSync(path.join(root, 'content'));
  for (let i = 0; i < articles; i++) {
    const text = `# Article numéro ${i}\n\nUn premier paragraphe de l'article ${i}, avec un peu de texte.\n\n## Une section\n\nUn second paragraphe, ${i * 7} mots plus loin.\n`;
    writeFileSync(path.join(root, 'content', `article-${i}.md`), text);
  }
  return root;
}

function get(port: number, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: target }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
}

/** `requests` GETs of distinct files (`concurrency` at a time) against a fresh server on `root`. */
export async function soak(
  root: string,
  requests: number,
  options: Partial<ServeOptions> & { concurrency?: number; every?: number } = {},
): Promise<SoakResult> {
  const { concurrency = 2, every = Math.max(1, Math.floor(requests / 20)), ...serve } = options;
  const server = await startServer({
    paths: projectPaths(root),
    port: 0,
    toolVersion: 'soak',
    watch: false,
    env: { SOURCE_DATE_EPOCH: '1795651200' },
    ...serve,
  });
  const articles = (await server.renderer.sources()).map((s) => s.slug);
  const targets = articles.flatMap((slug) => FILES.map((file) => `/briefings/${slug}/${slug}.${file}`));
  if (targets.length < requests) throw new Error(`${targets.length} distinct files for ${requests} requests: generate more articles`);
  const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);
  const samples: [number, number][] = [[0, rss()]];
  const statuses: Record<number, number> = {};
  let next = 0;
  let done = 0;
  const start = performance.now();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          const status = await get(server.port, targets[next++]!);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (++done % every === 0) samples.push([done, rss()]);
        }
      }),
    );
    return { requests, samples, ms: performance.now() - start, cache: server.renderer.cache.stats, renders: server.renderer.cache.renders, statuses };
  } finally {
    await server.close();
  }
}
