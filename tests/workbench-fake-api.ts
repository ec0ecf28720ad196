/**
 * A minimal stand-in for the workbench API of issue 16 (GET /api/translate/<slug>, POST …/check,
 * POST …/save), written to THE CONTRACT with node:http, so the page can be driven in a browser
 * before the real API is merged. It serves the real page (`workbenchHtml`) and its real assets;
 * only the API answers are made here: a locale file on disk, its version (sha256 of its bytes),
 * a placeholder check with the real rule's id and message, and a preview page counting its loads.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ruleDiagnostic } from '../src/core/errors.js';
import { WORKBENCH_CSP, workbenchHtml } from '../src/serve/workbench-page.js';
import { REPO } from './helpers.js';

export const FAKE_SLUG = 'demo';
/** The article's units: key, kind and French, in document order. */
const FAKE_UNITS = [
  { key: 'title', kind: 'title', french: 'Le titre' },
  { key: 'sections.s1.p1', kind: 'paragraph', french: 'Bonjour {{name}}, voici le *texte*.' },
  { key: 'sections.s1.p2', kind: 'list', french: '- un\n- deux' },
  { key: 'sections.s1.p3', kind: 'blockquote', french: '> Première ligne\n> seconde ligne' },
] as const;

export interface FakeApi {
  url: string;
  file: string;
  /** Loads of the preview page so far. */
  previewLoads: () => number;
  close(): Promise<void>;
}

const PLACEHOLDER = /\{\{([^{}]{1,64})\}\}/g;

function placeholderProblems(file: string, french: string, value: string) {
  const names = (text: string) => new Set([...text.matchAll(PLACEHOLDER)].map((m) => `{{${m[1]}}}`));
  const want = names(french);
  const got = names(value);
  const missing = [...want].filter((n) => !got.has(n));
  const unexpected = [...got].filter((n) => !want.has(n));
  if (!value || (!missing.length && !unexpected.length)) return [];
  const d = ruleDiagnostic('briefing:placeholder-mismatch', file, { missing, unexpected }, { line: 1, column: 1 });
  return [{ ruleId: d.ruleId, severity: d.severity, message: d.message, line: 1, column: 1 }];
}

/** Serves the workbench of a four-unit article whose English file holds `english`. */
export async function startFakeApi(english: Record<string, string>): Promise<FakeApi> {
  const dir = mkdtempSync(path.join(tmpdir(), 'workbench-'));
  const file = path.join(dir, `${FAKE_SLUG}.json`);
  writeFileSync(file, `${JSON.stringify(english, null, 2)}\n`);
  const rel = `locales/en/${FAKE_SLUG}.json`;
  const reviewed = new Set<string>();
  let loads = 0;
  const read = () => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const versionOf = () => createHash('sha256').update(readFileSync(file)).digest('hex');
  const unitOf = (u: (typeof FAKE_UNITS)[number]) => {
    const value = Object.hasOwn(read(), u.key) ? read()[u.key]! : null;
    const problems = value === null ? [] : placeholderProblems(rel, u.french, value);
    const status = value === null ? 'missing' : problems.length ? 'invalid' : reviewed.has(u.key) ? 'reviewed' : 'translated';
    return {
      ...u,
      section: u.key === 'title' ? null : { id: 's1', heading: 'Première partie' },
      english: value,
      status,
      reviewed: reviewed.has(u.key),
      glossary: [],
      problems,
    };
  };
  const body = (req: IncomingMessage) =>
    new Promise<Record<string, unknown>>((resolve) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString('utf8')));
      req.on('end', () => resolve(JSON.parse(text) as Record<string, unknown>));
    });
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, data: string | Buffer, type: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, ...extra });
      res.end(data);
    };
    const json = (status: number, data: unknown) => send(status, JSON.stringify(data), 'application/json');
    const api = `/api/translate/${FAKE_SLUG}`;
    void (async () => {
      if (url.pathname === `/translate/${FAKE_SLUG}`)
        return send(200, workbenchHtml({ slug: FAKE_SLUG, lang: 'en', title: 'Le titre' }), 'text/html', { 'Content-Security-Policy': WORKBENCH_CSP });
      if (url.pathname === '/__briefing/workbench.js') return send(200, readFileSync(path.join(REPO, 'assets', 'workbench.js')), 'text/javascript');
      if (url.pathname === '/__briefing/workbench.css') return send(200, readFileSync(path.join(REPO, 'assets', 'workbench.css')), 'text/css');
      if (url.pathname === `/briefings/${FAKE_SLUG}/${FAKE_SLUG}.en.html`) {
        loads++;
        const items = Object.values(read()).map((v) => `<p>${v.replace(/[<&]/g, '')}</p>`);
        return send(200, `<!doctype html><html lang="en"><title>Preview</title><main>${items.join('')}</main></html>`, 'text/html');
      }
      if (req.method === 'GET' && url.pathname === api) {
        const units = FAKE_UNITS.map(unitOf);
        const translated = units.filter((u) => u.status === 'translated' || u.status === 'reviewed').length;
        return json(200, {
          slug: FAKE_SLUG,
          lang: 'en',
          title: 'Le titre',
          file: rel,
          version: versionOf(),
          readOnly: false,
          progress: { total: units.length, translated, reviewed: reviewed.size },
          units,
        });
      }
      const write = url.pathname === `${api}/check` || url.pathname === `${api}/save`;
      if (req.method === 'POST' && write && req.headers['content-type'] === 'application/json') {
        const sent = await body(req);
        const target = FAKE_UNITS.find((u) => u.key === sent.key);
        if (!target) return json(404, { error: 'No such unit.' });
        if (url.pathname.endsWith('/check')) return json(200, { problems: placeholderProblems(rel, target.french, String(sent.value)) });
        const current = read();
        if (sent.version !== versionOf()) {
          return json(409, {
            error: 'Changed on disk.',
            conflict: { key: target.key, mine: sent.value, theirs: current[target.key] ?? '', version: versionOf() },
          });
        }
        // Keys are the article's own (FAKE_UNITS), never request text; a new one goes last.
        current[target.key] = String(sent.value);
        writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
        if (sent.reviewed === true) reviewed.add(target.key);
        if (sent.reviewed === false) reviewed.delete(target.key);
        return json(200, { version: versionOf(), unit: unitOf(target), merged: false });
      }
      return json(404, { error: 'Not found.' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    file,
    previewLoads: () => loads,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
