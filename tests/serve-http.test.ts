/**
 * `briefing serve` over real HTTP on an ephemeral port: every route, status code and header the
 * issue lists, the path attacks, render sharing and limits, and shutdown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { connect } from 'node:net';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BriefingServer } from '../src/serve/server.js';
import { REPO, runCli, tempProject } from './helpers.js';
import { events, raw, serveProject, SLUG } from './serve-helpers.js';

const FILE = (name: string) => `/briefings/${SLUG}/${SLUG}.${name}`;

describe('serve: routes and headers', () => {
  let server: BriefingServer;
  beforeAll(async () => {
    ({ server } = await serveProject());
  });
  afterAll(() => server?.close());

  it('prints an index of every article with languages, formats, coverage and links', async () => {
    const res = await raw(server, '/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).toContain('Microsoft');
    expect(res.text).toContain('<strong>100\u00a0%</strong> — 25 of 25 up to date, 0 stale, 0 missing');
    for (const name of ['fr.md', 'fr.html', 'fr.pdf', 'en.md', 'en.html', 'en.pdf', 'fr-en.html', 'fr-en.pdf', 'review.html'])
      expect(res.text).toContain(`href="${FILE(name)}`);
    expect(res.text).toContain(`href="${FILE('en.pdf')}?download"`);
    expect(res.text).toContain('href="/api/status"');
  });

  it('serves the translation status as JSON', async () => {
    const res = await raw(server, '/api/status');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.text)).toEqual([
      { slug: SLUG, lang: 'en', file: `locales/en/${SLUG}.json`, total: 25, ok: 25, stale: 0, missing: 0, obsolete: 0, coverage: 100 },
    ]);
  });

  it.each([
    ['fr.md', 'text/markdown; charset=utf-8'],
    ['en.md', 'text/markdown; charset=utf-8'],
    ['fr.html', 'text/html; charset=utf-8'],
    ['en.html', 'text/html; charset=utf-8'],
    ['fr.pdf', 'application/pdf'],
    ['en.pdf', 'application/pdf'],
    ['fr-en.html', 'text/html; charset=utf-8'],
    ['fr-en.pdf', 'application/pdf'],
    ['review.html', 'text/html; charset=utf-8'],
  ])('renders %s on demand with Content-Type, Content-Disposition, ETag, and 304 on If-None-Match', async (name, type) => {
    const res = await raw(server, FILE(name));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['content-disposition']).toBe(`inline; filename="${SLUG}.${name}"`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-cache');
    const etag = res.headers.etag!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+(-live)?"$/);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    if (name.endsWith('.pdf')) expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await raw(server, FILE(name), { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect((await raw(server, FILE(name), { headers: { 'If-None-Match': `"other", W/${etag}` } })).status).toBe(304);
    expect((await raw(server, FILE(name), { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
    const head = await raw(server, FILE(name), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(res.headers['content-length']);
    expect(head.headers.etag).toBe(etag);
  });

  it('serves HTML as a live preview (reload script, CSP header allowing only same-origin script) and ?download as built', async () => {
    const preview = await raw(server, FILE('en.html'));
    expect(preview.text).toMatch(/<script src="\/__briefing\/live\.js" data-version="[A-Za-z0-9_-]+" defer><\/script>\n<\/head>/);
    expect(preview.text).not.toContain('http-equiv="Content-Security-Policy"');
    expect(preview.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'self'; connect-src 'self'; frame-ancestors 'self'",
    );
    expect(preview.headers['x-frame-options']).toBe('SAMEORIGIN');
    const download = await raw(server, `${FILE('en.html')}?download`);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${SLUG}.en.html"`);
    expect(download.text).not.toContain('<script');
    expect(download.text).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(download.headers.etag).not.toBe(preview.headers.etag);
    const client = await raw(server, '/__briefing/live.js');
    expect(client.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(client.text).toContain('EventSource');
    expect(client.text).not.toContain('innerHTML');
  });

  it('serves, as downloads, exactly the bytes `briefing build` writes (one render entry for both)', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'briefing-served-'));
    const built = await runCli(['build', '--root', server.renderer.paths.root, '--out', out]);
    expect(built.code).toBe(0);
    const names = ['fr.md', 'fr.html', 'fr.pdf', 'en.md', 'en.html', 'en.pdf', 'fr-en.html', 'fr-en.pdf', 'review.html'];
    for (const name of names) {
      const download = await raw(server, `${FILE(name)}?download`);
      expect(download.status, name).toBe(200);
      expect(download.body.equals(readFileSync(path.join(out, SLUG, `${SLUG}.${name}`))), name).toBe(true);
    }
  });

  it('answers 404 with a short JSON or HTML message for unknown articles and files', async () => {
    const html = await raw(server, '/briefings/nope/nope.en.pdf');
    expect(html.status).toBe(404);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('<p>No article "nope". Articles: microsoft-openai.</p>');
    const json = await raw(server, '/briefings/nope/nope.en.pdf', { headers: { Accept: 'application/json' } });
    expect(json.status).toBe(404);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(json.text)).toEqual({ status: 404, error: 'Not Found', message: 'No article "nope". Articles: microsoft-openai.' });
    expect((await raw(server, FILE('de.pdf'))).status).toBe(404);
    expect((await raw(server, FILE('fr.review.html'))).status).toBe(404);
    expect((await raw(server, '/api/nothing')).headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('refuses other methods (405 with Allow), bodies (413), and foreign Host names (421)', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await raw(server, '/', { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
    expect((await raw(server, '/', { body: 'x', headers: { 'Content-Length': '1' } })).status).toBe(413);
    expect((await raw(server, '/api/status', { headers: { 'Transfer-Encoding': 'chunked' }, body: 'abc' })).status).toBe(413);
    expect((await raw(server, '/', { headers: { Host: 'attacker.example:80' } })).status).toBe(421);
    expect((await raw(server, '/', { headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it.each([
    '/briefings/../package.json',
    `/briefings/${SLUG}/../../package.json`,
    '/briefings/%2e%2e/%2e%2e/package.json',
    '/briefings/%2E%2E/x',
    `/briefings/${SLUG}/..%2f..%2fpackage.json`,
    '/briefings/%252e%252e/%252e%252e/package.json',
    `/briefings/${SLUG}/${SLUG}.en.pdf%00.txt`,
    `/briefings/${SLUG}/${SLUG}.en.pdf%00`,
    `/briefings/${SLUG}\\..\\..\\package.json`,
    `/briefings/${SLUG}/%5c..%5cpackage.json`,
    '//etc/passwd',
    '/briefings//etc/passwd',
    `/briefings/${SLUG}/%2Fetc%2Fpasswd`,
    '/%2fetc%2fpasswd',
    'http://127.0.0.1/etc/passwd',
    '/%c0%ae%c0%ae/package.json',
    `/briefings/${SLUG}/..`,
    `/briefings/${SLUG}/.`,
    `/content/${SLUG}.txt`,
    `/locales/en/${SLUG}.json`,
    `/templates/html/page.hbs`,
    '/package.json',
    `/briefings/${SLUG}/`,
    '/briefings/',
    `/briefings/${SLUG}`,
    `/briefings/${SLUG}/${SLUG}.txt`,
    `/briefings/${SLUG}/${SLUG}.en.PDF`,
  ])('refuses %s', async (target) => {
    const res = await raw(server, target);
    expect([400, 404]).toContain(res.status);
    expect(res.text).not.toContain('"name": "briefing"');
    expect(res.text).not.toContain('root:');
    expect(res.text).not.toContain('{{');
  });
});

describe('serve: files outside the project', () => {
  let server: BriefingServer;
  let root: string;
  beforeAll(async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'briefing-outside-'));
    writeFileSync(path.join(outside, 'secret.txt'), 'SECRET-LEAK\n\nUne ligne.\n');
    writeFileSync(path.join(outside, 'secret.json'), '{"title": "SECRET-LEAK"}');
    root = tempProject();
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'content', 'leak.txt'));
    // A second article whose English translation is a link out of the project.
    cpSync(path.join(root, 'content', `${SLUG}.txt`), path.join(root, 'content', 'linked.txt'));
    symlinkSync(path.join(outside, 'secret.json'), path.join(root, 'locales', 'en', 'linked.json'));
    ({ server } = await serveProject({}, root));
  });
  afterAll(() => server?.close());

  it('does not list or serve an article that is a symlink out of the project', async () => {
    expect((await raw(server, '/')).text).not.toContain('leak');
    expect((await raw(server, '/api/status')).text).not.toContain('leak');
    const res = await raw(server, '/briefings/leak/leak.fr.md');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('SECRET-LEAK');
  });

  it('refuses (403) a render whose locale file is a symlink out of the project', async () => {
    const res = await raw(server, '/briefings/linked/linked.en.html');
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('SECRET-LEAK');
    // The French edition reads no English file: served.
    expect((await raw(server, '/briefings/linked/linked.fr.md')).status).toBe(200);
  });
});

describe('serve: render sharing and limits', () => {
  it('answers 50 concurrent requests for the same PDF with one render', async () => {
    const { server } = await serveProject();
    try {
      const responses = await Promise.all(Array.from({ length: 50 }, () => raw(server, FILE('en.pdf'))));
      expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
      expect(new Set(responses.map((r) => r.headers.etag)).size).toBe(1);
      expect(server.renderer.cache.renders).toBe(1);
      // Cached afterwards: no further render.
      expect((await raw(server, FILE('en.pdf'))).status).toBe(200);
      expect(server.renderer.cache.renders).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('renders again when an input changes (cache keyed by content)', async () => {
    const { server, root } = await serveProject({ watch: false });
    try {
      const first = await raw(server, FILE('en.md'));
      const file = path.join(root, 'locales', 'en', `${SLUG}.json`);
      writeFileSync(file, readFileSync(file, 'utf8').replace('Microsoft', 'Macrosoft'));
      const second = await raw(server, FILE('en.md'));
      expect(second.headers.etag).not.toBe(first.headers.etag);
      expect(second.text).toContain('Macrosoft');
      expect(server.renderer.cache.renders).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('answers 503 with Retry-After under a burst of renders, and still answers GET / afterwards', async () => {
    const root = tempProject();
    const slugs = ['a', 'b', 'c', 'd', 'e'];
    for (const slug of slugs) cpSync(path.join(root, 'content', `${SLUG}.txt`), path.join(root, 'content', `${slug}.txt`));
    const { server } = await serveProject({ maxConcurrentRenders: 1, maxQueuedRenders: 2, watch: false }, root);
    try {
      const targets = slugs.flatMap((slug) => ['fr.md', 'fr.html', 'fr.pdf', 'en.md', 'en.html', 'en.pdf'].map((name) => `/briefings/${slug}/${slug}.${name}`));
      const responses = await Promise.all(targets.map((target) => raw(server, target)));
      const busy = responses.filter((r) => r.status === 503);
      expect(responses.every((r) => r.status === 200 || r.status === 503)).toBe(true);
      expect(busy.length).toBeGreaterThan(0);
      expect(busy[0]!.headers['retry-after']).toBe('2');
      expect(responses.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
      const index = await raw(server, '/');
      expect(index.status).toBe(200);
      expect((await raw(server, '/briefings/a/a.fr.md')).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('answers 503 when a render takes longer than the render time limit', async () => {
    const { server } = await serveProject({ renderTimeoutMs: 1, watch: false });
    try {
      const res = await raw(server, FILE('fr.pdf'));
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('2');
    } finally {
      await server.close();
    }
  });

  it('closes a connection whose request does not arrive within the request timeout (408)', async () => {
    const { server } = await serveProject({ requestTimeoutMs: 300, watch: false });
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n'));
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await server.close();
    }
  });
});

describe('serve: shutdown', () => {
  it('lets a response in flight finish within the shutdown grace, ends live streams, and frees the port', async () => {
    // A grace long enough for a cold worker (tsx) to render; the default is short (see serve-abuse).
    const { server } = await serveProject({ shutdownGraceMs: 60_000 });
    const stream = await events(server, `${SLUG}.en.html`);
    const pending = raw(server, FILE('fr.pdf'));
    while (server.renderer.limiter.active === 0) await new Promise((resolve) => setImmediate(resolve));
    await server.close();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.body.subarray(-6).toString()).toContain('%%EOF');
    await stream.ended;
    await expectPortFree(server.port);
  });

  it('stops the CLI on SIGTERM: exit code 0, port freed', async () => {
    const root = tempProject();
    const child = spawn(process.execPath, [path.join(REPO, 'dist', 'briefing.mjs'), 'serve', '--port', '0', '--root', root], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = / at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (match) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`serve exited early: ${stdout}${stderr}`)));
    });
    const port = Number(new URL(url).port);
    const index = await fetch(url);
    expect(index.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('SIGTERM: stopping');
    expect(stdout).toContain('Stopped.');
    expect(stderr).toBe('');
    await expectPortFree(port);
  });
});

async function expectPortFree(port: number): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(port, '127.0.0.1', () => resolve());
  });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}
