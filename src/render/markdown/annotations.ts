/**
 * Marks left in the content template's output as HTML comments, turned into `node.data` on the
 * block that follows and then removed:
 * - `<!-- briefing:section ID -->` → `data.id`, `data.hProperties.id` on the heading;
 * - `<!-- briefing:fallback REASON -->` → `data.fallback = 'fr'`, `data.fallbackReason` (`missing`
 *   or `stale`), `lang="fr" class="fallback"` (plus `stale`);
 * - `<!-- briefing:figure -->` → `data.figure = true`, `class="figure"` on a key figure's line.
 */
import type { Root, RootContent } from 'mdast';

const MARK = /^<!--\s*briefing:(section|fallback|figure)(?:\s+([a-z0-9-]+))?\s*-->$/;

export interface NodeData {
  id?: string;
  fallback?: 'fr';
  fallbackReason?: 'missing' | 'stale';
  /** A key figure's line (`**value** — label`), laid out in the key-figures box. */
  figure?: boolean;
  hProperties?: Record<string, unknown>;
}

/** Applies and removes the marks; returns the ids in order of the headings that carry one. */
export function applyAnnotations(tree: Root, headingFallbacks: ReadonlyMap<string, 'missing' | 'stale'>): Root {
  const children: RootContent[] = [];
  let pending: { kind: string; id?: string }[] = [];
  for (const node of tree.children) {
    const match = node.type === 'html' ? MARK.exec(node.value.trim()) : null;
    if (match) {
      pending.push({ kind: match[1] ?? '', ...(match[2] ? { id: match[2] } : {}) });
      continue;
    }
    for (const mark of pending) annotate(node, mark, headingFallbacks);
    pending = [];
    children.push(node);
  }
  return { ...tree, children };
}

function annotate(node: RootContent, mark: { kind: string; id?: string }, headingFallbacks: ReadonlyMap<string, 'missing' | 'stale'>): void {
  const data = ((node as { data?: NodeData }).data ??= {});
  if (mark.kind === 'section' && mark.id) {
    data.id = mark.id;
    data.hProperties = { ...data.hProperties, id: mark.id };
    const reason = headingFallbacks.get(mark.id);
    if (reason) markFallback(data, reason);
  } else if (mark.kind === 'fallback') {
    markFallback(data, mark.id === 'stale' ? 'stale' : 'missing');
  } else if (mark.kind === 'figure') {
    data.figure = true;
    addClass(data, FIGURE_CLASS);
  }
}

/** Class of a key figure's paragraph (HTML). */
export const FIGURE_CLASS = 'figure';

function addClass(data: NodeData, name: string): void {
  const current = data.hProperties?.className;
  const list = Array.isArray(current) ? current.map(String) : [];
  data.hProperties = { ...data.hProperties, className: [...list, name] };
}

function markFallback(data: NodeData, reason: 'missing' | 'stale'): void {
  data.fallback = 'fr';
  data.fallbackReason = reason;
  data.hProperties = { ...data.hProperties, lang: 'fr' };
  addClass(data, 'fallback');
  if (reason === 'stale') addClass(data, 'stale');
}
