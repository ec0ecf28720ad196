/**
 * What each URL answers. `parseRequestTarget` has already reduced the URL to names; here they
 * are looked up among the project's articles and the catalogue's files.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { parseArticle } from '../parse/index.js';
import { readSource } from '../project/sources.js';
import { LANGS } from '../core/types.js';
import { hasErrors, type Diagnostic } from '../core/errors.js';
import { formatDiagnostic } from '../core/report.js';
import { coverageReport } from '../translate/project.js';
import { CONTENT_TYPES, type ServedFile } from './catalogue.js';
import { h } from 'hastscript';
import { briefingCsp, livePreview, pageCsp, shell } from './html.js';
import { indexPage, type IndexArticle } from './index-page.js';
import { CatalogueInputError } from '../publish/catalogue-inputs.js';
import { buildTime, isoDate } from '../core/clock.js';
import { OutsideProjectError } from './inputs.js';
import { OverloadedError } from './limiter.js';
import { LIVE_CLIENT } from './live-client.js';
import type { LiveHub } from './live-reload.js';
import { notModified, reply, replyError } from './respond.js';
import type { CachedRender } from './render-cache.js';
import type { GoodRender, Renderer } from './renderer.js';
import { parseRequestTarget } from './url-path.js';

export interface RouteContext {
  renderer: Renderer;
  live: LiveHub;
  minCoverage: number;
  /** Longest wait for a render (queue included) before answering 503. */
  renderTimeoutMs: number;
}

/** Seconds a client is asked to wait after a 503. */
const RETRY_AFTER = '2';

class DeadlineError extends Error {}

