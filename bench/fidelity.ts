/**
 * Fidelity of the French briefing to its source, measured on the corpus of real articles
 * (tests/fixtures/corpus/, see SOURCES.md). `npm run fidelity` prints one row per article;
 * tests/corpus.test.ts asserts the same measures against a committed baseline, so no change may
 * lose words that were kept before.
 *
 * "Words kept" is the share of the source body's words (letters and digits, case-folded) found
 * again in the output, counted as multisets: a word that appears 3 times in the source and twice
 * in the output counts 2. The output's own furniture (title block, contents, sources) adds words
 * the source does not have; the intersection ignores them, so 100 % means nothing was lost.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { toString as plainText } from 'mdast-util-to-string';
import { parseArticle } from '../src/parse/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = path.join(ROOT, 'tests', 'fixtures', 'corpus');

/** What one article holds, in its source or in an output. */
export interface Counts {
  words: number;
  /** Headings per level, h1 to h6. */
  headings: number[];
  tables: number;
  footnotes: number;
  images: number;
  links: number;
}

export interface ArticleFidelity {
  slug: string;
  source: Counts;
  markdown: Counts;
  /** Share of the source's words found in the French Markdown edition, and in the PDF's text. */
  keptMarkdown: number;
  keptPdf: number;
  /**
   * Source syntax printed literally in the PDF's text (table pipes, footnote marks, macros…), less
   * what the source's code shows on purpose (code is printed verbatim).
   */
  leaks: number;
  /** Diagnostics of the build by rule id. */
  rules: Record<string, number>;
  built: boolean;
  /**
   * Sections of levels 2, 3 and 4 as the parser reads the source (docs/parsing.md: levels never
   * skip, deeper headings are level 4), and the headings of depths 2, 3 and 4 of the Markdown
   * edition, less the briefing's own sections (key figures, notes, sources).
   */
  levels: { source: number[]; output: number[] };
}

const WORD = /[\p{L}\p{N}]+/gu;
/**
 * Syntax that must never reach a reader as text: GFM table rules and pipes, footnote marks,
 * Pandoc/VuePress fences and attributes, Hugo shortcodes and MDN macros, HTML tags, display math.
 */
