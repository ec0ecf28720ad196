/**
 * The translator workflow end to end, through the CLI on a throw-away copy of the project:
 * extract → check → status → build, for stale, missing and obsolete translations, renamed
 * headings, the coverage threshold, and the lint rules as a translator meets them.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO, editJson, pdfText, replaceInFile, runCli, tempProject } from './helpers.js';

const SLUG = 'microsoft-openai';
const EN = `locales/en/${SLUG}.json`;
const EN_STATE = `locales/en/${SLUG}.state.json`;
const EN_OBSOLETE = `locales/en/${SLUG}.obsolete.json`;
const FR = `locales/fr/${SLUG}.json`;
const SOURCE = `content/${SLUG}.txt`;

const ALLIANCE_1 = 'sections.une-alliance-historique-a-redefinir.1';
const EQUILIBRE_2 = 'sections.un-nouvel-equilibre-a-trouver.2';

const FR_ALLIANCE_1_WAS =
  'Le partenariat entre Microsoft et OpenAI a débuté en 2019 avec un investissement initial de 1 milliard de dollars. Depuis, Microsoft a injecté des milliards supplémentaires dans le développement de ChatGPT, DALL·E, et d’autres outils fondés sur les modèles GPT.';
const FR_ALLIANCE_1_NOW = FR_ALLIANCE_1_WAS.replace('1 milliard de dollars', '1,5 milliard d’euros');
/** As built (.md, .html): French typography puts a no-break space (U+00A0) between the number and its unit. */
const FR_ALLIANCE_1_NOW_BUILT = FR_ALLIANCE_1_NOW.replace('1,5 milliard', '1,5\u00a0milliard');
const EN_ALLIANCE_1 =
  'The partnership between Microsoft and OpenAI began in 2019 with an initial investment of $1 billion. Since then, Microsoft has poured billions more into the development of ChatGPT, DALL·E, and other tools built on GPT models.';

const STALE_ALLIANCE_1 = [
  `locales/en/microsoft-openai.json:10:12  error  Stale translation of "${ALLIANCE_1}": the French changed since it was translated. Update it, or run "briefing check --accept ${ALLIANCE_1}" if it is still right  briefing:stale-translation`,
  `    French change: "${FR_ALLIANCE_1_WAS.replace('1 milliard de dollars', '1{+,5+} milliard [-de dollars-]{+d’euros+}')}"`,
];

/** A real (non-typography) warning: a trailing space in an English value. */
const TRAILING_SPACE = [
  'locales/en/microsoft-openai.json:25:51  warning  Trailing space: remove it, it would show in the output  briefing:whitespace',
  '    French: "Un nouvel accord sur le partage des revenus ?"',
];

const file = (root: string, rel: string) => path.join(root, rel);
const read = (root: string, rel: string) => readFileSync(file(root, rel), 'utf8');
const out = (root: string, lang: string, ext: string) => file(root, `output/${SLUG}/${SLUG}.${lang}.${ext}`);
const reviewPage = (root: string) => read(root, `output/${SLUG}/${SLUG}.review.html`);
/** The English article's lines (file order), to find the place of a value. */
const lineOf = (root: string, rel: string, needle: string) =>
  read(root, rel)
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;
/** State file entries by key. */
const state = (root: string): Record<string, { source: string; target: string; text: string }> => JSON.parse(read(root, EN_STATE));
/** The check report: its problem lines, and the summary line that ends it. */
function report(stdout: string): { problems: string[]; summary: string } {
  const lines = stdout.split('\n');
  const summary = lines.pop()!;
  return { problems: lines, summary };
}
const check = (root: string, ...args: string[]) => runCli(['check', '--root', root, ...args]);
const extract = (root: string, ...args: string[]) => runCli(['extract', '--root', root, ...args]);
/** pdftotext breaks lines at the page edge: compare on single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** Adds a trailing space to an English heading: one warning (TRAILING_SPACE). */
function trailingSpace(root: string): void {
  replaceInFile(root, EN, '"A New Revenue-Sharing Agreement?"', '"A New Revenue-Sharing Agreement? "');
}

/** Changes one French paragraph of the source (and nothing else). */
function changeFrench(root: string): void {
  replaceInFile(root, SOURCE, '1 milliard de dollars', '1,5 milliard d’euros');
}

describe('baseline', () => {
  it('`check` on the untouched seed passes with no problems (article typography is not linted), and keeps the state file as is', async () => {
    const root = tempProject();
    // The seed's French article has ordinary spaces where French typography wants no-break ones: not linted.
    expect(read(root, FR)).toContain('"Si un accord « gagnant-gagnant » voit le jour');
    const before = read(root, EN_STATE);
    const mtime = statSync(file(root, EN_STATE)).mtimeMs;
    const result = await check(root);
    expect(result).toEqual({
      code: 0,
      stdout: 'check passed: no problems; coverage: microsoft-openai en 100 %',
      stderr: '',
    });
    expect(read(root, EN_STATE)).toBe(before);
    expect(statSync(file(root, EN_STATE)).mtimeMs).toBe(mtime); // not even rewritten
    expect(before).toBe(readFileSync(path.join(REPO, EN_STATE), 'utf8'));
  });

  it('creates the state file when absent: sorted keys, one entry per line, identical to the committed one', async () => {
    const root = tempProject();
    const committed = readFileSync(path.join(REPO, EN_STATE), 'utf8');
    rmSync(file(root, EN_STATE));
    expect((await check(root)).code).toBe(0);
    expect(read(root, EN_STATE)).toBe(committed);
    writeFileSync(file(root, EN_STATE), ''); // an empty file is no state either
    expect((await check(root)).code).toBe(0);
    expect(read(root, EN_STATE)).toBe(committed);

    const lines = committed.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe('}');
    const entries = lines.slice(1, -2);
    expect(entries).toHaveLength(25); // title, 2 lead paragraphs, 6 headings, 13 section paragraphs, 3 key-figure labels
    const keys = entries
      .map((line) => {
        expect(line).toMatch(/^ {2}"[^"]+": \{"source":"[0-9a-f]{12}","target":"[0-9a-f]{12}","text":".*"\},?$/);
        return JSON.parse(`{${line.replace(/,$/, '')}}`) as Record<string, unknown>;
      })
      .map((entry) => Object.keys(entry)[0]!);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toContain(ALLIANCE_1);
    expect(state(root)[ALLIANCE_1]!.text).toBe(FR_ALLIANCE_1_WAS);
  });

  it('`extract` writes the complete state file when absent, so a following `check` does not rewrite it', async () => {
    const root = tempProject();
    const committed = readFileSync(path.join(REPO, EN_STATE), 'utf8');
    rmSync(file(root, EN_STATE));
    expect(await extract(root)).toEqual({ code: 0, stdout: `Updated ${EN_STATE}`, stderr: '' });
    expect(read(root, EN_STATE)).toBe(committed);
    const mtime = statSync(file(root, EN_STATE)).mtimeMs;
    expect(await check(root)).toEqual({ code: 0, stdout: 'check passed: no problems; coverage: microsoft-openai en 100 %', stderr: '' });
    expect(statSync(file(root, EN_STATE)).mtimeMs).toBe(mtime); // not even rewritten
    expect(await extract(root)).toEqual({ code: 0, stdout: 'Locale files are up to date.', stderr: '' });
  });
});

