/**
 * GFM footnotes: notes are translation units (`notes.<label>`, in order of first call), calls are
 * numbered and linked both ways in HTML, numbered and raised in the PDF with a Notes section, kept
 * as `[^label]` in Markdown; unused notes and unknown calls are reported at their place, and a
 * translation that drops a call is an error.
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
import { hasTool, pdfText, runCli, tempProject } from './helpers.js';

const ARTICLE = `---
title: Notes de lecture
---
Un code est plus souvent lu qu'écrit[^Guido].

## Bonnes pratiques

La lisibilité compte[^2], et la maintenance aussi[^Guido] ; voir aussi[^absente].

[^Guido]: Une citation de Guido Van Rossum,
    le créateur de Python.

    Second paragraphe de la note.

[^2]: Voir le guide.

[^orpheline]: Une note que rien n'appelle.
`;

describe('footnotes in the article', () => {
  const { article, diagnostics } = parseArticle(ARTICLE, 'content/notes.md', 'notes');

  it('makes one unit per note, slug labels, in order of first call, unused last', () => {
    expect(article.notes.map((n) => [n.key, n.kind, n.place.line])).toEqual([
      ['notes.guido', 'note', 10],
      ['notes.2', 'note', 15],
      ['notes.orpheline', 'note', 17],
    ]);
    expect(article.notes[0]!.markdown).toBe('Une citation de Guido Van Rossum,\nle créateur de Python.\n\nSecond paragraphe de la note.');
    expect(article.lead[0]!.markdown).toBe("Un code est plus souvent lu qu'écrit[^guido].");
    expect(article.sections[0]!.blocks.map((b) => b.markdown)).toEqual([
      // A call with no note is text: its `[` and `^` escaped (a `^` in text would open a superscript).
      'La lisibilité compte[^2], et la maintenance aussi[^guido] ; voir aussi\\[\\^absente].',
    ]);
    expect(diagnostics.filter((d) => d.ruleId === 'briefing:unsupported-block')).toEqual([]);
  });

  it('extracts the notes after the body', () => {
    const keys = segmentsOf(article).map((s) => s.key);
    expect(keys.slice(-3)).toEqual(['notes.guido', 'notes.2', 'notes.orpheline']);
  });

  it('warns about a note never called and a call with no note, at their places', () => {
    const found = diagnostics.filter((d) => d.ruleId?.endsWith('footnote')).map((d) => [d.ruleId, d.line, d.column]);
    expect(found).toEqual([
      ['briefing:undefined-footnote', 8, 71],
      ['briefing:unused-footnote', 17, 1],
    ]);
    expect(diagnostics.find((d) => d.ruleId === 'briefing:unused-footnote')?.message).toContain('[^orpheline]');
  });
});

describe('footnotes in every format', async () => {
  const root = tempProject();
  for (const lang of ['fr', 'en']) rmSync(path.join(root, 'locales', lang, 'microsoft-openai.json'), { force: true });
  rmSync(path.join(root, 'locales', 'en', 'microsoft-openai.state.json'), { force: true });
  rmSync(path.join(root, 'content', 'microsoft-openai.txt'));
  writeFileSync(path.join(root, 'content', 'notes.md'), ARTICLE);
  const english = {
    title: 'Reading notes',
    lead: { 1: 'Code is read more often than it is written[^guido].' },
    sections: { 'bonnes-pratiques': { heading: 'Good practice', 1: 'Readability matters[^2], and so does upkeep[^guido]; see also [^absente].' } },
    notes: { guido: 'A quote from Guido van Rossum, the creator of Python.\n\nA second paragraph.', 2: 'See the guide.' },
  };
  writeFileSync(path.join(root, 'locales', 'en', 'notes.json'), JSON.stringify(english, null, 2));
  // Extracted, as a translator's project is (check asks for it).
  await runCli(['extract', '--root', root]);
  const build = await runCli(['build', '--root', root, '--min-coverage', '0']);
  const out = (file: string) => path.join(root, 'output', 'notes', file);
  const read = (file: string) => readFileSync(out(file), 'utf8');

  it('builds without errors', () => {
    expect(build.stderr).not.toMatch(/error/);
    expect(build.code).toBe(0);
  });

  it('writes [^label] calls and a Notes section of definitions in Markdown', () => {
    const md = read('notes.en.md');
    expect(md).toContain('written[^guido].');
    expect(md).toMatch(
      /## Notes\n\n\[\^guido\]: A quote from Guido van Rossum, the creator of Python\.\n\n {4}A second paragraph\.\n\n\[\^2\]: See the guide\.\n\n/,
    );
    // The untranslated note is shown in French with its fallback note.
    expect(md).toMatch(/\*Translation missing[^*]*\*\n\n\[\^orpheline\]: Une note que rien n’appelle\./);
    expect(md.indexOf('## Notes')).toBeLessThan(md.lastIndexOf('[^orpheline]'));
  });

  it('links calls and notes both ways in HTML, numbered, ids unique', () => {
    for (const [file, prefixes] of [
      ['notes.fr.html', ['']],
      ['notes.en.html', ['']],
      ['notes.fr-en.html', ['fr-', 'en-']],
    ] as const) {
      const dom = fromHtml(read(file));
      const ids = selectAll('[id]', dom).map((n) => String(n.properties.id));
      expect(new Set(ids).size).toBe(ids.length);
      for (const prefix of prefixes) {
        const calls = selectAll(`sup > a[data-footnote-ref][id^="${prefix}note-call_"]`, dom);
        expect(calls.map(hastText)).toEqual(['1', '2', '1']);
        expect(calls.map((a) => a.properties.href)).toEqual([`#${prefix}note_guido`, `#${prefix}note_2`, `#${prefix}note_guido`]);
        expect(calls.map((a) => a.properties.id)).toEqual([`${prefix}note-call_guido`, `${prefix}note-call_2`, `${prefix}note-call_guido-2`]);
        const note = select(`li#${prefix}note_guido`, dom);
        expect(note).toBeDefined();
        const back = select('a[data-footnote-backref]', note!);
        expect(back?.properties.href).toBe(`#${prefix}note-call_guido`);
        expect(select(`li#${prefix}note_orpheline`, dom)?.properties.value).toBe('3');
      }
      // The unknown call is text, never a link.
      expect(hastText(dom)).toContain('[^absente]');
    }
    const single = fromHtml(read('notes.en.html'));
    const list = select('section ol.notes', single);
    expect(list?.properties.start).toBe(1);
    expect(selectAll('li', list!).map((li) => li.properties.id)).toEqual(['note_guido', 'note_2', 'note_orpheline']);
    // The notes are in the Notes section, not in Sources.
    const heading = select('h2#briefing-notes', single);
    expect(heading && hastText(heading)).toBe('Notes');
    expect(select('li#note_orpheline', single)?.properties.lang).toBe('fr');
  });

  it.skipIf(!hasTool('pdftotext'))('numbers the calls after their word and sets the notes at the end of the PDF, in order', () => {
    for (const file of ['notes.fr.pdf', 'notes.en.pdf', 'notes.fr-en.pdf']) {
      expect(execFileSync('qpdf', ['--check', out(file)], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    }
    const fr = pdfText(out('notes.fr.pdf'));
    expect(fr).toMatch(/écrit ?1\./);
    expect(fr).toMatch(/compte ?2,/);
    const notes = fr.slice(fr.lastIndexOf('Notes'));
    expect(notes).toMatch(
      /1\.\s+Une citation de Guido Van Rossum, le créateur de Python\.\s+Second paragraphe de la note\.\s+2\.\s+Voir le guide\.\s+3\.\s+Une note que rien/,
    );
    const en = pdfText(out('notes.en.pdf'));
    expect(en).toMatch(/written ?1\./);
    expect(en.slice(en.lastIndexOf('Notes'))).toMatch(/1\.\s+A quote from Guido van Rossum/);
    expect(pdfText(out('notes.fr-en.pdf'))).toMatch(/See the guide/);
  });

  it('reports a translation that drops or changes a call, at the locale file', async () => {
    const broken = { ...english, lead: { 1: 'Code is read more often than it is written[^guide].' } };
    writeFileSync(path.join(root, 'locales', 'en', 'notes.json'), JSON.stringify(broken, null, 2));
    const check = await runCli(['check', '--root', root]);
    expect(check.stdout + check.stderr).toMatch(/locales\/en\/notes\.json:4:\d+ +error +Note calls differ from the French: missing \[\^guido\]/);
    writeFileSync(path.join(root, 'locales', 'en', 'notes.json'), JSON.stringify(english, null, 2));
  });
});
