/**
 * What the tool protects (issue 14, "Protect the work", "Errors in plain words"): each case as a
 * translator meets it, through the CLI on a small temporary project, with the exact placed messages.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { editFile, runCli, translatedProject } from './helpers.js';

const SOURCE =
  '# Le titre\n\nPremier paragraphe du chapeau.\n\n## Le contexte\n\nUn paragraphe sur le contexte.\n\nUn second paragraphe.\n\n## La suite\n\nFin de l’article.\n';
const ENGLISH = {
  title: 'The title',
  lead: { '1': 'First paragraph of the lead.' },
  sections: {
    'le-contexte': { heading: 'The context', '1': 'A paragraph on the context.', '2': 'A second paragraph.' },
    'la-suite': { heading: 'What follows', '1': 'End of the article.' },
  },
};
const EN = 'locales/en/essai.json';

/** A project with the article translated and checked (its state recorded). */
async function project(): Promise<string> {
  const root = await translatedProject('essai', SOURCE, ENGLISH);
  const check = await runCli(['check', '--root', root]);
  expect(check.stdout).toContain('check passed');
  return root;
}

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');
const json = (root: string, file: string) => JSON.parse(read(root, file)) as Record<string, any>;

describe('a key typed wrong', () => {
  test('check names the twin in both messages, each at its own line', async () => {
    const root = await project();
    // JSON.stringify wrote "1", "2" before "heading": the missing heading is placed at its object's brace.
    editFile(root, EN, (text) => text.replace('"heading": "The context"', '"haeding": "The context"'));
    const check = await runCli(['check', '--root', root]);
    expect(check.stdout).toContain(
      `${EN}:7:20  error  Missing en translation of "sections.le-contexte.heading": is it under the unknown key "sections.le-contexte.haeding"? Rename that key to "sections.le-contexte.heading"  briefing:missing-translation`,
    );
    expect(check.stdout).toContain(
      `${EN}:10:18  warning  Unknown key "sections.le-contexte.haeding": did you mean "sections.le-contexte.heading"? Rename the key to "sections.le-contexte.heading" (or run "briefing extract", which carries it over)  briefing:obsolete-key`,
    );
  });

  test('extract, as the message suggests, carries the translations to the right keys, up to date', async () => {
    const root = await project();
    // A whole section renamed by hand: four keys under a mistyped id.
    editFile(root, EN, (text) => text.replace('"le-contexte": {', '"le-contxte": {'));
    expect((await runCli(['check', '--root', root])).code).toBe(1);
    const extract = await runCli(['extract', '--root', root]);
    expect(extract.stdout).toContain(
      'essai (en): carried "sections.le-contxte.heading" over to "sections.le-contexte.heading" (the key looks mistyped; same French, up to date)',
    );
    expect(extract.stdout).not.toContain('obsolete');
    expect(existsSync(path.join(root, 'locales/en/essai.obsolete.json'))).toBe(false);
    expect(json(root, EN).sections['le-contexte']).toEqual(ENGLISH.sections['le-contexte']);
    const check = await runCli(['check', '--root', root]);
    expect(check.stdout).toBe('check passed: no problems; coverage: essai en 100 %');
  });

  test('lead.1 and lead.2 are not twins: a removed paragraph is moved aside, not carried', async () => {
    const root = await project();
    editFile(root, 'content/essai.md', (text) => text.replace('Un second paragraphe.\n\n', ''));
    editFile(root, EN, (text) => text.replace('"1": "A paragraph on the context."', '"3": "A paragraph on the context."'));
    const extract = await runCli(['extract', '--root', root]);
    expect(extract.stdout).toContain('moved to locales/en/essai.obsolete.json');
  });
});

describe('a key that comes back', () => {
  test('takes its translation back from the obsolete file; stale when its French changed', async () => {
    const root = await project();
    const original = read(root, 'content/essai.md');
    editFile(root, 'content/essai.md', (text) => text.replace('Un second paragraphe.\n\n', ''));
    expect((await runCli(['extract', '--root', root])).stdout).toContain(
      '1 obsolete translation moved to locales/en/essai.obsolete.json: sections.le-contexte.2',
    );
    writeFileSync(path.join(root, 'content/essai.md'), original.replace('Un second paragraphe.', 'Un tout autre texte, sans rapport.'));
    const extract = await runCli(['extract', '--root', root]);
    expect(extract.stdout).toContain(
      'essai (en): took the translation of "sections.le-contexte.2" back from locales/en/essai.obsolete.json (its French is back, changed: marked stale, review it)',
    );
    expect(json(root, EN).sections['le-contexte']['2']).toBe('A second paragraph.');
    const check = await runCli(['check', '--root', root]);
    expect(check.stdout).toContain(`${EN}:10:12  error  Stale translation of "sections.le-contexte.2"`);
    expect(check.stdout).toContain('    French change: "Un [-second paragraphe-]{+tout autre texte, sans rapport+}."');
  });
});

