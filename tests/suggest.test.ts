/** `briefing suggest`: candidate key figures and sources, never identifiers, ranges or quoted bodies; YAML that pastes into front matter; --json; exit codes. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseArticle } from '../src/parse/index.js';
import { suggest } from '../src/facts/suggestions.js';
import { runCli, tempProject } from './helpers.js';

/** An article whose lines are known: line 1 is the title, each paragraph follows a blank line. */
const TRAPS = [
  '# Le budget numérique de la commune', // 1
  '',
  'Le conseil a voté un budget total de 2,5 millions d’euros pour le numérique.', // 3
  '',
  'Le règlement (UE) 2017/1926 encadre ces données ; le ticket n° 2024 est clos.', // 5
  '',
  'Les aides vont d’un montant compris entre 80 et 100 000 € selon les projets.', // 7
  '',
  'Pour toute question, appelez le 01 23 45 67 89 ou le 03 20 19 20 14.', // 9
  '',
  'Le projet, révélé par Bloomberg, a débuté en 2019 ; selon Axios, il prend fin au-delà de 2030.', // 11
  '',
  'D’après l’Insee, le taux de chômage local atteint 7,5 % cette année.', // 13
  '',
  'Une étude citée par l’Observatoire des territoires numériques parle des années 2000.', // 15
  '',
  'Les travaux ont duré de 2019 à 2021, et la période 2022-2024 reste à financer.', // 17
].join('\n');

function suggestionsOf(text: string) {
  const { article, diagnostics } = parseArticle(text, 'content/traps.md', 'traps');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return suggest(article);
}

describe('suggested key figures', () => {
  const { figures } = suggestionsOf(TRAPS);
  const values = figures.map((f) => f.value);

  it('proposes the figures of the text, each with a noun-phrase label and its line', () => {
    expect(figures.map(({ value, label, line }) => ({ value, label, line }))).toEqual([
      { value: { amount: 2_500_000, currency: 'EUR' }, label: 'budget total', line: 3 },
      { value: 2019, label: 'début du projet', line: 11 },
      { value: { percent: 7.5 }, label: 'taux de chômage local', line: 13 },
    ]);
    expect(figures[0]!.sentence).toBe('Le conseil a voté un budget total de 2,5 millions d’euros pour le numérique.');
    expect(figures[0]!.text).toBe('2,5 millions d’euros');
  });

  it('never proposes a number inside an identifier, a range, a phone number or a decade', () => {
    const flat = JSON.stringify(values);
    for (const trap of [1926, 2017, 2024, 100_000, 80, 2021, 2022, 2000, 2020]) expect(flat).not.toMatch(new RegExp(`\\b${trap}\\b`));
  });

  it('does not change a label when a year is added to an unrelated sentence', () => {
    const withYear = suggestionsOf(TRAPS.replace('le ticket n° 2024 est clos.', 'le ticket est clos depuis 2025.'));
    const budget = withYear.figures.find((f) => typeof f.value === 'object' && 'amount' in f.value);
    expect(budget?.label).toBe('budget total');
  });

  it('gives no label that is a fragment across a clause: a figure without a noun phrase is left out', () => {
    // "au-delà de 2030" follows ";" and "selon Axios, il prend fin": no noun phrase of its own clause names it.
    expect(values).not.toContain(2030);
    // The fragments the issue found on cards ("2,5 millions d'euros — doté", "3 200 euros — charge communal est estimé",
    // "1 dollar — Si Bob", "2021 — mars", "2026 — année"): none is proposed; a verb of measure names its subject.
    const { figures: others } = suggestionsOf(
      [
        '# Titre',
        'En 2026, Microsoft a annoncé un accord.',
        'La charge communale est estimée à 3 100 euros.',
        'Le fonds, doté de 2,5 millions d’euros, ouvre.',
        'Si Bob paie 1 dollar, tout change.',
        'Le 3 mars 2021, le maire a parlé.',
        'Les recettes atteignent 3 200 euros.',
      ].join('\n\n'),
    );
    expect(others.map((f) => [f.text, f.label])).toEqual([['3 200 euros', 'recettes']]);
  });

  it('names a percentage by the whole it is a share of, and drops a numeral before the noun', () => {
    const { figures: shares } = suggestionsOf(
      '# T\n\nEn effet, 68,9 % des codes postaux sont associés à plus d’une commune.\n\nEn 2024, quatre prix de 10 000 € chacun seront décernés.',
    );
    expect(shares.map((f) => [f.value, f.label])).toEqual([
      [{ percent: 68.9 }, 'part des codes postaux associés'],
      [{ amount: 10_000, currency: 'EUR' }, 'prix'],
    ]);
  });
});

