/**
 * Issue 18: the marks of a French fallback in an English edition fit what they mark. A title shown
 * in French gets its "Translation missing" note, and the orange bar keeps clear of the title's
 * first letter and of the "Briefing" line; an untranslated heading gets its own note like a
 * paragraph; a note always sits right before its block, so two identical notes never follow
 * each other (PDF and Markdown).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { editJson, hasTool, runCli, tempProject, translatedProject } from './helpers.js';
import { expectLooksLikeReference, rasterisePdfPage } from './visual.js';

const HAVE_TOOLS = hasTool('pdftoppm') && hasTool('qpdf', '--version');
if (!HAVE_TOOLS && process.env.CI) throw new Error('poppler-utils and qpdf are required for the fallback marks tests');

const SLUG = 'microsoft-openai';
const SECTION = 'une-alliance-historique-a-redefinir';
const NOTE = 'Translation missing: original French text shown.';
const TITLE = 'Microsoft et OpenAI renégocient leur partenariat stratégique';
const HEADING = 'Une alliance historique à redéfinir';
/** The theme's fallback colour, #b86e00, as pdfkit writes it. */
const FALLBACK_FILL = /^0\.72156\d* 0\.43137\d* 0 scn$/;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Word extends Box {
  text: string;
}

/** Page 1's words with their boxes (pdftotext -bbox), top-down points like pdfkit's. */
function words(pdf: string): Word[] {
  const html = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    text: m[5]!,
  }));
}

/** The rectangles filled in the fallback colour on page 1, read from its content stream (qpdf's QDF form). */
function fallbackBars(pdf: string): Box[] {
  const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
  const page = qdf.slice(qdf.indexOf('%% Contents for page 1'), qdf.indexOf('%% Contents for page 2'));
  const lines = page.split('\n');
  const bars: Box[] = [];
  lines.forEach((line, i) => {
    const rect = /^([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re$/.exec(line);
    if (!rect || !lines.slice(i + 1, i + 4).some((next) => FALLBACK_FILL.test(next))) return;
    const [x, y, w, h] = rect.slice(1).map(Number) as [number, number, number, number];
    bars.push({ x0: x, y0: y, x1: x + w, y1: y + h });
  });
  return bars;
}

/** The first word `text` on the page, from `after` on. */
function find(all: readonly Word[], text: string, after = 0): Word {
  const found = all.slice(after).find((w) => w.text === text);
  if (!found) throw new Error(`"${text}" is not on page 1`);
  return found;
}

/** The bar beside `word`: the one whose height spans it. */
function barBeside(bars: readonly Box[], word: Word): Box {
  const bar = bars.find((b) => b.y0 <= word.y0 + 1 && b.y1 >= (word.y0 + word.y1) / 2);
  if (!bar) throw new Error(`no fallback bar beside "${word.text}"`);
  return bar;
}

describe.skipIf(!HAVE_TOOLS)('a French title opening with an accented capital', () => {
  // First in the file: fonts are parsed once per process, and a glyph another test set first would hide the loss.
  it('keeps the bar clear of the É, and every letter in the text layer', async () => {
    const source = '---\ntitle: État du plan vélo\n---\nLe plan prévoit 300 kilomètres de pistes.\n';
    const root = await translatedProject('etat', source, { lead: { '1': 'The plan provides for 300 kilometres of lanes.' } });
    const result = await runCli(['build', '--root', root, '--lang', 'en', '--format', 'pdf', '--min-coverage', '0']);
    expect(result.code).toBe(0);
    const file = path.join(root, 'output', 'etat', 'etat.en.pdf');
    const all = words(file);
    const first = find(all, 'État');
    expect(barBeside(fallbackBars(file), first).x1).toBeLessThan(first.x0 - 4);
    // Measuring the É's outline must not lose letters from the text set after it.
    expect(all.map((w) => w.text)).toEqual(expect.arrayContaining([NOTE.split(' ')[0], 'Briefing', 'Prepared']));
  });
});

describe.skipIf(!HAVE_TOOLS)('marks of a French fallback (title and heading)', () => {
  let pdf: string;
  let markdown: string;

  beforeAll(async () => {
    // The seed with its English title, one heading and that section's first paragraph left out.
    const root = tempProject();
    editJson(root, `locales/en/${SLUG}.json`, (en) => {
      delete en.title;
      delete en.sections[SECTION].heading;
      delete en.sections[SECTION]['1'];
    });
    const result = await runCli(['build', '--root', root, '--lang', 'en', '--format', 'pdf,md']);
    expect(result.code).toBe(0);
    pdf = path.join(root, 'output', SLUG, `${SLUG}.en.pdf`);
    markdown = readFileSync(path.join(root, 'output', SLUG, `${SLUG}.en.md`), 'utf8');
  });

  it('keeps the bar beside the title clear of its first letter and of the Briefing line', () => {
    const all = words(pdf);
    const first = find(all, TITLE.split(' ')[0]!);
    const last = find(all, 'leur');
    const bar = barBeside(fallbackBars(pdf), first);
    // Left of the title's first glyph box, with air between them.
    expect(bar.x1).toBeLessThan(first.x0 - 4);
    // Down to the last line's ink, not into the line gap, and ending above "Briefing".
    expect(bar.y1).toBeGreaterThan(last.y0 + (last.y1 - last.y0) / 2);
    expect(bar.y1).toBeLessThanOrEqual(last.y1 + 0.5);
    const briefing = find(all, 'Briefing');
    expect(briefing.y0).toBeGreaterThan(bar.y1);
  });

  it('keeps the bar beside a French heading clear of its first letter', () => {
    const all = words(pdf);
    const first = find(all, HEADING.split(' ')[0]!);
    const bar = barBeside(fallbackBars(pdf), first);
    expect(bar.x1).toBeLessThan(first.x0 - 4);
    expect(bar.y1).toBeLessThanOrEqual(first.y1 + 0.5);
  });

  it('puts one note right before the title, the heading and the paragraph, never two in a row (PDF)', () => {
    const lines = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const notes = lines.flatMap((line, i) => (line === NOTE ? [i] : []));
    expect(notes).toHaveLength(3);
    expect(lines[notes[0]! + 1]).toBe('Microsoft et OpenAI renégocient');
    expect(lines[notes[1]! + 1]).toBe(HEADING);
    expect(lines[notes[2]! + 1]).toMatch(/^Le partenariat entre Microsoft et OpenAI/);
  });

  it('puts one note right before the title, the heading and the paragraph, never two in a row (Markdown)', () => {
    const blocks = markdown.split(/\n{2,}/);
    const notes = blocks.flatMap((block, i) => (block === `*${NOTE}*` ? [i] : []));
    expect(notes).toHaveLength(3);
    expect(blocks[notes[0]! + 1]).toBe(`# ${TITLE}`);
    expect(blocks[notes[1]! + 1]).toBe(`## ${HEADING}`);
    expect(blocks[notes[2]! + 1]).toMatch(/^Le partenariat entre Microsoft et OpenAI/);
  });

  it('looks like the reference page', () => {
    expectLooksLikeReference(rasterisePdfPage(pdf), 'visual/fallback-title-en.png');
  });
});
