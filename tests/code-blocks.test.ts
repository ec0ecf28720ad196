/**
 * Code blocks, inline code and `$$` formulas: kept verbatim (not translated, not typeset, not
 * scanned for key figures) in every format and language; long code lines wrapped in the PDF.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/parse/index.js';
import { segmentsOf } from '../src/i18n/extract.js';
import { keyFigures } from '../src/facts/key-figures.js';
import { wrapCode } from '../src/render/pdf/code.js';
import { hasTool, pdfText, runCli, tempProject } from './helpers.js';

const LONG = `${'x'.repeat(150)}${'y'.repeat(149)}Z`;

const ARTICLE = `---
title: Schémas et code
---
Un schéma s'écrit en JSON, avec \`"name" : "x"\` en ligne.

## Exemple

Voici un exemple :

\`\`\`json
{
  "name" : "siret",
  "prix" : "coûte 5 millions d'euros en 2024",
  "long" : "${LONG}"
}
\`\`\`

La formule :

$$
E = mc^2
$$

Cela coûte 5 $ et 10 $.
`;

describe('code blocks and formulas in the article', () => {
  const { article, diagnostics } = parseArticle(ARTICLE, 'content/code.md', 'code');
  const blocks = article.sections[0]!.blocks;

  it('are verbatim blocks of kind code (with its language) and math, never units', () => {
    expect(diagnostics.filter((d) => d.ruleId === 'briefing:unsupported-block')).toEqual([]);
    expect(blocks.map((b) => [b.key, b.kind, b.verbatim ?? false])).toEqual([
      ['sections.exemple.1', 'paragraph', false],
      ['sections.exemple.2', 'code', true],
      ['sections.exemple.3', 'paragraph', false],
      ['sections.exemple.4', 'math', true],
      ['sections.exemple.5', 'paragraph', false],
    ]);
    expect(blocks[1]!.markdown).toMatch(/^```json\n\{\n {2}"name" : "siret",/);
    expect(blocks[3]!.markdown).toBe('$$\nE = mc^2\n$$');
    const keys = segmentsOf(article).map((s) => s.key);
    expect(keys).not.toContain('sections.exemple.2');
    expect(keys).not.toContain('sections.exemple.4');
  });

  it('keeps a single dollar as text and finds no key figure inside code', () => {
    expect(blocks[4]!.markdown).toBe('Cela coûte 5 $ et 10 $.');
    const texts = keyFigures(article).map((f) => f.text);
    expect(texts.some((t) => t.includes('millions'))).toBe(false);
    expect(texts).not.toContain('2024');
  });
});

describe('wrapping a code line', () => {
  it('cuts a token longer than the line at the column, keeps every character and hangs the continuation right of the indentation', () => {
    const lines = wrapCode(`  ${LONG}`, 80);
    expect(lines[0]).toEqual({ text: `  ${LONG.slice(0, 78)}`, indent: 0 });
    expect(lines.slice(1).every((l) => l.indent === 4 && l.text.length <= 76)).toBe(true);
    expect(lines.map((l) => l.text).join('')).toBe(`  ${LONG}`);
    expect(wrapCode('a\tb\n\nc', 80).map((l) => l.text)).toEqual(['a   b', '', 'c']);
  });
});

describe('code and formulas in every format', async () => {
  const root = tempProject();
  for (const lang of ['fr', 'en']) rmSync(path.join(root, 'locales', lang, 'microsoft-openai.json'), { force: true });
  rmSync(path.join(root, 'content', 'microsoft-openai.txt'));
  writeFileSync(path.join(root, 'content', 'code.md'), ARTICLE);
  const english = {
    title: 'Schemas and code',
    lead: { 1: 'A schema is written in JSON, with `"name" : "x"` inline.' },
    sections: { exemple: { heading: 'Example', 1: 'Here is an example:', 3: 'The formula:', 5: 'It costs $5 and $10.' } },
  };
  writeFileSync(path.join(root, 'locales', 'en', 'code.json'), JSON.stringify(english, null, 2));
  const build = await runCli(['build', '--root', root, '--min-coverage', '0']);
  const out = (file: string) => path.join(root, 'output', 'code', file);
  const read = (file: string) => readFileSync(out(file), 'utf8');

  it('builds without errors', () => {
    expect(build.stderr).not.toMatch(/error/);
    expect(build.code).toBe(0);
  });

  it('writes fenced code and $$ in Markdown, the same in both languages, untouched by typography', () => {
    for (const file of ['code.fr.md', 'code.en.md']) {
      const md = read(file);
      expect(md).toContain(`\`\`\`json\n{\n  "name" : "siret",\n  "prix" : "coûte 5 millions d'euros en 2024",\n  "long" : "${LONG}"\n}\n\`\`\``);
      expect(md).toContain('$$\nE = mc^2\n$$');
      expect(md).toContain('`"name" : "x"`');
    }
    // The English edition shows code as it is: no fallback note before it.
    expect(read('code.en.md')).not.toMatch(/\*[^*\n]+\*\n\n```json/);
  });

  it('writes <pre><code class="language-json"> and <pre class="math"> in HTML, verbatim', () => {
    for (const file of ['code.fr.html', 'code.en.html']) {
      const dom = fromHtml(read(file));
      const code = select('pre > code.language-json', dom);
      expect(code && hastText(code)).toContain(`"name" : "siret"`);
      expect(code && hastText(code)).toContain(LONG);
      expect(select('pre.math > code.language-math', dom) && hastText(select('pre.math > code', dom)!)).toBe('E = mc^2\n');
      expect(selectAll('code', dom).map(hastText)).toContain('"name" : "x"');
      expect(select('pre.fallback', dom)).toBeUndefined();
    }
    const bilingual = fromHtml(read('code.fr-en.html'));
    expect(selectAll('pre > code.language-json', bilingual)).toHaveLength(2);
  });

  it.skipIf(!hasTool('pdftotext'))('sets code in DejaVu Sans Mono in the PDF, wrapped, every character kept', () => {
    for (const file of ['code.fr.pdf', 'code.en.pdf', 'code.fr-en.pdf']) {
      const fonts = execFileSync('pdffonts', [out(file)], { encoding: 'utf8' });
      expect(fonts).toMatch(/DejaVuSansMono/);
      const text = pdfText(out(file));
      expect(text.replace(/\s+/g, '')).toContain(`"long":"${LONG}"`);
      expect(text).toContain('E = mc^2');
      // Typography leaves code alone: straight quotes, plain spaces.
      expect(text).toContain('"name" : "siret"');
    }
    // The 300-character line is cut over several lines.
    const lines = pdfText(out('code.fr.pdf')).split('\n');
    expect(lines.filter((l) => /[xyZ]{20}/.test(l)).length).toBeGreaterThanOrEqual(3);
  });

  it.skipIf(!hasTool('pdffonts'))('does not embed the monospace font when there is no code (the seed)', async () => {
    const seed = tempProject();
    expect((await runCli(['build', '--root', seed, '--format', 'pdf'])).code).toBe(0);
    for (const file of ['microsoft-openai.fr.pdf', 'microsoft-openai.en.pdf', 'microsoft-openai.fr-en.pdf']) {
      expect(execFileSync('pdffonts', [path.join(seed, 'output', 'microsoft-openai', file)], { encoding: 'utf8' })).not.toMatch(/Mono/);
    }
  });
});
