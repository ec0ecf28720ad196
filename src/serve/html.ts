/**
 * The service's own pages (error pages; the index is publish's) as hast trees, the preview's CSP,
 * and the live preview's script tag. Every text reaches the page through hast-util-to-html.
 */
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { ElementContent, Root } from 'hast';

/** CSP of the service's own pages: inline styles, nothing else (scripts only where `live`). */
export function pageCsp(live: boolean): string {
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:;${live ? " script-src 'self'; connect-src 'self';" : ''} base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

const SHELL_CSS = `
body{font:16px/1.5 system-ui,"DejaVu Sans",sans-serif;color:#1a1a1a;background:#fafaf7;margin:0}
main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
a{color:#0b4f8a}
code,pre{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92em}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fdf0f2;border-left:3px solid #b00020;padding:.6rem .8rem}
`;

/** A complete page of the service (error pages): `body` is a list of hast nodes. */
export function shell(title: string, body: readonly ElementContent[], options: { lang?: string; liveVersion?: string } = {}): string {
  const head = [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'referrer', content: 'no-referrer' }),
    h('title', title),
    h('style', SHELL_CSS),
    ...(options.liveVersion === undefined ? [] : [liveScript(options.liveVersion)]),
  ];
  const tree: Root = {
    type: 'root',
    children: [{ type: 'doctype' }, h('html', { lang: options.lang ?? 'en' }, [h('head', head), h('body', [h('main', [...body])])])],
  };
  return `${serialize(tree)}\n`;
}

/** The same-origin reload script of a live page; `version` is the render it shows ('' when none). */
function liveScript(version: string) {
  return h('script', { src: '/__briefing/live.js', dataVersion: version, defer: true });
}

function serialize(tree: Root | ReturnType<typeof h>): string {
  return toHtml(tree, { allowDangerousCharacters: true, characterReferences: { useNamedReferences: true } });
}

const META_CSP = /<meta\s+http-equiv=(["'])Content-Security-Policy\1\s+content=(?:"([^"]*)"|'([^']*)')\s*\/?>\s*/i;
/** What the HTML template declares when a project's template has no CSP of its own. */
const BRIEFING_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The CSP a built HTML briefing declares in its `<meta>` (for the download's header too). */
export function briefingCsp(html: string): string {
  const match = META_CSP.exec(html);
  return match ? (match[2] ?? match[3] ?? BRIEFING_CSP) : BRIEFING_CSP;
}

/**
 * The live preview of a built HTML page: its own CSP moved from `<meta>` (where it would forbid
 * the reload script, since policies only add up) to a header that keeps every directive and adds
 * `script-src 'self'` and `connect-src 'self'`, and the same-origin reload script. Built files
 * keep their CSP untouched: this is only the response of a preview.
 */
export function livePreview(html: string, version: string): { html: string; csp: string } {
  const directives = briefingCsp(html)
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !/^(script-src|connect-src)\b/i.test(d));
  // Framed by the same origin only: the translator's workbench shows the preview beside its units.
  const csp = [...directives, "script-src 'self'", "connect-src 'self'", "frame-ancestors 'self'"].join('; ');
  const tag = `${serialize(liveScript(version))}\n`;
  const stripped = html.replace(META_CSP, '');
  const head = stripped.indexOf('</head>');
  return { html: head < 0 ? tag + stripped : stripped.slice(0, head) + tag + stripped.slice(head), csp };
}
