/**
 * Images and figures end to end (docs/parsing.md, "Images"): units and keys, the warnings and
 * their places, local PNG/JPEG embedded in HTML (data URI) and PDF (pdfimages, Figure with Alt),
 * remote images as frames, refused files (symlink, outside, not PNG/JPEG, too large).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../src/parse/index.js';
import { segmentsOf } from '../src/i18n/extract.js';
import { FIXTURES, REPO, runCli } from './helpers.js';

const IMAGES = path.join(FIXTURES, 'images');

const ARTICLE = `---
title: Des figures
---

Un texte avec ![logo du ministère](https://ex.fr/logo.png) dans la phrase, et ![image](x.png).

![Plan du quartier](images/plan.png "Le plan, en 2024")

![Une photo](images/photo.jpg)
*Photo : la place du marché*

![](images/anim.gif)

![Carte distante](https://example.org/carte.png "Carte distante")

![Lien](images/link.png)

![Dehors](../../outside.png)

![Trop grand](images/big.png)
`;

describe('figures: units and warnings', () => {
  const { article, diagnostics } = parseArticle(ARTICLE, 'content/figures.md', 'figures');
  const units = new Map(segmentsOf(article).map((unit) => [unit.key, unit]));

  it('makes a figure block with alt and caption units, the src never a unit', () => {
    expect(article.lead[1]).toMatchObject({ key: 'lead.2', kind: 'image' });
    expect(units.get('lead.2.alt')).toMatchObject({ kind: 'alt', markdown: 'Plan du quartier' });
    expect(units.get('lead.2.caption')).toMatchObject({ kind: 'caption', markdown: 'Le plan, en 2024' });
    // The emphasis line under the image is its caption, without the emphasis.
    expect(units.get('lead.3.caption')?.markdown).toBe('Photo : la place du marché');
    expect([...units.values()].some((unit) => unit.markdown.includes('images/'))).toBe(false);
  });

  it('keeps a caption equal to the alt text once', () => {
    expect(units.get('lead.5.alt')?.markdown).toBe('Carte distante');
    expect(units.has('lead.5.caption')).toBe(false);
  });

  it('shows an inline image as its alt text, and "image" as nothing', () => {
    expect(units.get('lead.1')?.markdown).toBe('Un texte avec logo du ministère dans la phrase, et .');
  });

  it('reports images without alt text at their place', () => {
    const noAlt = diagnostics.filter((d) => d.ruleId === 'briefing:image-without-alt');
    expect(noAlt.map((d) => [d.line, d.column])).toEqual([
      [5, 79],
      [12, 1],
    ]);
    expect(noAlt[1]?.message).toContain('write a short description');
  });
});

describe('figures: build', () => {
  let root: string;
  let out: string;
  let stderr: string;
  beforeAll(async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'briefing-images-'));
    root = path.join(base, 'project');
    mkdirSync(path.join(root, 'content', 'images'), { recursive: true });
    execFileSync('cp', ['-r', path.join(REPO, 'templates'), path.join(REPO, 'locales'), root]);
    for (const name of ['plan.png', 'photo.jpg', 'anim.gif']) copyFileSync(path.join(IMAGES, name), path.join(root, 'content', 'images', name));
    symlinkSync(path.join(IMAGES, 'plan.png'), path.join(root, 'content', 'images', 'link.png'));
    copyFileSync(path.join(IMAGES, 'plan.png'), path.join(base, 'outside.png'));
    // Over the pixel limit by its header alone (16 777 216 pixels): a PNG header claiming 5000 × 5000.
    const big = Buffer.from(readFileSync(path.join(IMAGES, 'plan.png')));
    big.writeUInt32BE(5000, 16);
    big.writeUInt32BE(5000, 20);
    writeFileSync(path.join(root, 'content', 'images', 'big.png'), big);
    writeFileSync(path.join(root, 'content', 'figures.md'), ARTICLE);
    out = path.join(base, 'out');
    const result = await runCli(['build', '--root', root, '--out', out, '--lang', 'fr']);
    stderr = result.stderr;
    expect(result.code).toBe(0);
  }, 60_000);

  it('refuses a GIF, a symbolic link, a file outside the project and an oversized image, each at its place', () => {
    const lines = stderr.split('\n').filter((line) => line.includes('briefing:image-not-embedded'));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/figures\.md:12:1 .*not a PNG or JPEG/);
    expect(lines[1]).toMatch(/figures\.md:16:1 .*symbolic link/);
    expect(lines[2]).toMatch(/figures\.md:18:1 .*outside the project/);
    expect(lines[3]).toMatch(/figures\.md:20:1 .*5000×5000 pixels/);
  });

  it('embeds local PNG and JPEG in the HTML as data URIs, and frames the others', () => {
    const tree = fromHtml(readFileSync(path.join(out, 'figures', 'figures.fr.html'), 'utf8'));
    const images = selectAll('figure.image img', tree);
    expect(images.map((img) => [String(img.properties.src).slice(0, 23), img.properties.alt, img.properties.width])).toEqual([
      ['data:image/png;base64,i', 'Plan du quartier', 120],
      ['data:image/jpeg;base64,', 'Une photo', 16],
    ]);
    const caption = select('figure.image figcaption', tree);
    expect(caption && hastText(caption)).toBe('Le plan, en 2024');
    const frames = selectAll('figure.image-frame', tree);
    expect(frames).toHaveLength(5);
    const remote = frames.find((frame) => hastText(frame).includes('Carte distante'));
    expect(remote && select('a', remote)?.properties.href).toBe('https://example.org/carte.png');
    // Said once: the alt text is the caption.
    expect(remote && hastText(remote).match(/Carte distante/g)).toHaveLength(1);
    expect(selectAll('img', tree)).toHaveLength(2);
  });

  it('draws them in the PDF, tagged Figure with Alt, the caption once', () => {
    const pdf = path.join(out, 'figures', 'figures.fr.pdf');
    const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' });
    expect(list).toMatch(/\s120\s+80\s+rgb/);
    expect(list).toMatch(/\s16\s+16\s+rgb\s+3\s+8\s+jpeg/);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text.match(/Le plan, en 2024/g)).toHaveLength(1);
    expect(text.match(/Photo : la place du marché/g)).toHaveLength(1);
    expect(text).toContain('https://example.org/carte.png');
    const json = execFileSync('qpdf', ['--json', pdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(json).toContain('"/S": "/Figure"');
    expect(json).toMatch(/"\/Alt": "u:Plan du quartier"/);
    expect(json).toContain('"/S": "/Caption"');
  });

  it('writes the image and its caption paragraph in the .md edition', () => {
    const md = readFileSync(path.join(out, 'figures', 'figures.fr.md'), 'utf8');
    expect(md).toContain('![Plan du quartier](images/plan.png)\n\nLe plan, en 2024\n');
    expect(md).toContain('![Carte distante](https://example.org/carte.png)');
  });
});

/** Figures with and without captions, several in a paragraph, one after text. */
const SEVERAL = `---
title: Plusieurs
---

![Premier schéma](images/un.png)
![Second schéma](images/deux.png "Le second")

![Trois](images/c.png) ![Quatre](images/d.png)

Le texte qui les annonce :
![Cinq](images/e.png)

Une phrase avec ![le sixième](images/six.png) au milieu.

![Sept](images/g.png)
*La légende de sept*
`;

