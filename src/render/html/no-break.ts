/**
 * The phrases of typography/no-break.ts (`8 Mbit/s`, `130 km/h`, `M. Dupont`) kept on one line in
 * the browser too: a browser may break after the "/" of `Mbit/s` (UAX #14), and at the ordinary
 * spaces English text keeps. Each such phrase inside one text node gets a `<span class="nowrap">`
 * (white-space: nowrap, templates/html/style.css); the copied text is unchanged. Applied after
 * sanitising: the span is the renderer's own, not the author's.
 */
import type { Element, ElementContent, Nodes, Text } from 'hast';
import { CLASS } from '../../core/class-names.js';
import { noBreakSpans } from '../../typography/no-break.js';

/** Where a browser could break: an ordinary space or a slash. No-break spaces already hold. */
const BREAKABLE = /[ \t\n/]/;
/** Elements whose text is left as it is: code keeps its own line rules. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

export function wrapNoBreakPhrases(node: Nodes): void {
  if (!('children' in node)) return;
  if (node.type === 'element' && VERBATIM.has(node.tagName)) return;
  const children: Nodes[] = [];
  for (const child of node.children) {
    if (child.type === 'text') children.push(...split(child));
    else {
      wrapNoBreakPhrases(child);
      children.push(child);
    }
  }
  node.children = children as typeof node.children;
}

/** The text node as text and `span.nowrap` pieces (the node itself when nothing needs wrapping). */
function split(text: Text): ElementContent[] {
  const value = text.value;
  const spans = merged(noBreakSpans(value)).filter(([from, to]) => BREAKABLE.test(value.slice(from, to)));
  if (spans.length === 0) return [text];
  const out: ElementContent[] = [];
  let at = 0;
  for (const [from, to] of spans) {
    if (from > at) out.push({ type: 'text', value: value.slice(at, from) });
    const span: Element = {
      type: 'element',
      tagName: 'span',
      properties: { className: [CLASS.noWrap] },
      children: [{ type: 'text', value: value.slice(from, to) }],
    };
    out.push(span);
    at = to;
  }
  if (at < value.length) out.push({ type: 'text', value: value.slice(at) });
  return out;
}

/** Overlapping phrases made one, in order. */
function merged(spans: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [from, to] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out.at(-1);
    if (last && from < last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
