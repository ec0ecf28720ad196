/**
 * The workbench's API over real HTTP: every write rule (token, cookie, Origin, Host, type, size,
 * methods, read-only, names outside the article), the data endpoint on the seed, checks equal to
 * `briefing check`, saves that change exactly one value, merged and refused saves on a file
 * changed underneath, the reviewed mark, and the live preview told of a save.
 */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingServer } from '../src/serve/server.js';
import { editFile, editJson, runCli } from './helpers.js';
import { events, raw, serveProject, SLUG, type RawResponse } from './serve-helpers.js';

const TOKEN = 'test-token-0123456789abcdefghij';
const FILE = `locales/en/${SLUG}.json`;
const STATE = `locales/en/${SLUG}.state.json`;
const DATA = `/api/translate/${SLUG}?lang=en`;
const SAVE = `/api/translate/${SLUG}/save?lang=en`;
const CHECK = `/api/translate/${SLUG}/check?lang=en`;

interface Unit {
  key: string;
  status: string;
  french: string;
  english: string | null;
  reviewed: boolean;
  section: { id: string; heading: string } | null;
  previousFrench?: string;
  diff?: { text: string; added?: true; removed?: true }[];
  glossary: { fr: string; en: string[] }[];
  problems: { ruleId: string; severity: string; message: string; line: number; column: number }[];
}
interface Data {
  version: string;
  file: string;
  readOnly: boolean;
  progress: { total: number; translated: number; reviewed: number };
  units: Unit[];
}

