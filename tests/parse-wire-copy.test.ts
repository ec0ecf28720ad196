import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { bestTime } from '../bench/crafted.js';
import { classifyLine, parseArticle } from '../src/parse/index.js';
import { splitWireCopy } from '../src/parse/wire-copy.js';
import { REPO } from './helpers.js';

describe('wire-copy line classification', () => {
  it.each([
    ['Une alliance historique à redéfinir', 'heading'],
    ['GPT-5 et Copilot : des synergies renforcées', 'heading'],
    ['Un nouvel accord sur le partage des revenus ?', 'heading'],
    ['2030 : la date butoir', 'heading'],
    ['« Un tournant » pour le secteur', 'heading'],
    ['Le partenariat a débuté en 2019.', 'sentence'],
    ['Qui paiera la facture ? Personne ne le sait encore.', 'sentence'],
    ['Un levier crucial… et justifier la suite.', 'sentence'],
    ['Elle a dit « non ».', 'sentence'],
    ['Il faut voir !', 'sentence'],
    ['le texte continue ici sans majuscule', 'sentence'],
    ['X'.repeat(120), 'sentence'],
    ['Une liste de choses :', 'lead-in'],
    ['Le texte prévoit notamment:', 'lead-in'],
    ['selon une estimation publiée mercredi,', 'open'],
    ['le mois précédent;', 'open'],
    ['- un élément', 'bullet'],
    ['• un élément', 'bullet'],
    ['– un élément', 'bullet'],
    ['* un élément', 'bullet'],
    ['1. Le contexte', 'numbered'],
    ['12) un élément', 'numbered'],
    ['2024. Une année record', 'sentence'],
    ['*emphase* en tête de ligne.', 'sentence'],
    ['-5 % sur un an.', 'sentence'],
    [`Quand les premiers réacteurs nouveaux pourraient-ils entrer en service dans le parc français d'EDF ?`, 'long-question'],
    [`Pourquoi ${'très '.repeat(40)}long ?`, 'sentence'],
  ])('%s → %s', (line, kind) => {
    expect(classifyLine(line)).toBe(kind);
  });
});

const FIXTURES = path.join(REPO, 'tests/fixtures/wire');
const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** The structure the reader finds: `## heading` by depth, `p<lines>` + start of text, `- item`. */
function outline(source: string, mode: 'detect' | 'wire'): string[] {
  const tree = parser.parse(source) as Root;
  const read = splitWireCopy(tree, source, { mode, headline: !/^title:/m.test(source), file: 'f' }).tree;
  return read.children.filter((node) => node.type !== 'yaml').flatMap(describeNode);
}

function describeNode(node: RootContent): string[] {
  const lines = node.position ? node.position.end.line - node.position.start.line + 1 : 0;
  if (node.type === 'heading') return [`${'#'.repeat(node.depth)} ${plainText(node)}`];
  if (node.type === 'paragraph') return [`p${lines} ${plainText(node).slice(0, 20)}`];
  if (node.type === 'list') return node.children.map((item) => `- ${plainText(item)}`);
  return [node.type];
}

interface Case {
  file: string;
  title: string;
  structure: string[];
  /** `line:column reading` of each info diagnostic. */
  infos?: string[];
}

