/**
 * The corpus of real French articles (tests/fixtures/corpus/, SOURCES.md): every article builds in
 * French (Markdown and PDF), and no change loses what was kept before. The measures
 * (bench/fidelity.ts, `npm run fidelity`) are compared with a committed baseline, a ratchet: words
 * kept may not drop, headings, tables and links found in the output may not become fewer, and
 * source syntax shown as text may not grow. `UPDATE=1 npm test` rewrites the baseline after an
 * improvement (review the diff: every number should move the right way).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ArticleFidelity, CORPUS, corpusFile, corpusSlugs, measureCorpus } from '../bench/fidelity.js';
import { hasTool } from './helpers.js';

const BASELINE = path.join(CORPUS, 'fidelity-baseline.json');

interface Baseline {
  keptMarkdown: number;
  keptPdf: number;
  headingsOut: number;
  tablesOut: number;
  linksOut: number;
  leaks: number;
}

const summary = (row: ArticleFidelity): Baseline => ({
  keptMarkdown: Number(row.keptMarkdown.toFixed(4)),
  keptPdf: Number(row.keptPdf.toFixed(4)),
  headingsOut: row.markdown.headings.reduce((a, b) => a + b, 0),
  tablesOut: row.markdown.tables,
  linksOut: row.markdown.links,
  leaks: row.leaks,
});

describe.runIf(hasTool('pdftotext') || process.env.CI === 'true')('the corpus of real articles', () => {
  let rows: ArticleFidelity[];
  beforeAll(() => {
    rows = measureCorpus();
  }, 240_000);

  it('holds at least 25 articles, each with its source in SOURCES.md', () => {
    const sources = readFileSync(path.join(CORPUS, 'SOURCES.md'), 'utf8');
    expect(corpusSlugs().length).toBeGreaterThanOrEqual(25);
    for (const slug of corpusSlugs()) expect(sources, slug).toContain(`\`${corpusFile(slug)}\``);
  });

  it('builds every article in French', () => {
    expect(rows.filter((row) => !row.built).map((row) => row.slug)).toEqual([]);
  });

  it('keeps at least what the baseline kept, for every article', () => {
    const measured = Object.fromEntries(rows.map((row) => [row.slug, summary(row)]));
    if (process.env.UPDATE === '1' || !existsSync(BASELINE)) {
      if (process.env.UPDATE !== '1') throw new Error(`${BASELINE} is missing: run UPDATE=1 npm test, review it and commit it`);
      writeFileSync(BASELINE, `${JSON.stringify(measured, null, 2)}\n`);
      return;
    }
    const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Record<string, Baseline>;
    for (const [slug, now] of Object.entries(measured)) {
      const before = baseline[slug];
      if (!before) throw new Error(`${slug} has no baseline: run UPDATE=1 npm test, review it and commit it`);
      // Words: a small tolerance for line breaking in the PDF text (hyphenation, wrapped words).
      expect(now.keptMarkdown, `${slug}: words kept in Markdown`).toBeGreaterThanOrEqual(before.keptMarkdown - 0.001);
      expect(now.keptPdf, `${slug}: words kept in the PDF`).toBeGreaterThanOrEqual(before.keptPdf - 0.005);
      expect(now.headingsOut, `${slug}: headings`).toBeGreaterThanOrEqual(before.headingsOut);
      expect(now.tablesOut, `${slug}: tables`).toBeGreaterThanOrEqual(before.tablesOut);
      expect(now.linksOut, `${slug}: links`).toBeGreaterThanOrEqual(before.linksOut);
      expect(now.leaks, `${slug}: source syntax shown as text`).toBeLessThanOrEqual(before.leaks);
    }
  });
  // The bar, for every article (not a ratchet): words kept, no syntax shown, headings kept.
  it("keeps at least 98 % of every article's words in Markdown and in the PDF, and prints no source syntax", () => {
    for (const row of rows) {
      expect(row.built, `${row.slug}: built`).toBe(true);
      expect(row.keptMarkdown, `${row.slug}: words kept in Markdown`).toBeGreaterThanOrEqual(0.98);
      expect(row.keptPdf, `${row.slug}: words kept in the PDF`).toBeGreaterThanOrEqual(0.98);
      expect(row.leaks, `${row.slug}: source syntax shown as text (table rules, [^n], :::, {#id}, {{…}}, tags, $$)`).toBe(0);
    }
  });

  it('shows every section of every article at its level (2, 3, 4) in the Markdown edition', () => {
    for (const row of rows) expect(row.levels.output, `${row.slug}: sections per level`).toEqual(row.levels.source);
  });
});
