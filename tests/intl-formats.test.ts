/** Intl formatters shared per locale and options: the same answers as fresh ones, one instance per key. */
import { describe, expect, it } from 'vitest';
import { dateTimeFormat, listFormat, numberFormat } from '../src/core/intl-formats.js';

describe('intl-formats', () => {
  it('returns one formatter per locale and options, formatting as a new one would', () => {
    const percent = { style: 'percent', maximumFractionDigits: 2 } as const;
    expect(numberFormat('fr-FR', percent)).toBe(numberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 2 }));
    expect(numberFormat('fr-FR', percent)).not.toBe(numberFormat('en-GB', percent));
    expect(numberFormat('fr-FR', percent)).not.toBe(numberFormat('fr-FR', { ...percent, maximumFractionDigits: 1 }));
    expect(numberFormat('fr-FR', percent).format(0.125)).toBe(new Intl.NumberFormat('fr-FR', percent).format(0.125));
    const date = { dateStyle: 'long', timeZone: 'UTC' } as const;
    expect(dateTimeFormat('fr-FR', date).format(Date.UTC(2026, 10, 26))).toBe('26 novembre 2026');
    expect(listFormat('en', { type: 'conjunction' }).format(['A', 'B', 'C'])).toBe('A, B, and C');
    expect(listFormat('en', { type: 'conjunction' })).not.toBe(listFormat('fr', { type: 'conjunction' }));
  });

  it('keeps a bounded number: options from many articles do not grow it without end', () => {
    const first = numberFormat('en-GB', { minimumIntegerDigits: 1 });
    for (let i = 0; i < 300; i++) numberFormat('en-GB', { maximumFractionDigits: i % 21, minimumIntegerDigits: 1 + Math.floor(i / 21) });
    // Emptied once full, so the first formatter was built again.
    expect(numberFormat('en-GB', { minimumIntegerDigits: 1 })).not.toBe(first);
  });
});
