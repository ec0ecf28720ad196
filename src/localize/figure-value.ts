/**
 * A declared key figure's typed value written for one language, with Node's ICU (`Intl`), in the
 * wording of src/facts/key-figures.ts `formatFigure` (reused for amounts of money, percentages and
 * dates):
 * - amount: fr "1 milliard de dollars", "2,5 millions d’euros"; en "$1 billion", "€2.5 million";
 * - quantity (`{amount, unit}`): fr "12 kilomètres", en "12 kilometres" (always in full);
 * - percent: fr "15 %", en "15%";
 * - count: fr "3 200", "2,5 millions"; en "3,200", "2.5 million";
 * - date: fr "26 novembre 2026", en "26 November 2026"; year: "2030".
 */
import { numberFormat } from '../core/intl-formats.js';
import type { KeyFigure, Lang, TypedFigure } from '../core/types.js';
import { formatFigure } from '../facts/key-figures.js';

export function formatTypedFigure(value: TypedFigure, lang: Lang): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  switch (value.type) {
    case 'year':
      return String(value.year);
    case 'amount':
      return value.currency === 'USD' || value.currency === 'EUR'
        ? formatFigure(figure({ kind: 'amount', value: value.amount, currency: value.currency }), lang)
        : formatAmount(value.amount, value.currency, lang);
    case 'percent':
      return formatFigure(figure({ kind: 'percent', value: value.percent }), lang);
    case 'date': {
      const [year, month, day] = value.date.split('-').map(Number) as [number, number, number];
      return formatFigure(figure({ kind: 'date', value: Date.UTC(year, month - 1, day) }), lang);
    }
    case 'count':
      return numberFormat(locale, { maximumFractionDigits: 2, ...large(value.count) }).format(value.count);
    case 'quantity':
      // In full: French would need "d’" before a unit after "millions", which ICU does not write.
      return numberFormat(locale, { style: 'unit', unit: value.unit, unitDisplay: 'long', maximumFractionDigits: 2 }).format(value.amount);
  }
}

/**
 * An amount in any other currency, worded as formatFigure words dollars and euros, the currency's
 * name and symbol from ICU: fr "2,5 millions de livres sterling", "2 000 francs suisses"; en
 * "£2.5 million", "CHF 2.5 million", "CHF 2,000".
 */
function formatAmount(amount: number, currency: string, lang: Lang): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const number = numberFormat(locale, { maximumFractionDigits: 2, ...large(amount) }).format(amount);
  const part = (display: 'name' | 'symbol', n: number) =>
    numberFormat(locale, { style: 'currency', currency, currencyDisplay: display })
      .formatToParts(n)
      .find((p) => p.type === 'currency')?.value ?? currency;
  if (lang === 'fr') {
    const name = part('name', Math.abs(amount) >= 2 ? 2 : 1);
    if (Math.abs(amount) < 1e6) return `${number} ${name}`;
    return /^[aeiouéèêâ]/i.test(name) ? `${number} d’${name}` : `${number} de ${name}`;
  }
  const symbol = part('symbol', amount);
  // A symbol made of letters ("CHF") is set apart from the number; "£" is not.
  return /\p{L}$/u.test(symbol) ? `${symbol}\u00a0${number}` : `${symbol}${number}`;
}

/** Millions and more are written in words ("2,5 millions"), as formatFigure writes amounts of money. */
function large(n: number): Intl.NumberFormatOptions {
  return Math.abs(n) >= 1e6 ? { notation: 'compact', compactDisplay: 'long' } : {};
}

/** The detected-figure shape formatFigure takes, for a declared value (the fields it does not read left empty). */
function figure(fields: Pick<KeyFigure, 'kind' | 'value'> & Partial<KeyFigure>): KeyFigure {
  return { id: '', text: '', key: '', sentence: '', ...fields };
}