describe('the stale cycle', () => {
  it('extract → check reports stale at the English value, status counts it, build shows the French marked as out of date', async () => {
    const root = tempProject();
    changeFrench(root);
    // The amount changed in the text only: the declared key figures (front matter) are untouched.
    expect(await extract(root)).toEqual({ code: 0, stdout: `Updated ${FR}`, stderr: '' });
    expect(read(root, FR)).toContain(JSON.stringify(FR_ALLIANCE_1_NOW));
    const extracted = read(root, EN_STATE);
    const extractedAt = statSync(file(root, EN_STATE)).mtimeMs;

    const result = await check(root);
    expect(result.code).toBe(1);
    expect(report(result.stdout)).toEqual({
      problems: STALE_ALLIANCE_1,
      summary: 'check failed: 1 error; coverage: microsoft-openai en 96 %',
    });
    // The place is the English value's opening quote.
    expect(lineOf(root, EN, `"1": "${EN_ALLIANCE_1}"`)).toBe(10);
    expect(read(root, EN).split('\n')[9]!.indexOf('"The partnership') + 1).toBe(12);
    // A stale unit keeps the state it was checked against (the old French); extract left nothing for check to record.
    expect(state(root)[ALLIANCE_1]!.text).toBe(FR_ALLIANCE_1_WAS);
    expect(read(root, EN_STATE)).toBe(extracted);
    expect(statSync(file(root, EN_STATE)).mtimeMs).toBe(extractedAt);

    const status = await runCli(['status', '--root', root]);
    expect(status).toEqual({
      code: 0,
      stdout: [
        'article           lang  translated  stale  missing  obsolete  coverage',
        'microsoft-openai  en            24      1        0         0    96.0 %',
      ].join('\n'),
      stderr: '',
    });

    const build = await runCli(['build', '--root', root]);
    expect(build.code).toBe(0);
    expect(build.stderr).toBe(`microsoft-openai.en: 1 segment shown in French (0 missing, 1 stale; coverage 96 %): ${ALLIANCE_1}`);
    expect(build.stdout).toMatch(/13 files written in \d+ ms; 0 unchanged$/);
    const md = readFileSync(out(root, 'en', 'md'), 'utf8');
    expect(md).toContain(`## A Landmark Alliance to Be Redefined\n\n*Translation out of date: original French text shown.*\n\n${FR_ALLIANCE_1_NOW_BUILT}\n`);
    expect(md).not.toContain(EN_ALLIANCE_1);
    const html = readFileSync(out(root, 'en', 'html'), 'utf8');
    expect(html).toContain('<p class="fallback-note">Translation out of date: original French text shown.');
    expect(html).toContain(`<p lang="fr" class="fallback stale">${FR_ALLIANCE_1_NOW_BUILT}</p>`);
    const pdf = flat(pdfText(out(root, 'en', 'pdf')));
    // pdftotext gives the no-break spaces as ordinary spaces.
    expect(pdf).toContain(`Translation out of date: original French text shown. ${FR_ALLIANCE_1_NOW}`);
    expect(pdf).not.toContain('Translation missing');

    // The review page: the stale row, with what changed in the French since the translation was checked.
    const review = reviewPage(root);
    const row = review.slice(review.indexOf(`<tr id="${ALLIANCE_1}"`), review.indexOf('</tr>', review.indexOf(`<tr id="${ALLIANCE_1}"`)));
    expect(row).toContain('class="unit unit-stale"');
    expect(row).toContain('<span class="location">line 10</span>');
    expect(row).toContain(
      '<div class="text diff" lang="fr">Le partenariat entre Microsoft et OpenAI a débuté en 2019 avec un investissement initial de 1<ins>,5</ins> milliard <del>de dollars</del><ins>d’euros</ins>. Depuis, Microsoft',
    );
    expect(row).toContain(`<td class="translation" data-label="Translation"><div class="text">${EN_ALLIANCE_1}</div></td>`);
    expect(row).toContain('<span class="badge badge-stale">Stale</span>');
    expect(review).toContain('<p class="summary-text">24 of 25 up to date, 1 stale, 0 missing</p>');
    expect(review.match(/class="unit unit-stale"/g)).toHaveLength(1);

    // The translator updates the English: accepted automatically, and recorded.
    replaceInFile(root, EN, 'initial investment of $1 billion', 'initial investment of €1.5 billion');
    const after = await check(root);
    expect(after.code).toBe(0);
    expect(report(after.stdout)).toEqual({ problems: [], summary: 'check passed: no problems; coverage: microsoft-openai en 100 %' });
    expect(state(root)[ALLIANCE_1]!.text).toBe(FR_ALLIANCE_1_NOW);
    const recorded = read(root, EN_STATE);
    expect((await check(root)).code).toBe(0);
    expect(read(root, EN_STATE)).toBe(recorded); // nothing left to record
    expect((await runCli(['status', '--root', root, '--format', 'json'])).stdout).toContain('"stale": 0');
  });

  it('`check --accept KEY` marks a stale translation as still right, and records it', async () => {
    const root = tempProject();
    changeFrench(root);
    await extract(root);
    const before = state(root)[ALLIANCE_1]!;

    const result = await check(root, '--accept', ALLIANCE_1);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    // Accepting the French change does not hide the number it changed (src/translate/qa/numbers.ts).
    const accepted = report(result.stdout);
    expect(accepted.summary).toBe(`check passed: 1 warning; coverage: microsoft-openai en 100 %; accepted: ${ALLIANCE_1}`);
    expect(accepted.problems[0]).toMatch(
      /:10:103 {2}warning {2}Numbers differ from the French: 1,5 milliard \(1\.5 billion\) is missing; 1 billion is not in the French/,
    );
    const after = state(root)[ALLIANCE_1]!;
    expect(after.text).toBe(FR_ALLIANCE_1_NOW);
    expect(after.source).not.toBe(before.source);
    expect(after.target).toBe(before.target); // the English did not change
    expect(read(root, EN)).toContain(EN_ALLIANCE_1);

    // Now up to date: a plain check passes, and there is nothing left to accept.
    expect((await check(root)).code).toBe(0);
    expect(await check(root, '--accept', ALLIANCE_1)).toMatchObject({
      code: 2,
      stderr: `briefing: Nothing to accept for "${ALLIANCE_1}": no stale translation has that key (name the article to narrow the search).`,
    });
  });

  it('`check --accept` of an unknown key is a usage error (exit 2) that changes nothing, not even the valid keys', async () => {
    const root = tempProject();
    changeFrench(root);
    await extract(root);
    const before = read(root, EN_STATE);
    expect(await check(root, '--accept', 'sections.nope.1')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'briefing: Nothing to accept for "sections.nope.1": no stale translation has that key (name the article to narrow the search).',
    });
    expect(await check(root, SLUG, '--accept', `${ALLIANCE_1},sections.nope.1`)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'briefing: Nothing to accept for "sections.nope.1": no stale translation has that key.',
    });
    expect(read(root, EN_STATE)).toBe(before);
    expect(report((await check(root)).stdout).problems).toEqual(STALE_ALLIANCE_1);
  });

  it('a change late in a long paragraph is shown in the note, whole, never cut', async () => {
    const root = tempProject();
    replaceInFile(root, SOURCE, 'fondés sur les modèles GPT.', 'fondés sur les modèles GPT-4.');
    await extract(root);
    const { problems } = report((await check(root)).stdout);
    expect(problems).toEqual([STALE_ALLIANCE_1[0], `    French change: "${FR_ALLIANCE_1_WAS.replace('modèles GPT.', 'modèles GPT{+-4+}.')}"`]);
  });

  it('`check` before `extract` reports the outdated extraction as well as the stale translation', async () => {
    const root = tempProject();
    changeFrench(root);
    const result = await check(root);
    expect(result.code).toBe(1);
    expect(report(result.stdout)).toEqual({
      problems: [
        ...STALE_ALLIANCE_1,
        'locales/fr/microsoft-openai.json:1:1  error  locales/fr/microsoft-openai.json does not match content/microsoft-openai.txt; run "briefing extract"  briefing:extraction-outdated',
      ],
      summary: 'check failed: 2 errors; coverage: microsoft-openai en 96 %',
    });
  });
});

