/**
 * Callouts in the document tree: a block quote marked `<!-- briefing:callout TYPE -->` whose first
 * paragraph is its label or title. HTML shows it as `<aside class="callout callout-TYPE" role="note">`
 * (through `data.hName`), the PDF as a tinted box (render/pdf/callout.ts), the Markdown edition as
 * a GitHub alert (`> [!TIP]`), which reads as a quote wherever alerts are not understood.
 */
import type { Blockquote, Data, PhrasingContent, RootContent } from 'mdast';
import type { CalloutType } from '../../core/node-data.js';
import { CLASS } from '../../core/class-names.js';
import { ALERT_NAME } from '../../parse/callout-types.js';

const TYPES: readonly string[] = Object.keys(ALERT_NAME);

/** Whether a mark's argument names a callout type. */
export function isCalloutType(value: string | undefined): value is CalloutType {
  return value !== undefined && TYPES.includes(value);
}

/** Sets a callout's data: its type, its HTML element and classes, and its label paragraph's class. */
export function markCallout(node: Blockquote, type: CalloutType): void {
  const data: Data = node.data ?? {};
  const classes = data.hProperties?.className;
  data.callout = type;
  data.hName = 'aside';
  data.hProperties = {
    ...data.hProperties,
    className: [...(Array.isArray(classes) ? classes.map(String) : []), CLASS.callout, `${CLASS.callout}-${type}`],
    role: 'note',
  };
  node.data = data;
  const label = node.children[0];
  if (label?.type === 'paragraph') label.data = { ...label.data, hProperties: { ...label.data?.hProperties, className: [CLASS.calloutLabel] } };
}

/** The Markdown edition's form of a block: a callout gets the GitHub alert marker as its first line. */
export function calloutAsAlert(node: RootContent): RootContent {
  if (node.type !== 'blockquote' || !node.data?.callout) return node;
  // The marker is fixed text from ALERT_NAME, written raw so that `[` is not escaped, on the
  // quote's first line with the label or title on the next (GitHub's form).
  const marker: PhrasingContent[] = [
    { type: 'html', value: `[!${ALERT_NAME[node.data.callout]}]` },
    { type: 'text', value: '\n' },
  ];
  const [label, ...rest] = node.children;
  if (label?.type !== 'paragraph') return { ...node, children: [{ type: 'paragraph', children: marker.slice(0, 1) }, ...node.children] };
  return { ...node, children: [{ ...label, children: [...marker, ...label.children] }, ...rest] };
}
