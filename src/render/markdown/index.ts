/**
 * Briefing → BriefingDocument (through the content template) → `.md` text.
 * The template's output is parsed back into mdast: that one tree is what HTML and PDF lay out.
 */
import path from 'node:path';
import type { Paragraph, Root, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import type { Briefing, BriefingDocument } from '../../core/types.js';
import { MARKDOWN_OPTIONS, parseMarkdown } from '../../core/markdown.js';
import { BUILTIN_TEMPLATES } from '../../core/paths.js';
import { loadTemplate } from '../templates.js';
import { contentView, fallbackReason } from './view.js';
import { fallbackNote } from '../fallback-note.js';
import { applyAnnotations } from './annotations.js';
import { linkBase, resolveLinks } from './links.js';
import { figureData } from './key-figures.js';
import { numberNotes } from './notes.js';
import { withSafeUrls } from './safe-urls.js';
import { calloutAsAlert } from './callout.js';
import { applyTypography } from '../../typography/index.js';
import { dateline, datelineParts } from '../dateline.js';

/**
 * remark-stringify with the project's one set of Markdown settings. Its options cannot carry
 * extensions (it takes them from the processor's data only), so GFM and math go there.
 */
const markdownWriter = unified()
  .data('toMarkdownExtensions', MARKDOWN_OPTIONS.extensions ?? [])
  .use(remarkStringify, MARKDOWN_OPTIONS);

export interface DocumentOptions {
  templatesDir?: string;
  /** ISO date shown on the briefing: front matter `date`, else the build clock's day. */
  date: string;
  /** French typography variant (fr-CA sets no space before `; ! ?`). */
  typography?: 'fr-FR' | 'fr-CA';
  /** The site's address (`--base-url`): links resolve against it when the article gives no `url`. */
  baseUrl?: string;
}

/** Runs the content template and returns the annotated document tree. */
export function buildDocument(briefing: Briefing, options: DocumentOptions): BriefingDocument {
  const templatesDir = options.templatesDir ?? BUILTIN_TEMPLATES;
  const template = loadTemplate(path.join(templatesDir, 'briefing.md.hbs'), 'none');
  const markdown = template(contentView(briefing, options.date));
  const headingFallbacks = new Map(briefing.sections.filter((s) => s.heading.lang !== briefing.lang).map((s) => [s.id, fallbackReason(s.heading)]));
  const typography = { variant: options.typography ?? 'fr-FR' } as const;
  const figures = briefing.figures.map((figure) => figureData(figure, typography));
  // French typography (or English quotes) once, on the tree every format is laid out from.
  const typeset = applyTypography(applyAnnotations(parseMarkdown(markdown), headingFallbacks, figures), briefing.lang, typography);
  const tree = numberNotes(resolveLinks(typeset, linkBase(briefing.meta.url, options.baseUrl)));
  const titleNode = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  const toc = tree.children.flatMap((node) => {
    const id = node.data?.id;
    return node.type === 'heading' && id ? [{ id, text: plainText(node), depth: node.depth }] : [];
  });
  return {
    slug: briefing.slug,
    lang: briefing.lang,
    title: titleNode ? plainText(titleNode) : briefing.slug,
    tree,
    t: briefing.t,
    toc,
    date: options.date,
    authors: briefing.meta.authors,
    ...(briefing.meta.date ? { published: briefing.meta.date } : {}),
    ...(briefing.meta.updated ? { updated: briefing.meta.updated } : {}),
    readingMinutes: readingMinutes(tree),
  };
}

/** Reading speed for the estimate: a common figure for informative prose (French and English alike). */
const WORDS_PER_MINUTE = 220;

/** Minutes to read the document's text, at least 1. */
function readingMinutes(tree: Root): number {
  const words = plainText(tree).split(/\s+/u).filter(Boolean).length;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}

/**
 * The `.md` edition: the document tree, normalised by remark-stringify, with a visible note before
 * each French fallback. Its URLs follow the HTML edition's policy and raw HTML is dropped
 * (./safe-urls.ts): a Markdown viewer may not sanitise what it shows.
 */
export function renderMarkdown(doc: BriefingDocument): string {
  const line = markdownDateline(doc);
  const mark: Paragraph[] = doc.mark ? [{ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: doc.mark }] }] }] : [];
  const tree = withSafeUrls(doc.tree);
  const hasTitle = tree.children.some((node) => node.type === 'heading' && node.depth === 1);
  const children: RootContent[] = [
    ...(hasTitle ? [] : mark),
    ...tree.children.flatMap((node): RootContent[] => {
      // One note right before each block shown in French, headings and the title included (as in HTML and PDF).
      const note: Paragraph[] = node.data?.fallback === 'fr' ? [emphasised(fallbackNote(doc.t, node.data.fallbackReason))] : [];
      if (node.type === 'heading' && node.depth === 1) return [...note, node, ...mark, ...(line ? [line] : [])];
      return [...note, calloutAsAlert(node)];
    }),
  ];
  return markdownWriter.stringify({ type: 'root', children } as Root);
}

/**
 * The dateline under the title of the `.md` edition, in italics, when the article names authors or
 * has its own date (HTML and PDF show it in their title blocks, with the build's day for an
 * undated article; the `.md` edition leaves that day out).
 */
function markdownDateline(doc: BriefingDocument): Paragraph | undefined {
  if (!doc.authors?.length && !doc.published) return undefined;
  const line = dateline(doc);
  const text = datelineParts(doc.published ? line : { ...line, date: '' }).join(' · ');
  return emphasised(text);
}

function emphasised(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: text }] }] };
}
