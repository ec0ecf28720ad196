/**
 * Live preview without a browser: the event stream of a previewed page after saves to its locale
 * file and templates, broken and fixed, and saves made the way editors make them (rename over the
 * file, writes in chunks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, renameSync, writeFileSync, openSync, writeSync, closeSync, rmSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BriefingServer } from '../src/serve/server.js';
import { events, raw, serveProject, SLUG, type EventStream } from './serve-helpers.js';

const PAGE = `/briefings/${SLUG}/${SLUG}.en.html`;
const TITLE = 'Microsoft and OpenAI Renegotiate Their Strategic Partnership';

describe('serve: live preview events', () => {
  let server: BriefingServer;
  let root: string;
  let enFile: string;
  let original: string;
  let stream: EventStream;

  const version = async () => (await raw(server, PAGE)).headers.etag!.replace(/^"|-live"$/g, '');

  beforeAll(async () => {
    ({ server, root } = await serveProject());
    enFile = path.join(root, 'locales', 'en', `${SLUG}.json`);
    original = readFileSync(enFile, 'utf8');
    stream = await events(server, `${SLUG}.en.html`, await version());
  });
  afterAll(async () => {
    stream?.close();
    await server?.close();
  });

  it('tells the page to reload after a save to its locale file, and serves the new text', async () => {
    writeFileSync(enFile, original.replace(TITLE, 'Live title one'));
    await stream.next('reload');
    expect((await raw(server, PAGE)).text).toContain('Live title one');
  });

  it('sends the diagnostics (file, line, column, message, rule) of a broken save, and keeps serving the last good page', async () => {
    // A missing comma after the title: placed at the end of that value, line 2 column 26 (src/i18n/json-error.ts).
    writeFileSync(enFile, original.replace(`"${TITLE}",`, '"Broken title"'));
    const problem = JSON.parse(await stream.next('problem')) as {
      diagnostics: { file: string; line: number; column: number; message: string; ruleId: string }[];
    };
    expect(problem.diagnostics).toEqual([expect.objectContaining({ file: `locales/en/${SLUG}.json`, line: 2, column: 26, ruleId: 'briefing:invalid-json' })]);
    const page = await raw(server, PAGE);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Live title one');
    const pdf = await raw(server, `/briefings/${SLUG}/${SLUG}.en.pdf`);
    expect(pdf.status).toBe(422);
    expect(pdf.text).toContain(`locales/en/${SLUG}.json:2:26`);
  });

  it('reloads once the file is fixed', async () => {
    writeFileSync(enFile, original.replace(TITLE, 'Live title three'));
    await stream.next('reload');
    expect((await raw(server, PAGE)).text).toContain('Live title three');
  });

  it('survives saves by rename and in chunks, and a template error shows with its place', async () => {
    const temp = `${enFile}.tmp~`;
    writeFileSync(temp, original.replace(TITLE, 'Renamed title'));
    renameSync(temp, enFile);
    await stream.next('reload');
    expect((await raw(server, PAGE)).text).toContain('Renamed title');

    const text = original.replace(TITLE, 'Chunked title');
    const fd = openSync(enFile, 'w');
    writeSync(fd, text.slice(0, 200));
    await new Promise((resolve) => setTimeout(resolve, 5));
    writeSync(fd, text.slice(200));
    closeSync(fd);
    await stream.next('reload');
    expect((await raw(server, PAGE)).text).toContain('Chunked title');

    const template = path.join(root, 'templates', 'html', 'page.hbs');
    const page = readFileSync(template, 'utf8');
    writeFileSync(template, page.replace('{{labels.briefing}}</p>', '{{#if labels.briefing}}</p>'));
    const problem = JSON.parse(await stream.next('problem')) as { diagnostics: { file: string; line: number; ruleId: string }[] };
    expect(problem.diagnostics[0]).toEqual(expect.objectContaining({ file: 'templates/html/page.hbs', ruleId: 'briefing:template-error' }));
    writeFileSync(template, page);
    await stream.next('ok');
  });

  it('keeps watching a folder that is removed and created again', async () => {
    const extra = path.join(root, 'locales', 'de');
    mkdirSync(extra);
    rmSync(extra, { recursive: true });
    writeFileSync(enFile, original.replace(TITLE, 'After the folder came and went'));
    await stream.next('reload');
    expect((await raw(server, PAGE)).text).toContain('After the folder came and went');
  });
});
