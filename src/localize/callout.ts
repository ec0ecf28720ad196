/**
 * A callout in one language: its title (or, when the source gives none, the type's label from
 * `common.json`, `callout.tip` → "Astuce"/"Tip") as a bold first paragraph, then its blocks, in a
 * block quote marked `data.callout` (the content view writes the `<!-- briefing:callout TYPE -->`
 * mark from it). When any part is shown in French the whole callout is marked as a fallback.
 */
import type { BlockContent, Blockquote, PhrasingContent } from 'mdast';
import type { LocalizedBlock, LocalizedInline, Segment, UnitState } from '../core/types.js';
import type { CalloutType } from '../core/node-data.js';
import { fallbackState } from './units.js';

/** How localize turns a part into its language. */
export interface CalloutLocalizer {
  block: (segment: Segment) => LocalizedBlock;
  inline: (segment: Segment) => LocalizedInline;
  label: (type: CalloutType) => string;
}

export function localizeCallout(segment: Segment, edition: LocalizedBlock['lang'], localizer: CalloutLocalizer): LocalizedBlock {
  const type = segment.callout ?? 'note';
  const parts = segment.parts ?? [];
  const titlePart = parts.find((part) => part.key === `${segment.key}.title`);
  const title = titlePart ? localizer.inline(titlePart) : undefined;
  const blocks = parts.filter((part) => part !== titlePart).map(localizer.block);
  const label: PhrasingContent[] = title ? title.children : [{ type: 'text', value: localizer.label(type) }];
  const quote: Blockquote = {
    type: 'blockquote',
    children: [{ type: 'paragraph', children: [{ type: 'strong', children: label }] }, ...blocks.flatMap((block) => block.nodes)] as BlockContent[],
    data: { callout: type },
  };
  const units: { state: UnitState; lang: LocalizedBlock['lang'] }[] = [...(title ? [title] : []), ...blocks];
  const fellBack = units.filter((unit) => unit.lang !== edition);
  const state: UnitState = fellBack.length === 0 ? (units[0]?.state ?? 'source') : fallbackState(fellBack);
  return { key: segment.key, nodes: [quote], state, lang: fellBack.length === 0 ? edition : (fellBack[0]?.lang ?? edition) };
}
