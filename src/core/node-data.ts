/**
 * The fields this project keeps on mdast `node.data`, declared once by module augmentation (as
 * mdast-util-to-hast declares `hName` and `hProperties`), so every stage reads them typed.
 *
 * They are set by render/markdown (annotations.ts) from the content template's marks, on the
 * top-level blocks of a `BriefingDocument`'s tree, and read by every renderer. hast needs no
 * field of its own: what HTML must know travels as classes (`hProperties`).
 */
import type { Nodes, Paragraph, PhrasingContent } from 'mdast';

/** Why a block is shown in French in another language's edition. */
export type FallbackReason = 'missing' | 'stale' | 'invalid';

/** The interface string (locales/<lang>/common.json) of the note shown before a block shown in French, by reason. */
export const FALLBACK_NOTE: Readonly<Record<FallbackReason, string>> = { missing: 'fallbackNote', stale: 'staleNote', invalid: 'invalidNote' };

/**
 * A key figure as data, so that no renderer has to split its Markdown line (`**value** — label`)
 * back into parts. Both parts are typeset like the rest of the document.
 */
export interface KeyFigureData {
  /** The figure's id, its position in the front matter's `figures:` from 1 (`figures.<id>.label` in the locale files). */
  id: string;
  /** The figure written for its label's language: "$1 billion", "1 milliard de dollars". */
  value: string;
  /** The label's inline content (translated, or French when it falls back). */
  label: PhrasingContent[];
}

/**
 * A local image read by the pipeline (src/pipeline/read-images.ts), checked as PNG or JPEG within
 * the limits, set on its mdast `image` node: HTML embeds it as a data URI, the PDF draws it.
 */
export interface ImageAsset {
  mime: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** The kinds of callout (admonition) a block can be: every dialect's names map onto these (src/parse/callout-types.ts). */
export type CalloutType = 'note' | 'tip' | 'warning' | 'important';

declare module 'mdast' {
  interface Data {
    /** On a section heading: the section's stable id (`<!-- briefing:section ID -->`). */
    id?: string | undefined;
    /** On a block shown in French in another edition (`<!-- briefing:fallback REASON -->`). */
    fallback?: 'fr' | undefined;
    /** With `fallback`: why the French is shown. */
    fallbackReason?: FallbackReason | undefined;
    /** On a key figure's paragraph (`<!-- briefing:figure ID -->`): its value and label. */
    figure?: KeyFigureData | undefined;
    /** On the standfirst's paragraph (`<!-- briefing:standfirst -->`). */
    standfirst?: true | undefined;
    /** On the paragraph holding a figure's one image (`<!-- briefing:image -->`). */
    image?: true | undefined;
    /** On a figure's caption paragraph (`<!-- briefing:caption -->`), right after its image. */
    caption?: true | undefined;
    /** On a figure's `image` node: the local image to embed. Absent: the image is shown as a frame. */
    asset?: ImageAsset | undefined;
    /** On a blockquote that is a callout (`<!-- briefing:callout TYPE -->`, or a source's `:::`/`> [!TIP]`): its type. */
    callout?: CalloutType | undefined;
    /** In a parsed article only: a callout's title as written in the source (`::: tip Titre`). */
    calloutTitle?: PhrasingContent[] | undefined;
    /** On a footnote definition and the calls to it: the note's number, 1, 2… in the Notes' order (render/markdown/notes.ts). */
    noteNumber?: number | undefined;
    /** On a footnote call: which call to its note it is (1 the first), so each call's HTML id is unique. */
    noteCall?: number | undefined;
    /** On the list a PDF sets a footnote as (render/pdf/notes.ts): the named destination of its number. */
    noteDestination?: string | undefined;
  }
}

/** A key figure's paragraph: a paragraph that carries {@link KeyFigureData}. */
export type KeyFigureParagraph = Paragraph & { data: { figure: KeyFigureData } };

/** Whether `node` is a key figure's paragraph (only the content template's marks make one). */
export function isKeyFigure(node: Nodes): node is KeyFigureParagraph {
  return node.type === 'paragraph' && node.data?.figure !== undefined;
}
