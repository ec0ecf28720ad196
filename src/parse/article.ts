/** mdast of a French source → `Article`: title, lead, sections, one `Segment` per translation unit. */
import type { Root, RootContent, Heading, PhrasingContent } from 'mdast';
import type { Article, ArticleMeta, Place, Section, Segment } from '../core/types.js';
import { ruleDiagnostic, type Diagnostic } from '../core/errors.js';
import { blocksToMarkdown, inlineToMarkdown, inlineToParagraphLine } from '../core/markdown.js';
import { uniqueSlugger } from '../core/slug.js';
import { sectionNesting } from './sections.js';
import { isVerbatimBlock, verbatimSegment } from './code.js';
import { tableSegment } from './tables.js';
import { imageBlock, inlineImagesAsText, splitFigures } from './images.js';
import { calloutSegment } from './callout-segment.js';
import { extractNotes } from './footnotes.js';
import { toString as plainText } from 'mdast-util-to-string';
import { placeOf } from './place.js';

/** Block types that become translation units; anything else is reported and skipped. */
const BLOCK_KINDS = { paragraph: 'paragraph', list: 'list', blockquote: 'blockquote' } as const;

export function assembleArticle(tree: Root, meta: ArticleMeta, slug: string, file: string, diagnostics: Diagnostic[]): Article {
  // Footnote definitions leave the body: they become the article's notes.
  const notes = extractNotes(tree, file, diagnostics);
  const body = tree.children.filter((node) => node.type !== 'yaml');
  const first = body[0];
  let title: Segment;
  if (meta.title) {
    title = segment('title', 'title', inlineToMarkdown([{ type: 'text', value: meta.title }], 1), { line: 1, column: 1 });
  } else if (first?.type === 'heading' && first.depth === 1) {
    body.shift();
    title = segment('title', 'title', inlineToMarkdown(first.children, 1), placeOf(first));
  } else {
    diagnostics.push(ruleDiagnostic('briefing:missing-title', file, {}));
    title = segment('title', 'title', inlineToMarkdown([{ type: 'text', value: slug }], 1), { line: 1, column: 1 });
  }

  const lead: Segment[] = [];
  const sections: Section[] = [];
  const nextId = uniqueSlugger();
  const placeSection = sectionNesting();
  for (const node of body) {
    if (node.type === 'heading') {
      // An id written in the source (`## Titre {#mon-id}`, ./heading-attributes.ts) is used, slugged.
      const id = nextId(node.data?.id ?? plainText(node));
      const heading = segment(`sections.${id}.heading`, 'heading', headingText(node), placeOf(node));
      if (!heading.markdown.trim()) diagnostics.push(ruleDiagnostic('briefing:empty-heading', file, {}, placeOf(node)));
      sections.push({ id, ...placeSection(node.depth, id), heading, blocks: [] });
      continue;
    }
    // A block goes to the current section, or to the lead before the first heading; its key is its rank there.
    const current = sections.at(-1);
    const list = current ? current.blocks : lead;
    const nextKey = () => (current ? `sections.${current.id}.${list.length + 1}` : `lead.${list.length + 1}`);
    if (node.type === 'blockquote' && node.data?.callout) {
      list.push(
        calloutSegment(node, nextKey(), (inner) =>
          diagnostics.push(ruleDiagnostic('briefing:unsupported-block', file, { what: describe(inner) }, placeOf(inner))),
        ),
      );
    } else if (node.type in BLOCK_KINDS) {
      const kind = BLOCK_KINDS[node.type as keyof typeof BLOCK_KINDS];
      // Several images in a paragraph are a figure each (./images.ts), numbered as blocks.
      for (const part of node.type === 'paragraph' ? splitFigures(node) : [node]) {
        const key = nextKey();
        const figure = part.type === 'paragraph' ? imageBlock(part, key, file, diagnostics) : undefined;
        list.push(figure ?? segment(key, kind, blocksToMarkdown([inlineImagesAsText(part, file, placeOf(part), diagnostics)]), placeOf(part)));
      }
    } else if (isVerbatimBlock(node)) {
      list.push(verbatimSegment(node, nextKey(), placeOf(node)));
    } else if (node.type === 'table') {
      list.push(tableSegment(node, nextKey(), placeOf(node)));
    } else if (node.type !== 'definition') {
      diagnostics.push(ruleDiagnostic('briefing:unsupported-block', file, { what: describe(node) }, placeOf(node)));
    }
  }
  // A section that holds only subsections is not empty.
  const parents = new Set(sections.flatMap((section) => (section.parent ? [section.parent] : [])));
  for (const section of sections) {
    if (section.blocks.length === 0 && !parents.has(section.id)) {
      diagnostics.push(ruleDiagnostic('briefing:empty-section', file, { heading: section.heading.markdown }, section.heading.place));
    }
  }
  if (lead.length === 0 && sections.length === 0) {
    diagnostics.push(ruleDiagnostic('briefing:empty-article', file, {}));
  }
  // Key figures are the front matter's, made units on the finished article (src/parse/key-figure-units.ts).
  // The standfirst is plain text from the front matter: escaped as one paragraph.
  const standfirst = meta.standfirst
    ? segment('standfirst', 'paragraph', inlineToParagraphLine([{ type: 'text', value: meta.standfirst }]), { line: 1, column: 1 })
    : undefined;
  return { slug, path: file, meta, title, ...(standfirst ? { standfirst } : {}), lead, figures: [], sections, notes, sources: [] };
}

function segment(key: string, kind: Segment['kind'], markdown: string, place: Place): Segment {
  return { key, kind, markdown, place };
}

/** Headings of any depth start a section (./sections.ts gives its level); their text is kept as inline Markdown. */
function headingText(node: Heading): string {
  return inlineToMarkdown(node.children as PhrasingContent[], node.depth);
}

function describe(node: RootContent): string {
  const names: Partial<Record<RootContent['type'], string>> = { code: 'code block', html: 'raw HTML block', thematicBreak: 'thematic break', table: 'table' };
  return names[node.type] ?? `${node.type} block`;
}