describe('missing keys are placed where they belong', () => {
  test('after the key before them, or at their object', async () => {
    const root = await project();
    editFile(root, EN, (text) => text.replace('\n      "2": "A second paragraph.",', '').replace(/"la-suite": \{[^}]*\}/, '"la-suite": {}'));
    const check = await runCli(['check', '--root', root]);
    // "2" after "1" (line 8), the emptied section at its brace (line 11).
    expect(check.stdout).toContain(`${EN}:8:12  error  Missing en translation of "sections.le-contexte.2"  briefing:missing-translation`);
    expect(check.stdout).toContain(`${EN}:11:17  error  Missing en translation of "sections.la-suite.heading"  briefing:missing-translation`);
    expect(check.stdout).toContain(`${EN}:11:17  error  Missing en translation of "sections.la-suite.1"  briefing:missing-translation`);
    expect(check.stdout).not.toContain(':1:1 ');
  });
});

describe('a stale note shows the whole change', () => {
  test('a change past the first 160 characters is shown, nothing cut', async () => {
    const root = await project();
    const long = `${'Un paragraphe sur le contexte, '.repeat(8)}et la fin.`;
    editFile(root, 'content/essai.md', (text) => text.replace('Un paragraphe sur le contexte.', long));
    await runCli(['extract', '--root', root]);
    editFile(root, 'content/essai.md', (text) => text.replace('et la fin.', 'et une autre fin.'));
    await runCli(['extract', '--root', root]);
    editFile(root, EN, (text) => text.replace('A paragraph on the context.', 'A long paragraph.'));
    await runCli(['check', '--root', root]);
    editFile(root, 'content/essai.md', (text) => text.replace('et une autre fin.', 'et la vraie fin.'));
    await runCli(['extract', '--root', root]);
    const check = await runCli(['check', '--root', root]);
    expect(check.stdout).toContain(`    French change: "${'Un paragraphe sur le contexte, '.repeat(8)}et [-une autre-]{+la vraie+} fin."`);
    expect(check.stdout).not.toContain('…');
  });
});

describe('JSON errors in plain words, at the real spot', () => {
  /** `check`'s first line after `change` is applied to the English file's text. */
  async function firstProblem(change: (text: string) => string): Promise<string> {
    const root = await project();
    editFile(root, EN, change);
    const check = await runCli(['check', '--root', root]);
    expect(check.code).toBe(1);
    return check.stdout.split('\n')[0]!;
  }

  test('a missing comma: at the end of the value that lacks it', async () => {
    expect(await firstProblem((text) => text.replace('"The title",', '"The title"'))).toBe(
      `${EN}:2:23  error  Invalid JSON: missing comma after the value on line 2: add a , at its end  briefing:invalid-json`,
    );
  });

  test('a trailing comma: at the comma', async () => {
    expect(await firstProblem((text) => text.replace('"What follows"', '"What follows",'))).toBe(
      `${EN}:14:32  error  Invalid JSON: trailing comma before }: delete the comma on line 14 (JSON allows none after the last entry)  briefing:invalid-json`,
    );
  });

  test('curly quotes around a value', async () => {
    expect(await firstProblem((text) => text.replace('"The title"', '“The title”'))).toBe(
      `${EN}:2:12  error  Invalid JSON: use straight double quotes " around keys and values, not “ ” or « » (curly quotes are fine inside a text)  briefing:invalid-json`,
    );
  });

  test('a straight quote inside a text: at that quote', async () => {
    expect(await firstProblem((text) => text.replace('"The title"', '"The "best" title"'))).toBe(
      `${EN}:2:17  error  Invalid JSON: a " inside a text ends it early: write \\" for a quote inside a text (or use “ ”)  briefing:invalid-json`,
    );
  });

  test('a comment', async () => {
    expect(await firstProblem((text) => text.replace('  "title"', '  // to review\n  "title"'))).toBe(
      `${EN}:2:3  error  Invalid JSON: JSON has no comments: delete it, and put notes in the commit message or the pull request  briefing:invalid-json`,
    );
  });

  test('a missing colon', async () => {
    expect(await firstProblem((text) => text.replace('"title": "The title"', '"title" "The title"'))).toBe(
      `${EN}:2:10  error  Invalid JSON: missing colon after the key on line 2: write "key": "value"  briefing:invalid-json`,
    );
  });
});

describe('orphaned locale files', () => {
  test('a deleted article: check, status and extract name its locale files and the fix', async () => {
    const root = await project();
    writeFileSync(path.join(root, 'content/autre.md'), '# Autre\n\nUn texte.\n');
    rmSync(path.join(root, 'content/essai.md'));
    const orphan = (file: string) =>
      `${file}:1:1  warning  No article "essai" in content/ for this locale file: if the article was renamed, run "briefing rename essai NEW-NAME" to keep its translations; if it was deleted, delete this file  briefing:orphaned-locale`;
    const check = await runCli(['check', '--root', root]);
    for (const file of ['locales/fr/essai.json', 'locales/en/essai.json', 'locales/en/essai.state.json']) expect(check.stdout).toContain(orphan(file));
    const status = await runCli(['status', '--root', root]);
    expect(status.stderr).toContain(orphan('locales/en/essai.json'));
    const extract = await runCli(['extract', '--root', root]);
    expect(extract.stderr).toContain(orphan('locales/en/essai.json'));
    expect(extract.stdout).not.toContain('Locale files are up to date.');
    expect((await runCli(['extract', '--root', root])).stdout).toBe(
      'Locale files of the articles are up to date, but 3 locale files have no article (see above).',
    );
  });
});

