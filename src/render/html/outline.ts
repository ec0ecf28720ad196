/**
 * Splits the hast body of a briefing into the parts the page lays out separately:
 * the title (first top-level `h1`), the lead (blocks before the first `h2`) and one part per `h2`.
 */
import type { Element, RootContent } from 'hast';

export interface Outline {
  title: Element | undefined;
  lead: RootContent[];
  sections: RootContent[][];
}

export function splitOutline(children: readonly RootContent[]): Outline {
  let title: Element | undefined;
  const lead: RootContent[] = [];
  const sections: RootContent[][] = [];
  for (const node of children) {
    if (isElement(node, 'h1') && !title) {
      title = node;
    } else if (isElement(node, 'h2')) {
      sections.push([node]);
    } else {
      (sections.at(-1) ?? lead).push(node);
    }
  }
  return { title, lead, sections };
}

export function isElement(node: { type: string } | undefined, tagName?: string): node is Element {
  return node?.type === 'element' && (tagName === undefined || (node as Element).tagName === tagName);
}

/** Whether `node` has the class `name`. */
export function hasClass(node: Element, name: string): boolean {
  const value = node.properties.className;
  return Array.isArray(value) ? value.includes(name) : value === name;
}
