/** The glossary terms a review row shows: those its French holds, each as French → English. */
import type { Glossary } from '../../i18n/glossary.js';
import { termFinder } from '../../i18n/glossary-match.js';

/** One term as shown: the French term and its English term(s), joined with " / ". */
export interface ReviewTerm {
  fr: string;
  en: string;
}

/** A function from a unit's French to the terms to show beside it (none without a glossary). */
export function glossaryTerms(glossary: Glossary | undefined): (french: string) => ReviewTerm[] {
  if (!glossary || glossary.size === 0) return () => [];
  const finder = termFinder(glossary);
  return (french) => finder.termsIn(french).map((term) => ({ fr: term.fr, en: term.en.join(' / ') }));
}
