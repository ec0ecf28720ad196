/**
 * Every block kind, accepted (issue 12, "Done when"): one short French briefing holding a `###`
 * subsection, a GFM table, a footnote, a local image with alt text and caption, a fenced code block
 * and a `::: tip` callout, with its full English translation (tests/fixtures/block-kinds/; the
 * image is tests/fixtures/images/plan.png). A translator's workflow in a temporary project —
 * extract, check, build — then each block is looked for in the French, English and bilingual
 * editions: Markdown, HTML (in the DOM, and axe in Chromium) and PDF (qpdf, the structure tree,
 * pdftotext's reading order, pdfimages, pdffonts).
 *
 * If the article changes, `check` reports the English as stale: translate the change in
 * tests/fixtures/block-kinds/en/budget-participatif.json and copy the state file `extract` writes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as hastText } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, SKIP_BROWSER } from './chromium.js';
import { FIXTURES, REPO, hasTool, pdfText, runCli } from './helpers.js';

const SOURCE = path.join(FIXTURES, 'block-kinds');
const SLUG = 'budget-participatif';

/** What each language shows of each block, in the order of the source. */
interface Words {
  subsection: string;
  cells: string[];
  alt: string;
  caption: string;
  calloutTitle: string;
  calloutText: string;
  note: string;
  /** The note as the edition shows it, after the typography stage. */
  noteShown: string;
  /** The words the note is called from (the lead's last words). */
  called: string;
}

const WORDS: Record<'fr' | 'en', Words> = {
  fr: {
    subsection: 'Les projets lauréats',
    cells: [
      'Projet',
      'Quartier',
      'Montant',
      'Jardin partagé',
      'Nord',
      '120 000 €',
      'Pistes cyclables',
      'Centre',
      '340 000 €',
      'Bibliothèque de rue',
      'Gare',
      '45 000 €',
    ],
    alt: 'Plan des quartiers de Villebrune',
    caption: 'Les quatre quartiers concernés par le budget',
    calloutTitle: 'Réutiliser les données',
    calloutText: 'Citez la source et la date de mise à jour du fichier.',
    note: 'Les chiffres sont ceux publiés par la mairie le 10 mars 2026.',
    // As published: the typography stage keeps a date on one line (src/typography/no-break.ts).
    noteShown: 'Les chiffres sont ceux publiés par la mairie le 10\u00a0mars\u00a02026.',
    called: 'soumis au vote',
  },
  en: {
    subsection: 'The winning projects',
    cells: [
      'Project',
      'District',
      'Amount',
      'Community garden',
      'North',
      '120 000 €',
      'Cycle lanes',
      'Centre',
      '340 000 €',
      'Street library',
      'Station',
      '45 000 €',
    ],
    alt: 'Map of the districts of Villebrune',
    caption: 'The four districts covered by the budget',
    calloutTitle: 'Reusing the data',
    calloutText: 'Cite the source and the date the file was last updated.',
    note: 'The figures are those published by the city hall on 10 March 2026.',
    noteShown: 'The figures are those published by the city hall on 10 March 2026.',
    called: 'put to the vote',
  },
};
const LANGS = ['fr', 'en'] as const;

/** The code block, the same in every language. */
const CODE = '{"projet": "Jardin partagé", "votes": 4210}';

/** Collapses runs of white space, no-break spaces included (PDF text breaks lines anywhere). */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Index of each of `phrases` in `text`, each looked for after the one before; -1 from the first one missing. */
function inOrder(text: string, phrases: readonly string[]): { phrase: string; at: number }[] {
  let from = 0;
  return phrases.map((phrase) => {
    const at = from < 0 ? -1 : text.indexOf(phrase, from);
    from = at < 0 ? -1 : at + phrase.length;
    return { phrase, at };
  });
}

type QpdfValue = string | number | boolean | null | QpdfValue[] | { [key: string]: QpdfValue };

/** The PDF's objects through `qpdf --json` (version 2: `obj:N 0 R` → value). */
function pdfObjects(file: string): Map<string, QpdfValue> {
  const json = JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as {
    qpdf: [unknown, Record<string, { value?: QpdfValue }>];
  };
  return new Map(Object.entries(json.qpdf[1]).map(([key, object]) => [key.replace(/^obj:/, ''), object.value ?? null]));
}