const CASES: Case[] = [
  {
    file: 'retraites-liste.txt',
    title: 'La réforme des retraites promulguée',
    structure: [
      'p1 PARIS, 15 avril 2023',
      'p1 Le texte prévoit not',
      "- le recul de l'âge légal de départ de 62 à 64 ans,",
      "- l'accélération de la hausse de la durée de cotisation,",
      '- la fin de la plupart des régimes spéciaux pour les nouveaux embauchés.',
      'p1 Les syndicats ont ap',
      '## Un texte contesté depuis janvier',
      "p1 Plus d'une dizaine d",
      'p1 Le gouvernement avai',
    ],
  },
  {
    file: 'jo-paris-titre.txt',
    title: "Paris 2024 : la cérémonie d'ouverture se tiendra sur la Seine",
    structure: [
      "# Paris 2024 : la cérémonie d'ouverture se tiendra sur la Seine",
      'p1 PARIS, 13 décembre 2',
      'p1 Les délégations défi',
      '## Des centaines de milliers de spectateurs',
      'p1 Les organisateurs ta',
      'p1 Une partie des place',
    ],
  },
  {
    file: 'notre-dame-titre-blanc.txt',
    title: 'Notre-Dame de Paris rouvre ses portes',
    structure: [
      '# Notre-Dame de Paris rouvre ses portes',
      'p1 PARIS, 7 décembre 20',
      "p1 La cérémonie s'est t",
      '## Un chantier hors norme',
      'p1 Près de 2 000 artisa',
      'p1 Le chantier a été fi',
    ],
  },
  {
    file: 'inflation-minuscules.txt',
    title: "L'inflation ralentit en France",
    structure: ['p2 PARIS, 31 janvier 20', 'p2 Elle était de 3,7 % ', "## Les prix de l'alimentation", 'p2 Les prix alimentaire'],
  },
  {
    file: 'budget-intertitres.txt',
    title: 'Le gouvernement présente son projet de budget',
    structure: [
      'p1 PARIS, 10 octobre 20',
      'p1 Il vise un déficit p',
      '## Les recettes',
      '### Une contribution des grandes entreprises',
      'p1 Une contribution exc',
      '## Les dépenses',
      '### Des économies dans tous les ministères',
      'p1 Les économies annonc',
    ],
    infos: ['7:1 subheading', '10:1 subheading'],
  },
  {
    file: 'nucleaire-question.txt',
    title: 'Six nouveaux réacteurs nucléaires',
    structure: [
      'p1 BELFORT, 10 février ',
      '## Pourquoi relancer le nucléaire ?',
      'p1 Le gouvernement met ',
      "## Quand les premiers réacteurs nouveaux pourraient-ils entrer en service dans le parc français d'EDF ?",
      'p1 La mise en service d',
    ],
    infos: ['7:1 long-question'],
  },
  {
    file: 'canicule-puces.txt',
    title: 'Vigilance rouge canicule dans quatre départements',
    structure: [
      'p1 LYON, 21 août 2023 -',
      'p1 Sont concernés :',
      '- le Rhône,',
      '- la Drôme,',
      "- l'Ardèche,",
      '- la Haute-Loire.',
      'p1 Les autorités recomm',
      "- de boire régulièrement de l'eau,",
      "- d'éviter les efforts aux heures les plus chaudes.",
      'p1 les écoles restent f',
      '## Des températures records',
      'p1 Des maximales de 40 ',
      'p1 Avec les services ré',
    ],
    infos: ['13:1 after-list', '16:1 trailing'],
  },
  {
    file: 'loi-forcee.txt',
    title: "Le Parlement adopte la loi sur l'immigration",
    structure: ['p1 PARIS, 19 décembre 2', 'p1 Le texte avait été r', '## Une saisine du Conseil constitutionnel', 'p1 Le président de la R'],
  },
  {
    file: 'tgv-introduit.txt',
    title: 'Grève à la SNCF',
    structure: [
      'p1 PARIS, 16 février 20',
      'p1 La direction a indiq',
      'p1 Deux trains sur troi',
      'p1 Les voyageurs concer',
      '## Les remboursements',
      'p1 Les billets des trai',
    ],
  },
  {
    file: 'plan-velo-numerote.txt',
    title: 'Plan vélo : les mesures du gouvernement',
    structure: [
      '# Plan vélo : les mesures du gouvernement',
      'p1 PARIS, 5 mai 2023 - ',
      '## 1. Le contexte',
      'p1 La pratique du vélo ',
      '## 2. Les mesures phares',
      'p1 Le plan prévoit troi',
      '- des pistes cyclables sécurisées,',
      "- une aide à l'achat,",
      '- un stationnement renforcé.',
      'p1 Les collectivités se',
    ],
  },
  {
    file: 'hard-wrapped.md',
    title: 'Le télescope James Webb en service',
    structure: ['p4 Le télescope spatial', 'p4 Le projet associe la', '## Une mission prévue pour vingt ans', 'p3 Grâce à ce lancement'],
  },
  {
    file: 'hard-wrapped-no-title.md',
    title: 'hard-wrapped-no-title',
    structure: ['p2 Le viaduc de Millau,', 'p3 Avec une pile de 245', 'p2 Le pont a été conçu '],
  },
];

