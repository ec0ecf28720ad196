/**
 * A generated corpus for benchmarks and scale tests: `count` variants of the seed article, each
 * with its English translation and state file, so every edition is fully translated. Made at run
 * time (never committed). Variants differ in title, section order and years, so their outputs
 * differ; section ids and keys stay those of the seed, so the seed's translations still apply.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle } from '../src/parse/index.js';
import { checkedEntry, serializeState, type TranslationState } from '../src/translate/state.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = 'microsoft-openai';

type Tree = { [key: string]: string | Tree };

/** `corpus-007`: sorted names, the same for every run. */
export function corpusSlug(index: number): string {
  return `corpus-${String(index).padStart(3, '0')}`;
}

/** Creates a project folder (content/, locales/, templates/) holding `count` articles. */
export function generateCorpus(count: number, dir = mkdtempSync(path.join(tmpdir(), 'briefing-corpus-'))): string {
  cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  for (const lang of ['fr', 'en']) {
    mkdirSync(path.join(dir, 'locales', lang), { recursive: true });
    cpSync(path.join(ROOT, 'locales', lang, 'common.json'), path.join(dir, 'locales', lang, 'common.json'));
  }
  mkdirSync(path.join(dir, 'content'), { recursive: true });
  const seed = readFileSync(path.join(ROOT, 'content', `${SEED}.txt`), 'utf8');
  const english = JSON.parse(readFileSync(path.join(ROOT, 'locales', 'en', `${SEED}.json`), 'utf8')) as Tree;
  for (let i = 0; i < count; i++) writeVariant(dir, corpusSlug(i), i, seed, english);
  return dir;
}

function writeVariant(dir: string, slug: string, i: number, seed: string, english: Tree): void {
  const years = (text: string) => text.replace(/\b2030\b/g, String(2030 + (i % 7))).replace(/\b2019\b/g, String(2019 - (i % 5)));
  const french = years(rotateSections(seed, i)).replace(/^title: (.*)$/m, `title: $1 (dossier ${i + 1})`);
  const translation = mapStrings(english, years);
  translation.title = `${String(translation.title)} (file ${i + 1})`;
  const { article } = parseArticle(french, `content/${slug}.txt`, slug);
  const state: TranslationState = new Map();
  const units = [article.title, ...article.lead, ...article.sections.flatMap((s) => [s.heading, ...s.blocks])];
  for (const unit of units) {
    const value = lookup(translation, unit.key);
    if (value !== undefined) state.set(unit.key, checkedEntry(unit.markdown, value));
  }
  writeFileSync(path.join(dir, 'content', `${slug}.txt`), french);
  writeFileSync(path.join(dir, 'locales', 'en', `${slug}.json`), `${JSON.stringify(translation, null, 2)}\n`);
  writeFileSync(path.join(dir, 'locales', 'en', `${slug}.state.json`), serializeState(state));
}

/**
 * Moves the first body section to position `i % n`: section ids (and so keys) are unchanged,
 * only the order of the document differs. Sections are found as the seed's heading lines.
 */
function rotateSections(seed: string, i: number): string {
  const parsed = parseArticle(seed, `content/${SEED}.txt`, SEED).article;
  const lines = seed.split('\n');
  const starts = parsed.sections.map((s) => s.heading.place.line - 1);
  if (starts.length < 2) return seed;
  const blocks = starts.map((start, k) =>
    lines
      .slice(start, starts[k + 1] ?? lines.length)
      .join('\n')
      .replace(/\n+$/, ''),
  );
  const head = lines.slice(0, starts[0]).join('\n');
  const first = blocks.shift()!;
  blocks.splice(i % (blocks.length + 1), 0, first);
  return `${head}\n${blocks.join('\n')}\n`;
}

function mapStrings(tree: Tree, fn: (text: string) => string): Tree {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, typeof v === 'string' ? fn(v) : mapStrings(v, fn)]));
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}