/** The structure elements of a tagged PDF in document order (a pre-order walk from StructTreeRoot), as `/S` names with their `/Alt`. */
function structureElements(file: string): { type: string; alt?: string }[] {
  const objects = pdfObjects(file);
  const deref = (value: QpdfValue | undefined): QpdfValue | undefined => (typeof value === 'string' && / \d+ R$/.test(value) ? objects.get(value) : value);
  const root = [...objects.values()].find((value) => !!value && typeof value === 'object' && !Array.isArray(value) && value['/Type'] === '/StructTreeRoot');
  expect(root, 'a StructTreeRoot').toBeDefined();
  const found: { type: string; alt?: string }[] = [];
  const walk = (kids: QpdfValue | undefined) => {
    const value = deref(kids);
    if (Array.isArray(value)) {
      for (const kid of value) walk(kid);
      return;
    }
    if (!value || typeof value !== 'object' || typeof value['/S'] !== 'string') return;
    const alt = value['/Alt'];
    found.push({ type: value['/S'].slice(1), ...(typeof alt === 'string' ? { alt: alt.replace(/^u:/, '') } : {}) });
    walk(value['/K']);
  };
  walk((root as Record<string, QpdfValue>)['/K']);
  return found;
}

const pdfTools = hasTool('pdftotext') && hasTool('qpdf', '--version') && hasTool('pdfimages') && hasTool('pdffonts');

