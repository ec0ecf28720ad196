/**
 * An article's translation as an XLIFF `<file>`: one unit per key, in document order, with the
 * French, the current translation, its state and the context a translator needs. Pure.
 */
import type { Article } from '../../core/types.js';
import { segmentsOf } from '../../i18n/extract.js';
import type { ArticleStatus, UnitReport } from '../types.js';
import { inlineOf, matchIds } from './codes.js';
import type { UnitState, XliffFile, XliffNote, XliffUnit } from './document.js';

const STATES: Record<UnitReport['status'], UnitState> = { missing: 'new', stale: 'needs-review', ok: 'translated', obsolete: 'new' };

/** `status` (from articleStatus) as an XLIFF file; obsolete keys are left out: they have no French. */
export function exportFile(article: Article, status: ArticleStatus, original: string): XliffFile {
  const reports = new Map(status.units.map((unit) => [unit.key, unit]));
  const headings = new Map(article.sections.map((section) => [section.id, section.heading.markdown]));
  const units = segmentsOf(article).map((segment): XliffUnit => {
    const report = reports.get(segment.key);
    const source = inlineOf(segment.markdown, segment.kind);
    const translation = report?.translation;
    const target = translation ? inlineOf(translation, segment.kind) : undefined;
    if (target) matchIds(source, target);
    const notes: XliffNote[] = [];
    const [first, sectionId] = segment.key.split('.');
    const heading = first === 'sections' && sectionId !== undefined ? headings.get(sectionId) : undefined;
    if (heading !== undefined) notes.push({ category: 'section', text: heading });
    notes.push({ category: 'key', text: segment.key });
    if (report?.status === 'stale') notes.push({ category: 'previous-source', text: `French when translated: ${report.previousFrench ?? ''}` });
    return { id: segment.key, source, ...(target ? { target } : {}), state: STATES[report?.status ?? 'missing'], notes };
  });
  return { id: article.slug, original, notes: [{ category: 'title', text: article.title.markdown }], units };
}