const READINGS: Record<string, RegExp> = {
  subheading: /subheading/,
  'long-question': /long question/,
  trailing: /no text after it/,
  'after-list': /after a list/,
};

describe('wire copy and hard-wrapped Markdown, per fixture', () => {
  it.each(CASES)('$file', ({ file, title, structure, infos = [] }) => {
    const source = readFileSync(path.join(FIXTURES, file), 'utf8');
    const forced = /^format: wire$/m.test(source);
    expect(outline(source, forced ? 'wire' : 'detect')).toEqual(structure);
    const slug = file.replace(/\.\w+$/, '');
    const { article, diagnostics } = parseArticle(source, file, slug);
    expect(article.title.markdown.replace(/\\/g, '')).toBe(title);
    const found = diagnostics.filter((d) => d.ruleId === 'briefing:ambiguous-wire-line');
    expect(found.every((d) => d.severity === 'info')).toBe(true);
    expect(found.map((d) => `${d.line}:${d.column} ${Object.keys(READINGS).find((k) => READINGS[k]?.test(d.message))}`)).toEqual(infos);
    // The article has the same sections as the outline's headings below the title.
    const headings = structure.filter((line) => /^#{2,} /.test(line)).map((line) => line.replace(/^#+ /, ''));
    expect(article.sections.map((s) => s.heading.markdown.replace(/\\/g, ''))).toEqual(headings);
  });

  it('reads a file with blank lines between its paragraphs as Markdown unless `format: wire` forces it', () => {
    const source = readFileSync(path.join(FIXTURES, 'loi-forcee.txt'), 'utf8').replace('format: wire\n', '');
    expect(outline(source, 'detect')).toEqual(['p1 PARIS, 19 décembre 2', 'p1 Le texte avait été r', 'p1 Une saisine du Conse', 'p1 Le président de la R']);
  });

  it('keeps the front matter title and reads the first line as a section heading', () => {
    const source = `---\ntitle: Un titre\n---\n${readFileSync(path.join(FIXTURES, 'jo-paris-titre.txt'), 'utf8')}`;
    const { article } = parseArticle(source, 'a.txt', 'a');
    expect(article.title.markdown).toBe('Un titre');
    expect(article.sections[0]?.heading.markdown).toBe("Paris 2024 : la cérémonie d'ouverture se tiendra sur la Seine");
  });
});

describe('wire-copy splitting', () => {
  it('splits lines into headings and paragraphs with their own positions and inline Markdown', () => {
    const source = 'Premier paragraphe, avec *emphase*.\nUn titre court\nSuite du texte avec un [lien](https://example.org).\n';
    const { article } = parseArticle(source, 'a.txt', 'a');
    expect(article.lead.map((s) => s.markdown)).toEqual(['Premier paragraphe, avec *emphase*.']);
    expect(article.sections).toHaveLength(1);
    expect(article.sections[0]!.heading.markdown).toBe('Un titre court');
    expect(article.sections[0]!.heading.place).toEqual({ line: 2, column: 1 });
    expect(article.sections[0]!.blocks[0]!.markdown).toBe('Suite du texte avec un [lien](https://example.org).');
    expect(article.sections[0]!.blocks[0]!.place).toEqual({ line: 3, column: 1 });
  });

  it('places the inline content of a paragraph joined from several lines at its own line and column', () => {
    const source = 'Un titre\nPremier paragraphe écrit,\nsur deux lignes avec *emphase*.\nSuite.\n';
    const tree = parser.parse(source) as Root;
    const read = splitWireCopy(tree, source, { mode: 'detect', headline: true, file: 'f' }).tree;
    const joined = read.children[1];
    expect(joined?.type).toBe('paragraph');
    const emphasis = joined?.type === 'paragraph' ? joined.children.find((child) => child.type === 'emphasis') : undefined;
    expect(emphasis?.position?.start).toEqual({ line: 3, column: 22, offset: source.indexOf('*emphase*') });
  });

  it('reads consecutive numbered lines as a numbered list from its first number, and a lone numbered line before text as a heading', () => {
    const source = 'Le plan prévoit :\n3. des pistes,\n4. une aide.\nLe reste suivra.\n5) Un chapitre numéroté\nSuite du texte.\n';
    const tree = parser.parse(source) as Root;
    const read = splitWireCopy(tree, source, { mode: 'wire', headline: false, file: 'f' }).tree;
    const list = read.children.find((node) => node.type === 'list');
    expect(list).toMatchObject({ ordered: true, start: 3 });
    expect(list?.type === 'list' && list.children.map((item) => plainText(item))).toEqual(['des pistes,', 'une aide.']);
    const heading = read.children.find((node) => node.type === 'heading');
    expect(heading && plainText(heading)).toBe('5) Un chapitre numéroté');
    expect(heading?.position?.start).toMatchObject({ line: 5, column: 1 });
  });

  it('leaves hard-wrapped Markdown prose as one paragraph', () => {
    const source =
      '# Titre\n\nCeci est un paragraphe écrit sur plusieurs lignes\nparce que son auteur coupe ses lignes à la main,\ncomme on le fait souvent en Markdown.\n';
    const { article } = parseArticle(source, 'a.md', 'a');
    expect(article.lead).toHaveLength(1);
    expect(article.sections).toHaveLength(0);
  });

  it('obeys `format: markdown` and `format: wire` in the front matter', () => {
    const body = 'Premier paragraphe.\nUn titre\nDeuxième paragraphe.\n';
    const markdown = parseArticle(`---\ntitle: T\nformat: markdown\n---\n${body}`, 'a.txt', 'a').article;
    expect(markdown.lead).toHaveLength(1);
    expect(markdown.sections).toHaveLength(0);
    const wire = parseArticle(`---\ntitle: T\nformat: wire\n---\nune ligne sans point\nUn titre\nDeuxième paragraphe.\n`, 'a.txt', 'a').article;
    expect(wire.lead.map((s) => s.markdown)).toEqual(['une ligne sans point']);
    expect(wire.sections.map((s) => s.heading.markdown)).toEqual(['Un titre']);
  });

  it('handles a source that mixes Markdown blocks and wire copy', () => {
    const source = '# Le titre\n\nPremier paragraphe.\nUne section\nSon texte.\n\n## Une section Markdown\n\n- un\n- deux\n';
    const { article } = parseArticle(source, 'a.md', 'a');
    expect(article.title.markdown).toBe('Le titre');
    expect(article.sections.map((s) => [s.heading.markdown, s.blocks.map((b) => b.kind)])).toEqual([
      ['Une section', ['paragraph']],
      ['Une section Markdown', ['list']],
    ]);
  });
});

/** Wire copy of about `bytes` bytes repeating every kind of line the reader decides on. */
function wireOfSize(bytes: number): string {
  const block = (n: number) =>
    [
      `Un intertitre numéro ${n}`,
      'Un sous-titre du passage',
      `PARIS - Le paragraphe ${n} décrit les faits,`,
      'selon une source proche du dossier.',
      'Les mesures annoncées :',
      '- la première mesure,',
      '• la seconde mesure.',
      'les détails suivront.',
      'Pourquoi cette question longue revient-elle si souvent dans les dépêches des agences de presse françaises ?',
      'La réponse tient en une ligne.',
    ].join('\n');
  const blocks: string[] = [];
  let size = 0;
  for (let n = 1; size < bytes; n++) {
    const next = block(n);
    blocks.push(next);
    size += next.length + 1;
  }
  return `---\ntitle: T\n---\n${blocks.join('\n')}\n`;
}

describe('wire-copy reading time', () => {
  it('grows linearly with the size of the wire copy (1 : 4, time per byte at most 2.5x)', () => {
    const parse = (source: string) => parseArticle(source, 'a.txt', 'a');
    const small = wireOfSize(10_000);
    const large = wireOfSize(40_000);
    // The large input is really read line by line: a heading per block, a list per block.
    expect(parse(large).article.sections.length).toBeGreaterThan(150);
    parse(small); // warm-up
    const smallMs = bestTime(() => parse(small));
    const largeMs = bestTime(() => parse(large));
    const ratio = largeMs / large.length / (Math.max(smallMs, 5) / small.length);
    console.log(`wire copy: ${small.length} B ${smallMs.toFixed(1)} ms, ${large.length} B ${largeMs.toFixed(1)} ms, per-byte ratio ${ratio.toFixed(2)}`);
    expect(largeMs).toBeLessThan(20_000);
    expect(ratio).toBeLessThan(2.5);
  });
});
