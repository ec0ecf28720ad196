/**
 * The line under a briefing's title, in every format: who wrote the article ("Par Jeanne Martin et
 * Paul Durand"), its own date ("Publié le 12 mars 2025", plus "mis à jour le …") or, for an undated
 * article, the day the briefing was prepared. Names are the front matter's, never translated.
 */
import { listFormat } from '../core/intl-formats.js';
import type { BriefingDocument } from '../core/types.js';
import { formatDate } from '../core/dates.js';

/** What the line is made from: the edition's strings and the article's metadata. */
export type DatelineSource = Pick<BriefingDocument, 't' | 'lang' | 'date'> & Partial<Pick<BriefingDocument, 'authors' | 'published' | 'updated'>>;

/** The parts of the line, each a plain string ('' when absent), joined by the caller with " · ". */
export interface Dateline {
  byline: string;
  /** "Publié le …" for a dated article, else "Préparée le …" (the build's day). */
  date: string;
  updated: string;
}

export function dateline(doc: DatelineSource): Dateline {
  const names = doc.authors?.length ? listFormat(doc.lang, { type: 'conjunction' }).format(doc.authors) : '';
  const updated = doc.updated && doc.updated !== doc.published ? doc.t('updatedOn', { date: formatDate(doc.updated, doc.lang) }) : '';
  return {
    byline: names ? doc.t('byline', { names }) : '',
    date: doc.published ? doc.t('publishedOn', { date: formatDate(doc.published, doc.lang) }) : doc.t('preparedOn', { date: formatDate(doc.date, doc.lang) }),
    updated,
  };
}

/** The parts present, in reading order. */
export function datelineParts(line: Dateline): string[] {
  return [line.byline, line.date, line.updated].filter(Boolean);
}
