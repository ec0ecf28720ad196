import { readFileSync } from 'node:fs';
import path from 'node:path';
/**
 * The reviewer's QA checks (src/translate/qa/): each rule on French/English pairs, both ways, and
 * the translator's cycle through the CLI: the 6 % → 9 % case, accept → silent → English edited →
 * raised again.
 */
import { describe, expect, it } from 'vitest';
import { qaFindings } from '../src/translate/qa/index.js';
import { editFile, editJson, runCli, translatedProject } from './helpers.js';

const rules = (french: string, english: string) => qaFindings({ key: 'k', french, english }).map((f) => f.rule);
const numbers = (french: string, english: string) => qaFindings({ key: 'k', french, english }).filter((f) => f.rule === 'briefing:number-mismatch');

describe('number-mismatch', () => {
  it.each([
    ['1 milliard de dollars', '$1 billion'],
    ['une hausse de 6 %', 'a 6% rise'],
    ['2,5 millions d’habitants', '2.5 million people'],
    ['le 1er mars 2018', 'on 1 March 2018'],
    ['le 1er mars 2018', 'on March 1st, 2018'],
    ['3 200 agents', '3,200 staff'],
    ['trois pistes', '3 options'],
    ['2 modèles', 'two models'],
    ['GPT-4.5 et 10 000 000 de requêtes', 'GPT-4.5 and 10,000,000 requests'],
  ])('%s ↔ %s: no warning', (french, english) => expect(numbers(french, english)).toEqual([]));

  it.each([
    ['une hausse de 9 %', 'a 6% rise', ['9 % (9%)'], ['6%']],
    ['3 200 agents', '3 200 staff', ['3 200 (3,200)'], ['3', '200']],
    ['2,5 millions', '2,5 million', ['2,5 millions (2.5 million)'], ['2', '5 million']],
    ['1 milliard de dollars', '$1 million', ['1 milliard (1 billion)'], ['1 million']],
    ['en 2018', 'in 2019', ['2018 (2018)'], ['2019']],
  ])('%s ↔ %s: missing and extra named', (french, english, missing, extra) =>
    expect(numbers(french, english).map((f) => f.params)).toEqual([{ missing, extra }]),
  );
});

describe('the other QA rules', () => {
  it('urls, e-mails and code spans must be the same', () => {
    expect(rules('Voir [le site](https://a.fr/x) ou a@b.fr', 'See [the site](https://a.fr/x) or a@b.fr')).toEqual([]);
    expect(rules('Voir [le site](https://a.fr/x)', 'See [the site](https://a.fr/y)')).toEqual(['briefing:url-mismatch']);
    expect(rules('Écrire à a@b.fr.', 'Write to c@b.fr.')).toEqual(['briefing:url-mismatch']);
    expect(rules('Lancer `lintr`', 'Run `lintr`')).toEqual([]);
    expect(rules('Lancer `lintr`', 'Run `lint`')).toEqual(['briefing:code-mismatch']);
  });

  it('names and acronyms are kept; IA may be AI; sentence starts and articles are not names', () => {
    expect(rules('Un accord entre Microsoft et OpenAI sur GPT-5 et l’AGI', 'A deal between Microsoft and OpenAI on GPT-5 and AGI')).toEqual([]);
    expect(rules('Les services de l’IA selon l’Insee', 'AI services according to Insee')).toEqual([]);
    expect(rules('La loi pour une République numérique', 'The Digital Republic Act')).toEqual([]);
    expect(rules('Un accord avec Microsoft', 'A deal with Google')).toEqual(['briefing:name-mismatch']);
    expect(rules('Le modèle GPT-5 arrive', 'The model arrives')).toContain('briefing:name-mismatch');
    expect(rules('La Chine investit', 'China invests')).toEqual([]);
  });

  it('an untranslated unit is a warning unless it is language-neutral', () => {
    expect(rules('Le contexte de l’accord', 'Le contexte de l’accord')).toEqual(['briefing:untranslated']);
    expect(rules('GPT-5', 'GPT-5')).toEqual([]);
    expect(rules('[MIT License](https://spdx.org/licenses/MIT.html)', '[MIT License](https://spdx.org/licenses/MIT.html)')).toEqual([]);
  });

  it('doubled words and unbalanced pairs', () => {
    expect(rules('Le contexte', 'The the context')).toEqual(['briefing:doubled-word']);
    expect(rules('Il avait eu', 'He had had')).toEqual([]);
    expect(rules('Un texte (court)', 'A (short text')).toEqual(['briefing:unbalanced-pair']);
    expect(rules('Dit « oui »', 'Said “yes')).toEqual(['briefing:unbalanced-pair']);
    expect(rules('Dit « oui »', 'Said “yes”')).toEqual([]);
    expect(rules('Choix a) ou b)', 'Choice a) or b)')).toEqual([]);
    expect(rules('Voir « [le site](https://a.fr/x) »', 'See “[the site](https://a.fr/x)”')).toEqual([]);
  });
});

