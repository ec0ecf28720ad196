/**
 * One validation of each translation against its French, shared by `check` and `build` (and
 * `serve`, which renders through the build): every case of issue 14 — list markers removed, a list
 * with one item fewer, the quote marker removed, a `**` removed, a broken link
 * `[…](www.example.gouv.fr`, a link without its scheme, a table row removed — is reported by both,
 * at the same locale line and column with the same rule, all in one run; the build shows exactly
 * those units in French, marked, and publishes the rest of the edition, the French edition and the
 * other articles; the summary lines agree with the diagnostics.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/core/errors.js';
import { parseArticle } from '../src/parse/index.js';
import { segmentsOf } from '../src/i18n/extract.js';
import { readLocaleFile } from '../src/i18n/locale-file.js';
import { validateTranslations } from '../src/translate/validate-unit.js';
import { editJson, hasTool, pdfText, runCli, translatedProject, treeHashes } from './helpers.js';

const SOURCE = `---
title: Titre
---
Un **paragraphe** avec [un lien](https://www.example.gouv.fr).

## Section

- un
- deux
- trois

> Une citation.

Un autre paragraphe en **gras**.

Lien : [le site](https://www.example.gouv.fr/page).

- quatre
- cinq

| A | B |
|---|---|
| un mot | deux mots |
| trois mots | quatre mots |

Dernier paragraphe.
`;

const GOOD = {
  title: 'Title',
  lead: { 1: 'A **paragraph** with [a link](https://www.example.gouv.fr).' },
  sections: {
    section: {
      heading: 'Section',
      1: '- one\n- two\n- three',
      2: '> A quotation.',
      3: 'Another paragraph in **bold**.',
      4: 'Link: [the site](https://www.example.gouv.fr/page).',
      5: '- four\n- five',
      6: { r1c1: 'A', r1c2: 'B', r2c1: 'one word', r2c2: 'two words', r3c1: 'three words', r3c2: 'four words' },
      7: 'Last paragraph.',
    },
  },
};

/** Every case of the issue at once (the table row is removed by deleting its cells' keys). */
const BROKEN = {
  ...GOOD,
  lead: { 1: 'A **paragraph** with [a link](www.example.gouv.fr' },
  sections: {
    section: {
      ...GOOD.sections.section,
      1: 'one\ntwo\nthree',
      2: 'A quotation.',
      3: 'Another paragraph in **bold.',
      4: 'Link: [the site](www.example.gouv.fr/page).',
      5: '- four',
      6: { r1c1: 'A', r1c2: 'B', r2c1: 'one word', r2c2: 'two words' },
    },
  },
};

/** The rule and key expected for each invalid unit, and the text the place must point at. */
const EXPECTED: { key: string; rule: string; at: string }[] = [
  { key: 'lead.1', rule: 'briefing:broken-link', at: '[a link](www' },
  { key: 'sections.section.1', rule: 'briefing:translation-shape', at: 'one\\ntwo' },
  { key: 'sections.section.2', rule: 'briefing:translation-shape', at: 'A quotation.' },
  { key: 'sections.section.3', rule: 'briefing:unpaired-markup', at: '**bold.' },
  { key: 'sections.section.4', rule: 'briefing:invalid-url', at: 'www.example.gouv.fr/page)' },
  { key: 'sections.section.5', rule: 'briefing:translation-shape', at: '- four' },
];

const NOTE = 'Translation not valid: original French text shown.';
const SECOND = '---\ntitle: Deuxième\n---\nUn texte **court**.\n';

/** A project with articles `a` (translated with `english`) and `b` (well translated). */
async function project(english: unknown): Promise<string> {
  const root = await translatedProject('a', SOURCE, english);
  writeFileSync(path.join(root, 'content', 'b.md'), SECOND);
  const extract = await runCli(['extract', '--root', root]);
  expect(extract.code, extract.stderr).toBe(0);
  writeFileSync(path.join(root, 'locales', 'en', 'b.json'), JSON.stringify({ title: 'Second', lead: { 1: 'A **short** text.' } }, null, 2));
  return root;
}

