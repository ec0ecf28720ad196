import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { applyTypography, RULES, typographText } from '../src/typography/index.js';
import { NO_BREAK, noBreakSpans } from '../src/typography/no-break.js';
import { PROTECTED } from '../src/typography/rules.js';
import { REPO } from './helpers.js';

const fr = (text: string) => typographText(text, 'fr');
const ca = (text: string) => typographText(text, 'fr', { variant: 'fr-CA' });
const en = (text: string) => typographText(text, 'en');

describe('rule table', () => {
  it('is data: unique ids, global patterns, a description each', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.pattern.flags).toContain('g');
      expect(rule.description.length).toBeGreaterThan(0);
    }
    expect(ids).toEqual([
      'fr-apostrophe',
      'fr-thousands',
      'fr-number-unit',
      'fr-no-break-number-unit',
      'fr-no-break-compound-unit',
      'fr-no-break-date',
      'fr-no-break-time',
      'fr-no-break-ordinal',
      'fr-no-break-title-name',
      'fr-no-break-abbreviation-number',
      'fr-guillemet-open-space',
      'fr-guillemet-open-insert',
      'fr-guillemet-close-space',
      'fr-guillemet-close-insert',
      'fr-colon-space',
      'fr-colon-insert',
      'fr-high-punct-space',
      'fr-high-punct-insert',
      'fr-ca-high-punct-no-space',
      'en-apostrophe-decade',
      'en-apostrophe',
      'en-double-open',
      'en-double-close',
      'en-single-open',
      'en-single-close',
      'fr-space-before-period-comma',
      'fr-space-after-open-bracket',
      'fr-space-before-close-bracket',
      'en-space-before-period-comma',
      'en-space-after-open-bracket',
      'en-space-before-close-bracket',
    ]);
  });
});

