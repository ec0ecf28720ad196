/** The build's "N segments shown in French" lines, one per written edition, each with its reasons. */
import type { BuildReport } from '../publish/build-report.js';

/**
 * `slug.lang: N segments shown in French (M missing, S stale[, I not valid]; coverage C %): keys`.
 * A key shown in French whose translation is there and current was not valid
 * (src/translate/validate-unit.ts): its error is reported at its locale line.
 */
export function fallbackLines(report: Pick<BuildReport, 'statuses' | 'fallbacks'>): string[] {
  const lines: string[] = [];
  for (const status of report.statuses) {
    const shown = report.fallbacks[`${status.slug}.${status.lang}`];
    if (!shown) continue;
    const { missing, stale } = status.counts;
    const ok = new Set(status.units.filter((u) => u.status === 'ok').map((u) => u.key));
    const invalid = shown.filter((key) => ok.has(key));
    const total = missing + stale + invalid.length;
    if (total === 0) continue;
    const keys = [...status.units.filter((u) => u.status === 'missing' || u.status === 'stale').map((u) => u.key), ...invalid];
    const reasons = `${missing} missing, ${stale} stale${invalid.length > 0 ? `, ${invalid.length} not valid` : ''}`;
    lines.push(
      `${status.slug}.${status.lang}: ${total} segment${total === 1 ? '' : 's'} shown in French (${reasons}; coverage ${status.coverage} %): ${keys.join(', ')}`,
    );
  }
  return lines;
}
