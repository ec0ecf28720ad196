/**
 * Where an article's render offers to collect garbage (src/core/stage-gc.ts): after its parse,
 * after each edition's document is built, and between editions — each time with the article's
 * length, which decides whether it collects.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { projectPaths } from '../src/core/paths.js';
import { listSources } from '../src/project/sources.js';
import { commonLocales } from '../src/project/locales.js';
import { renderArticle } from '../src/pipeline/render-article.js';

const calls = vi.hoisted(() => [] as number[]);
vi.mock('../src/core/stage-gc.js', () => ({ collectBetweenStages: (chars: number) => calls.push(chars) }));

const ROOT = path.resolve(import.meta.dirname, '..');
const SLUG = 'microsoft-openai';

describe('stage boundaries of a render', () => {
  it('are offered to collect after the parse, after each document and between editions', async () => {
    const paths = projectPaths(ROOT);
    const [source] = await listSources(paths, [SLUG]);
    const length = readFileSync(source!.absolute, 'utf8').length;
    const result = await renderArticle(
      {
        paths,
        source: source!,
        nowMs: Date.UTC(2026, 11, 1),
        minCoverage: 0,
        editions: [
          { lang: 'fr', formats: ['md'], review: false },
          { lang: 'en', formats: ['md'], review: false },
        ],
        bilingual: ['html'],
      },
      commonLocales(paths),
    );
    expect(result.editions.map((e) => e.outcome)).toEqual(['built', 'built']);
    // parse; fr document; fr → en; en document; en → bilingual.
    expect(calls).toEqual([length, length, length, length, length]);
  });
});