/** Texts drawn from the characters and words the rules and phrases look for. */
const ruleText = fc
  .array(
    fc.constantFrom(
      ...'0123456789 \t\u00a0\u202f\'"«»“”‘’:;!?.,()[]/%€$hmesrIVXabcMD@\uFFFC\n'.split(''),
      'er ',
      'ème',
      'janvier',
      'Août',
      'DÉCEMBRE',
      ' km/h',
      'Mbit/s',
      'M. Dupont',
      'p. 12',
      'https://x.fr',
      '١٢',
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

describe('what a rule or phrase needs', () => {
  const withNeeds = [...RULES, ...NO_BREAK].filter((rule) => rule.needs !== undefined);

  it('is a plain search (not global) given to most rules and phrases', () => {
    expect(withNeeds.length).toBeGreaterThan(20);
    for (const { id, needs } of withNeeds) expect(needs!.global, id).toBe(false);
  });

  it('holds in every text the rule or phrase matches, so skipping the others changes nothing', () => {
    fc.assert(
      fc.property(ruleText, (text) => {
        for (const { id, pattern, needs } of withNeeds) {
          if (needs!.test(text)) continue;
          pattern.lastIndex = 0;
          expect(pattern.exec(text), `${id} on ${JSON.stringify(text)}`).toBeNull();
        }
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('leaves the phrases found the same as a search with every pattern', () => {
    fc.assert(
      fc.property(ruleText, (text) => {
        const expected = NO_BREAK.flatMap(({ pattern }) => [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]));
        expect(noBreakSpans(text)).toEqual(expected);
      }),
      { numRuns: 1000, seed: 17 },
    );
  });
});

describe('fr-thousands', () => {
  it('finds the spaces its lookbehind-first form found (the space is now matched before the lookbehind)', () => {
    const before = /(?<=(?:^|[^\p{N},.])\p{N}{1,3})[ \u00a0](?=\p{N}{3}(?!\p{N}))/gu;
    const { pattern } = RULES.find((rule) => rule.id === 'fr-thousands')!;
    const found = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...'0123456789 \u00a0\u202f,.a١٢'.split('')), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(found(pattern, text)).toEqual(found(before, text));
      }),
      { numRuns: 20000, seed: 17 },
    );
  });
});

describe('protected spans', () => {
  it('are only searched in a text holding what each match needs', () => {
    const samples = 'https://x.fr/a?b=1 Voir WWW.Exemple.fr, ftp://h, a.b+c@d-e.fr, 10:55, 1:2:3, 10 h 55, 10h55, 9\u00a0h\u202f30, 12:00:00';
    for (const { id, pattern, needs } of PROTECTED) {
      expect(needs.global, id).toBe(false);
      const matches = [...samples.matchAll(pattern)].map((match) => match[0]);
      expect(matches.length, id).toBeGreaterThan(0);
      for (const match of matches) expect(needs.test(match), `${id}: ${match}`).toBe(true);
    }
  });

  it('still protect, and insertions still step over characters outside the BMP', () => {
    expect(fr('Voir https://x.fr/a?b : ok')).toBe('Voir https://x.fr/a?b\u00a0: ok');
    expect(fr('«😀» et «😀😀»')).toBe('«\u202f😀\u202f» et «\u202f😀😀\u202f»');
    expect(fr('x𝒜: y')).toBe('x𝒜\u00a0: y');
    expect(fr('😀?😀!')).toBe('😀?😀!');
  });
});

describe('French rules (fr-FR)', () => {
  it('fr-no-break-*: no-break spaces inside units, names, page numbers and dates (no-break.ts)', () => {
    expect(fr('à 8 Mbit/s et 130 km/h, 3,5 Md€')).toBe('à 8\u00a0Mbit/s et 130\u00a0km/h, 3,5\u00a0Md€');
    expect(fr('M. Dupont, Mme Martin, voir p. 12 et n° 4')).toBe('M.\u00a0Dupont, Mme\u00a0Martin, voir p.\u00a012 et n°\u00a04');
    expect(fr('le 1er décembre 2026, le XXIe siècle')).toBe('le 1er\u00a0décembre\u00a02026, le XXIe\u00a0siècle');
    // Ordinary words are not phrases; times keep their spaces as written (protected).
    expect(fr('Ce ministre, Le plan, Me voici, 10 h 55')).toBe('Ce ministre, Le plan, Me voici, 10 h 55');
  });

  it('fr-apostrophe', () => {
    expect(fr("l'avenir d'OpenAI, aujourd'hui")).toBe('l’avenir d’OpenAI, aujourd’hui');
  });
  it('fr-thousands', () => {
    expect(fr('10 000 personnes')).toBe('10\u202f000 personnes');
    expect(fr('1 000 000')).toBe('1\u202f000\u202f000');
    expect(fr('10\u00a0000')).toBe('10\u202f000');
  });
  it('fr-number-unit', () => {
    expect(fr('1 milliard de dollars')).toBe('1\u00a0milliard de dollars');
    expect(fr('10 000 euros')).toBe('10\u202f000\u00a0euros');
    expect(fr('50 % en 3 ans, 12 km, 24 h, 5 M€, 2 Mds')).toBe('50\u00a0% en 3\u00a0ans, 12\u00a0km, 24\u00a0h, 5\u00a0M€, 2\u00a0Mds');
    expect(fr('300 millions de dollars et 20 $')).toBe('300\u00a0millions de dollars et 20\u00a0$');
  });
  it('fr-guillemet-open-space / fr-guillemet-close-space', () => {
    expect(fr('une structure « for-profit » continue')).toBe('une structure «\u202ffor-profit\u202f» continue');
    expect(fr('«   trois   »')).toBe('«\u202ftrois\u202f»');
  });
  it('fr-guillemet-open-insert / fr-guillemet-close-insert', () => {
    expect(fr('«oui»')).toBe('«\u202foui\u202f»');
  });
  it('fr-colon-space', () => {
    expect(fr('Copilot : des synergies')).toBe('Copilot\u00a0: des synergies');
    expect(fr('Copilot   : des synergies')).toBe('Copilot\u00a0: des synergies');
  });
  it('fr-colon-insert', () => {
    expect(fr('Note: ici')).toBe('Note\u00a0: ici');
    expect(fr('à la fin:')).toBe('à la fin\u00a0:');
  });
  it('fr-high-punct-space', () => {
    expect(fr('des revenus ?')).toBe('des revenus\u202f?');
    expect(fr('Enfin  ! Oui ; non')).toBe('Enfin\u202f! Oui\u202f; non');
    expect(fr('Vraiment ?!')).toBe('Vraiment\u202f?!');
  });
  it('fr-high-punct-insert', () => {
    expect(fr('des revenus?')).toBe('des revenus\u202f?');
    expect(fr('Quoi?! En 2030? « oui »!')).toBe('Quoi\u202f?! En 2030\u202f? «\u202foui\u202f»\u202f!');
    expect(fr('Oui; non')).toBe('Oui\u202f; non');
  });
  it('combines rules on one sentence', () => {
    expect(fr("Selon l'AFP : « 10 000 emplois » en 2 ans ?")).toBe('Selon l’AFP\u00a0: «\u202f10\u202f000 emplois\u202f» en 2\u00a0ans\u202f?');
  });
});

describe('French: what must not change', () => {
  const unchanged = [
    'https://example.com/search?q=ia&lang=fr',
    'https://example.com:8080/a:b?c=d!',
    'Voir https://example.com/faq? ou www.example.fr: rien',
    'Voir www.example.fr/page?id=3:4 pour tout',
    'Écrire à contact@example.fr pour tout',
    'Rendez-vous à 10:55 précises',
    'Rendez-vous à 10 h 55 précises',
    'un rapport de 1:2',
    'C:\\Users\\moi',
    'std::vector',
    'index.php?id=3',
    'en 2030, pas avant',
    'en 2019 100 personnes',
    'Windows 11 et GPT-5',
    'Vraiment\u202f?!',
    'Vraiment\u202f? !',
    '?début de texte',
    ' ? espace en tête',
    'Copilot\u00a0: des «\u202fsynergies\u202f» 10\u202f000\u00a0€',
    'déjà l’avenir',
  ];
  for (const text of unchanged) {
    it(`keeps ${JSON.stringify(text)}`, () => {
      expect(fr(text)).toBe(text);
    });
  }
  it('still spaces the punctuation after a URL, not inside it', () => {
    expect(fr('Voir https://example.com/a?b=1 ?')).toBe('Voir https://example.com/a?b=1\u202f?');
    expect(fr('Lien : https://example.com')).toBe('Lien\u00a0: https://example.com');
    expect(fr('«https://example.com/?a=1»')).toBe('«\u202fhttps://example.com/?a=1\u202f»');
  });
  it('does not attach the unit rule to a following elided word', () => {
    expect(fr("Windows 11 s'ouvre")).toBe('Windows 11 s’ouvre');
  });
});

describe('fr-CA variant', () => {
  it('removes the space before ; ! ? but keeps the colon and guillemet spaces', () => {
    expect(ca('Des revenus ? Oui ! Et ; non : voir « ceci »')).toBe('Des revenus? Oui! Et; non\u00a0: voir «\u202fceci\u202f»');
  });
  it('does not insert a space before ; ! ?', () => {
    expect(ca('Quoi?! Oui; non')).toBe('Quoi?! Oui; non');
  });
  it('still inserts before : and inside « »', () => {
    expect(ca('Note: «oui»')).toBe('Note\u00a0: «\u202foui\u202f»');
  });
});

describe('English rules', () => {
  it('en-apostrophe', () => {
    expect(en("it's OpenAI's model, don't")).toBe('it’s OpenAI’s model, don’t');
  });
  it('en-apostrophe-decade', () => {
    expect(en("the '90s")).toBe('the ’90s');
  });
  it('en-double-open / en-double-close', () => {
    expect(en('He said "yes" ("really")')).toBe('He said “yes” (“really”)');
    expect(en('"Start" of text')).toBe('“Start” of text');
  });
  it('en-single-open / en-single-close', () => {
    expect(en("a 'quoted' word, the users' data")).toBe('a ‘quoted’ word, the users’ data');
  });
  it('leaves quotes inside URLs alone', () => {
    expect(en('see https://example.com/search?q="ai"&x=1 now')).toBe('see https://example.com/search?q="ai"&x=1 now');
    expect(en('"https://example.com"')).toBe('“https://example.com”');
  });
  it('applies no French spacing', () => {
    expect(en('Revenue? Yes: 10 000 dollars « x »')).toBe('Revenue? Yes: 10 000 dollars « x »');
  });
});

describe('idempotence', () => {
  const tricky = [
    "Selon l'AFP : « 10 000 emplois » en 2 ans ?",
    'Quoi?! Vraiment ? !  Oui ;non',
    '«»« » «oui»«non»',
    'https://example.com/a?b=1 : voir ?',
    '10:55, 10 h 55, 1:2, C:\\x, std::y, a::b :',
    '1 000 000 000 euros, 3 % , 2 Mds€',
    '   ? : ; !',
    "He said \"it's\" 'fine' in the '90s",
    'Copilot: des',
    'mail a@b.fr? www.x.fr!',
    '« ?» ! «!»',
    'Etalab . ( Article ) , fin .. . . ( ) [ ] 1 .5 .NET " ." ( « x » )',
  ];
  for (const variant of ['fr-FR', 'fr-CA'] as const) {
    for (const lang of ['fr', 'en'] as const) {
      it(`f(f(x)) === f(x) for ${lang} ${variant}`, () => {
        for (const text of tricky) {
          const once = typographText(text, lang, { variant });
          expect(typographText(once, lang, { variant }), JSON.stringify(text)).toBe(once);
        }
      });
    }
  }
});

describe('applyTypography (tree)', () => {
  const tree = (): Root => ({
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Lancer ' },
          { type: 'inlineCode', value: 'a : b ?' },
          { type: 'text', value: ' : voir ' },
          { type: 'link', url: 'https://example.com/?q=1:2', children: [{ type: 'text', value: "l'avenir ?" }] },
          { type: 'text', value: " it's" },
        ],
      },
      { type: 'code', lang: 'sh', value: 'echo "a : b ?"' },
      { type: 'html', value: '<p>a : b ?</p>' },
      { type: 'definition', identifier: 'x', label: 'x', url: "https://example.com/it's?a:b" },
    ],
  });

  it('processes text and link text, never inline code, code, html or URLs (French)', () => {
    const out = applyTypography(tree(), 'fr');
    const paragraph = out.children[0]!;
    expect(paragraph).toMatchObject({
      children: [
        { type: 'text', value: 'Lancer ' },
        { type: 'inlineCode', value: 'a : b ?' },
        { type: 'text', value: '\u00a0: voir ' },
        { type: 'link', url: 'https://example.com/?q=1:2', children: [{ type: 'text', value: 'l’avenir\u202f?' }] },
        { type: 'text', value: ' it’s' },
      ],
    });
    expect(out.children[1]).toMatchObject({ type: 'code', value: 'echo "a : b ?"' });
    expect(out.children[2]).toMatchObject({ type: 'html', value: '<p>a : b ?</p>' });
    expect(out.children[3]).toMatchObject({ type: 'definition', url: "https://example.com/it's?a:b" });
  });

  it('does not mutate the input tree', () => {
    const input = tree();
    const snapshot = structuredClone(input);
    const out = applyTypography(input, 'fr');
    expect(input).toEqual(snapshot);
    expect(out).not.toBe(input);
  });

  it('sees across inline nodes', () => {
    const input = fromMarkdown('Une *question*? Une « **for-profit** » ; *fin* :');
    const out = applyTypography(input, 'fr');
    const texts: string[] = [];
    const collect = (node: { type: string; value?: string; children?: unknown[] }): void => {
      if (node.type === 'text') texts.push(node.value!);
      for (const child of (node.children ?? []) as never[]) collect(child);
    };
    collect(out as never);
    expect(texts).toEqual(['Une ', 'question', '\u202f? Une «\u202f', 'for-profit', '\u202f»\u202f; ', 'fin', '\u00a0:']);
  });

  it('applies French rules to a fallback block in an English tree, English rules elsewhere', () => {
    const input: Root = {
      type: 'root',
      children: [
        { type: 'paragraph', children: [{ type: 'text', value: `It's "new" : really ?` }] },
        {
          type: 'blockquote',
          data: { fallback: 'fr' } as never,
          children: [{ type: 'paragraph', children: [{ type: 'text', value: `L'accord : « oui » ?` }] }],
        },
        { type: 'heading', depth: 2, data: { fallback: 'fr' } as never, children: [{ type: 'text', value: 'Revenus ?' }] },
      ],
    };
    const out = applyTypography(input, 'en');
    expect(out.children[0]).toMatchObject({ children: [{ value: 'It’s “new” : really ?' }] });
    expect(out.children[1]).toMatchObject({ children: [{ children: [{ value: 'L’accord\u00a0: «\u202foui\u202f»\u202f?' }] }] });
    expect(out.children[2]).toMatchObject({ children: [{ value: 'Revenus\u202f?' }] });
  });

  it('passes the variant through', () => {
    const input: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Revenus ? Note : oui' }] }] };
    expect(applyTypography(input, 'fr', { variant: 'fr-CA' }).children[0]).toMatchObject({ children: [{ value: 'Revenus? Note\u00a0: oui' }] });
  });

  it('is idempotent on trees', () => {
    const input = fromMarkdown('Une *question*? « **for-profit** » : [lien](https://x.fr/?a:b) ?\n\n> cité : `code ?` !');
    const once = applyTypography(input, 'fr');
    expect(applyTypography(once, 'fr')).toEqual(once);
  });
});

