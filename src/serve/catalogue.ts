/**
 * What the service offers for each article: file names (after `<slug>.`) mapped to the function
 * that renders them. A new kind of briefing (the bilingual `fr-en` edition, say) is one more entry
 * in {@link FILE_KINDS}; routes, the index page, caching and live preview follow from the table.
 */
import { BILINGUAL_FORMATS, FORMATS, LANGS, SOURCE_LANG, type Format, type Lang } from '../core/types.js';
import { renderBilingualFile, renderEditionFile, renderReviewFile, type RenderOutcome, type RenderRequest } from './render.js';

interface FileKind {
  id: string;
  /** The files of this kind every article offers. */
  files: () => readonly { suffix: string; lang: Lang; format: Format; langs: readonly Lang[] }[];
  render: (request: RenderRequest) => Promise<RenderOutcome>;
}

const TARGET_LANGS = LANGS.filter((lang) => lang !== SOURCE_LANG);

const FILE_KINDS: readonly FileKind[] = [
  {
    id: 'edition',
    files: () => LANGS.flatMap((lang) => FORMATS.map((format) => ({ suffix: `${lang}.${format}`, lang, format, langs: [lang] }))),
    render: renderEditionFile,
  },
  {
    id: 'bilingual',
    files: () =>
      TARGET_LANGS.slice(0, 1).flatMap((lang) =>
        BILINGUAL_FORMATS.map((format) => ({ suffix: `${SOURCE_LANG}-${lang}.${format}`, lang: SOURCE_LANG, format, langs: [SOURCE_LANG, lang] })),
      ),
    render: renderBilingualFile,
  },
  {
    id: 'review',
    // One target language today, hence a name without one (as `briefing build` writes it).
    files: () => TARGET_LANGS.slice(0, 1).map((lang) => ({ suffix: 'review.html', lang, format: 'html' as const, langs: [lang] })),
    render: renderReviewFile,
  },
];

/** One file the service can render for an article. */
export interface ServedFile {
  slug: string;
  /** `<slug>.<suffix>`: the URL's last segment and the download's file name. */
  name: string;
  kind: FileKind;
  lang: Lang;
  format: Format;
  /** Languages whose locale files the render reads (its inputs, with the source and templates). */
  langs: readonly Lang[];
}

export function filesOf(slug: string): ServedFile[] {
  return FILE_KINDS.flatMap((kind) => kind.files().map(({ suffix, ...file }) => ({ slug, name: `${slug}.${suffix}`, kind, ...file })));
}

/** The file called `name` among those `slug` offers (an exact match, never a pattern). */
export function findFile(slug: string, name: string): ServedFile | undefined {
  return filesOf(slug).find((file) => file.name === name);
}

export const CONTENT_TYPES: Record<Format, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};