describe('figures: several in a paragraph, or on the last line of one', () => {
  const { article, diagnostics } = parseArticle(SEVERAL, 'content/plusieurs.md', 'plusieurs');
  const units = segmentsOf(article);

  it('makes one figure per image of an images-only paragraph, each with its own parts, numbered as blocks', () => {
    expect(article.lead.map((block) => [block.key, block.kind, block.place.line])).toEqual([
      ['lead.1', 'image', 5],
      ['lead.2', 'image', 6],
      ['lead.3', 'image', 8],
      ['lead.4', 'image', 8],
      ['lead.5', 'paragraph', 10],
      ['lead.6', 'image', 11],
      ['lead.7', 'paragraph', 13],
      ['lead.8', 'image', 15],
    ]);
    expect(units.map((unit) => [unit.key, unit.markdown])).toEqual([
      ['title', 'Plusieurs'],
      ['lead.1.alt', 'Premier schéma'],
      ['lead.2.alt', 'Second schéma'],
      ['lead.2.caption', 'Le second'],
      ['lead.3.alt', 'Trois'],
      ['lead.4.alt', 'Quatre'],
      ['lead.5', 'Le texte qui les annonce :'],
      ['lead.6.alt', 'Cinq'],
      ['lead.7', 'Une phrase avec le sixième au milieu.'],
      ['lead.8.alt', 'Sept'],
      ['lead.8.caption', 'La légende de sept'],
    ]);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('reports an image without alt text among several at its own place', () => {
    const { article: parsed, diagnostics: found } = parseArticle('# T\n\n![](a.png)\n![](b.png)\n', 'content/t.md', 't');
    expect(parsed.lead.map((block) => block.kind)).toEqual(['image', 'image']);
    expect(found.filter((d) => d.ruleId === 'briefing:image-without-alt').map((d) => [d.line, d.column])).toEqual([
      [3, 1],
      [4, 1],
    ]);
  });
});

describe('figures: bilingual HTML', () => {
  let tree: ReturnType<typeof fromHtml>;
  beforeAll(async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'briefing-images-bilingual-'));
    const root = path.join(base, 'project');
    mkdirSync(path.join(root, 'content', 'images'), { recursive: true });
    execFileSync('cp', ['-r', path.join(REPO, 'templates'), path.join(REPO, 'locales'), root]);
    for (const name of ['un', 'deux', 'c', 'd', 'e', 'g']) copyFileSync(path.join(IMAGES, 'plan.png'), path.join(root, 'content', 'images', `${name}.png`));
    writeFileSync(path.join(root, 'content', 'plusieurs.md'), SEVERAL);
    const out = path.join(base, 'out');
    // No translation: the English column shows the French, which is enough to see the layout.
    expect((await runCli(['build', '--root', root, '--out', out, '--format', 'html', '--min-coverage', '0'])).code).toBe(0);
    tree = fromHtml(readFileSync(path.join(out, 'plusieurs', 'plusieurs.fr-en.html'), 'utf8'));
  }, 60_000);

  it('puts each column’s caption in its own figure, in the figure’s row, and moves nothing else', () => {
    const rows = selectAll('main > .pair', tree).map((pair) =>
      selectAll('.col', pair).map((col) =>
        selectAll('figure.image, p:not(.fallback-note)', col).map((node) => {
          const caption = select('figcaption', node);
          const text = `${node.tagName}:${node.tagName === 'figure' ? select('img', node)?.properties.alt : hastText(node)}${caption ? `+${hastText(caption)}` : ''}`;
          // French typography puts a narrow no-break space before the colon.
          return text.replace(/\s+/g, ' ');
        }),
      ),
    );
    const french = [
      ['figure:Premier schéma'],
      ['figure:Second schéma+Le second'],
      ['figure:Trois'],
      ['figure:Quatre'],
      ['p:Le texte qui les annonce :'],
      ['figure:Cinq'],
      ['p:Une phrase avec le sixième au milieu.'],
      ['figure:Sept+La légende de sept'],
    ];
    expect(rows).toEqual(french.map((row) => [row, row]));
    // Every caption is in a figure, italic like the single-language page's: none left as a paragraph.
    expect(selectAll('figure.image > figcaption', tree)).toHaveLength(4);
    expect(selectAll('figcaption', tree)).toHaveLength(4);
    expect(hastText(select('style', tree)!)).toMatch(/figure\.image figcaption \{[^}]*font-style: italic/);
  });
});