/** A write as the workbench sends it; `headers` replace the good ones (undefined: left out). */
function post(server: BriefingServer, target: string, body: unknown, headers: Record<string, string | undefined> = {}): Promise<RawResponse> {
  const all: Record<string, string | undefined> = {
    Origin: `http://127.0.0.1:${server.port}`,
    Cookie: `briefing_token=${TOKEN}`,
    'Content-Type': 'application/json',
    ...headers,
  };
  const sent = Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return raw(server, target, { method: 'POST', headers: sent, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const data = async (server: BriefingServer) => JSON.parse((await raw(server, DATA)).text) as Data;
const errorOf = (res: RawResponse) => (JSON.parse(res.text) as { error: string }).error;
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The lines of `after` that differ from `before` (same line count expected). */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.filter((line, i) => line !== a[i]);
}

describe('workbench API: write rules', () => {
  let server: BriefingServer;
  let root: string;
  beforeAll(async () => {
    ({ server, root } = await serveProject({ token: TOKEN }));
  });
  afterAll(() => server?.close());
  const check = { key: 'title', value: 'A title' };

  it('sets the token cookie from ?token= and redirects to the same address without it', async () => {
    const res = await raw(server, `/briefings/${SLUG}/${SLUG}.en.html?token=${TOKEN}&x=1`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/briefings/${SLUG}/${SLUG}.en.html?x=1`);
    expect(res.headers['set-cookie']).toEqual([`briefing_token=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`]);
    // Never to another site, whatever the path looks like.
    expect((await raw(server, `//evil.example/?token=${TOKEN}`)).headers.location).toBe('/');
    const wrong = await raw(server, '/?token=not-the-token');
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('accepts the token as cookie or header, and refuses a request without it or with a wrong one', async () => {
    expect((await post(server, CHECK, check)).status).toBe(200);
    expect((await post(server, CHECK, check, { Cookie: undefined, 'X-Briefing-Token': TOKEN })).status).toBe(200);
    const missing = await post(server, CHECK, check, { Cookie: undefined });
    expect(missing.status).toBe(403);
    expect(errorOf(missing)).toMatch(/No token/);
    const wrong = await post(server, CHECK, check, { Cookie: 'briefing_token=guess' });
    expect(wrong.status).toBe(403);
    expect(errorOf(wrong)).toMatch(/Wrong token/);
    expect((await post(server, CHECK, check, { Cookie: undefined, 'X-Briefing-Token': `${TOKEN}x` })).status).toBe(403);
  });

  it('refuses another Origin, a missing one, and a foreign or wrong-port Host', async () => {
    for (const origin of ['http://evil.example', `http://localhost.evil.example:${server.port}`, 'null', `https://127.0.0.1:${server.port}`]) {
      const res = await post(server, CHECK, check, { Origin: origin });
      expect(res.status, origin).toBe(403);
      expect(errorOf(res)).toMatch(/Origin/);
    }
    expect((await post(server, CHECK, check, { Origin: undefined })).status).toBe(403);
    // DNS rebinding: a foreign name pointed at 127.0.0.1, Origin and Host agreeing.
    const rebound = await post(server, CHECK, check, { Host: `evil.example:${server.port}`, Origin: `http://evil.example:${server.port}` });
    expect(rebound.status).toBe(403);
    const otherPort = await post(server, CHECK, check, { Host: '127.0.0.1:1', Origin: 'http://127.0.0.1:1' });
    expect(otherPort.status).toBe(403);
    // localhost is this service too.
    expect((await post(server, CHECK, check, { Host: `localhost:${server.port}`, Origin: `http://localhost:${server.port}` })).status).toBe(200);
  });

  it('needs a JSON body under 256 KiB, even chunked', async () => {
    expect((await post(server, CHECK, check, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await post(server, CHECK, check, { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post(server, CHECK, check, { 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
    const big = { key: 'title', value: 'x'.repeat(300 * 1024) };
    const tooLarge = await post(server, CHECK, big);
    expect(tooLarge.status).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: CHECK,
          headers: { Origin: `http://127.0.0.1:${server.port}`, Cookie: `briefing_token=${TOKEN}`, 'Content-Type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      for (let i = 0; i < 40; i++) req.write('x'.repeat(8 * 1024));
      req.end();
    });
    expect(chunked).toBe(413);
    expect((await post(server, CHECK, '{"key": "title",')).status).toBe(400);
    expect((await post(server, CHECK, ['title'])).status).toBe(400);
  });

  it('takes POST only on the write routes, and POST nowhere else; never a CORS header', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await raw(server, SAVE, { method, headers: { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } });
      expect(res.status, method).toBe(405);
      expect(res.headers.allow, method).toBe('POST');
      expect(Object.keys(res.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    const elsewhere = await post(server, DATA, check);
    expect(elsewhere.status).toBe(405);
    expect(elsewhere.headers.allow).toBe('GET, HEAD');
    const ok = await post(server, CHECK, check);
    expect(Object.keys(ok.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('answers 404 for an unknown article, language or key, never writing; __proto__ is just an unknown key', async () => {
    const before = readFileSync(path.join(root, FILE));
    const save = (target: string, key: string) => post(server, target, { key, value: 'x', version: '' });
    expect((await save(`/api/translate/no-such-article/save?lang=en`, 'title')).status).toBe(404);
    expect((await save(`/api/translate/${SLUG}/save?lang=de`, 'title')).status).toBe(404);
    expect((await save(`/api/translate/${SLUG}/save?lang=fr`, 'title')).status).toBe(404);
    for (const key of ['no.such.key', '__proto__', 'constructor', 'sections', '../../package', 'lead']) {
      const res = await save(SAVE, key);
      expect(res.status, key).toBe(404);
    }
    const polluting = await post(server, SAVE, '{"__proto__": {"polluted": true}, "key": "__proto__", "value": "x", "version": ""}');
    expect(polluting.status).toBe(404);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A path in the URL is not a name: not a write route, so no POST at all.
    expect((await post(server, `/api/translate/..%2F..%2Fetc/save?lang=en`, { key: 'title', value: 'x', version: '' })).status).toBe(405);
    expect((await raw(server, `/api/translate/..%2F..%2Fetc/save?lang=en`)).status).toBe(400);
    expect((await raw(server, `/api/translate/${SLUG}/delete?lang=en`, { method: 'POST' })).status).toBe(405);
    expect(readFileSync(path.join(root, FILE)).equals(before)).toBe(true);
  });
});

describe('workbench API: --read-only', () => {
  let server: BriefingServer;
  beforeAll(async () => {
    ({ server } = await serveProject({ readOnly: true, token: TOKEN }));
  });
  afterAll(() => server?.close());

  it('refuses every write, with a token or not, and says read-only in the data', async () => {
    expect(server.token).toBeUndefined();
    const res = await post(server, SAVE, { key: 'title', value: 'x', version: '' });
    expect(res.status).toBe(403);
    expect(errorOf(res)).toMatch(/^read-only/);
    expect((await post(server, CHECK, { key: 'title', value: 'x' })).status).toBe(403);
    expect((await data(server)).readOnly).toBe(true);
    // The printed token of another run opens nothing.
    expect((await raw(server, `/?token=${TOKEN}`)).status).toBe(403);
  });
});

describe('workbench API: data, checks and saves', () => {
  let server: BriefingServer;
  let root: string;
  const file = () => path.join(root, FILE);
  beforeAll(async () => {
    ({ server, root } = await serveProject({ token: TOKEN }));
    // One unit missing, one stale (its French edited since it was translated).
    editJson(root, FILE, (json: { lead: Record<string, string> }) => {
      json.lead['1'] = '';
    });
    editFile(root, `content/${SLUG}.txt`, (text) => text.replace('Cette initiative, révélée par Axios,', 'Cette initiative, annoncée par Axios,'));
  });
  afterAll(() => server?.close());

  it('lists every unit in document order with status, section, word diff and glossary terms', async () => {
    const res = await raw(server, DATA);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(res.text) as Data;
    expect(body.file).toBe(FILE);
    expect(body.readOnly).toBe(false);
    expect(body.version).toBe(sha(readFileSync(file())));
    expect(body.units.slice(0, 3).map((u) => u.key)).toEqual(['title', 'lead.1', 'lead.2']);
    const byKey = new Map(body.units.map((u) => [u.key, u]));
    expect(byKey.get('lead.1')).toMatchObject({ status: 'missing', english: null });
    expect(byKey.get('lead.1')!.glossary).toContainEqual({ fr: 'intelligence artificielle', en: ['artificial intelligence'] });
    const stale = byKey.get('lead.2')!;
    expect(stale.status).toBe('stale');
    expect(stale.previousFrench).toContain('révélée par Axios');
    expect(stale.diff!.filter((part) => part.removed).map((part) => part.text.trim())).toEqual(['révélée']);
    expect(stale.diff!.filter((part) => part.added).map((part) => part.text.trim())).toEqual(['annoncée']);
    const heading = body.units.find((u) => u.key.startsWith('sections.') && u.key.endsWith('.heading'))!;
    expect(heading.section).toEqual({ id: heading.key.split('.')[1], heading: heading.french });
    expect(byKey.get('title')!.section).toBeNull();
    expect(body.units.filter((u) => u.status === 'translated').length).toBe(body.units.length - 2);
    expect(body.progress).toEqual({ total: body.units.length, translated: body.units.length - 2, reviewed: 0 });
  });

  it('checks a value with the messages and rule ids of briefing check', async () => {
    // "IA" where the glossary wants "AI", an emphasis left open, a number that is not the French's.
    const broken = 'With **artificial intelligence advancing, Microsoft and OpenAI (IA) renegotiate their 2031 partnership.';
    const res = await post(server, CHECK, { key: 'lead.1', value: broken });
    expect(res.status).toBe(200);
    const { problems } = JSON.parse(res.text) as { problems: Unit['problems'] };
    expect(problems.length).toBeGreaterThanOrEqual(2);
    // The same value in the file, judged by the CLI.
    const before = readFileSync(file(), 'utf8');
    editJson(root, FILE, (json: { lead: Record<string, string> }) => {
      json.lead['1'] = broken;
    });
    const line =
      readFileSync(file(), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"1": "With **artificial')) + 1;
    const cli = await runCli(['check', '--root', root, '--lang', 'en', '--json']);
    writeFileSync(file(), before);
    const reported = (JSON.parse(cli.stdout) as { diagnostics: { file: string; line: number; ruleId: string; message: string }[] }).diagnostics;
    const atUnit = reported.filter((d) => d.file === FILE && d.line === line).map((d) => `${d.ruleId} ${d.message}`);
    expect(problems.map((p) => `${p.ruleId} ${p.message}`).sort()).toEqual(atUnit.sort());
    // Placed inside the value: the open emphasis at its column.
    const open = problems.find((p) => p.ruleId === 'briefing:unpaired-markup');
    expect(open).toMatchObject({ line: 1, column: broken.indexOf('**') + 1 });
  });

  it('places a problem after a line break inside the value at its own line and column', async () => {
    // A quote (") and a line break before the open emphasis: escapes in JSON, plain characters here.
    const value = 'With "artificial intelligence" advancing,\nMicrosoft and **OpenAI renegotiate their 2031 partnership.';
    const res = await post(server, CHECK, { key: 'lead.1', value });
    const { problems } = JSON.parse(res.text) as { problems: Unit['problems'] };
    const open = problems.find((p) => p.ruleId === 'briefing:unpaired-markup');
    expect(open).toMatchObject({ line: 2, column: 'Microsoft and '.length + 1 });
  });

  it('saves one unit: the locale file and the state file change by exactly that line', async () => {
    const { version } = await data(server);
    const before = readFileSync(file(), 'utf8');
    const stateBefore = readFileSync(path.join(root, STATE), 'utf8');
    const value = 'As artificial intelligence races ahead, Microsoft and OpenAI are renegotiating their partnership.';
    const res = await post(server, SAVE, { key: 'lead.1', value, version });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { version: string; unit: Unit; merged: boolean };
    const after = readFileSync(file());
    expect(body.version).toBe(sha(after));
    expect(body.merged).toBe(false);
    expect(body.unit).toMatchObject({ key: 'lead.1', status: 'translated', english: value });
    expect(changedLines(before, after.toString('utf8'))).toEqual([`    "1": ${JSON.stringify(value)},`]);
    const stateLines = changedLines(stateBefore, readFileSync(path.join(root, STATE), 'utf8'));
    expect(stateLines).toHaveLength(1);
    expect(stateLines[0]).toMatch(/^ {2}"lead\.1": \{"source":"[0-9a-f]{12}","target":"[0-9a-f]{12}","text":"Dans un contexte/);
    expect((await data(server)).progress.translated).toBe((await data(server)).units.length - 1);
  });

  it('merges a save onto a file changed elsewhere since, when that change left the unit alone', async () => {
    const { version } = await data(server);
    editFile(root, FILE, (text) => text.replace('A Landmark Alliance to Be Redefined', 'A Historic Alliance to Redefine'));
    const res = await post(server, SAVE, { key: 'title', value: 'Microsoft and OpenAI Rethink Their Partnership', version });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ merged: true });
    const text = readFileSync(file(), 'utf8');
    expect(text).toContain('A Historic Alliance to Redefine');
    expect(text).toContain('"title": "Microsoft and OpenAI Rethink Their Partnership"');
  });

  it('refuses (409) a save at a unit changed on disk since, with both values, and writes nothing', async () => {
    const { version } = await data(server);
    editFile(root, FILE, (text) => text.replace('Microsoft and OpenAI Rethink Their Partnership', 'Theirs: a title from a text editor'));
    const before = readFileSync(file());
    const res = await post(server, SAVE, { key: 'title', value: 'Mine: a title from the workbench', version });
    expect(res.status).toBe(409);
    const body = JSON.parse(res.text) as { error: string; conflict: Record<string, string> };
    expect(body.conflict).toEqual({
      key: 'title',
      mine: 'Mine: a title from the workbench',
      theirs: 'Theirs: a title from a text editor',
      version: sha(before),
    });
    expect(readFileSync(file()).equals(before)).toBe(true);
    // Choosing with the version now shown saves.
    const again = await post(server, SAVE, { key: 'title', value: 'Mine: a title from the workbench', version: body.conflict.version });
    expect(again.status).toBe(200);
    // A version the server never handed out cannot be merged.
    expect((await post(server, SAVE, { key: 'title', value: 'Other', version: 'f'.repeat(64) })).status).toBe(409);
  });

  it('records reviewed in the state file, keeps it through briefing check, and drops it when the text changes', async () => {
    const { version } = await data(server);
    const unit = (await data(server)).units.find((u) => u.key === 'lead.2')!;
    const res = await post(server, SAVE, { key: 'lead.2', value: unit.english, version, reviewed: true });
    expect(res.status).toBe(200);
    expect((JSON.parse(res.text) as { unit: Unit }).unit).toMatchObject({ status: 'reviewed', reviewed: true });
    const state = () => readFileSync(path.join(root, STATE), 'utf8');
    expect(state()).toMatch(/"lead\.2": \{[^\n]*"reviewed":true\}/);
    const after = await data(server);
    expect(after.progress.reviewed).toBe(1);
    await runCli(['check', '--root', root, '--lang', 'en']);
    expect(state()).toMatch(/"lead\.2": \{[^\n]*"reviewed":true\}/);
    const edited = await post(server, SAVE, { key: 'lead.2', value: `${unit.english} Edited.`, version: after.version });
    expect((JSON.parse(edited.text) as { unit: Unit }).unit).toMatchObject({ status: 'translated', reviewed: false });
    expect(state()).not.toMatch(/"lead\.2": \{[^\n]*"reviewed"/);
  });

  it('saves an invalid value as a draft, marked invalid and not counted as translated', async () => {
    const { version, progress } = await data(server);
    const res = await post(server, SAVE, { key: 'lead.1', value: 'See [the report](https://exa mple.com/x) and **more', version });
    expect(res.status).toBe(200);
    const { unit } = JSON.parse(res.text) as { unit: Unit };
    expect(unit.status).toBe('invalid');
    expect(unit.problems.filter((p) => p.severity === 'error').map((p) => p.ruleId)).toContain('briefing:unpaired-markup');
    expect(readFileSync(file(), 'utf8')).toContain('**more');
    expect((await data(server)).progress.translated).toBe(progress.translated - 1);
  });
});

describe('workbench API: the live preview', () => {
  let server: BriefingServer;
  afterAll(() => server?.close());

  it('tells the English page to reload after a save', async () => {
    ({ server } = await serveProject({ token: TOKEN }));
    const page = `/briefings/${SLUG}/${SLUG}.en.html`;
    const etag = (await raw(server, page)).headers.etag!.replace(/^"|-live"$/g, '');
    const stream = await events(server, `${SLUG}.en.html`, etag);
    try {
      const { version } = await data(server);
      expect((await post(server, SAVE, { key: 'title', value: 'Saved from the workbench', version })).status).toBe(200);
      await stream.next('reload');
      expect((await raw(server, page)).text).toContain('Saved from the workbench');
    } finally {
      stream.close();
    }
  });
});