const SOURCE = '# Un accord\n\nLe chiffre passe à 6 % selon Microsoft.\n';
const ENGLISH = { title: 'A deal', lead: { '1': 'The figure rises to 6% according to Microsoft.' } };

describe('check: the translator’s cycle', () => {
  it('catches 6 % → 9 % after an unrelated English edit, at the value, and accepts per key and rule until a text changes', async () => {
    const root = await translatedProject('accord', SOURCE, ENGLISH);
    expect((await runCli(['check', '--root', root])).stdout).toMatch(/check passed: no problems/);
    editFile(root, 'content/accord.md', (text) => text.replace('6 %', '9 %'));
    await runCli(['extract', '--root', root]);
    editJson(root, 'locales/en/accord.json', (json: typeof ENGLISH) => {
      json.lead['1'] = 'The figure climbs to 6% according to Microsoft.';
    });
    const check = await runCli(['check', '--root', root]);
    expect(check.stdout).toMatch(/locales\/en\/accord\.json:4:\d+ +warning +Numbers differ from the French: 9 % \(9%\) is missing; 6% is not in the French/);
    expect(check.stdout).toMatch(/--accept lead\.1 --rule number-mismatch/);

    // A reviewer marked this translation reviewed (the workbench): accepting a warning keeps the mark.
    editJson(root, 'locales/en/accord.state.json', (state: Record<string, { reviewed?: boolean }>) => {
      state['lead.1']!.reviewed = true;
    });
    const accept = await runCli(['check', '--root', root, '--accept', 'lead.1', '--rule', 'number-mismatch']);
    expect(accept.stdout).toMatch(/check passed: no problems.*accepted: lead\.1/);
    expect((await runCli(['check', '--root', root])).stdout).toMatch(/check passed: no problems/);
    const entry = JSON.parse(readFileSync(path.join(root, 'locales/en/accord.state.json'), 'utf8'))['lead.1'];
    expect(entry).toMatchObject({ accepted: ['briefing:number-mismatch'], reviewed: true });

    editJson(root, 'locales/en/accord.json', (json: typeof ENGLISH) => {
      json.lead['1'] = 'The figure goes up to 6% according to Microsoft.';
    });
    expect((await runCli(['check', '--root', root])).stdout).toMatch(/warning +Numbers differ/);
  });

  it('shows each open warning on the review page, in its unit’s row, and drops it once accepted', async () => {
    const root = await translatedProject('accord', SOURCE, ENGLISH);
    editFile(root, 'content/accord.md', (text) => text.replace('6 %', '9 %'));
    await runCli(['extract', '--root', root]);
    editJson(root, 'locales/en/accord.json', (json: typeof ENGLISH) => {
      json.lead['1'] = 'The figure climbs to 6% according to Microsoft.';
    });
    const row = async () => {
      expect((await runCli(['build', '--root', root, '--min-coverage', '0'])).code).toBe(0);
      const html = readFileSync(path.join(root, 'output', 'accord', 'accord.review.html'), 'utf8');
      return /<tr id="lead\.1"[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    };
    expect(await row()).toMatch(/<ul class="qa-warnings"><li>Numbers differ from the French: 9 % \(9%\) is missing; 6% is not in the French/);
    await runCli(['check', '--root', root, '--accept', 'lead.1', '--rule', 'number-mismatch']);
    const accepted = await row();
    expect(accepted).toContain('The figure climbs to 6%');
    expect(accepted).not.toContain('qa-warnings');
  });

  it('--rule is checked: an unknown rule, no --accept, nothing to accept are usage errors', async () => {
    const root = await translatedProject('accord', SOURCE, ENGLISH);
    expect((await runCli(['check', '--root', root, '--accept', 'lead.1', '--rule', 'spelling'])).stderr).toMatch(
      /not a warning that can be accepted. Use one of number-mismatch/,
    );
    expect((await runCli(['check', '--root', root, '--rule', 'number-mismatch'])).code).toBe(2);
    const nothing = await runCli(['check', '--root', root, '--accept', 'lead.1', '--rule', 'number-mismatch']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/no up-to-date translation has a briefing:number-mismatch warning at that key/);
  });
});