describe('every block kind in one article, French and English', () => {
  let root = '';
  const out = (name: string) => path.join(root, 'output', SLUG, name);
  const read = (name: string) => readFileSync(out(name), 'utf8');
  const dom = (name: string): Root => fromHtml(read(name));

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'briefing-block-kinds-'));
    mkdirSync(path.join(root, 'content', 'images'), { recursive: true });
    cpSync(path.join(SOURCE, `${SLUG}.md`), path.join(root, 'content', `${SLUG}.md`));
    cpSync(path.join(FIXTURES, 'images', 'plan.png'), path.join(root, 'content', 'images', 'plan.png'));
    for (const lang of LANGS) {
      mkdirSync(path.join(root, 'locales', lang), { recursive: true });
      cpSync(path.join(REPO, 'locales', lang, 'common.json'), path.join(root, 'locales', lang, 'common.json'));
    }
    for (const name of [`${SLUG}.json`, `${SLUG}.state.json`]) cpSync(path.join(SOURCE, 'en', name), path.join(root, 'locales', 'en', name));
    cpSync(path.join(REPO, 'templates'), path.join(root, 'templates'), { recursive: true });
  });

  it('extract leaves the English as written, and check finds it complete and current', async () => {
    const extract = await runCli(['extract', '--root', root]);
    expect(extract.code, extract.stdout + extract.stderr).toBe(0);
    expect(extract.stdout).not.toMatch(/new key|carried over|obsolete/i);
    expect(readFileSync(path.join(root, 'locales', 'en', `${SLUG}.json`), 'utf8')).toBe(readFileSync(path.join(SOURCE, 'en', `${SLUG}.json`), 'utf8'));
    // Every kind of unit is keyed: table cells, the figure's alt and caption, the callout's parts, the note.
    const french = JSON.parse(readFileSync(path.join(root, 'locales', 'fr', `${SLUG}.json`), 'utf8')) as any;
    expect(french.sections['les-projets-laureats']['2'].r1c1).toBe('Projet');
    expect(french.sections['les-projets-laureats']['3']).toEqual({ alt: WORDS.fr.alt, caption: WORDS.fr.caption });
    expect(french.sections['les-donnees-ouvertes']['3']).toEqual({ title: WORDS.fr.calloutTitle, 1: WORDS.fr.calloutText });
    expect(french.notes['1']).toBe(WORDS.fr.note);
    expect(JSON.stringify(french)).not.toContain('votes');
    // One reviewer's warning, rightly raised and rightly accepted: "Licence Ouverte" is the "Open Licence" in English.
    const review = await runCli(['check', '--root', root, '--lang', 'en']);
    expect(review.stdout).toMatch(/warning +Name of the French not found in the translation: Ouverte\./);
    const key = /--accept (\S+) --rule name-mismatch/.exec(review.stdout)?.[1] ?? '';
    expect((await runCli(['check', SLUG, '--root', root, '--accept', key, '--rule', 'name-mismatch'])).code).toBe(0);
    const check = await runCli(['check', '--root', root, '--lang', 'en', '--strict', '--min-coverage', '100']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/check passed: no problems/);
  });

  it('builds every edition at 100 % coverage with no warning', async () => {
    const build = await runCli(['build', '--root', root, '--min-coverage', '100', '--json']);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    const summary = JSON.parse(build.stdout) as { failed: unknown[]; diagnostics: { severity?: string; ruleId: string }[] };
    expect(summary.failed).toEqual([]);
    expect(summary.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.ruleId)).toEqual([]);
  }, 120_000);

  describe.each(LANGS)('%s', (lang) => {
    const words = WORDS[lang];

    it('Markdown: the ### heading, a GFM table, the note call and its definition under Notes, the figure, the fenced code, a TIP alert', () => {
      const md = read(`${SLUG}.${lang}.md`);
      expect(md).toContain(`\n### ${words.subsection}\n`);
      const [c1, c2, c3] = words.cells;
      expect(md).toMatch(new RegExp(`\\n\\| ${c1} +\\| ${c2} +\\| +${c3} \\|\\n\\| -+ \\| -+ \\| -+: \\|\\n\\| ${words.cells[3]} +\\|`));
      expect(md).toContain(`${words.called}[^1].`);
      const notes = md.indexOf('\n## Notes\n');
      expect(notes).toBeGreaterThan(md.indexOf('```json'));
      expect(md.slice(notes)).toContain(`\n[^1]: ${words.noteShown}`);
      expect(md).toContain(`![${words.alt}](images/plan.png)\n\n${words.caption}\n`);
      expect(md).toContain(`\`\`\`json\n${CODE}\n\`\`\``);
      expect(md).toContain(`> [!TIP]\n> **${words.calloutTitle}**\n>\n> ${words.calloutText}`);
    });

    it('HTML: h3 in the contents, th[scope=col], the note call and its way back, figure with img and figcaption, pre > code, aside.callout-tip', () => {
      const tree = dom(`${SLUG}.${lang}.html`);
      const h3 = select('main h3', tree);
      expect(h3 && hastText(h3)).toBe(words.subsection);
      const id = String(h3?.properties.id);
      const tocLink = select(`nav.toc li > ol > li > a[href="#${id}"]`, tree);
      expect(tocLink && hastText(tocLink)).toBe(words.subsection);

      const table = select('main table', tree);
      expect(selectAll('thead th[scope=col]', table!).map((th) => flat(hastText(th)))).toEqual(words.cells.slice(0, 3));
      expect(selectAll('tbody td', table!).map((td) => flat(hastText(td)))).toEqual(words.cells.slice(3));

      const call = select('a[data-footnote-ref]', tree);
      expect(call && hastText(call)).toBe('1');
      const target = String(call?.properties.href).slice(1);
      const note = select(`ol.notes > li[id="${target}"]`, tree);
      expect(note && hastText(note)).toContain(words.noteShown);
      expect(select('a[data-footnote-backref]', note!)?.properties.href).toBe(`#${String(call?.properties.id)}`);

      const figure = select('figure.image', tree);
      const img = select('img', figure!);
      expect(img?.properties.alt).toBe(words.alt);
      expect(String(img?.properties.src)).toMatch(/^data:image\/png;base64,iVBOR/);
      expect(hastText(select('figcaption', figure!)!)).toBe(words.caption);

      const code = select('pre > code.language-json', tree);
      expect(code && hastText(code).trim()).toBe(CODE);

      const aside = select('aside.callout.callout-tip', tree);
      expect(aside && hastText(select('.callout-label', aside)!)).toBe(words.calloutTitle);
      expect(aside && hastText(aside)).toContain(words.calloutText);
    });

    describe.runIf(pdfTools)('PDF', () => {
      const pdf = () => out(`${SLUG}.${lang}.pdf`);

      it('passes qpdf --check', () => {
        expect(execFileSync('qpdf', ['--check', pdf()], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
      });

      it('is tagged: H3, Table/TR/TH/TD, Figure with its Alt and Caption, Code, the callout Div, L/LI for the notes, in the order of the source', () => {
        const elements = structureElements(pdf());
        const types = elements.map((e) => e.type);
        for (const type of ['H3', 'Table', 'TR', 'TH', 'TD', 'Figure', 'Caption', 'Code', 'Div', 'L', 'LI', 'Lbl', 'LBody'])
          expect(types, type).toContain(type);
        expect(types.filter((t) => t === 'TH')).toHaveLength(3);
        expect(types.filter((t) => t === 'TD')).toHaveLength(9);
        expect(elements.find((e) => e.type === 'Figure')?.alt).toBe(words.alt);
        const order = ['H3', 'Table', 'Figure', 'Caption', 'Code', 'L'].map((type) => types.indexOf(type));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      });

      it('pdftotext reads the blocks in the order of the source, the note last', () => {
        const text = flat(pdfText(pdf()));
        const phrases = [words.called, words.subsection, ...words.cells, words.caption, CODE, words.calloutTitle, words.calloutText, `1. ${words.note}`];
        const found = inOrder(text, phrases);
        expect(found.filter((f) => f.at < 0).map((f) => f.phrase)).toEqual([]);
      });

      it('embeds the image, never enlarged past its size in the HTML page (96 pixels an inch)', () => {
        const rows = execFileSync('pdfimages', ['-list', pdf()], { encoding: 'utf8' })
          .split('\n')
          .slice(2)
          .filter((row) => row.trim().split(/\s+/)[2] === 'image');
        expect(rows).toHaveLength(1);
        const [, , , width, height, color, , , , , , , xPpi] = rows[0]!.trim().split(/\s+/);
        expect([width, height, color]).toEqual(['120', '80', 'rgb']);
        expect(Number(xPpi)).toBeGreaterThanOrEqual(95);
      });

      it('sets the code in DejaVu Sans Mono', () => {
        expect(execFileSync('pdffonts', [pdf()], { encoding: 'utf8' })).toMatch(/\+DejaVuSansMono\s/);
      });
    });
  });

  it('the bilingual HTML holds both languages of each block', () => {
    const tree = dom(`${SLUG}.fr-en.html`);
    const texts = (selector: string) => selectAll(selector, tree).map((node: Element) => hastText(node).trim());
    expect(texts('h3')).toEqual([WORDS.fr.subsection, WORDS.en.subsection]);
    expect(texts('table th[scope=col]').map(flat)).toEqual([...WORDS.fr.cells.slice(0, 3), ...WORDS.en.cells.slice(0, 3)]);
    expect(selectAll('figure.image img', tree).map((img) => img.properties.alt)).toEqual([WORDS.fr.alt, WORDS.en.alt]);
    // Each column's figure holds its own caption, in the figure's row (src/render/html/image.ts).
    const figureRow = selectAll('.pair', tree).find((pair) => select('figure.image', pair));
    expect(
      figureRow &&
        selectAll('.col', figureRow).map((col) => [
          col.properties.lang,
          selectAll('figure.image > figcaption', col).map((caption) => hastText(caption).trim()),
        ]),
    ).toEqual([
      ['fr', [WORDS.fr.caption]],
      ['en', [WORDS.en.caption]],
    ]);
    // Said once, in the figure: no caption paragraph left over in a row of its own.
    expect(texts('figcaption')).toEqual([WORDS.fr.caption, WORDS.en.caption]);
    expect(selectAll('.pair', tree).filter((pair) => hastText(pair).includes(WORDS.fr.caption))).toEqual([figureRow]);
    expect(texts('pre > code.language-json')).toEqual([CODE, CODE]);
    expect(texts('aside.callout.callout-tip .callout-label')).toEqual([WORDS.fr.calloutTitle, WORDS.en.calloutTitle]);
    const notes = selectAll('ol.notes > li', tree);
    expect(notes.map((li) => li.properties.id)).toEqual(['fr-note_1', 'en-note_1']);
    expect(notes.map((li) => hastText(li))).toEqual([expect.stringContaining(WORDS.fr.noteShown), expect.stringContaining(WORDS.en.noteShown)]);
    for (const call of selectAll('a[data-footnote-ref]', tree)) {
      expect(select(`li[id="${String(call.properties.href).slice(1)}"]`, tree), String(call.properties.href)).toBeDefined();
    }
  });

  it.runIf(pdfTools)('the bilingual PDF holds both languages of each block, passes qpdf and is tagged', () => {
    const pdf = out(`${SLUG}.fr-en.pdf`);
    expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const text = flat(pdfText(pdf));
    for (const lang of LANGS) {
      const words = WORDS[lang];
      for (const phrase of [words.subsection, ...words.cells, words.caption, words.calloutTitle, words.calloutText, words.note]) {
        expect(text, `${lang}: ${phrase}`).toContain(phrase);
      }
    }
    expect(text.split(CODE.slice(0, 25)).length - 1).toBe(2);
    const elements = structureElements(pdf);
    const count = (type: string) => elements.filter((e) => e.type === type).length;
    expect([count('H3'), count('Table'), count('Figure'), count('Code'), count('L')]).toEqual([2, 2, 2, 2, 2]);
    expect(elements.filter((e) => e.type === 'Figure').map((e) => e.alt)).toEqual([WORDS.fr.alt, WORDS.en.alt]);
    expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).match(/\s120\s+80\s+rgb\s/g)).toHaveLength(2);
  });

  it.skipIf(SKIP_BROWSER)(
    'the French, English and bilingual HTML are axe-clean',
    async () => {
      expect(await axeViolations([`${SLUG}.fr.html`, `${SLUG}.en.html`, `${SLUG}.fr-en.html`].map(out))).toEqual([]);
    },
    60_000,
  );
});
