/**
 * `briefing serve` under abuse, on loopback: a render that hangs or runs out of memory (made so
 * by a test-only worker entry), broken articles on the index, files deleted or replaced by
 * folders while serving, and a shutdown during a render. Caps and timeouts: serve-limits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BriefingServer, ServeOptions } from '../src/serve/server.js';
import { REPO, tempProject } from './helpers.js';
import { raw, serveProject, SLUG } from './serve-helpers.js';

/** Makes articles whose slug says `hang`, `hangparse` or `oom` misbehave (see the file). */
const HOSTILE = new URL('./fixtures/workers/hostile-worker.ts', import.meta.url);
const FILE = (name: string) => `/briefings/${SLUG}/${SLUG}.${name}`;
const fileOf = (slug: string, name: string) => `/briefings/${slug}/${slug}.${name}`;
const ARTICLE = '# Un article ordinaire\n\nUn paragraphe de texte, sans rien de particulier.\n';

let servers: BriefingServer[] = [];
let errors: unknown[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  // No request may have ended in an internal error (a 500 and a message on the terminal).
  const seen = errors.map(String);
  errors = [];
  expect(seen).toEqual([]);
});

/** The seed project plus `articles` (slug → text), served with `options` and errors collected. */
async function serve(options: Partial<ServeOptions>, articles: Record<string, string> = {}): Promise<{ root: string; server: BriefingServer }> {
  const root = tempProject();
  for (const [slug, text] of Object.entries(articles)) writeFileSync(path.join(root, 'content', `${slug}.md`), text);
  const served = await serveProject({ watch: false, onError: (error) => errors.push(error), ...options }, root);
  servers.push(served.server);
  return served;
}

async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function timed<T>(promise: Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await promise;
  return [value, performance.now() - start];
}

describe('serve: renders on workers within a time budget', () => {
  it('keeps answering /, /api/status, the live script and other files while one render hangs; close() stops it within a second', async () => {
    const { server } = await serve({ workerEntry: HOSTILE, timeBudgetSeconds: 120 }, { 'hang-article': ARTICLE });
    expect((await raw(server, FILE('fr.md'))).status).toBe(200); // workers up
    const hanging = raw(server, fileOf('hang-article', 'fr.md'));
    await until(() => server.renderer.limiter.active === 1);
    const [index, indexMs] = await timed(raw(server, '/'));
    expect(index.status).toBe(200);
    expect(index.text).toContain('Un article ordinaire');
    const [status, statusMs] = await timed(raw(server, '/api/status'));
    expect(status.status).toBe(200);
    const [script, scriptMs] = await timed(raw(server, '/__briefing/live.js'));
    expect(script.status).toBe(200);
    // A file never rendered before: it needs the other worker.
    const [other, otherMs] = await timed(raw(server, FILE('en.md')));
    expect(other.status).toBe(200);
    for (const ms of [indexMs, statusMs, scriptMs, otherMs]) expect(ms).toBeLessThan(10_000);
    expect(server.renderer.limiter.active).toBe(1); // still hanging
    const [, closeMs] = await timed(server.close());
    expect(closeMs).toBeLessThan(1_500);
    const answer = await hanging.catch(() => undefined);
    // Cut off: a 503 if the answer made it out before the connection closed.
    if (answer) expect(answer.status).toBe(503);
  });

  it('stops a render over its budget: a placed error, cached, and the next render runs on a fresh worker', async () => {
    // 3 s: the next render starts a fresh worker, which a busy machine may not do within 1 s.
    const { server } = await serve({ workerEntry: HOSTILE, timeBudgetSeconds: 3, maxConcurrentRenders: 1 }, { 'hang-article': ARTICLE });
    const res = await raw(server, fileOf('hang-article', 'fr.md'));
    expect(res.status).toBe(422);
    expect(res.text).toContain('content/hang-article.md:1:1');
    expect(res.text).toContain('briefing:time-budget');
    const renders = server.renderer.cache.renders;
    const [again, againMs] = await timed(raw(server, fileOf('hang-article', 'fr.md')));
    expect(again.status).toBe(422);
    expect(server.renderer.cache.renders).toBe(renders); // the failure is cached: no second minute lost
    expect(againMs).toBeLessThan(1_000);
    expect((await raw(server, FILE('fr.md'))).status).toBe(200);
  });

  it('survives a render that runs out of memory: the article is reported, the worker replaced', async () => {
    const { server } = await serve({ workerEntry: HOSTILE, workerHeapMb: 256, maxConcurrentRenders: 1 }, { 'oom-article': ARTICLE });
    const res = await raw(server, fileOf('oom-article', 'fr.md'));
    expect(res.status).toBe(422);
    expect(res.text).toContain('content/oom-article.md:1:1');
    expect(res.text).toContain('briefing:out-of-memory');
    expect((await raw(server, FILE('fr.md'))).status).toBe(200);
    expect((await raw(server, '/')).status).toBe(200);
  });
});

