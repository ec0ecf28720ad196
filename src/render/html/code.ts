/**
 * Formulas in HTML: a `$$` block becomes `<pre class="math"><code class="language-math">` and
 * `$$…$$` inside a line `<code class="language-math">`, holding the formula's source as text (no
 * math engine runs: the source is what every format shows). Code blocks need no handler:
 * mdast-util-to-hast already writes `<pre><code class="language-x">`.
 */
import type { Element } from 'hast';
import type { InlineMath, Math as MathBlock } from 'mdast-util-math';
import type { Handlers, State } from 'mdast-util-to-hast';
import { CLASS } from '../../core/class-names.js';

const MATH_CODE_CLASS = 'language-math';

function math(state: State, node: MathBlock): Element {
  const code: Element = {
    type: 'element',
    tagName: 'code',
    properties: { className: [MATH_CODE_CLASS] },
    children: [{ type: 'text', value: `${node.value}\n` }],
  };
  const result: Element = { type: 'element', tagName: 'pre', properties: { className: [CLASS.math] }, children: [code] };
  state.patch(node, result);
  // The node's own hName/hChildren (set by mdast-util-math) are not applied: the shape is ours.
  return state.applyData({ ...node, data: { ...node.data, hName: undefined, hChildren: undefined } } as MathBlock, result);
}

function inlineMath(state: State, node: InlineMath): Element {
  const result: Element = { type: 'element', tagName: 'code', properties: { className: [MATH_CODE_CLASS] }, children: [{ type: 'text', value: node.value }] };
  state.patch(node, result);
  return result;
}

/** Handlers to pass to `toHast` for `$$` formulas. */
export const mathHandlers: Handlers = { math, inlineMath };
