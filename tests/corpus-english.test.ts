/**
 * English editions of three corpus articles, translated in full (tests/fixtures/corpus/en/): one
 * with tables, one with subsections and callouts, one wire copy. A translator's day in a temporary
 * project — extract, check, status, build — then every edition is read back: the English words in
 * Markdown, HTML and PDF, no French fallback anywhere, both languages in the bilingual PDF, table
 * cells in reading order, no overlapping words on any PDF page, qpdf clean, axe clean.
 *
 * If a corpus article's French changes, `check` reports the English as stale or missing and this
 * test fails: translate the change in tests/fixtures/corpus/en/ (see docs/translating.md).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import axe from 'axe-core';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, hasTool, pdfText, runCli } from './helpers.js';
import { CHROMIUM, CHROMIUM_ARGS, HAVE_CHROMIUM, SKIP_BROWSER } from './chromium.js';

// page.evaluate callbacks run in the page; tsconfig has no DOM lib.
declare const document: any;
declare const window: any;

const CORPUS = path.join(FIXTURES, 'corpus');

interface Translated {
  file: string;
  slug: string;
  /** English phrases each edition must show (heading, subsection, cell, callout title…). */
  english: string[];
  /** French phrases that must not be in the English edition, and must be in the bilingual one. */
  french: string[];
}

const ARTICLES: Translated[] = [
  {
    file: 'datagouv-legal-licences.md',
    slug: 'datagouv-legal-licences',
    english: [
      'Licences for the reuse of public sector information.',
      'Licences specifically for software source code:',
      'Licence with a share-alike obligation',
      'Licences with a reciprocity obligation',
      'SPDX identifier',
      'Approved licences',
      'A summary of the consultation held with reusers',
    ],
    french: ['Licences avec obligation de réciprocité', 'Les licences homologuées', 'identifiant SPDX'],
  },
  {
    file: 'guides-juridique-1-obligation-od.md',
    slug: 'guides-juridique-1-obligation-od',
    english: [
      'Opening up data',
      'Publishing your administrative documents',
      'Does this apply to you?',
      'What if my administrative documents contain legal secrets?',
      'Glossary — Database',
      'Which documents are covered by a legal secret?',
      'Machine-readable',
    ],
    french: ['Êtes-vous concerné', 'Quels sont les documents couverts par un secret légal', 'lexique — Base de données'],
  },
  {
    file: 'wire-services-publics-ia.txt',
    slug: 'wire-services-publics-ia',
    english: [
      'Public services: eight precautions for using artificial intelligence',
      'What role can AI play in services to users',
      'The opportunities',
      'the risk of civil servants losing skills',
    ],
    french: ['huit précautions pour utiliser', 'Les opportunités', 'perte de compétences'],
  },
];

/** The table cells of the licences article, in the order a reader (and pdftotext) meets them. */
const CELLS_IN_ORDER = [
  'Licence drawn up by the Government',
  'SPDX identifier',
  'Open Licence version 2.0',
  'etalab-2.0',
  'Permissive licences',
  'Apache License 2.0',
  'Apache-2.0',
  'MIT License',
  'MIT',
  'Licences with a reciprocity obligation',
  'GNU Affero General Public License v3.0 or later',
  'AGPL-3.0-or-later',
  'European Union Public License 1.2',
  'EUPL-1.2',
];

/** What a French fallback shows (locales/en/common.json fallbackNote, staleNote). */
const FALLBACK_NOTES = /Translation missing|Translation out of date|original French text shown/;

/** Collapses runs of white space (PDF text breaks lines anywhere). */
const flat = (text: string) => text.replace(/\s+/g, ' ');
/** Also drops hyphens: pdftotext joins a word hyphenated at a line's end (`share-` `alike` → `sharealike`). */
const unhyphenated = (text: string) => flat(text).replace(/-\s?/g, '');

interface WordBox {
  word: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of each page with their boxes (`pdftotext -bbox`). */
function wordBoxes(file: string): WordBox[][] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        word: m[5]!,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })),
    );
}

/** Pairs of words on one page whose boxes overlap by more than a quarter of the smaller one. */
function overlappingWords(file: string): string[] {
  const found: string[] = [];
  wordBoxes(file).forEach((words, page) => {
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i]!;
        const b = words[j]!;
        const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (w <= 0 || h <= 0) continue;
        const smaller = Math.min((a.xMax - a.xMin) * (a.yMax - a.yMin), (b.xMax - b.xMin) * (b.yMax - b.yMin));
        if (w * h > smaller / 4) found.push(`page ${page + 1}: "${a.word}" over "${b.word}"`);
      }
    }
  });
  return found;
}