describe('seed: content/microsoft-openai.txt', () => {
  const source = readFileSync(path.join(REPO, 'content', 'microsoft-openai.txt'), 'utf8');
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const lines = body.split('\n').filter((line) => line.trim() !== '');
  const out = lines.map(fr);
  const find = (start: string) => {
    const index = lines.findIndex((line) => line.startsWith(start));
    expect(index, start).toBeGreaterThanOrEqual(0);
    return out[index]!;
  };

  it('spaces the heading colon and question mark', () => {
    expect(find('GPT-5 et Copilot')).toBe('GPT-5 et Copilot\u00a0: des synergies renforcées');
    expect(find('Un nouvel accord')).toBe('Un nouvel accord sur le partage des revenus\u202f?');
  });
  it('spaces guillemets', () => {
    expect(find('Mais tout n’est pas rose')).toContain('structure «\u202ffor-profit\u202f» continue');
    expect(find('Selon plusieurs sources')).toContain('GPT et «\u202fo-series\u202f» dans');
    expect(find('Si un accord')).toContain('accord «\u202fgagnant-gagnant\u202f» voit');
  });
  it('binds numbers to units, not years', () => {
    const line = find('Le partenariat entre');
    expect(line).toContain('de 1\u00a0milliard de dollars.');
    expect(line).toContain('en 2019 avec');
    expect(find('Dans un contexte')).toContain('au-delà de 2030, y compris');
    expect(find('Côté régulation')).toContain('au-delà de 2030 pourrait');
  });
  it('spaces a colon in running text', () => {
    expect(find('Ce que révèle')).toContain('expérimentales\u00a0: elles');
  });
  it('changes exactly the expected lines, and is idempotent on all of them', () => {
    const changed = lines.map((line, i) => (out[i] !== line ? line.slice(0, 20) : null)).filter((x) => x !== null);
    expect(changed).toEqual([
      'Le partenariat entre',
      'GPT-5 et Copilot : d',
      'Selon plusieurs sour',
      'Mais tout n’est pas ',
      'Un nouvel accord sur',
      'Ce que révèle surtou',
      'Si un accord « gagna',
    ]);
    for (const line of out) expect(fr(line)).toBe(line);
    for (const line of out) expect(line).not.toMatch(/ [;!?:»]|« /);
  });
});