describe('status and check edge cases', () => {
  test('status lists an article whose English file is invalid, with its error', async () => {
    const root = await project();
    editFile(root, EN, (text) => text.replace('"The title",', '"The title"'));
    const status = await runCli(['status', '--root', root]);
    expect(status.code).toBe(1);
    expect(status.stdout.split('\n').at(-1)).toBe(
      `essai    en    unreadable: ${EN}:2:23 Invalid JSON: missing comma after the value on line 2: add a , at its end`,
    );
    const json = JSON.parse((await runCli(['status', '--root', root, '--format', 'json'])).stdout);
    expect(json).toEqual([{ slug: 'essai', lang: 'en', file: EN, error: expect.stringContaining('missing comma') }]);
  });

  test('check --lang fr says French is the source', async () => {
    const root = await project();
    const check = await runCli(['check', '--root', root, '--lang', 'fr']);
    expect(check.stdout).toBe(
      'French (fr) is the source language: it has nothing to translate. Checked its interface strings (locales/fr/common.json) and the extraction of the articles; name a target language (--lang en) to check translations.\ncheck passed: no problems',
    );
  });

  test('check on a never-extracted article says to extract it and writes nothing', async () => {
    const root = await project();
    writeFileSync(path.join(root, 'content/nouveau.md'), '# Nouveau\n\nUn texte.\n');
    const check = await runCli(['check', '--root', root, 'nouveau']);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(
      'content/nouveau.md:1:1  error  This article has never been extracted: run "briefing extract nouveau" to write its locale files, then translate them  briefing:not-extracted\ncheck failed: 1 error',
    );
    expect(readdirSync(path.join(root, 'locales/en')).filter((name) => name.startsWith('nouveau'))).toEqual([]);
  });
});

describe('briefing rename', () => {
  const files = (root: string, dir: string) => readdirSync(path.join(root, dir)).sort();

  test('moves the article, its locale files and state, removes its output; every translation kept', async () => {
    const root = await project();
    await runCli(['extract', '--root', root]); // the English file in the article's order, as extract writes it
    expect((await runCli(['build', '--root', root, '--format', 'md'])).code).toBe(0);
    const english = read(root, EN);
    const rename = await runCli(['rename', 'essai', 'bilan', '--root', root]);
    expect(rename).toEqual({
      code: 0,
      stdout: [
        'content/essai.md → content/bilan.md',
        'locales/fr/essai.json → locales/fr/bilan.json',
        'locales/en/essai.json → locales/en/bilan.json',
        'locales/en/essai.state.json → locales/en/bilan.state.json',
        'Removed output/essai/ (the next build writes output/bilan/)',
      ].join('\n'),
      stderr: '',
    });
    expect(files(root, 'content')).toEqual(['bilan.md']);
    expect(files(root, 'locales/en')).toEqual(['bilan.json', 'bilan.state.json', 'common.json']);
    expect(existsSync(path.join(root, 'output/essai'))).toBe(false);
    expect(read(root, 'locales/en/bilan.json')).toBe(english);
    expect((await runCli(['extract', '--root', root])).stdout).toBe('Locale files are up to date.');
    expect((await runCli(['check', '--root', root])).stdout).toBe('check passed: no problems; coverage: bilan en 100 %');
  });

  test('after a rename by hand (and an extract), moves the translations to the new name', async () => {
    const root = await project();
    writeFileSync(path.join(root, 'content/bilan.md'), read(root, 'content/essai.md'));
    rmSync(path.join(root, 'content/essai.md'));
    expect((await runCli(['extract', '--root', root])).stdout).toContain('new keys to translate');
    const rename = await runCli(['rename', 'essai', 'bilan', '--root', root]);
    expect(rename.code).toBe(0);
    expect(rename.stdout).toContain('Removed locales/fr/essai.json (the current extraction is kept)');
    expect(rename.stdout).toContain('The article file was already renamed: its translations now follow it. Run "briefing extract bilan".');
    expect((await runCli(['check', '--root', root])).stdout).toBe('check passed: no problems; coverage: bilan en 100 %');
  });

  test('refuses an existing or invalid new name, changing nothing', async () => {
    const root = await project();
    writeFileSync(path.join(root, 'content/autre.md'), '# Autre\n\nUn texte.\n');
    expect(await runCli(['rename', 'essai', 'autre', '--root', root])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'briefing: There is already an article content/autre.md: choose another name, or remove it first.',
    });
    expect((await runCli(['rename', 'essai', '../x', '--root', root])).stderr).toBe(
      'briefing: "../x" cannot be an article name: use letters, digits, - and _ (not starting with index, manifest or feed), e.g. essai-2.',
    );
    expect(files(root, 'content')).toEqual(['autre.md', 'essai.md']);
    expect(read(root, EN)).toContain('"The title"');
  });
});