const placed = (d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'ruleId'>) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`;

/** `file:line:column` of the first occurrence of `text` in the locale file (1-based). */
function placeOf(fileText: string, text: string): string {
  const at = fileText.indexOf(text);
  expect(at, text).toBeGreaterThanOrEqual(0);
  const before = fileText.slice(0, at).split('\n');
  return `locales/en/a.json:${before.length}:${before.at(-1)!.length + 1}`;
}

describe('check and build validate translations the same way', () => {
  it('report every case at once, at the same places, and the build shows exactly those units in French', async () => {
    const root = await project(GOOD);
    const first = await runCli(['build', '--root', root]);
    expect(first.code, first.stderr).toBe(0);
    const out = path.join(root, 'output');
    const goodB = treeHashes(path.join(out, 'b'));
    const goodFrench = readFileSync(path.join(out, 'a', 'a.fr.md'));

    writeFileSync(path.join(root, 'locales', 'en', 'a.json'), JSON.stringify(BROKEN, null, 2));
    const fileText = readFileSync(path.join(root, 'locales', 'en', 'a.json'), 'utf8');
    const expected = EXPECTED.map(({ rule, at }) => `${placeOf(fileText, at)} ${rule}`).sort();

    const check = await runCli(['check', '--root', root, '--format', 'json']);
    expect(check.code).toBe(1);
    const checked = (JSON.parse(check.stdout) as { diagnostics: Diagnostic[] }).diagnostics;
    const checkErrors = checked.filter((d) => d.severity === 'error' && d.ruleId !== 'briefing:missing-translation');
    expect(checkErrors.map(placed).sort()).toEqual(expected);
    // The removed row: its two cells are missing, placed where they belong in the file.
    expect(checked.filter((d) => d.ruleId === 'briefing:missing-translation').map((d) => d.message)).toEqual([
      expect.stringContaining('sections.section.6.r3c1'),
      expect.stringContaining('sections.section.6.r3c2'),
    ]);

    const build = await runCli(['build', '--root', root, '--json']);
    expect(build.code).toBe(1);
    const report = JSON.parse(build.stdout) as { failed: string[]; diagnostics: Diagnostic[] };
    expect(report.failed).toEqual([]);
    expect(
      report.diagnostics
        .filter((d) => d.severity === 'error')
        .map(placed)
        .sort(),
    ).toEqual(expected);
    // The same messages (fix in plain words) and notes, not only the same places.
    const byPlace = (list: Diagnostic[]) => new Map(list.map((d) => [placed(d), `${d.message}\n${d.note}`]));
    const built = byPlace(report.diagnostics);
    for (const [at, text] of byPlace(checkErrors)) expect(built.get(at), at).toBe(text);

    // The English edition is written, the invalid units in French with their note, the rest in English.
    const md = readFileSync(path.join(out, 'a', 'a.en.md'), 'utf8');
    expect(md.split(NOTE)).toHaveLength(EXPECTED.length + 1);
    for (const french of [
      'Un **paragraphe** avec [un lien](https://www.example.gouv.fr)',
      '- un\n- deux\n- trois',
      '> Une citation.',
      'Un autre paragraphe en **gras**.',
      '- quatre\n- cinq',
    ]) {
      expect(md).toContain(french);
    }
    expect(md).toContain('[le site](https://www.example.gouv.fr/page)');
    for (const english of ['# Title', 'Last paragraph.', 'one word', 'two words']) expect(md).toContain(english);
    for (const lost of ['one\ntwo', 'A quotation', 'Another paragraph', '](www.', '- four']) expect(md).not.toContain(lost);
    expect(md).toContain('trois mots'); // the removed row's cells, in French
    const html = readFileSync(path.join(out, 'a', 'a.en.html'), 'utf8');
    expect(html.match(/class="fallback invalid"/g)).toHaveLength(EXPECTED.length);
    // The review page marks the same units, in their rows, and no other.
    const review = readFileSync(path.join(out, 'a', 'a.review.html'), 'utf8');
    const marked = [...review.matchAll(/<tr[^>]*id="([^"]+)"[^>]*>(?:(?!<\/tr>)[\s\S])*?class="invalid-note"/g)].map((m) => m[1]);
    expect(marked.sort()).toEqual(EXPECTED.map((e) => e.key).sort());
    if (hasTool('pdftotext')) {
      const pdf = pdfText(path.join(out, 'a', 'a.en.pdf')).replace(/\s+/g, ' ');
      expect(pdf.split(NOTE)).toHaveLength(EXPECTED.length + 1);
      for (const text of ['Une citation.', 'Un autre paragraphe en gras.', 'Last paragraph.', 'trois mots']) expect(pdf).toContain(text);
      expect(pdf).not.toContain('Another paragraph');
    }
    // Nothing else lost: the bilingual edition, the French edition and the other article.
    expect(existsSync(path.join(out, 'a', 'a.fr-en.html'))).toBe(true);
    expect(readFileSync(path.join(out, 'a', 'a.fr.md'))).toEqual(goodFrench);
    expect(treeHashes(path.join(out, 'b'))).toEqual(goodB);

    // Built again with the same inputs: nothing rendered, the same errors said again (failures are loud).
    const again = await runCli(['build', '--root', root, '--json']);
    expect(again.code).toBe(1);
    const replayed = JSON.parse(again.stdout) as { written: unknown[]; failed: string[]; diagnostics: Diagnostic[] };
    expect(replayed.written).toEqual([]);
    expect(replayed.failed).toEqual([]);
    expect(
      replayed.diagnostics
        .filter((d) => d.severity === 'error')
        .map(placed)
        .sort(),
    ).toEqual(expected);

    // The summary lines agree with the diagnostics.
    const text = await runCli(['build', '--root', root, '--force']);
    expect(text.code).toBe(1);
    expect(text.stderr).not.toContain('not built');
    expect(text.stderr).toContain(`a.en: 8 segments shown in French (2 missing, 0 stale, 6 not valid; coverage`);
    expect(text.stderr).toMatch(/files written in \d+ ms; 0 unchanged \(6 errors\)/);
  }, 60_000);

  it('builds cleanly again once the translation is fixed', async () => {
    const root = await project(BROKEN);
    expect((await runCli(['build', '--root', root, '--format', 'md'])).code).toBe(1);
    writeFileSync(path.join(root, 'locales', 'en', 'a.json'), JSON.stringify(GOOD, null, 2));
    expect((await runCli(['check', '--root', root])).stdout).toContain('check passed');
    const build = await runCli(['build', '--root', root, '--format', 'md']);
    expect(build.code, build.stderr).toBe(0);
    const md = readFileSync(path.join(root, 'output', 'a', 'a.en.md'), 'utf8');
    expect(md).not.toContain('original French text shown');
    expect(md).toContain('- one\n- two\n- three');
  }, 60_000);
});

it('a project whose common.json has no invalidNote yet shows the missing-translation note, not the key', async () => {
  const root = await project(BROKEN);
  for (const lang of ['en', 'fr'])
    editJson(root, `locales/${lang}/common.json`, (common: Record<string, unknown>) => {
      delete common.invalidNote;
    });
  expect((await runCli(['build', '--root', root, '--format', 'md', 'a'])).code).toBe(1);
  const md = readFileSync(path.join(root, 'output', 'a', 'a.en.md'), 'utf8');
  expect(md).not.toContain('invalidNote');
  expect(md.split('*Translation missing: original French text shown.*')).toHaveLength(EXPECTED.length + 1);
}, 60_000);

describe('validateTranslations', () => {
  const units = segmentsOf(parseArticle('---\ntitle: T\n---\nA `x` [^1] [b](/p) 5 * 3 nom_de_fichier […] ~5.\n\n[^1]: N.\n', 'x.md', 'x').article);
  const validate = (value: string) => {
    const file = readLocaleFile(JSON.stringify({ title: 'T', lead: { 1: value } }), 'x.json');
    return validateTranslations({ file: 'x.json', lang: 'en', entries: file.entries, text: file.text, units });
  };

  it('takes what the French shows as text, and site paths, anchors, mail and web addresses', () => {
    for (const value of [
      'A `x` [^1] [b](/p) 5 * 3 file_name […] ~5.',
      'A `x` [^1] [b](#part) 5 * 3 [sic].',
      'A `x` [^1] [b](mailto:a@b.fr) and [c](https://example.org/a?b=1).',
      'A `x` [^1] [b](/p) www.example.org.',
    ]) {
      expect(validate(value).diagnostics, value).toEqual([]);
    }
  });

  it('names the invalid keys, and only those', () => {
    const result = validate('A `x [^1] [b](/p).');
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['briefing:unpaired-markup']);
    expect([...result.invalid]).toEqual(['lead.1']);
    expect(validate('A `x` [^1] [b](ftp://x) and [b]').diagnostics.map((d) => d.ruleId)).toEqual(['briefing:invalid-url']);
    expect(validate('A `x` [^1] b and [c] […].').diagnostics.map((d) => d.ruleId)).toEqual(['briefing:broken-link']);
  });
});
