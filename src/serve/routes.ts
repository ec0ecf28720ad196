/**
 * What each URL answers. `parseRequestTarget` has already reduced the URL to names; here they
 * are looked up among the project's articles and the catalogue's files.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { SourceFile } from '../project/sources.js';
import { DEFAULTS } from '../core/defaults.js';
import { LANGS, SOURCE_LANG } from '../core/types.js';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { formatDiagnostic } from '../core/report.js';
import { coverageRow, loadTranslations, type CoverageRow } from '../translate/project.js';
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
import type { TranslateApi } from './translate-api.js';
import { parseRequestTarget } from './url-path.js';
import { replyWorkbench, replyWorkbenchAsset, withWorkbenchLink } from './workbench-page.js';
import { toString as plainText } from 'mdast-util-to-string';
import { parseMarkdown } from '../core/markdown.js';

export interface RouteContext {
  renderer: Renderer;
  live: LiveHub;
  minCoverage: number;
  /** Longest wait for a render (queue included) before answering 503. */
  renderTimeoutMs: number;
  /** Longest wait of `/` and `/api/status` for articles being parsed. */
  indexWaitMs: number;
  /** The workbench's API (`/api/translate/…`). */
  translate: TranslateApi;
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
    case 'translate-data':
      return context.translate.serveData(req, res, target.slug, target.lang);
    case 'translate-write':
      return context.translate.serveWrite(req, res, target.slug, target.lang, target.action);
    case 'live-client':
      return reply(req, res, 200, LIVE_CLIENT, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
    case 'workbench':
      return serveWorkbench(context, req, res, target.slug, target.lang);
    case 'workbench-asset':
      return replyWorkbenchAsset(req, res, target.name);
    case 'file':
    case 'events': {
      const found = await context.renderer.resolve(target.slug, target.name);
      if (!found) return unknownFile(context, req, res, target.slug, target.name);
      if (target.route === 'file') return serveFile(context, req, res, found.source, found.file, target.download);
      if (found.file.format !== 'html') return replyError(req, res, 404, `${target.name} has no live preview (HTML files only).`);
      if (req.method === 'HEAD') return reply(req, res, 200, '', { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
      if (!(await context.live.open(req, res, `${target.slug}/${target.name}`, target.version))) {
        return replyError(req, res, 503, 'Too many live previews are open; close some.', { 'Retry-After': RETRY_AFTER });
      }
      return;
    }
  }
}

/** The workbench of one article's translation into `lang`: 404 for an unknown article or language. */
async function serveWorkbench(context: RouteContext, req: IncomingMessage, res: ServerResponse, slug: string, lang: string): Promise<void> {
  const source = (await context.renderer.sources()).find((s) => s.slug === slug);
  if (!source) return unknownFile(context, req, res, slug, '');
  const target = LANGS.find((l) => l === lang && l !== SOURCE_LANG);
  if (!target) return replyError(req, res, 404, `No translation into "${lang}". Languages: ${LANGS.filter((l) => l !== SOURCE_LANG).join(', ')}.`);
  const [state] = await context.renderer.summaries.of([source], context.indexWaitMs, context.renderTimeoutMs);
  const markdown = state?.summary?.article?.title.markdown;
  const title = markdown === undefined ? slug : plainText(parseMarkdown(markdown));
  replyWorkbench(req, res, { slug, lang: target, title });
}

async function unknownFile(context: RouteContext, req: IncomingMessage, res: ServerResponse, slug: string, name: string): Promise<void> {
  const slugs = (await context.renderer.sources()).map((s) => s.slug);
  const message = slugs.includes(slug) ? `"${slug}" has no file "${name}".` : `No article "${slug}". Articles: ${slugs.join(', ') || '(none)'}.`;
  replyError(req, res, 404, message);
}

async function serveFile(
  context: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  source: SourceFile,
  file: ServedFile,
  download: boolean,
): Promise<void> {
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
      const html = render.body.toString('utf8');
      const lang = file.langs.at(-1);
      const preview = livePreview(file.kind.id === 'review' && lang ? withWorkbenchLink(html, file.slug, lang) : html, version);
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
    // The workbench (same origin) frames live previews; everything else stays DENY.
    ...(live ? { 'X-Frame-Options': 'SAMEORIGIN' } : {}),
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

/**
 * The articles as `/` and `/api/status` show them: parsed on workers and cached by their bytes
 * (`summaries.ts`), with the coverage of their translations (read afresh: small JSON files).
 */
async function projectState(context: RouteContext) {
  const { renderer } = context;
  const listing = await renderer.listing();
  const states = await renderer.summaries.of(listing.sources, context.indexWaitMs, context.renderTimeoutMs);
  const parsed = states.flatMap((state) => (state.summary?.article ? [state.summary.article] : []));
  const targets = LANGS.filter((lang) => lang !== SOURCE_LANG);
  const rows: CoverageRow[] = [];
  const diagnostics: Diagnostic[] = [];
  // Article by article: a translation file that cannot be read (a folder, say) is that article's
  // problem, listed with it, not the page's.
  for (const article of parsed) {
    try {
      for (const t of await loadTranslations(renderer.paths, [article], targets)) {
        if (t.result) rows.push(coverageRow(t.result.status));
        diagnostics.push(...t.inputs.diagnostics);
      }
    } catch (error) {
      const file = (error as NodeJS.ErrnoException).path;
      const place = file ? path.relative(renderer.paths.root, file) : article.path;
      diagnostics.push(ruleDiagnostic('briefing:unreadable-file', place, { reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
    }
  }
  return { listing, states, rows, diagnostics };
}

async function serveStatus(context: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { rows } = await projectState(context);
  reply(req, res, 200, `${JSON.stringify(rows, null, 2)}\n`, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
}

async function serveIndex(context: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const paths = context.renderer.paths;
  const { listing, states, rows, diagnostics } = await projectState(context);
  const articles: IndexArticle[] = states.map(({ source, summary }) => {
    const ofArticle = (d: Diagnostic) => d.severity === 'error' && path.basename(d.file).startsWith(`${source.slug}.`);
    const problems = [...(summary?.diagnostics ?? []), ...diagnostics].filter(ofArticle);
    const article = summary?.article;
    return {
      slug: source.slug,
      ...(article ? { titleMarkdown: article.title.markdown, date: article.meta.date ?? isoDate(buildTime()) } : {}),
      coverage: rows.filter((row) => row.slug === source.slug),
      problems: [...new Set(problems)],
    };
  });
  // content/ gone or replaced by a file while serving: the page says so instead of failing.
  if (listing.problem !== undefined) articles.push({ slug: DEFAULTS.folders.content, coverage: [], problems: [listingProblem(listing.problem)] });
  let page: string;
  try {
    page = await indexPage(paths, articles, context.minCoverage);
  } catch (error) {
    if (!(error instanceof CatalogueInputError)) throw error;
    // A file of the page itself (a stylesheet, common.json) is wrong: say which, as renders do.
    return replyError(req, res, 422, `The index page cannot be shown: ${error.message}`);
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

/** Why no article is listed: `content/` cannot be read (its place is the folder itself). */
function listingProblem(reason: string): Diagnostic {
  return ruleDiagnostic('briefing:unreadable-file', DEFAULTS.folders.content, { reason });
}
