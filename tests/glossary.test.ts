/**
 * The glossary (locales/glossary.json): read with placed errors, imported from TBX and CSV,
 * checked in translations (glossary-term, glossary-forbidden), shown on the review page, and an
 * input of the build. Fixtures: tests/fixtures/glossary/.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readGlossaryFile } from '../src/i18n/glossary.js';
import { termFinder } from '../src/i18n/glossary-match.js';
import { FIXTURES, editFile, replaceInFile, runCli, tempProject } from './helpers.js';

const SLUG = 'microsoft-openai';
const EN = `locales/en/${SLUG}.json`;
const GLOSSARY = 'locales/glossary.json';
const fixture = (name: string) => path.join(FIXTURES, 'glossary', name);

/** The glossary-related lines of a check's output. */
async function glossaryLines(root: string): Promise<string[]> {
  const check = await runCli(['check', '--root', root]);
  return check.stdout.split('\n').filter((line) => line.toLowerCase().includes('glossary'));
}

describe('reading locales/glossary.json', () => {
  it('reads terms keyed by French, with one or several English terms, forbidden variants and a note', () => {
    const { glossary, diagnostics } = readGlossaryFile(
      '{\n  "IA": { "en": "AI", "forbidden": ["IA"], "note": "acronym" },\n  "renégociation": { "en": ["renegotiation", "renegotiating"] }\n}\n',
      GLOSSARY,
    );
    expect(diagnostics).toEqual([]);
    expect(glossary.get('IA')).toEqual({ fr: 'IA', en: ['AI'], forbidden: ['IA'], note: 'acronym', place: { line: 2, column: 3 } });
    expect(glossary.get('renégociation')?.en).toEqual(['renegotiation', 'renegotiating']);
  });

  it('places each problem at its term or field, in plain words, and keeps the good entries', () => {
    const text = [
      '{',
      '  "IA": { "en": "AI" },',
      '  "AGI": { "forbidden": ["IAG"] },',
      '  "milliard": "billion",',
      '  "cloud": { "en": 3 },',
      '  "IA": { "en": "A.I." },',
      '  "nuage": { "en": "cloud", "context": "tech" },',
      '  "": { "en": "x" }',
      '}',
    ].join('\n');
    const { glossary, diagnostics } = readGlossaryFile(text, GLOSSARY);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message} ${d.ruleId}`)).toEqual([
      '3:3 error The glossary entry "AGI" has no English term: add "en": "…" (a text, or a list of texts) briefing:invalid-glossary',
      '4:15 error The glossary entry "milliard" must be an object: { "en": "…", "forbidden": ["…"], "note": "…" } briefing:invalid-glossary',
      '5:20 error "en" of the glossary entry "cloud" must be a text or a list of texts; the entry is ignored until fixed briefing:invalid-glossary',
      '6:3 error Duplicate key "IA" (first defined at line 2): JSON readers disagree on which one wins; keep only one briefing:duplicate-key',
      '7:29 error Unknown field "context" in the glossary entry "nuage" (known: en, forbidden, note); it is ignored briefing:invalid-glossary',
      '8:3 error A glossary entry needs a French term: the key is empty briefing:invalid-glossary',
    ]);
    expect([...glossary.keys()]).toEqual(['IA', 'nuage']);
  });

  it('refuses "__proto__" as a French term: reported, never an entry, nothing polluted', () => {
    const { glossary, diagnostics } = readGlossaryFile('{ "__proto__": { "en": "polluted" }, "constructor": { "en": "x" }, "IA": { "en": "AI" } }', GLOSSARY);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(['1:3 briefing:forbidden-key', '1:38 briefing:forbidden-key']);
    expect([...glossary.keys()]).toEqual(['IA']);
    expect(({} as Record<string, unknown>).en).toBeUndefined();
  });

  it('reports invalid JSON at its place, as locale files do', () => {
    const { glossary, diagnostics } = readGlossaryFile('{\n  "IA": { "en": "AI" }\n  "AGI": { "en": "AGI" }\n}', GLOSSARY);
    expect(glossary.size).toBe(0);
    expect(diagnostics).toHaveLength(1);
    // Placed where the comma is missing: at the end of the value on line 2.
    expect(diagnostics[0]).toMatchObject({ ruleId: 'briefing:invalid-json', line: 2 });
    expect(diagnostics[0]!.message).toMatch(/missing comma/);
  });
});

describe('finding terms', () => {
  const { glossary } = readGlossaryFile(
    JSON.stringify({ IA: { en: 'AI' }, milliard: { en: 'billion' }, 'intelligence artificielle': { en: 'artificial intelligence' }, 'GPT-5': { en: 'GPT-5' } }),
    GLOSSARY,
  );
  const found = (french: string) =>
    termFinder(glossary)
      .termsIn(french)
      .map((t) => t.fr);

  it('finds whole words, elided and plural forms, acronyms exactly and lower-case terms in any case', () => {
    expect(found('l’IA et d’IA')).toEqual(['IA']);
    expect(found("l'IA")).toEqual(['IA']);
    expect(found('des IAs')).toEqual(['IA']);
    expect(found('3 milliards, Milliard')).toEqual(['milliard']);
    expect(found('Intelligence  Artificielle')).toEqual(['intelligence artificielle']);
    expect(found('le modèle GPT-5')).toEqual(['GPT-5']);
  });

  it('does not find a term inside a word, an acronym in another case, or a longer plural', () => {
    expect(found('OpenAI, via, ia, milliardaire, intelligence seule, GPT-4')).toEqual([]);
  });
});

describe('briefing check with a glossary', () => {
  it('passes on the seed, whose English follows its glossary', async () => {
    const root = tempProject();
    const check = await runCli(['check', '--root', root]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('check passed: no problems');
  });

  it('warns at the value when a French term lacks its English, and at the variant when a forbidden one is used', async () => {
    const root = tempProject();
    // "l’IA" (elided) in the French heading; "AI" replaced by a paraphrase.
    replaceInFile(root, EN, '"heading": "A Strategic Stake for the Future of AI"', '"heading": "A Strategic Stake for the Future of Machine Learning"');
    // "milliard" (singular) and "milliards" (plural) in the French; a forbidden variant in the English.
    replaceInFile(
      root,
      EN,
      'an initial investment of $1 billion. Since then, Microsoft has poured billions',
      'an initial investment of $1 milliard. Since then, Microsoft has poured billions',
    );
    // "intelligence artificielle" in lower case, "Artificial Intelligence" capitalised in the English: accepted.
    replaceInFile(root, EN, 'With artificial intelligence advancing', 'With Artificial Intelligence advancing');
    const lines = await glossaryLines(root);
    expect(lines).toEqual([
      `${EN}:10:105  warning  "milliard" is forbidden by the glossary for the French "milliard": write "billion" instead  briefing:glossary-forbidden`,
      '    Glossary note: 1 milliard = 1 billion (10⁹)',
      `${EN}:30:18  warning  The French has the glossary term "IA": its translation must use "AI" (or change the glossary, locales/glossary.json)  briefing:glossary-term`,
      '    Glossary note: intelligence artificielle: AI, never the French acronym',
    ]);
    expect(readFileSync(path.join(root, EN), 'utf8').split('\n')[9]!.slice(104, 112)).toBe('milliard');
  });

  it('accepts the English term in the plural, and says nothing when the French lacks the term', async () => {
    const root = tempProject();
    // "des IA" → "AIs"; "renegotiation" appears in English where the French has no term: fine.
    replaceInFile(root, EN, 'delivering an AI closer', 'delivering AIs closer');
    replaceInFile(root, EN, 'It is a crucial lever', 'It is a crucial renegotiation lever');
    expect(await glossaryLines(root)).toEqual([]);
  });

  it('reports a malformed glossary at its line and column, and check fails', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, GLOSSARY), '{\n  "IA": { "en": ["AI", 5] }\n}\n');
    const check = await runCli(['check', '--root', root]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`${GLOSSARY}:2:17  error  "en" of the glossary entry "IA" must be a text or a list of texts`);
  });

  it('checks nothing without a glossary file', async () => {
    const root = tempProject();
    rmSync(path.join(root, GLOSSARY));
    replaceInFile(root, EN, '"heading": "A Strategic Stake for the Future of AI"', '"heading": "A Strategic Stake for the Future of IA"');
    expect(await glossaryLines(root)).toEqual([]);
  });
});

describe('briefing glossary import', () => {
  it('merges a TBX file: preferred English terms required, deprecated ones forbidden, notes kept, other languages ignored', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, GLOSSARY), '{\n  "IA": { "en": "AI" },\n  "AGI": { "en": "AGI" }\n}\n');
    const run = await runCli(['glossary', 'import', fixture('terms.tbx'), '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('glossary import: 2 added (nuage, recherche et développement), 1 changed (IA); locales/glossary.json written (4 terms)');
    expect(readFileSync(path.join(root, GLOSSARY), 'utf8')).toBe(
      [
        '{',
        '  "IA": { "en": "AI", "forbidden": ["IA"], "note": "Artificial intelligence, abbreviated" },',
        '  "AGI": { "en": "AGI" },',
        '  "nuage": { "en": "cloud" },',
        '  "recherche et développement": { "en": ["research and development", "R&D"], "note": "R & D" }',
        '}',
        '',
      ].join('\n'),
    );
    const again = await runCli(['glossary', 'import', fixture('terms.tbx'), '--root', root]);
    expect(again.stdout).toContain('nothing changed');
    expect((await runCli(['check', '--root', root])).code).toBe(0);
  });

  it('imports a CSV file (header fr,en,forbidden,note; several terms split by |), and --replace drops the terms it lacks', async () => {
    const root = tempProject();
    const run = await runCli(['glossary', 'import', fixture('terms.csv'), '--replace', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^glossary import: 1 added \(agent conversationnel\), 2 changed \(IA, milliard\), 8 removed \(AGI, .*\); locales\/glossary\.json written \(3 terms\)$/,
    );
    const { glossary, diagnostics } = readGlossaryFile(readFileSync(path.join(root, GLOSSARY), 'utf8'), GLOSSARY);
    expect(diagnostics).toEqual([]);
    expect(glossary.get('milliard')).toMatchObject({ en: ['billion'], forbidden: ['milliard', 'thousand million'] });
    expect(glossary.get('agent conversationnel')?.en).toEqual(['chatbot', 'conversational agent']);
    expect(glossary.get('IA')?.note).toBe('intelligence artificielle, abbreviated');
  });

  it.each([
    [
      'missing.csv',
      [
        'missing.csv:3:1  error  Cannot import the glossary: the row has no French term (column "fr")',
        'missing.csv:4:1  error  Cannot import the glossary: the row "milliard" has no English term',
      ],
    ],
    ['unclosed.csv', ['unclosed.csv:3:1  error  Cannot import the glossary: the CSV is invalid (Quote Not Closed']],
    ['proto.csv', ['error  Cannot import the glossary: "__proto__" cannot be a glossary term']],
    ['broken.tbx', ['broken.tbx:3:71  error  Cannot import the glossary: the XML is invalid (Opening and ending tag mismatch']],
    ['entity.tbx', ['entity.tbx:4:40  error  Cannot import the glossary: the XML is invalid (entity not found:&secret;)']],
  ])('refuses %s with placed errors and writes nothing', async (name, messages) => {
    const root = tempProject();
    const before = readFileSync(path.join(root, GLOSSARY), 'utf8');
    const run = await runCli(['glossary', 'import', fixture(name), '--root', root]);
    expect(run.code).toBe(1);
    for (const message of messages) expect(run.stdout).toContain(message);
    expect(run.stdout).toContain('glossary import failed: nothing written to locales/glossary.json');
    expect(readFileSync(path.join(root, GLOSSARY), 'utf8')).toBe(before);
    expect(run.stdout).not.toContain('root:');
  });

  it('names the fix for a wrong command line', async () => {
    const root = tempProject();
    expect((await runCli(['glossary', 'import', '--root', root])).stderr).toContain(
      'Name the file to import. Use: briefing glossary import FILE.tbx|FILE.csv… [--replace]',
    );
    expect((await runCli(['glossary', 'import', 'terms.xlsx', '--root', root])).stderr).toContain('the glossary is imported from a .tbx or .csv file');
    expect((await runCli(['glossary', 'export', '--root', root])).code).toBe(2);
    expect((await runCli(['build', '--replace', '--root', root])).stderr).toContain('Option --replace does not apply to "build"');
  });
});

describe('the review page and the build', () => {
  it('shows the terms found in each unit, and a glossary change rebuilds the review page', async () => {
    const root = tempProject();
    const review = path.join(root, 'output', SLUG, `${SLUG}.review.html`);
    const build = () => runCli(['build', '--root', root, '--lang', 'en', '--format', 'html']);
    expect((await build()).code).toBe(0);
    const page = readFileSync(review, 'utf8');
    expect(page).toContain('<span class="term"><span lang="fr">IA</span> → AI</span>');
    expect(page).toContain('<span class="term"><span lang="fr">milliard</span> → billion</span>');
    // Untrusted glossary text is escaped like any other text on the page.
    editFile(root, GLOSSARY, (text) => text.replace('"en": "AI"', '"en": ["AI", "<b>A.I.</b>"]'));
    const rebuilt = await build();
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toContain(`${SLUG}.review.html`);
    const after = readFileSync(review, 'utf8');
    expect(after).toContain('<span lang="fr">IA</span> → AI / &lt;b&gt;A.I.&lt;/b&gt;</span>');
    expect(after).not.toContain('<b>A.I.</b>');
    // Unchanged glossary, nothing to do.
    expect((await build()).stdout).toMatch(/0 files written in \d+ ms; 2 unchanged/);
  });
});