export async function route(context: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const target = parseRequestTarget(req.url ?? '');
  switch (target.route) {
    case 'bad':
      return replyError(req, res, 400, `Bad request path: ${target.reason}.`);
    case 'not-found':
      return replyError(req, res, 404, 'Nothing here. The briefings are listed at /.');
    case 'index':
      return serveIndex(context, req, res);
    case 'status':
      return serveStatus(context, req, res);
    case 'live-client':
      return reply(req, res, 200, LIVE_CLIENT, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
    case 'file':
    case 'events': {
      const found = await context.renderer.resolve(target.slug, target.name);
      if (!found) return unknownFile(context, req, res, target.slug, target.name);
      if (target.route === 'file') return serveFile(context, req, res, found.source.slug, found.file, target.download);
      if (found.file.format !== 'html') return replyError(req, res, 404, `${target.name} has no live preview (HTML files only).`);
      if (req.method === 'HEAD') return reply(req, res, 200, '', { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
      if (!(await context.live.open(req, res, `${target.slug}/${target.name}`, target.version))) {
        return replyError(req, res, 503, 'Too many live previews are open; close some.', { 'Retry-After': RETRY_AFTER });
      }
      return;
    }
  }
}

async function unknownFile(context: RouteContext, req: IncomingMessage, res: ServerResponse, slug: string, name: string): Promise<void> {
  const slugs = (await context.renderer.sources()).map((s) => s.slug);
  const message = slugs.includes(slug) ? `"${slug}" has no file "${name}".` : `No article "${slug}". Articles: ${slugs.join(', ') || '(none)'}.`;
  replyError(req, res, 404, message);
}

async function serveFile(context: RouteContext, req: IncomingMessage, res: ServerResponse, slug: string, file: ServedFile, download: boolean): Promise<void> {
  const source = (await context.renderer.sources()).find((s) => s.slug === slug)!;
  let result: CachedRender;
  try {
    result = await deadline(context.renderer.render(source, file), context.renderTimeoutMs);
  } catch (error) {
    if (error instanceof OverloadedError || error instanceof DeadlineError) {
      return replyError(req, res, 503, 'Busy rendering other briefings; try again in a moment.', { 'Retry-After': RETRY_AFTER });
    }
    if (error instanceof OutsideProjectError) return replyError(req, res, 403, `Refused: ${error.message}.`);
    throw error;
  }
  const live = file.format === 'html' && !download;
  if (result.ok) return sendRender(req, res, file, result, live, download);
  // A broken save: the preview keeps showing the last good page (the overlay comes by its stream).
  const good = live ? context.renderer.lastGoodOf(file) : undefined;
  if (good) return sendRender(req, res, file, good, live, download);
  const text = result.diagnostics.map(formatDiagnostic).join('\n');
  if (!live) return replyError(req, res, 422, `${file.name} cannot be rendered:\n${text}`);
  const body = [h('h1', `${file.name} cannot be rendered yet`), h('pre', text), h('p', 'Fix the file and save: this page reloads by itself.')];
  reply(req, res, 422, shell(`${file.name}: problem`, body, { liveVersion: '' }), {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': pageCsp(true),
    'Cache-Control': 'no-store',
  });
}

/** Live versions of HTML renders, made once per render. */
const livePages = new WeakMap<GoodRender, { body: Buffer; csp: string }>();

function sendRender(req: IncomingMessage, res: ServerResponse, file: ServedFile, render: GoodRender, live: boolean, download: boolean): void {
  const version = render.etag.slice(1, -1);
  let body = render.body;
  let etag = render.etag;
  let csp: string | undefined;
  if (live) {
    let page = livePages.get(render);
    if (!page) {
      const preview = livePreview(render.body.toString('utf8'), version);
      page = { body: Buffer.from(preview.html), csp: preview.csp };
      livePages.set(render, page);
    }
    body = page.body;
    csp = page.csp;
    etag = `"${version}-live"`;
  } else if (file.format === 'html') {
    csp = briefingCsp(render.body.toString('utf8'));
  }
  const headers = {
    ETag: etag,
    'Cache-Control': 'no-cache',
    ...(csp ? { 'Content-Security-Policy': csp } : {}),
  };
  if (notModified(req, etag)) {
    res.writeHead(304, headers);
    return void res.end();
  }
  reply(req, res, 200, body, {
    ...headers,
    'Content-Type': CONTENT_TYPES[file.format],
    'Content-Disposition': `${download ? 'attachment' : 'inline'}; filename="${file.name}"`,
  });
}

async function serveStatus(context: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const slugs = (await context.renderer.sources()).map((s) => s.slug);
  const rows = slugs.length === 0 ? [] : (await coverageReport(context.renderer.paths, slugs, LANGS)).rows;
  reply(req, res, 200, `${JSON.stringify(rows, null, 2)}\n`, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
}

async function serveIndex(context: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const paths = context.renderer.paths;
  const sources = await context.renderer.sources();
  const report =
    sources.length === 0
      ? { rows: [], diagnostics: [] }
      : await coverageReport(
          paths,
          sources.map((s) => s.slug),
          LANGS,
        );
  const articles: IndexArticle[] = [];
  for (const source of sources) {
    const read = await readSource(source);
    const parsed = read.text === undefined ? undefined : parseArticle(read.text, source.file, source.slug);
    const ofArticle = (d: Diagnostic) => d.severity === 'error' && path.basename(d.file).startsWith(`${source.slug}.`);
    const problems = [...read.diagnostics, ...(parsed?.diagnostics ?? []), ...report.diagnostics].filter(ofArticle);
    articles.push({
      slug: source.slug,
      ...(parsed && !hasErrors(parsed.diagnostics)
        ? { titleMarkdown: parsed.article.title.markdown, date: parsed.article.meta.date ?? isoDate(buildTime()) }
        : {}),
      coverage: report.rows.filter((row) => row.slug === source.slug),
      problems: [...new Set(problems)],
    });
  }
  let page: string;
  try {
    page = await indexPage(paths, articles, context.minCoverage);
  } catch (error) {
    if (!(error instanceof CatalogueInputError)) throw error;
    return replyError(req, res, 500, `The index page cannot be shown: ${error.message}`);
  }
  reply(req, res, 200, page, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': pageCsp(false),
    'Cache-Control': 'no-store',
  });
}

function deadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError()), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
