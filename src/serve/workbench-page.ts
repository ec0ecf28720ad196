/**
 * `GET /translate/<slug>?lang=en`: the translator's workbench, a server-rendered shell (title,
 * progress, filters, shortcuts, the preview frame) that its script (`assets/workbench.js`, a
 * plain ES module served as `/__briefing/workbench.js`) fills from `GET /api/translate/<slug>`
 * and saves through the API's POST endpoints. Every text reaches the page through the hast
 * serialiser; the script puts untrusted text in with `textContent` only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { PACKAGE_ROOT } from '../core/paths.js';
import { SOURCE_LANG } from '../core/types.js';
import { reply } from './respond.js';
import type { WorkbenchAsset } from './url-path.js';

/** What the shell shows before its script has loaded the units. */
export interface WorkbenchShell {
  slug: string;
  /** Target language (`en`). */
  lang: string;
  /** The article's title, plain text, in French. */
  title: string;
}

/** The workbench's CSP: its own script and stylesheet, its API, and the preview frame (same origin). */
export const WORKBENCH_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; frame-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Keyboard shortcuts, as the page lists them (the script binds the same keys). */
const SHORTCUTS: readonly [string, string][] = [
  ['Alt+↓ / Alt+↑', 'next / previous unit'],
  ['Alt+N', 'next missing or stale unit'],
  ['Ctrl+S or Ctrl+Enter', 'save the unit'],
  ['Alt+R', 'mark the unit reviewed (and save it)'],
  ['Alt+C', 'copy the French into the field'],
];

/** The page's HTML. */
export function workbenchHtml(shell: WorkbenchShell): string {
  const { slug, lang, title } = shell;
  const file = `locales/${lang}/${slug}.json`;
  const preview = `/briefings/${encodeURIComponent(slug)}/${encodeURIComponent(`${slug}.${lang}.html`)}`;
  const filter = (value: string, label: string) => h('label', [h('input', { type: 'checkbox', name: 'filter', value }), ` ${label}`]);
  const button = (action: string, label: string, keys: string) => h('button', { type: 'button', dataAction: action, title: keys }, label);
  const head = [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'referrer', content: 'no-referrer' }),
    h('meta', { name: 'robots', content: 'noindex' }),
    h('title', `Translate: ${title}`),
    h('link', { rel: 'stylesheet', href: '/__briefing/workbench.css' }),
    h('script', { type: 'module', src: '/__briefing/workbench.js' }),
  ];
  const header = h('header', { className: ['wb-head'] }, [
    h('nav', { ariaLabel: 'Briefing' }, [
      h('a', { href: '/' }, 'All briefings'),
      ' · ',
      h('a', { href: `/briefings/${encodeURIComponent(slug)}/${encodeURIComponent(`${slug}.review.html`)}` }, 'Review page'),
      ' · ',
      h('a', { href: preview }, 'English preview'),
    ]),
    h('p', { className: ['wb-kicker'] }, ['Translating into English · ', h('code', file)]),
    h('h1', { lang: SOURCE_LANG }, title),
    h('div', { className: ['wb-progress'] }, [
      h('label', [h('span', 'Translated '), h('progress', { id: 'progress-translated', max: 1, value: 0 })]),
      h('label', [h('span', 'Reviewed '), h('progress', { id: 'progress-reviewed', max: 1, value: 0 })]),
      h('p', { id: 'progress-text' }, 'Loading the units…'),
    ]),
    h('div', { className: ['wb-tools'] }, [
      h('fieldset', { className: ['wb-filters'] }, [
        h('legend', 'Show only'),
        filter('missing', 'missing'),
        filter('stale', 'stale'),
        filter('warnings', 'with warnings'),
      ]),
      h('div', { className: ['wb-nav'], role: 'group', ariaLabel: 'Move between units' }, [
        button('previous', 'Previous unit', 'Alt+↑'),
        button('next', 'Next unit', 'Alt+↓'),
        button('next-todo', 'Next to translate', 'Alt+N'),
      ]),
    ]),
    h('details', { className: ['wb-shortcuts'] }, [
      h('summary', 'Keyboard shortcuts'),
      h(
        'dl',
        SHORTCUTS.flatMap(([keys, what]) => [h('dt', h('kbd', keys)), h('dd', what)]),
      ),
    ]),
    h('p', { id: 'wb-status', role: 'status' }),
  ]);
  const layout = h('div', { className: ['wb-layout'] }, [
    h('main', { id: 'units', className: ['wb-units'], dataSlug: slug, dataLang: lang, ariaLabel: 'Units to translate' }, [
      h('noscript', 'The workbench needs JavaScript; the review page shows the same units read-only.'),
    ]),
    h('aside', { className: ['wb-preview'], ariaLabel: 'Preview' }, [
      h('h2', 'English briefing (live)'),
      h('iframe', { id: 'wb-preview', title: 'English briefing, live preview', src: preview }),
    ]),
  ]);
  const tree: Root = {
    type: 'root',
    children: [{ type: 'doctype' }, h('html', { lang: 'en' }, [h('head', head), h('body', [header, layout])])],
  };
  return `${toHtml(tree, { allowDangerousCharacters: true, characterReferences: { useNamedReferences: true } })}\n`;
}

/**
 * The review page as the service shows it: a link to the workbench at the top of its body. Only
 * the service adds it (files written by `briefing build` have no server behind them, so theirs
 * stay as built); `slug` and `lang` are a served slug and a language code, serialised by hast.
 */
export function withWorkbenchLink(html: string, slug: string, lang: string): string {
  const href = `/translate/${encodeURIComponent(slug)}?lang=${encodeURIComponent(lang)}`;
  const link = h('p', { style: 'margin:0;padding:.5rem 1rem;background:#eef4fa;font:16px/1.5 system-ui,sans-serif' }, [
    h('a', { href }, 'Translate in the browser'),
    ' — edit these units beside the French, checked as you type.',
  ]);
  const body = html.indexOf('<body>');
  if (body < 0) return html;
  const at = body + '<body>'.length;
  return `${html.slice(0, at)}\n${toHtml(link)}${html.slice(at)}`;
}

/** The page's response (200, its own CSP, never cached: the shell names the current title). */
export function replyWorkbench(req: IncomingMessage, res: ServerResponse, shell: WorkbenchShell): void {
  reply(req, res, 200, workbenchHtml(shell), {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': WORKBENCH_CSP,
    'Cache-Control': 'no-store',
  });
}

const ASSET_TYPES: Record<WorkbenchAsset, string> = {
  'workbench.js': 'text/javascript; charset=utf-8',
  'workbench.css': 'text/css; charset=utf-8',
};
/** The tool's own files (read once): `assets/` of the package, never a project's folder. */
const assets = new Map<WorkbenchAsset, Buffer>();

/** `/__briefing/workbench.js|css`. */
export function replyWorkbenchAsset(req: IncomingMessage, res: ServerResponse, name: WorkbenchAsset): void {
  let body = assets.get(name);
  if (!body) {
    body = readFileSync(path.join(PACKAGE_ROOT, 'assets', name));
    assets.set(name, body);
  }
  reply(req, res, 200, body, { 'Content-Type': ASSET_TYPES[name], 'Cache-Control': 'no-cache' });
}