const pdfTools = hasTool('pdftotext') && hasTool('qpdf', '--version');

describe('English editions of three corpus articles', () => {
  let root = '';
  const out = (slug: string, name: string) => path.join(root, 'output', slug, name);
  const read = (slug: string, name: string) => readFileSync(out(slug, name), 'utf8');

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'briefing-english-'));
    mkdirSync(path.join(root, 'content'));
    for (const { file, slug } of ARTICLES) {
      cpSync(path.join(CORPUS, file), path.join(root, 'content', file));
      for (const name of [`${slug}.json`, `${slug}.state.json`]) cpSync(path.join(CORPUS, 'en', name), path.join(root, 'locales', 'en', name));
    }
    for (const lang of ['fr', 'en']) cpSync(path.join(REPO, 'locales', lang, 'common.json'), path.join(root, 'locales', lang, 'common.json'));
    cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  });

  it('extract finds nothing new to translate and leaves the English files as they are', async () => {
    const extract = await runCli(['extract', '--root', root]);
    expect(extract.code, extract.stdout + extract.stderr).toBe(0);
    expect(extract.stdout).not.toMatch(/new key|carried over|obsolete/i);
    for (const { slug } of ARTICLES) {
      const name = `${slug}.json`;
      expect(readFileSync(path.join(root, 'locales', 'en', name), 'utf8'), name).toBe(readFileSync(path.join(CORPUS, 'en', name), 'utf8'));
    }
  });

  it('check passes with no problem at 100 % coverage, and status says 100 %', async () => {
    const check = await runCli(['check', '--root', root, '--lang', 'en', '--strict', '--min-coverage', '100']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/check passed: no problems/);
    const status = await runCli(['status', '--root', root, '--lang', 'en', '--format', 'json']);
    expect(status.code, status.stderr).toBe(0);
    const rows = JSON.parse(status.stdout) as unknown;
    const text = JSON.stringify(rows);
    for (const { slug } of ARTICLES) expect(text).toContain(slug);
    expect(text).not.toMatch(/"(stale|missing)":\s*[1-9]/);
    expect(text).toMatch(/"coverage":\s*100\b/);
  });

  it('builds every edition (md, html, pdf, bilingual) at 100 % coverage', async () => {
    const build = await runCli(['build', '--root', root, '--min-coverage', '100', '--json']);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const summary = JSON.parse(build.stdout) as { failed: unknown[]; diagnostics: { severity?: string; ruleId: string }[] };
    expect(summary.failed).toEqual([]);
    expect(summary.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.ruleId)).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(root, 'output', 'manifest.json'), 'utf8')) as {
      outputs: { slug: string; lang: string; format: string; kind: string; coverage?: number }[];
    };
    for (const { slug } of ARTICLES) {
      const english = manifest.outputs.filter((o) => o.slug === slug && o.lang === 'en');
      expect(english.map((o) => `${o.kind} ${o.format}`).sort()).toEqual([
        'bilingual html',
        'bilingual pdf',
        'briefing html',
        'briefing md',
        'briefing pdf',
        'review html',
      ]);
      for (const o of english) expect(o.coverage, `${slug} ${o.kind} ${o.format}`).toBe(100);
    }
  }, 120_000);

  it('the English Markdown holds the translation, its callouts as alerts, and no French', () => {
    for (const { slug, english, french } of ARTICLES) {
      const md = read(slug, `${slug}.en.md`);
      for (const phrase of english) expect(flat(md), `${slug}.en.md`).toContain(phrase);
      for (const phrase of french) expect(md, `${slug}.en.md`).not.toContain(phrase);
      expect(md).not.toMatch(FALLBACK_NOTES);
    }
    const guide = read('guides-juridique-1-obligation-od', 'guides-juridique-1-obligation-od.en.md');
    expect(guide).toContain('> [!TIP]\n> **Which documents are covered by a legal secret?**');
    expect(guide).toContain('> [!NOTE]\n> **Glossary — Database**');
    expect(guide).toContain('### Does this apply to you?');
    const licences = read('datagouv-legal-licences', 'datagouv-legal-licences.en.md');
    expect(licences).toMatch(/\| Permissive licences +\| SPDX identifier +\|/);
    expect(licences).toMatch(/\| \[MIT License\]\(https:\/\/spdx\.org\/licenses\/MIT\.html#licenseText\) +\| `MIT` +\|/);
  });

  it('the English HTML holds the translation in its structure, with no French fallback', () => {
    for (const { slug, english, french } of ARTICLES) {
      const html = read(slug, `${slug}.en.html`);
      expect(html).toMatch(/<html lang="en"/);
      const body = html.slice(html.indexOf('<body'));
      const text = flat(body.replace(/<[^>]*>/g, ''));
      for (const phrase of english) expect(text, `${slug}.en.html`).toContain(phrase);
      for (const phrase of french) expect(text, `${slug}.en.html`).not.toContain(phrase);
      expect(body).not.toMatch(FALLBACK_NOTES);
      expect(body).not.toMatch(/class="[^"]*\bfallback\b/);
    }
    const guide = read('guides-juridique-1-obligation-od', 'guides-juridique-1-obligation-od.en.html');
    expect(guide).toMatch(/<h3[^>]*>Does this apply to you\?<\/h3>/);
    expect(guide).toMatch(
      /<aside class="callout callout-tip"[^>]*>\s*<p class="callout-label"><strong>Which documents are covered by a legal secret\?<\/strong><\/p>/,
    );
    const licences = read('datagouv-legal-licences', 'datagouv-legal-licences.en.html');
    expect(licences).toMatch(/<th scope="col"[^>]*>Licences with a reciprocity obligation<\/th>/);
  });

  describe.runIf(pdfTools)('PDF', () => {
    it('the English PDF holds the translation, no French fallback, table cells in reading order', () => {
      for (const { slug, english, french } of ARTICLES) {
        const text = flat(pdfText(out(slug, `${slug}.en.pdf`)));
        for (const phrase of english) expect(text, `${slug}.en.pdf`).toContain(phrase);
        for (const phrase of french) expect(text, `${slug}.en.pdf`).not.toContain(phrase);
        expect(text).not.toMatch(FALLBACK_NOTES);
      }
      const text = flat(pdfText(out('datagouv-legal-licences', 'datagouv-legal-licences.en.pdf')));
      let from = 0;
      for (const cell of CELLS_IN_ORDER) {
        const at = text.indexOf(cell, from);
        expect(at, `"${cell}" after the cell before it`).toBeGreaterThanOrEqual(from);
        from = at + cell.length;
      }
    });

    it('the bilingual PDF holds both languages', () => {
      for (const { slug, english, french } of ARTICLES) {
        const text = unhyphenated(pdfText(out(slug, `${slug}.fr-en.pdf`)));
        for (const phrase of [...english, ...french]) expect(text, `${slug}.fr-en.pdf`).toContain(unhyphenated(phrase));
        expect(text).not.toMatch(FALLBACK_NOTES);
      }
    });

    it('no two words overlap on any page (a wrapped bold table header once ran into its first row)', () => {
      for (const { slug } of ARTICLES) {
        for (const name of [`${slug}.en.pdf`, `${slug}.fr-en.pdf`]) expect(overlappingWords(out(slug, name)), name).toEqual([]);
      }
    });

    it('every PDF passes qpdf --check', () => {
      for (const { slug } of ARTICLES) {
        for (const name of [`${slug}.fr.pdf`, `${slug}.en.pdf`, `${slug}.fr-en.pdf`]) {
          expect(execFileSync('qpdf', ['--check', out(slug, name)], { encoding: 'utf8' }), name).toMatch(/No syntax or stream encoding errors/);
        }
      }
    });
  });

  it.skipIf(SKIP_BROWSER)(
    'the English and bilingual HTML are axe-clean',
    async () => {
      if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} not found: CI must install it (apt-get install -y chromium, see .ci/run)`);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      try {
        for (const { slug } of ARTICLES) {
          for (const name of [`${slug}.en.html`, `${slug}.fr-en.html`]) {
            const page = await browser.newPage();
            await page.goto(pathToFileURL(out(slug, name)).href);
            await page.evaluate(axe.source);
            const result = (await page.evaluate(
              (tags: string[]) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
              ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
            )) as { violations: { id: string; nodes: { target: unknown[] }[] }[] };
            expect(result.violations.map((v) => `${name}: ${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
            await page.close();
          }
        }
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