describe('suggested sources', () => {
  it('lists the attributions with their line, never a body a quoted study is "citée par"', () => {
    const { sources } = suggestionsOf(TRAPS);
    expect(sources.map(({ name, line }) => ({ name, line }))).toEqual([
      { name: 'Bloomberg', line: 11 },
      { name: 'Axios', line: 11 },
      { name: 'Insee', line: 13 },
    ]);
  });

  it('reads an institution’s whole name, with its acronym', () => {
    const { sources } = suggestionsOf(
      '# T\n\nLe guide publié par la Commission nationale de l’informatique et des libertés (CNIL) est clair. Selon Axios et Bloomberg, rien ne change.',
    );
    expect(sources.map((s) => s.name)).toEqual(['Commission nationale de l’informatique et des libertés (CNIL)', 'Axios']);
  });
});

describe('briefing suggest', () => {
  function project(): string {
    const root = tempProject(['content']);
    writeFileSync(path.join(root, 'content', 'traps.md'), `---\ntitle: Budget\n---\n${TRAPS.split('\n').slice(1).join('\n')}\n`);
    return root;
  }

  it('prints YAML that parses into the front matter’s figures and sources, each under its line', async () => {
    const root = project();
    const result = await runCli(['suggest', 'traps', '--root', root]);
    expect(result.code).toBe(0);
    expect(parseYaml(result.stdout)).toEqual({
      figures: [
        { value: { amount: 2_500_000, currency: 'EUR' }, label: 'budget total' },
        { value: 2019, label: 'début du projet' },
        { value: { percent: 7.5 }, label: 'taux de chômage local' },
      ],
      sources: ['Bloomberg', 'Axios', 'Insee'],
    });
    // Lines shift by the front matter (3 lines) less the title line dropped: +2.
    expect(result.stdout).toContain('# line 5: Le conseil a voté un budget total de 2,5 millions d’euros pour le numérique.');
  });

  it('keeps article text out of the YAML structure', async () => {
    const root = tempProject(['content']);
    writeFileSync(path.join(root, 'content', 'evil.md'), '# T\n\nSelon Axios,\nfigures: [1]\n#x un budget total de 2 000 euros\n');
    const result = await runCli(['suggest', 'evil', '--root', root]);
    expect(result.code).toBe(0);
    const parsed = parseYaml(result.stdout) as { figures: unknown[]; sources: string[] };
    expect(Object.keys(parsed)).toEqual(['figures', 'sources']);
    expect(parsed.sources).toEqual(['Axios']);
  });

  it('prints JSON with --json', async () => {
    const root = project();
    const result = await runCli(['suggest', 'traps', 'microsoft-openai', '--json', '--root', root]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { slug: string; figures: { label: string; line: number }[]; sources: { name: string }[] }[];
    expect(json.map((r) => r.slug).sort()).toEqual(['microsoft-openai', 'traps']);
    const seed = json.find((r) => r.slug === 'microsoft-openai')!;
    expect(seed.figures.map((f) => f.label)).toEqual(['début du partenariat', 'investissement initial', 'prolongation de l’accord']);
    expect(seed.sources.map((s) => s.name)).toEqual(['Axios', 'Bloomberg']);
    expect(json.find((r) => r.slug === 'traps')!.figures[0]).toMatchObject({ line: 5, sentence: expect.stringContaining('budget total') });
  });

  it('is a usage error (exit 2) without a slug, for an unknown slug, or with an option of another command', async () => {
    const root = project();
    expect(await runCli(['suggest', '--root', root])).toMatchObject({ code: 2, stderr: expect.stringContaining('Name the article') });
    expect(await runCli(['suggest', 'nope', '--root', root])).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown article "nope"') });
    expect(await runCli(['suggest', 'traps', '--force', '--root', root])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('does not apply to "suggest"'),
    });
  });

  it('exits 1 with the placed error when the article cannot be read', async () => {
    const root = tempProject(['content']);
    writeFileSync(path.join(root, 'content', 'broken.md'), '---\ntitle: [unclosed\n---\nTexte.\n');
    const result = await runCli(['suggest', 'broken', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.md:\d+:\d+/);
  });
});