export const LITERAL_SYNTAX: readonly RegExp[] = [
  /\|\s?:?-{3,}/g,
  /\[\^[^\]\s]{1,20}\]/g,
  /^:{3,}/gm,
  /\{[#.:][\w-]{1,40}/g,
  /\{\{[<%]?/g,
  /<\/?[a-z][a-z0-9]{0,10}[\s>/]/gi,
  /\$\$/g,
];

/** Occurrences of {@link LITERAL_SYNTAX} in `text`. */
export function literalSyntax(text: string): number {
  return LITERAL_SYNTAX.reduce((sum, pattern) => sum + (text.match(pattern) ?? []).length, 0);
}
const TAG = /<[^<>]*>/g;

/** The headings of the briefing's own sections in French (locales/fr/common.json): not the article's. */
const FURNITURE = new Set(
  ['keyFigures', 'notes', 'sources'].map(
    (key) => (JSON.parse(readFileSync(path.join(ROOT, 'locales', 'fr', 'common.json'), 'utf8')) as Record<string, string>)[key],
  ),
);

function wordList(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []) as string[];
}

function bag(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** Share of `source`'s words found in `output` (multisets). */
export function keptShare(source: readonly string[], output: readonly string[]): number {
  if (source.length === 0) return 1;
  const have = bag(output);
  let kept = 0;
  for (const [word, count] of bag(source)) kept += Math.min(count, have.get(word) ?? 0);
  return kept / source.length;
}

/** The body of a Markdown file: without its YAML front matter. */
function body(markdown: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(markdown);
  return match ? markdown.slice(match[0].length) : markdown;
}

function parse(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** The words and structure of a Markdown text (raw HTML counted by its text and its tags). */
export function measure(markdown: string): Counts & { wordList: string[]; codeText: string; headingTexts: { depth: number; text: string }[] } {
  const counts: Counts = { words: 0, headings: [0, 0, 0, 0, 0, 0], tables: 0, footnotes: 0, images: 0, links: 0 };
  const texts: string[] = [];
  const code: string[] = [];
  const headingTexts: { depth: number; text: string }[] = [];
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'heading':
        counts.headings[node.depth - 1]!++;
        headingTexts.push({ depth: node.depth, text: plainText(node) });
        break;
      case 'table':
        counts.tables++;
        break;
      case 'footnoteDefinition':
        counts.footnotes++;
        break;
      case 'image':
        counts.images++;
        texts.push(node.alt ?? '');
        break;
      case 'link':
        counts.links++;
        break;
      case 'html':
        for (const level of node.value.matchAll(/<h([1-6])[\s>]/gi)) counts.headings[Number(level[1]) - 1]!++;
        counts.tables += (node.value.match(/<table[\s>]/gi) ?? []).length;
        texts.push(node.value.replace(TAG, ' '));
        break;
      case 'inlineCode':
      case 'code':
        code.push(node.value);
        texts.push(node.value);
        break;
      case 'text':
        texts.push(node.value);
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parse(markdown));
  const words = wordList(texts.join(' '));
  counts.words = words.length;
  return { ...counts, wordList: words, codeText: code.join('\n'), headingTexts };
}

/** Source extensions of corpus articles: Markdown, and wire copy typed as plain text. */
const CORPUS_EXTENSIONS = ['.md', '.txt'] as const;

/** The corpus files' names (`<slug>.md` or `<slug>.txt`), sorted by slug. */
function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((name) => CORPUS_EXTENSIONS.some((ext) => name.endsWith(ext)) && name !== 'SOURCES.md')
    .sort((a, b) => slugOf(a).localeCompare(slugOf(b)));
}

const slugOf = (file: string): string => path.parse(file).name;

/** The corpus articles' slugs (file names without their extension), sorted. */
export function corpusSlugs(): string[] {
  return corpusFiles().map(slugOf);
}

/** The file name of the corpus article `slug` (`<slug>.md`, or `<slug>.txt` for wire copy). */
export function corpusFile(slug: string): string {
  const file = corpusFiles().find((name) => slugOf(name) === slug);
  if (!file) throw new Error(`no corpus article ${slug} in ${CORPUS}`);
  return file;
}

/**
 * Builds every corpus article in French (Markdown and PDF) with the bundled bin in a temporary
 * project, and measures each against its source.
 */
export function measureCorpus(bin = path.join(ROOT, 'dist', 'briefing.mjs')): ArticleFidelity[] {
  const project = mkdtempSync(path.join(tmpdir(), 'briefing-corpus-'));
  try {
    const files = corpusFiles();
    for (const file of files) cpSync(path.join(CORPUS, file), path.join(project, 'content', file));
    for (const lang of ['fr', 'en']) cpSync(path.join(ROOT, 'locales', lang, 'common.json'), path.join(project, 'locales', lang, 'common.json'));
    cpSync(path.join(ROOT, 'templates'), path.join(project, 'templates'), { recursive: true });
    let summary: string;
    try {
      summary = execFileSync(process.execPath, [bin, 'build', '--lang', 'fr', '--format', 'md,pdf', '--json'], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, SOURCE_DATE_EPOCH: '1795651200' },
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      // Exit 1 (content errors) still prints the summary: the articles that built are measured.
      summary = String((error as { stdout?: string }).stdout ?? '{}');
    }
    const diagnostics = ((JSON.parse(summary) as { diagnostics?: { file: string; ruleId: string }[] }).diagnostics ?? []) as { file: string; ruleId: string }[];
    return files.map((file) => {
      const slug = slugOf(file);
      const text = readFileSync(path.join(CORPUS, file), 'utf8');
      const source = measure(body(text));
      const sourceLevels = [2, 3, 4].map((level) => parseArticle(text, file, slug).article.sections.filter((s) => s.level === level).length);
      const out = path.join(project, 'output', slug, `${slug}.fr`);
      const rules: Record<string, number> = {};
      for (const d of diagnostics) if (d.file === `content/${file}`) rules[d.ruleId] = (rules[d.ruleId] ?? 0) + 1;
      let markdownText: string;
      let pdfText: string;
      try {
        markdownText = readFileSync(`${out}.md`, 'utf8');
        pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', `${out}.pdf`, '-'], { encoding: 'utf8' });
      } catch {
        const none: Counts = { words: 0, headings: [0, 0, 0, 0, 0, 0], tables: 0, footnotes: 0, images: 0, links: 0 };
        const levels = { source: sourceLevels, output: [0, 0, 0] };
        return { slug, source: strip(source), markdown: none, keptMarkdown: 0, keptPdf: 0, leaks: 0, rules, built: false, levels };
      }
      const markdown = measure(markdownText);
      return {
        slug,
        source: strip(source),
        markdown: strip(markdown),
        keptMarkdown: keptShare(source.wordList, markdown.wordList),
        keptPdf: keptShare(source.wordList, wordList(pdfText)),
        leaks: Math.max(0, literalSyntax(pdfText) - literalSyntax(source.codeText)),
        rules,
        built: true,
        levels: {
          source: sourceLevels,
          output: [2, 3, 4].map((depth) => markdown.headingTexts.filter((h) => h.depth === depth && !FURNITURE.has(h.text)).length),
        },
      };
    });
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

function strip({ wordList: _, codeText: __, headingTexts: ___, ...counts }: ReturnType<typeof measure>): Counts {
  return counts;
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const levels = (headings: readonly number[]) => headings.slice(0, 4).join('/');

/** The table `npm run fidelity` prints (Markdown, so docs/parsing.md can show it as is). */
export function fidelityTable(rows: readonly ArticleFidelity[]): string {
  const lines = [
    '| article | words in | kept (md) | kept (pdf) | h1/h2/h3/h4 in → out | tables in → out | footnotes | images | links in → out | syntax shown | warnings |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of rows) {
    const warnings = Object.entries(row.rules)
      .map(([rule, count]) => `${rule.replace('briefing:', '')} ${count}`)
      .join(', ');
    lines.push(
      `| ${row.slug}${row.built ? '' : ' (not built)'} | ${row.source.words} | ${percent(row.keptMarkdown)} | ${percent(row.keptPdf)} | ${levels(row.source.headings)} → ${levels(row.markdown.headings)} | ${row.source.tables} → ${row.markdown.tables} | ${row.source.footnotes} → ${row.markdown.footnotes} | ${row.source.images} → ${row.markdown.images} | ${row.source.links} → ${row.markdown.links} | ${row.leaks} | ${warnings || '—'} |`,
    );
  }
  const total = rows.reduce((sum, row) => sum + row.source.words, 0);
  const keptMd = rows.reduce((sum, row) => sum + row.keptMarkdown * row.source.words, 0) / total;
  const keptPdf = rows.reduce((sum, row) => sum + row.keptPdf * row.source.words, 0) / total;
  const leaks = rows.reduce((sum, row) => sum + row.leaks, 0);
  lines.push(`| **all ${rows.length}** | ${total} | ${percent(keptMd)} | ${percent(keptPdf)} | | | | | | ${leaks} | |`);
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(fidelityTable(measureCorpus()));
}
