/** Small pieces of the service's own pages: escaping, the page shell, the preview's CSP. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** CSP of the service's own pages: inline styles, nothing else (scripts only where `live`). */
export function pageCsp(live: boolean): string {
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:;${live ? " script-src 'self'; connect-src 'self';" : ''} base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

/** A complete page of the service (index, error pages), `body` already escaped. */
export function shell(title: string, body: string, options: { lang?: string; script?: string } = {}): string {
  return `<!doctype html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
body{font:16px/1.5 system-ui,"DejaVu Sans",sans-serif;color:#1a1a1a;background:#fafaf7;margin:0}
main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
a{color:#0b4f8a}
table{border-collapse:collapse;width:100%;margin:1rem 0 2rem;background:#fff}
th,td{border:1px solid #d6d6d0;padding:.45rem .6rem;text-align:left;vertical-align:top}
th{background:#f0efe9}
.muted{color:#555}
.warn{color:#8a4b00}
.error{color:#b00020}
code,pre{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92em}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fdf0f2;border-left:3px solid #b00020;padding:.6rem .8rem}
</style>
${options.script ?? ''}</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
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
  const csp = [...directives, "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"].join('; ');
  const tag = `<script src="/__briefing/live.js" data-version="${escapeHtml(version)}" defer></script>\n`;
  const stripped = html.replace(META_CSP, '');
  const head = stripped.indexOf('</head>');
  return { html: head < 0 ? tag + stripped : stripped.slice(0, head) + tag + stripped.slice(head), csp };
}