describe('missing translations', () => {
  it('are errors after the key before them when absent and at the value when empty; extract adds them back in document order', async () => {
    const root = tempProject();
    const en = JSON.parse(read(root, EN));
    delete en.sections['un-nouvel-equilibre-a-trouver']['2'];
    delete en.sections['une-alliance-historique-a-redefinir']['2'];
    en.lead['2'] = '';
    writeFileSync(file(root, EN), `${JSON.stringify(en, null, 2)}\n`);

    const result = await check(root);
    expect(result.code).toBe(1);
    expect(report(result.stdout)).toEqual({
      problems: [
        'locales/en/microsoft-openai.json:5:10  error  Missing en translation of "lead.2"  briefing:missing-translation',
        '    French: "Cette initiative, révélée par Axios, intervient alors que des tensions internes et une pression réglementaire croissante pèsent sur les deux géants de la tech."',
        // Each absent key at the value of the key before it, where it belongs.
        'locales/en/microsoft-openai.json:9:12  error  Missing en translation of "sections.une-alliance-historique-a-redefinir.2"  briefing:missing-translation',
        '    French: "En retour, l’entreprise bénéficie de l’exclusivité de l’intégration des modèles d’OpenAI via son cloud Azure, notamment dans des produits comme Microsoft 365…"',
        'locales/en/microsoft-openai.json:34:12  error  Missing en translation of "sections.un-nouvel-equilibre-a-trouver.2"  briefing:missing-translation',
        '    French: "Si un accord « gagnant-gagnant » voit le jour, il pourrait consolider la place de Microsoft comme acteur incontournable de l’IA mondiale, tout en offrant à O…"',
      ],
      summary: 'check failed: 3 errors; coverage: microsoft-openai en 88 %',
    });
    expect(read(root, EN).split('\n')[4]).toBe('    "2": ""');

    const status = await runCli(['status', '--root', root, '--format', 'json']);
    expect(JSON.parse(status.stdout)).toEqual([{ slug: SLUG, lang: 'en', file: EN, total: 25, ok: 22, stale: 0, missing: 3, obsolete: 0, coverage: 88 }]);

    const extracted = await extract(root);
    expect(extracted).toEqual({
      code: 0,
      stdout: [
        'microsoft-openai (en): 2 new keys to translate: sections.une-alliance-historique-a-redefinir.2, sections.un-nouvel-equilibre-a-trouver.2',
        `Updated ${EN}`,
      ].join('\n'),
      stderr: '',
    });
    const stateAfterExtract = read(root, EN_STATE);
    const extractedAt = statSync(file(root, EN_STATE)).mtimeMs;
    const text = read(root, EN);
    expect(text).toContain(`"1": "${EN_ALLIANCE_1}",\n      "2": "",\n      "3": "But with the imminent arrival`);
    expect(text).toContain(
      '"1": "The renegotiation of the partnership between Microsoft and OpenAI could reshape the artificial intelligence landscape for the next decade. Beyond the technical and economic stakes, a battle for influence and technological sovereignty is also being played out — in an increasingly scrutinized environment.",\n      "2": ""\n    }\n  },\n  "figures": {',
    );
    // Now present as "": the place is the value's.
    const again = report((await check(root)).stdout).problems.filter((l) => !l.startsWith('    '));
    expect(again).toEqual([
      'locales/en/microsoft-openai.json:5:10  error  Missing en translation of "lead.2"  briefing:missing-translation',
      'locales/en/microsoft-openai.json:11:12  error  Missing en translation of "sections.une-alliance-historique-a-redefinir.2"  briefing:missing-translation',
      'locales/en/microsoft-openai.json:37:12  error  Missing en translation of "sections.un-nouvel-equilibre-a-trouver.2"  briefing:missing-translation',
    ]);
    // extract recorded the state: check has nothing to rewrite.
    expect(read(root, EN_STATE)).toBe(stateAfterExtract);
    expect(statSync(file(root, EN_STATE)).mtimeMs).toBe(extractedAt);
    expect(await extract(root, '--check')).toEqual({ code: 0, stdout: 'Locale files are up to date.', stderr: '' });
  });

  it('build shows the French with the "Translation missing" note in every format, and says how many on stderr', async () => {
    const root = tempProject();
    editJson(root, EN, (en) => {
      delete en.sections['un-nouvel-equilibre-a-trouver']['2'];
      en.lead['2'] = '';
    });
    const frLead2 =
      'Cette initiative, révélée par Axios, intervient alors que des tensions internes et une pression réglementaire croissante pèsent sur les deux géants de la tech.';
    const frEquilibre2 =
      'Si un accord « gagnant-gagnant » voit le jour, il pourrait consolider la place de Microsoft comme acteur incontournable de l’IA mondiale, tout en offrant à OpenAI les moyens d’atteindre ses ambitions de superintelligence dans un cadre structuré et sécurisé.';
    // As built (.md, .html): narrow no-break spaces (U+202F) inside the guillemets.
    const frEquilibre2Built = frEquilibre2.replace('« gagnant-gagnant »', '«\u202fgagnant-gagnant\u202f»');

    const result = await runCli(['build', '--root', root, '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`microsoft-openai.en: 2 segments shown in French (2 missing, 0 stale; coverage 92 %): lead.2, ${EQUILIBRE_2}`);
    const md = readFileSync(out(root, 'en', 'md'), 'utf8');
    expect(md.match(/\*Translation missing: original French text shown\.\*/g)).toHaveLength(2);
    expect(md).toContain(`*Translation missing: original French text shown.*\n\n${frLead2}\n`);
    expect(md).toContain(`*Translation missing: original French text shown.*\n\n${frEquilibre2Built}\n`);
    expect(md).not.toContain('Translation out of date');
    expect(md).not.toContain('« gagnant-gagnant »'); // the typography stage ran
    const html = readFileSync(out(root, 'en', 'html'), 'utf8');
    expect(html).toContain(`<p lang="fr" class="fallback">${frLead2}</p>`);
    expect(html).toContain(`<p lang="fr" class="fallback">${frEquilibre2Built}</p>`);
    expect(html.match(/<p class="fallback-note">Translation missing: original French text shown\./g)).toHaveLength(2);
    const pdf = flat(pdfText(out(root, 'en', 'pdf')));
    // pdftotext gives the no-break spaces as ordinary spaces.
    expect(pdf).toContain(`Translation missing: original French text shown. ${frLead2}`);
    expect(pdf).toContain(`Translation missing: original French text shown. ${frEquilibre2}`);
    expect(pdf.match(/Translation missing/g)).toHaveLength(2);
  });
});

describe('key-figure labels', () => {
  it('are translation units: a missing label shows the figure in French, marked, in every format', async () => {
    const root = tempProject();
    editJson(root, EN, (en) => {
      delete en.figures['3'];
    });
    const { problems } = report((await check(root)).stdout);
    expect(problems).toEqual([
      'locales/en/microsoft-openai.json:45:16  error  Missing en translation of "figures.3.label"  briefing:missing-translation',
      '    French: "investissement initial"',
    ]);
    const result = await runCli(['build', '--root', root]);
    expect(result.stderr).toBe('microsoft-openai.en: 1 segment shown in French (1 missing, 0 stale; coverage 96 %): figures.3.label');
    expect(readFileSync(out(root, 'en', 'md'), 'utf8')).toContain(
      '**2019** — start of the partnership\n\n*Translation missing: original French text shown.*\n\n**1\u00a0milliard de dollars** — investissement initial\n',
    );
    expect(readFileSync(out(root, 'en', 'html'), 'utf8')).toContain(
      '<div class="figure-card"><p class="fallback-note">Translation missing: original French text shown.</p><p class="figure fallback" lang="fr"><strong class="figure-value">1\u00a0milliard de dollars</strong> <span class="figure-label">investissement initial</span></p></div>',
    );
    expect(pdfText(out(root, 'en', 'pdf')).replace(/\s+/g, ' ')).toContain(
      '2019 start of the partnership Translation missing: original French text shown. 1 milliard de dollars investissement initial',
    );
    // The bilingual edition shows the state in the English column, beside the French.
    const bilingual = readFileSync(out(root, 'fr-en', 'html'), 'utf8');
    expect(bilingual).toMatch(
      /<div class="col" lang="en">\s*<div class="key-figures">\s*<div class="figure-card"><p class="fallback-note">Translation missing: original French text shown\.<\/p><p class="figure fallback" lang="fr">/,
    );
  });
});

describe('obsolete keys', () => {
  const EXTRA = 'sections.un-nouvel-equilibre-a-trouver.3';
  const addExtra = (root: string) =>
    replaceInFile(
      root,
      EN,
      '"heading": "A New Balance to Strike",',
      '"heading": "A New Balance to Strike",\n      "3": "An extra paragraph the French does not have.",',
    );

  it('are warned about, moved aside by extract (kept), then dropped by extract --prune', async () => {
    const root = tempProject();
    addExtra(root);
    const first = await check(root);
    expect(first.code).toBe(0);
    expect(report(first.stdout)).toEqual({
      problems: [
        `locales/en/microsoft-openai.json:36:12  warning  Obsolete key "${EXTRA}": the French source has no such unit. Run "briefing extract" to move it aside  briefing:obsolete-key`,
      ],
      summary: 'check passed: 1 warning; coverage: microsoft-openai en 100 %',
    });
    expect(JSON.parse((await runCli(['status', '--root', root, '--format', 'json'])).stdout)[0]).toMatchObject({
      total: 25,
      ok: 25,
      obsolete: 1,
      coverage: 100,
    });

    expect(await extract(root, '--check')).toMatchObject({
      code: 1,
      stderr: `Extraction would change: ${EN}, ${EN_OBSOLETE}. Run "briefing extract" and commit the result.`,
    });
    expect(await extract(root)).toEqual({
      code: 0,
      stdout: [`microsoft-openai (en): 1 obsolete translation moved to ${EN_OBSOLETE}: ${EXTRA}`, `Updated ${EN}, ${EN_OBSOLETE}`].join('\n'),
      stderr: '',
    });
    expect(read(root, EN)).toBe(readFileSync(path.join(REPO, EN), 'utf8'));
    expect(JSON.parse(read(root, EN_OBSOLETE))).toEqual({
      sections: { 'un-nouvel-equilibre-a-trouver': { 3: 'An extra paragraph the French does not have.' } },
    });

    const kept = await check(root);
    expect(kept.code).toBe(0);
    expect(report(kept.stdout)).toEqual({
      problems: [
        `${EN_OBSOLETE}:1:1  warning  1 obsolete translation kept aside here for reuse; drop it with "briefing extract --prune"  briefing:obsolete-kept`,
      ],
      summary: 'check passed: 1 warning; coverage: microsoft-openai en 100 %',
    });
    // Extracting again keeps it.
    expect(await extract(root)).toEqual({ code: 0, stdout: 'Locale files are up to date.', stderr: '' });
    expect(existsSync(file(root, EN_OBSOLETE))).toBe(true);

    expect(await extract(root, '--prune')).toEqual({
      code: 0,
      stdout: [`microsoft-openai (en): pruned ${EXTRA}`, `Removed ${EN_OBSOLETE}`].join('\n'),
      stderr: '',
    });
    expect(existsSync(file(root, EN_OBSOLETE))).toBe(false);
    expect(report((await check(root)).stdout)).toEqual({ problems: [], summary: 'check passed: no problems; coverage: microsoft-openai en 100 %' });
  });

  it('`extract --prune` straight away reports the key as pruned only, not also as moved aside', async () => {
    const root = tempProject();
    addExtra(root);
    expect(await extract(root, '--prune')).toEqual({ code: 0, stdout: [`microsoft-openai (en): pruned ${EXTRA}`, `Updated ${EN}`].join('\n'), stderr: '' });
    expect(existsSync(file(root, EN_OBSOLETE))).toBe(false);
    expect(read(root, EN)).toBe(readFileSync(path.join(REPO, EN), 'utf8'));
  });
});

describe('a renamed French heading', () => {
  it('carries the heading over (stale) and the paragraphs (up to date): nothing lost, old keys gone', async () => {
    const root = tempProject();
    replaceInFile(root, SOURCE, '\nUn nouvel équilibre à trouver\n', '\nUn nouvel équilibre reste à trouver\n');
    const oldId = 'sections.un-nouvel-equilibre-a-trouver';
    const newId = 'sections.un-nouvel-equilibre-reste-a-trouver';
    const enBefore = JSON.parse(read(root, EN)).sections['un-nouvel-equilibre-a-trouver'];

    expect(await extract(root, '--check')).toMatchObject({
      code: 1,
      stderr: `Extraction would change: ${FR}, ${EN}, ${EN_STATE}. Run "briefing extract" and commit the result.`,
    });
    const result = await extract(root);
    expect(result).toEqual({
      code: 0,
      stdout: [
        `microsoft-openai (en): carried "${oldId}.heading" over to "${newId}.heading" (83 % similar, marked stale: review it)`,
        `microsoft-openai (en): carried "${oldId}.1" over to "${newId}.1" (100 % similar)`,
        `microsoft-openai (en): carried "${oldId}.2" over to "${newId}.2" (100 % similar)`,
        `Updated ${FR}, ${EN}, ${EN_STATE}`,
      ].join('\n'),
      stderr: '',
    });
    expect(existsSync(file(root, EN_OBSOLETE))).toBe(false);
    const en = read(root, EN);
    expect(en).not.toContain('"un-nouvel-equilibre-a-trouver"');
    expect(JSON.parse(en).sections['un-nouvel-equilibre-reste-a-trouver']).toEqual(enBefore);
    // Only the section id changed in the English file.
    expect(en).toBe(readFileSync(path.join(REPO, EN), 'utf8').replace('"un-nouvel-equilibre-a-trouver"', '"un-nouvel-equilibre-reste-a-trouver"'));

    const checked = await check(root);
    expect(checked.code).toBe(1);
    expect(report(checked.stdout)).toEqual({
      problems: [
        `locales/en/microsoft-openai.json:35:18  error  Stale translation of "${newId}.heading": the French changed since it was translated. Update it, or run "briefing check --accept ${newId}.heading" if it is still right  briefing:stale-translation`,
        '    French change: "Un nouvel équilibre {+reste +}à trouver"',
      ],
      summary: 'check failed: 1 error; coverage: microsoft-openai en 96 %',
    });
    expect(JSON.parse((await runCli(['status', '--root', root, '--format', 'json'])).stdout)[0]).toMatchObject({ ok: 24, stale: 1, missing: 0, obsolete: 0 });
    expect(await check(root, '--accept', `${newId}.heading`)).toMatchObject({ code: 0 });
    expect(await extract(root, '--check')).toEqual({ code: 0, stdout: 'Locale files are up to date.', stderr: '' });
  });
});

describe('extract --check', () => {
  it('exits 1 when the French source changed and extraction was not run, 0 after running it', async () => {
    const root = tempProject();
    expect(await extract(root, '--check')).toEqual({ code: 0, stdout: 'Locale files are up to date.', stderr: '' });
    changeFrench(root);
    const before = read(root, FR);
    expect(await extract(root, '--check')).toEqual({
      code: 1,
      stdout: '',
      stderr: `Extraction would change: ${FR}. Run "briefing extract" and commit the result.`,
    });
    expect(read(root, FR)).toBe(before); // --check changes nothing
    expect((await extract(root)).code).toBe(0);
    expect(await extract(root, '--check')).toEqual({ code: 0, stdout: 'Locale files are up to date.', stderr: '' });
  });
});

describe('below the coverage threshold', () => {
  const dropSections = (root: string) => {
    editJson(root, EN, (en) => {
      delete en.sections['une-alliance-historique-a-redefinir'];
      delete en.sections['gpt-5-et-copilot-des-synergies-renforcees'];
    });
  };
  const LOW =
    'locales/en/microsoft-openai.json:1:1  error  en edition of "microsoft-openai" not written: 72 % of 25 segments up to date, below the 80 % threshold; missing: sections.une-alliance-historique-a-redefinir.heading, sections.une-alliance-historique-a-redefinir.1, sections.une-alliance-historique-a-redefinir.2, sections.une-alliance-historique-a-redefinir.3, sections.gpt-5-et-copilot-des-synergies-renforcees.heading, sections.gpt-5-et-copilot-des-synergies-renforcees.1, sections.gpt-5-et-copilot-des-synergies-renforcees.2. Run "briefing check --lang en" for details, or lower --min-coverage.  briefing:low-coverage';

  const AWAITING = 'awaiting translation: microsoft-openai (72 %, run `briefing extract` then translate locales/en/microsoft-openai.json)';

  it('does not write the English edition, still builds the French and the review page; --min-coverage lowers the bar', async () => {
    const root = tempProject();
    dropSections(root);
    const result = await runCli(['build', '--root', root]);
    // Awaiting translation is a state, not a failure: exit 0 and one line (exit 1 under --strict).
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines.at(-2)).toBe(AWAITING);
    expect(lines.at(-1)).toMatch(/^8 files written in \d+ ms; 0 unchanged, 1 awaiting translation$/);
    const strict = await runCli(['build', '--root', root, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr.split('\n')[0]).toBe(AWAITING);
    expect(strict.stderr).toMatch(/0 files written in \d+ ms; 4 unchanged, 1 awaiting translation; not built: microsoft-openai\.en$/);
    for (const ext of ['md', 'html', 'pdf']) {
      expect(existsSync(out(root, 'en', ext)), `en.${ext}`).toBe(false);
      expect(existsSync(out(root, 'fr', ext)), `fr.${ext}`).toBe(true);
    }
    expect(result.stdout).toContain(`${SLUG}.review.html`);
    const review = reviewPage(root);
    expect(review).toContain('<p class="summary-text">18 of 25 up to date, 0 stale, 7 missing</p>');

    const lowered = await runCli(['build', '--root', root, '--min-coverage', '10']);
    expect(lowered.code).toBe(0);
    expect(lowered.stderr).toMatch(/^microsoft-openai\.en: 7 segments shown in French \(7 missing, 0 stale; coverage 72 %\): /);
    for (const ext of ['md', 'html', 'pdf']) expect(existsSync(out(root, 'en', ext)), `en.${ext}`).toBe(true);
  });

  it('withdraws the English editions an earlier build published, and nothing it did not write', async () => {
    const root = tempProject();
    expect((await runCli(['build', '--root', root, '--format', 'pdf,html'])).code).toBe(0);
    const pdf = out(root, 'en', 'pdf');
    // A file the build did not write (not in the manifest) is never deleted.
    const mine = out(root, 'en', 'md');
    writeFileSync(mine, 'my own notes\n');
    dropSections(root);
    const result = await runCli(['build', '--root', root, '--format', 'pdf,html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(AWAITING);
    expect(result.stdout).toContain(`removed ${path.relative(process.cwd(), pdf)} (below --min-coverage)`);
    expect(existsSync(pdf)).toBe(false);
    expect(existsSync(out(root, 'en', 'html'))).toBe(false);
    expect(readFileSync(mine, 'utf8')).toBe('my own notes\n');
    expect(existsSync(out(root, 'fr', 'pdf'))).toBe(true);
    expect(reviewPage(root)).toContain('7 missing');
    const manifest = JSON.parse(readFileSync(path.join(root, 'output', 'manifest.json'), 'utf8')) as {
      outputs: { path: string }[];
      problems: { slug: string; lang: string; reason: string }[];
    };
    expect(manifest.outputs.map((o) => o.path).filter((p) => p.includes('.en.'))).toEqual([]);
    expect(manifest.problems).toMatchObject([{ slug: SLUG, lang: 'en', reason: 'withheld' }]);
    // Unchanged inputs: the withheld edition is reported again without being rebuilt.
    const again = await runCli(['build', '--root', root, '--format', 'pdf,html']);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    const [awaiting, summary, ...rest] = again.stdout.split('\n');
    expect(awaiting).toBe(AWAITING);
    expect(summary).toMatch(/^0 files written in \d+ ms; 3 unchanged, 1 awaiting translation$/);
    expect(rest).toEqual([]);
  });

  it('`check --min-coverage` reports the coverage as an error too', async () => {
    const root = tempProject();
    dropSections(root);
    const result = await check(root, '--min-coverage', '90');
    expect(result.code).toBe(1);
    const { problems, summary } = report(result.stdout);
    // The same message as `build` gives (one message per rule id), with this threshold.
    expect(problems).toContain(LOW.replace('below the 80 % threshold', 'below the 90 % threshold'));
    expect(summary).toBe('check failed: 8 errors; coverage: microsoft-openai en 72 %');
  });
});

describe('check verdicts', () => {
  it('--strict passes on the seed (no warnings), and fails on a real warning', async () => {
    const root = tempProject();
    expect(await check(root, '--strict')).toEqual({
      code: 0,
      stdout: 'check passed: no problems; coverage: microsoft-openai en 100 %',
      stderr: '',
    });
    trailingSpace(root);
    expect(await check(root)).toEqual({
      code: 0,
      stdout: [...TRAILING_SPACE, 'check passed: 1 warning; coverage: microsoft-openai en 100 %'].join('\n'),
      stderr: '',
    });
    expect(await check(root, '--strict')).toEqual({
      code: 1,
      stdout: [...TRAILING_SPACE, 'check failed (--strict: warnings count): 1 warning; coverage: microsoft-openai en 100 %'].join('\n'),
      stderr: '',
    });
  });

  it.each([
    { name: 'the seed', change: 'none', flags: [], exitCode: 0, summary: { errors: 0, warnings: 0 }, verdict: 'check passed: no problems;' },
    {
      name: 'the seed, --strict',
      change: 'none',
      flags: ['--strict'],
      exitCode: 0,
      summary: { errors: 0, warnings: 0 },
      verdict: 'check passed: no problems;',
    },
    { name: 'a warning', change: 'warning', flags: [], exitCode: 0, summary: { errors: 0, warnings: 1 }, verdict: 'check passed: 1 warning;' },
    {
      name: 'a warning, --strict',
      change: 'warning',
      flags: ['--strict'],
      exitCode: 1,
      summary: { errors: 0, warnings: 1 },
      verdict: 'check failed (--strict: warnings count): 1 warning;',
    },
    { name: 'a stale translation', change: 'stale', flags: [], exitCode: 1, summary: { errors: 1, warnings: 0 }, verdict: 'check failed: 1 error;' },
  ])('--format json agrees with the exit code and the text summary ($name)', async ({ change, flags, exitCode, summary, verdict: expectedVerdict }) => {
    const root = tempProject();
    if (change === 'stale') {
      changeFrench(root);
      await extract(root);
    }
    if (change === 'warning') trailingSpace(root);
    const json = await check(root, '--format', 'json', ...flags);
    expect(json.stderr).toBe('');
    expect(json.code).toBe(exitCode);
    const data = JSON.parse(json.stdout) as {
      ok: boolean;
      exitCode: number;
      summary: { errors: number; warnings: number };
      diagnostics: { file: string; line: number; column: number; severity: string; message: string; ruleId: string; note?: string }[];
      coverage: unknown[];
    };
    expect(Object.keys(data)).toEqual(['ok', 'exitCode', 'summary', 'diagnostics', 'coverage']);
    expect(data.exitCode).toBe(json.code);
    expect(data.ok).toBe(exitCode === 0);
    expect(data.summary).toEqual(summary);
    expect(data.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(summary.errors);
    expect(data.diagnostics.filter((d) => d.severity === 'warning')).toHaveLength(summary.warnings);
    expect(data.coverage).toHaveLength(1);

    const text = await check(root, ...flags);
    expect(text.code).toBe(json.code);
    const verdict = text.stdout.split('\n').at(-1)!;
    expect(verdict.startsWith(exitCode === 0 ? 'check passed: ' : 'check failed')).toBe(true);
    expect(verdict.startsWith(expectedVerdict)).toBe(true);
    // Nothing else in the text report: one line per problem (plus its note lines), then the summary.
    expect(text.stdout.split('\n')).toHaveLength(1 + data.diagnostics.reduce((n, d) => n + 1 + (d.note ? d.note.split('\n').length : 0), 0));
    // Same problems in both reports.
    const lines = data.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.ruleId}`);
    for (const line of lines) expect(text.stdout.split('\n')).toContain(line);
    if (summary.warnings) {
      expect(data.diagnostics.find((d) => d.severity === 'warning')).toMatchObject({ file: EN, line: 25, column: 51, ruleId: 'briefing:whitespace' });
    }
    if (summary.errors) {
      expect(data.diagnostics.find((d) => d.severity === 'error')).toEqual({
        file: EN,
        line: 10,
        column: 12,
        severity: 'error',
        message: STALE_ALLIANCE_1[0]!.split('  ')[2],
        ruleId: 'briefing:stale-translation',
        url: 'docs/rules.md#stale-translation',
        note: STALE_ALLIANCE_1[1]!.slice(4),
      });
    }
  });
});

describe('lint rules through `check`', () => {
  /** `check` after one edit: exit code, problems and summary. */
  async function checkAfter(rel: string, from: string, to: string) {
    const root = tempProject();
    replaceInFile(root, rel, from, to);
    const result = await check(root);
    return { code: result.code, ...report(result.stdout) };
  }

  it('placeholder mismatch in common.json', async () => {
    expect(await checkAfter('locales/en/common.json', '"Page {{page}} of {{pages}}"', '"Page {{pg}} of {{pages}}"')).toEqual({
      code: 1,
      problems: [
        'locales/en/common.json:10:17  error  Placeholders differ from the French: missing {{page}}, unexpected {{pg}}. Use exactly the French placeholders (names unchanged, not translated)  briefing:placeholder-mismatch',
        '    French: "Page {{page}} sur {{pages}}"',
      ],
      summary: 'check failed: 1 error; coverage: microsoft-openai en 100 %',
    });
  });

  it('$t(…) nesting in an article value', async () => {
    expect(await checkAfter(EN, '"A Landmark Alliance to Be Redefined"', '"A Landmark Alliance $t(common:toc) to Be Redefined"')).toEqual({
      code: 1,
      problems: [
        'locales/en/microsoft-openai.json:9:39  error  Nesting "$t(…)" is not allowed in a translation (it would pull another string in): write the text itself  briefing:nesting',
        '    French: "Une alliance historique à redéfinir"',
      ],
      summary: 'check failed: 1 error; coverage: microsoft-openai en 100 %',
    });
  });

  it('{{- x}} unescaped interpolation in an article value (also a placeholder the French lacks)', async () => {
    expect(await checkAfter(EN, '"GPT-5 and Copilot: Stronger Synergies"', '"GPT-5 and {{- name}}: Stronger Synergies"')).toEqual({
      code: 1,
      problems: [
        'locales/en/microsoft-openai.json:15:19  warning  Name of the French not found in the translation: Copilot. Keep names and acronyms as written, or accept this if English writes them otherwise  briefing:name-mismatch',
        '    French: "GPT-5 et Copilot : des synergies renforcées"',
        '    If the translation is right: briefing check microsoft-openai --accept sections.gpt-5-et-copilot-des-synergies-renforcees.heading --rule name-mismatch',
        'locales/en/microsoft-openai.json:15:29  error  Placeholders differ from the French: unexpected {{name}}. Use exactly the French placeholders (names unchanged, not translated)  briefing:placeholder-mismatch',
        '    French: "GPT-5 et Copilot : des synergies renforcées"',
        'locales/en/microsoft-openai.json:15:29  error  Unescaped interpolation "{{- name}}" is not allowed: write {{name}} so the value is escaped  briefing:unescaped-interpolation',
        '    French: "GPT-5 et Copilot : des synergies renforcées"',
      ],
      summary: 'check failed: 2 errors, 1 warning; coverage: microsoft-openai en 100 %',
    });
  });

  it('raw HTML is a warning, one per tag', async () => {
    expect(await checkAfter(EN, '"Governance Problems and Regulatory Pressure"', '"Governance <b>Problems</b> and Regulatory Pressure"')).toEqual({
      code: 0,
      problems: [
        'locales/en/microsoft-openai.json:20:30  warning  Raw HTML "<b>" is shown as literal text, never interpreted: use Markdown instead (*emphasis*, **strong**, [text](url))  briefing:raw-html',
        '    French: "Problèmes de gouvernance et pressions réglementaires"',
        'locales/en/microsoft-openai.json:20:41  warning  Raw HTML "</b>" is shown as literal text, never interpreted: use Markdown instead (*emphasis*, **strong**, [text](url))  briefing:raw-html',
        '    French: "Problèmes de gouvernance et pressions réglementaires"',
      ],
      summary: 'check passed: 2 warnings; coverage: microsoft-openai en 100 %',
    });
  });

  it('French typography is still a warning in the hand-written French interface strings (common.json)', async () => {
    expect(await checkAfter('locales/fr/common.json', '"Traduction manquante\u00a0: texte', '"Traduction manquante : texte')).toEqual({
      code: 0,
      problems: ['locales/fr/common.json:14:41  warning  Use a no-break space (U+00A0) before ":" in French  briefing:french-typography'],
      summary: 'check passed: 1 warning; coverage: microsoft-openai en 100 %',
    });
  });

  it('trailing whitespace is a warning at the space', async () => {
    expect(await checkAfter(EN, '"A New Revenue-Sharing Agreement?"', '"A New Revenue-Sharing Agreement? "')).toEqual({
      code: 0,
      problems: TRAILING_SPACE,
      summary: 'check passed: 1 warning; coverage: microsoft-openai en 100 %',
    });
  });

  it('invalid JSON in the English file: its line:column, exit 1, and no coverage claimed', async () => {
    const root = tempProject();
    const state = read(root, EN_STATE);
    replaceInFile(root, EN, '"title": "', '"title" "');
    expect(await check(root)).toEqual({
      code: 1,
      stdout: [
        'locales/en/microsoft-openai.json:2:10  error  Invalid JSON: missing colon after the key on line 2: write "key": "value"  briefing:invalid-json',
        'check failed: 1 error',
      ].join('\n'),
      stderr: '',
    });
    expect(read(root, EN_STATE)).toBe(state); // never rewritten from a file it could not read
    const status = await runCli(['status', '--root', root]);
    expect(status).toEqual({
      code: 1,
      // Listed, never dropped silently.
      stdout: `article           lang  translated  stale  missing  obsolete  coverage\nmicrosoft-openai  en    unreadable: ${'locales/en/microsoft-openai.json:2:10 Invalid JSON: missing colon after the key on line 2: write "key": "value"'}`,
      stderr: 'locales/en/microsoft-openai.json:2:10  error  Invalid JSON: missing colon after the key on line 2: write "key": "value"  briefing:invalid-json',
    });
    const before = read(root, EN);
    expect(await extract(root)).toEqual({
      code: 1,
      stdout: 'Nothing updated (see the errors above).',
      stderr: 'locales/en/microsoft-openai.json:2:10  error  Invalid JSON: missing colon after the key on line 2: write "key": "value"  briefing:invalid-json',
    });
    expect(read(root, EN)).toBe(before); // extract never rewrites a file it could not read
    expect(read(root, EN_STATE)).toBe(state);
  });

  it('duplicate key', async () => {
    expect(
      await checkAfter(
        EN,
        '"title": "Microsoft and OpenAI Renegotiate Their Strategic Partnership",',
        '"title": "Microsoft and OpenAI Renegotiate Their Strategic Partnership",\n  "title": "Microsoft and OpenAI",',
      ),
    ).toEqual({
      code: 1,
      problems: [
        'locales/en/microsoft-openai.json:3:3  error  Duplicate key "title" (first defined at line 2): JSON readers disagree on which one wins; keep only one  briefing:duplicate-key',
      ],
      summary: 'check failed: 1 error',
    });
  });

  it('__proto__ key', async () => {
    expect(await checkAfter(EN, '  "lead": {', '  "__proto__": { "polluted": "yes" },\n  "lead": {')).toEqual({
      code: 1,
      problems: ['locales/en/microsoft-openai.json:3:3  error  Key "__proto__" is not allowed (it could reach the object prototype)  briefing:forbidden-key'],
      summary: 'check failed: 1 error',
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('status', () => {
  it('--format json: one row per article and language, with counts and coverage', async () => {
    const root = tempProject();
    const result = await runCli(['status', '--root', root, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      JSON.stringify([{ slug: SLUG, lang: 'en', file: EN, total: 25, ok: 25, stale: 0, missing: 0, obsolete: 0, coverage: 100 }], null, 2),
    );
    expect((await runCli(['status', '--root', root, '--lang', 'fr', '--format', 'json'])).stdout).toBe('[]');
  });

  it('text table: aligned columns, one decimal of coverage', async () => {
    const root = tempProject();
    expect(await runCli(['status', '--root', root])).toEqual({
      code: 0,
      stdout: [
        'article           lang  translated  stale  missing  obsolete  coverage',
        'microsoft-openai  en            25      0        0         0   100.0 %',
      ].join('\n'),
      stderr: '',
    });
    // status is read-only: no state file written.
    writeFileSync(file(root, EN_STATE), '');
    changeFrench(root);
    const changed = await runCli(['status', '--root', root]);
    // The paragraph changed under its translation is not stale without a state file (nothing to compare
    // with); the declared key figures did not change with the text.
    expect(changed.stdout.split('\n')[1]).toBe('microsoft-openai  en            25      0        0         0   100.0 %');
    expect(read(root, EN_STATE)).toBe('');
  });
});