describe('figures: wrapped in a link', () => {
  let out: string;
  beforeAll(async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'briefing-images-link-'));
    const root = path.join(base, 'project');
    mkdirSync(path.join(root, 'content', 'images'), { recursive: true });
    execFileSync('cp', ['-r', path.join(REPO, 'templates'), path.join(REPO, 'locales'), root]);
    copyFileSync(path.join(IMAGES, 'plan.png'), path.join(root, 'content', 'images', 'plan.png'));
    writeFileSync(
      path.join(root, 'content', 'liens.md'),
      '---\ntitle: Liens\n---\n\n[![Plan du quartier](images/plan.png)](https://ex.fr/plan)\n\n[![Carte distante](https://ex.fr/carte.png)](https://ex.fr/carte)\n',
    );
    out = path.join(base, 'out');
    expect((await runCli(['build', '--root', root, '--out', out, '--lang', 'fr'])).code).toBe(0);
  }, 60_000);

  it('links the HTML image, or the frame’s alt text, to the link’s address', () => {
    const tree = fromHtml(readFileSync(path.join(out, 'liens', 'liens.fr.html'), 'utf8'));
    const img = select('figure.image > a[href="https://ex.fr/plan"] > img', tree);
    expect(String(img?.properties.src)).toMatch(/^data:image\/png;base64,/);
    const frame = select('figure.image-frame', tree)!;
    expect(select('.image-alt > a', frame)?.properties.href).toBe('https://ex.fr/carte');
    expect(hastText(frame)).toContain('https://ex.fr/carte.png');
  });

  it('makes the PDF image a link annotation over it', () => {
    const pdf = path.join(out, 'liens', 'liens.fr.pdf');
    const json = execFileSync('qpdf', ['--json', pdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(json).toContain('"/URI": "u:https://ex.fr/plan"');
    expect(json).toContain('"/URI": "u:https://ex.fr/carte"');
    expect(json).toMatch(/"\/Alt": "u:Plan du quartier"/);
  });

  it('keeps [![alt](src)](href) in the .md edition', () => {
    const md = readFileSync(path.join(out, 'liens', 'liens.fr.md'), 'utf8');
    expect(md).toContain('[![Plan du quartier](images/plan.png)](https://ex.fr/plan)');
    expect(md).toContain('[![Carte distante](https://ex.fr/carte.png)](https://ex.fr/carte)');
  });
});
