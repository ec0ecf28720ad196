/**
 * The only way a request URL reaches the file system. The request target is decoded exactly once
 * and refused outright if the decoded text could mean anything but a plain name: a `%` left over
 * (double encoding), a backslash, NUL or another control character, `..`, an empty segment
 * (`//etc/passwd`) or anything that is not an origin-form path. What survives is only *names*
 * (a slug, a file name), which routes then look up among the articles `listSources` finds and
 * the files the catalogue offers: a path is never built from URL text.
 */

export type RequestTarget =
  | { route: 'index' }
  | { route: 'status' }
  | { route: 'live-client' }
  | { route: 'file'; slug: string; name: string; download: boolean }
  | { route: 'events'; slug: string; name: string; version: string }
  /** The workbench's data (`GET /api/translate/<slug>?lang=`); `lang` undefined when not given. */
  | { route: 'translate-data'; slug: string; lang: string | undefined }
  /** The workbench's writes (`POST /api/translate/<slug>/check|save?lang=`). */
  | { route: 'translate-write'; slug: string; lang: string | undefined; action: 'check' | 'save' }
  | { route: 'workbench'; slug: string; lang: string }
  | { route: 'workbench-asset'; name: WorkbenchAsset }
  | { route: 'not-found' }
  | { route: 'bad'; reason: string };

/** The workbench's own files under `/__briefing/` (docs: docs/translating.md). */
export type WorkbenchAsset = 'workbench.js' | 'workbench.css';
const WORKBENCH_ASSETS: ReadonlySet<string> = new Set<WorkbenchAsset>(['workbench.js', 'workbench.css']);
/** A language code as the workbench takes it (`?lang=en`); routes look it up among the project's languages. */
const LANG = /^[a-z]{2,3}$/;

/** A slug as served: content file names outside this set are not reachable over HTTP. */
const SLUG = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
/** `<slug>.<part>[.<part>…]`, parts of letters, digits, `_` and `-`. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}(?:\.[A-Za-z0-9_-]{1,32}){1,4}$/;
/** The version a live page reports: an ETag body (base64url). */
const VERSION = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_TARGET = 2048;

export function parseRequestTarget(raw: string): RequestTarget {
  if (raw.length > MAX_TARGET) return { route: 'bad', reason: 'request target too long' };
  // Origin form only: absolute URLs (`GET http://…`), `*` and relative forms are refused.
  if (!raw.startsWith('/')) return { route: 'bad', reason: 'not a path' };
  const query = raw.indexOf('?');
  const encoded = query < 0 ? raw : raw.slice(0, query);
  const params = new URLSearchParams(query < 0 ? '' : raw.slice(query + 1));
  let path: string;
  try {
    path = decodeURIComponent(encoded);
  } catch {
    return { route: 'bad', reason: 'malformed percent-encoding' };
  }
  // After one decoding a `%` can only come from double encoding (`%252e`): never legitimate here.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters in a URL path are refused on purpose
  if (/[%\\\u0000-\u001f\u007f]/.test(path) || path.includes('..')) return { route: 'bad', reason: 'forbidden characters in path' };
  if (path === '/' || path === '/index.html') return { route: 'index' };
  const segments = path.slice(1).split('/');
  // `//etc/passwd`, `/a//b`: an empty segment could turn into an absolute path; a trailing slash
  // asks for a folder, and there is no folder listing.
  if (segments.slice(0, -1).some((segment) => segment === '') || segments.includes('.')) return { route: 'bad', reason: 'empty path segment' };
  if (segments.at(-1) === '') return { route: 'not-found' };

  if (path === '/api/status') return { route: 'status' };
  if (path === '/__briefing/live.js') return { route: 'live-client' };
  const [first, second, third, fourth, fifth] = segments;
  if (first === '__briefing' && segments.length === 2 && WORKBENCH_ASSETS.has(second!)) return { route: 'workbench-asset', name: second as WorkbenchAsset };
  // `/translate/<slug>?lang=en`: the translator's workbench.
  if (first === 'translate' && segments.length === 2) {
    const lang = params.get('lang') ?? 'en';
    if (!SLUG.test(second!)) return { route: 'not-found' };
    if (!LANG.test(lang)) return { route: 'bad', reason: 'malformed language' };
    return { route: 'workbench', slug: second!, lang };
  }
  // `/briefings/<slug>/<name>`
  if (first === 'briefings' && segments.length === 3) {
    const file = fileTarget(second!, third!);
    return file ? { route: 'file', ...file, download: params.has('download') } : { route: 'not-found' };
  }
  // `/__briefing/events/briefings/<slug>/<name>`: the live page's own path, prefixed.
  if (first === '__briefing' && second === 'events' && third === 'briefings' && segments.length === 5) {
    const file = fileTarget(fourth!, fifth!);
    const version = params.get('v') ?? '';
    if (version !== '' && !VERSION.test(version)) return { route: 'bad', reason: 'malformed version' };
    return file ? { route: 'events', ...file, version } : { route: 'not-found' };
  }
  // `/api/translate/<slug>` and `/api/translate/<slug>/check|save`
  if (first === 'api' && second === 'translate' && third !== undefined && SLUG.test(third)) {
    const lang = params.get('lang') ?? undefined;
    if (segments.length === 3) return { route: 'translate-data', slug: third, lang };
    if (segments.length === 4 && (fourth === 'check' || fourth === 'save')) return { route: 'translate-write', slug: third, lang, action: fourth };
  }
  return { route: 'not-found' };
}

function fileTarget(slug: string, name: string): { slug: string; name: string } | undefined {
  if (!SLUG.test(slug) || !FILE_NAME.test(name) || !name.startsWith(`${slug}.`)) return undefined;
  return { slug, name };
}
