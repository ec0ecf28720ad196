/**
 * What `briefing serve` keeps between two renders of one article (issue 17): the parse of an
 * unchanged article (src/parse/reused.ts), the trees of unchanged unit strings
 * (src/translate/lint/unit-tree.ts), and a render answered before its staleness check ends
 * (src/serve/render-cache.ts). Each is bounded and gives what the uncached path gives; a kept
 * parse is shared, so the pipeline must never modify one: here it renders a deep-frozen article.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../src/i18n/instance.js';
import { readLocaleFile } from '../src/i18n/locale-file.js';
import { segmentsOf } from '../src/i18n/extract.js';
import { localize } from '../src/localize/index.js';
import { parseArticle } from '../src/parse/index.js';
import { parseArticleReused } from '../src/parse/reused.js';
import { renderHtml } from '../src/render/html/index.js';
import { buildDocument, renderMarkdown } from '../src/render/markdown/index.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { RenderCache } from '../src/serve/render-cache.js';
import { validateTranslations } from '../src/translate/validate-unit.js';
import { workbenchView } from '../src/translate/workbench.js';
import { parseState } from '../src/translate/state.js';
import { projectPaths } from '../src/core/paths.js';
import { listSources } from '../src/project/sources.js';
import { commonLocales } from '../src/project/locales.js';
import { renderArticle } from '../src/pipeline/render-article.js';
import { keyFigureCap } from '../src/render/pdf/theme.js';
import type { ArticleTask } from '../src/pipeline/article-task.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const SLUG = 'microsoft-openai';
const SOURCE = readFileSync(path.join(ROOT, 'content', `${SLUG}.txt`), 'utf8');
const FILE = `content/${SLUG}.txt`;
const locale = (name: string) => readLocaleFile(readFileSync(path.join(ROOT, 'locales', 'en', `${name}.json`), 'utf8'), `locales/en/${name}.json`);

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  return Object.freeze(value);
}

async function allFormats(article: ReturnType<typeof parseArticle>['article']): Promise<[string, string, Buffer]> {
  const i18n = createI18n('en', { common: locale('common').resources, [SLUG]: locale(SLUG).resources });
  const doc = buildDocument(localize(article, 'en', i18n), { date: '2026-11-26' });
  return [renderMarkdown(doc), renderHtml(doc), await renderPdf(doc, { creationDate: new Date(0) })];
}

describe('parseArticleReused', () => {
  it('gives the parse of the same text, the same object while kept, a new one for other names', () => {
    const first = parseArticleReused(SOURCE, FILE, SLUG);
    expect(first).toEqual(parseArticle(SOURCE, FILE, SLUG));
    expect(parseArticleReused(SOURCE, FILE, SLUG)).toBe(first);
    expect(parseArticleReused(SOURCE, 'content/other.txt', 'other')).not.toBe(first);
    expect(parseArticleReused(SOURCE, FILE, SLUG, { keyFigures: 1 })).not.toBe(first);
    expect(parseArticleReused(`${SOURCE}\nUne phrase de plus.\n`, FILE, SLUG)).not.toBe(first);
  });

  it('keeps a bounded number of parses', () => {
    const first = parseArticleReused(SOURCE, FILE, SLUG);
    for (let i = 0; i < 20; i++) parseArticleReused(`${SOURCE}\nAjout ${i}.\n`, FILE, SLUG);
    expect(parseArticleReused(SOURCE, FILE, SLUG)).not.toBe(first);
  });

  it('is never modified downstream: a frozen article renders the same bytes and the same workbench', async () => {
    const fresh = parseArticle(SOURCE, FILE, SLUG).article;
    const frozen = deepFreeze(parseArticle(SOURCE, FILE, SLUG).article);
    const [md, html, pdf] = await allFormats(fresh);
    const [frozenMd, frozenHtml, frozenPdf] = await allFormats(frozen);
    expect(frozenMd).toBe(md);
    expect(frozenHtml).toBe(html);
    expect(frozenPdf.equals(pdf)).toBe(true);
    const input = { article: frozen, lang: 'en' as const, target: locale(SLUG), state: parseState(undefined, 'x').state, glossary: new Map() };
    expect(() => workbenchView(input)).not.toThrow();
  });

  it('is never modified by the whole pipeline: every file of a task with a frozen kept parse is the same', async () => {
    const paths = projectPaths(ROOT);
    const [source] = await listSources(paths, [SLUG]);
    const task = (reuseParse: boolean): ArticleTask => ({
      paths,
      source: source!,
      nowMs: Date.UTC(2026, 11, 1),
      minCoverage: 0,
      reuseParse,
      editions: [
        { lang: 'fr', formats: ['md', 'html', 'pdf'], review: false },
        { lang: 'en', formats: ['md', 'html', 'pdf'], review: true },
      ],
      bilingual: ['html', 'pdf'],
    });
    const filesOf = async (reuseParse: boolean) =>
      (await renderArticle(task(reuseParse), commonLocales(paths))).editions.flatMap((e) => e.files.map((f) => `${f.name} ${f.sha256}`));
    const fresh = await filesOf(false);
    deepFreeze(parseArticleReused(SOURCE, FILE, SLUG, { keyFigures: keyFigureCap(paths.templates) }));
    expect(await filesOf(true)).toEqual(fresh);
    expect(fresh.length).toBe(9);
  });
});

describe('shared unit trees', () => {
  it('validate a translation as a fresh validation does, before and after one unit changes', () => {
    const article = parseArticle(SOURCE, FILE, SLUG).article;
    const target = locale(SLUG);
    const input = { file: target.file, lang: 'en' as const, entries: target.entries, units: segmentsOf(article) };
    const once = validateTranslations(input);
    expect(validateTranslations(input)).toEqual(once);
    const paragraph = input.units.find((unit) => unit.kind === 'paragraph' && target.entries.some((entry) => entry.key === unit.key))!;
    const broken = target.entries.map((entry) => (entry.key === paragraph.key ? { ...entry, value: `${entry.value} **gras` } : entry));
    const changed = validateTranslations({ ...input, entries: broken });
    expect(changed.diagnostics.length).toBeGreaterThan(once.diagnostics.length);
    expect(validateTranslations(input)).toEqual(once);
  });
});

describe('RenderCache', () => {
  it('answers a render before its staleness check, joins requests until the check ends, keeps it only if current', async () => {
    const cache = new RenderCache({ maxEntries: 10, maxBytes: 2 ** 20 });
    let release!: (current: boolean) => void;
    const check = new Promise<boolean>((resolve) => (release = resolve));
    const render = async () => ({ ok: true as const, data: Buffer.from('page') });
    const first = await cache.obtain('k', render, () => check);
    expect(first.ok).toBe(true);
    expect(await cache.obtain('k', render, () => check)).toBe(first);
    expect(cache.renders).toBe(1);
    release(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Stale: not kept, so the next request renders again.
    await cache.obtain('k', render, async () => true);
    expect(cache.renders).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await cache.obtain('k', render, async () => true);
    expect(cache.renders).toBe(2);
  });
});
