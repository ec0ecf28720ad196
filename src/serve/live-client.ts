/**
 * `/__briefing/live.js`: the script a live preview loads (same origin, so the page's CSP only has
 * to allow `script-src 'self'`). It listens to the page's event stream: `reload` reloads the page,
 * `problem` lays the diagnostics over the page as it was, `ok` takes them away.
 *
 * Diagnostics are untrusted text (a translator's JSON, a template's message): they are put into
 * the page with `textContent` only, never as markup.
 */
export const LIVE_CLIENT = `(() => {
  'use strict';
  const script = document.currentScript;
  const version = (script && script.dataset.version) || '';
  const events = new EventSource('/__briefing/events' + location.pathname + '?v=' + encodeURIComponent(version));
  let overlay = null;
  events.addEventListener('reload', () => {
    events.close();
    location.reload();
  });
  events.addEventListener('problem', (event) => show(JSON.parse(event.data)));
  events.addEventListener('ok', () => hide());
  addEventListener('pagehide', () => events.close());

  function el(tag, style, text) {
    const node = document.createElement(tag);
    node.style.cssText = style;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }
  function show(problem) {
    hide();
    overlay = el('div', 'position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.55);display:flex;align-items:flex-start;justify-content:center;padding:5vh 1rem;overflow:auto;font:15px/1.45 system-ui,sans-serif');
    overlay.id = 'briefing-live-overlay';
    const box = el('section', 'background:#fff;color:#1a1a1a;max-width:56rem;width:100%;border-top:6px solid #b00020;border-radius:4px;box-shadow:0 8px 30px rgba(0,0,0,.35);padding:1.25rem 1.5rem');
    box.setAttribute('role', 'alert');
    box.setAttribute('aria-labelledby', 'briefing-live-overlay-title');
    const title = el('h2', 'margin:0 0 .5rem;padding:0;border:0;font:700 1.15rem/1.3 system-ui,sans-serif;color:#b00020;letter-spacing:0;text-transform:none', problem.title);
    title.id = 'briefing-live-overlay-title';
    box.append(title, el('p', 'margin:0 0 1rem', problem.hint));
    const list = el('ul', 'list-style:none;margin:0;padding:0');
    for (const d of problem.diagnostics) {
      const item = el('li', 'margin:0 0 .75rem;padding:.5rem .75rem;background:#fdf0f2;border-left:3px solid #b00020;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.4 ui-monospace,DejaVu Sans Mono,monospace');
      item.append(el('strong', '', d.file + ':' + d.line + ':' + d.column), document.createTextNode('  ' + d.message + '  '), el('span', 'color:#555', d.ruleId));
      list.append(item);
    }
    box.append(list);
    overlay.append(box);
    document.body.append(overlay);
  }
})();
`;