describe('serve: the index page', () => {
  it('lists broken articles with their errors (stack overflow, bad front matter), never a 500', async () => {
    const { server } = await serve({ maxConcurrentRenders: 1 }, { nested: `${'> '.repeat(1_500)}x\n`, 'bad-front': '---\ntitle: [\n---\n\nTexte.\n' });
    const index = await raw(server, '/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('Microsoft');
    expect(index.text).toContain('content/bad-front.md:');
    expect(index.text).toContain('nested');
    const status = await raw(server, '/api/status');
    expect(status.status).toBe(200);
    expect((JSON.parse(status.text) as { slug: string }[]).map((row) => row.slug)).toContain(SLUG);
  });

  it('parses each article once per content, not on every request', async () => {
    const { root, server } = await serve({ maxConcurrentRenders: 1 }, { extra: ARTICLE });
    await raw(server, '/');
    const parses = server.renderer.summaries.parses;
    expect(parses).toBe(2);
    for (let i = 0; i < 5; i++) expect((await raw(server, i % 2 ? '/' : '/api/status')).status).toBe(200);
    expect(server.renderer.summaries.parses).toBe(parses);
    writeFileSync(path.join(root, 'content', 'extra.md'), ARTICLE.replace('ordinaire', 'modifié'));
    const index = await raw(server, '/');
    expect(index.text).toContain('Un article modifié');
    expect(server.renderer.summaries.parses).toBe(parses + 1);
  });

  it('does not wait for an article whose parse hangs: listed by name, the rest in full', async () => {
    const { server } = await serve({ workerEntry: HOSTILE, timeBudgetSeconds: 120, indexWaitMs: 2_000 }, { 'hangparse-article': ARTICLE });
    await raw(server, FILE('fr.md')); // workers up
    const [index, ms] = await timed(raw(server, '/'));
    expect(index.status).toBe(200);
    expect(index.text).toContain('hangparse-article');
    expect(index.text).toContain('Microsoft');
    expect(ms).toBeLessThan(8_000); // the wait, not the 120 s budget
  });
  it('does not start renders of an article whose parse was stopped over its budget', async () => {
    const { server } = await serve(
      { workerEntry: HOSTILE, timeBudgetSeconds: 3, indexWaitMs: 10_000, maxConcurrentRenders: 1 },
      { 'hangparse-article': ARTICLE },
    );
    const index = await raw(server, '/');
    expect(index.text).toContain('content/hangparse-article.md:1:1');
    expect(index.text).toContain('briefing:time-budget');
    // A render would hang for the whole budget (3 s) on the only worker: none is started.
    const [res, ms] = await timed(raw(server, fileOf('hangparse-article', 'fr.html')));
    expect(res.status).toBe(422);
    expect(res.text).toContain('briefing:time-budget');
    expect(ms).toBeLessThan(2_000);
    expect((await raw(server, FILE('fr.md'))).status).toBe(200);
  });
});

describe('serve: files deleted or replaced while serving', () => {
  it('answers 404 or a placed error, never a 500, and keeps watching', async () => {
    const { root, server } = await serve({ watch: true, maxConcurrentRenders: 1 }, { gone: ARTICLE, folder: ARTICLE });
    const at = (...parts: string[]) => path.join(root, ...parts);
    expect((await raw(server, fileOf('gone', 'fr.md'))).status).toBe(200);
    rmSync(at('content', 'gone.md'));
    expect((await raw(server, fileOf('gone', 'fr.md'))).status).toBe(404);

    rmSync(at('content', 'folder.md'));
    mkdirSync(at('content', 'folder.md'));
    const folder = await raw(server, fileOf('folder', 'fr.md'));
    expect([404, 422]).toContain(folder.status);
    if (folder.status === 422) expect(folder.text).toContain('content/folder.md');
    expect((await raw(server, '/')).status).toBe(200);

    // A translation replaced by a folder: the edition renders in French, or a placed error says why
    // (which file is named is the project readers' business: src/project, src/translate).
    rmSync(at('locales', 'en', `${SLUG}.json`));
    mkdirSync(at('locales', 'en', `${SLUG}.json`));
    const en = await raw(server, FILE('en.html'));
    expect([200, 422]).toContain(en.status);
    if (en.status === 422) expect(en.text).toMatch(/[\w/.-]+:\d+:\d+ {2}error {2}.*EISDIR|is a folder|not a file/);
    expect((await raw(server, '/')).status).toBe(200);

    // Watched folders replaced by files, and back.
    for (const folder of ['content', 'templates']) {
      renameSync(at(folder), at(`${folder}.away`));
      writeFileSync(at(folder), 'not a folder');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const index = await raw(server, '/');
      // content/: listed as the page's problem; templates/: the page's own stylesheet is missing.
      expect(index.status, folder).toBe(folder === 'content' ? 200 : 422);
      expect(index.text).toContain(folder === 'content' ? 'No content folder' : 'templates/html/');
      const file = await raw(server, FILE('fr.md'));
      expect([200, 404, 422], folder).toContain(file.status);
      rmSync(at(folder));
      renameSync(at(`${folder}.away`), at(folder));
    }
    expect((await raw(server, FILE('fr.md'))).status).toBe(200);
  });
});

describe('serve: SIGTERM during a render', () => {
  it('stops the CLI within a second of the signal while a long render runs on a worker', async () => {
    // A long but ordinary article (the bundle has no test hook): its bilingual PDF takes seconds.
    const paragraph = "Un paragraphe ordinaire de texte français, qui parle de choses et d'autres sans rien de particulier.\n\n";
    const sections = Array.from({ length: 30 }, (_, i) => `## Section ${i}\n\n${paragraph.repeat(60)}`).join('');
    const root = tempProject();
    writeFileSync(path.join(root, 'content', 'long.md'), `# Un très long article\n\n${sections}`);
    const child = spawn(process.execPath, [path.join(REPO, 'dist', 'briefing.mjs'), 'serve', '--port', '0', '--root', root], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stderr.resume();
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = / at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`serve exited early: ${stdout}`)));
    });
    let answered = false;
    const pending = fetch(`${url}briefings/long/long.fr-en.pdf`)
      .then((res) => {
        answered = true;
        return res.status;
      })
      .catch(() => 'cut');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const signalled = performance.now();
    const renderingWhenSignalled = !answered;
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(1_500);
    expect(renderingWhenSignalled).toBe(true);
    expect([503, 'cut']).toContain(await pending);
    expect(stdout).toContain('Stopped.');
  });
});
