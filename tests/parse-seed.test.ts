import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseArticle } from '../src/parse/index.js';
import { REPO } from './helpers.js';

/** sha256 of ../shared/seed/microsoft-openai.fr.txt as delivered (checked even where shared/ is absent). */
const SEED_SHA256 = '48278f8a0bec49ca32da7dbdc96b7561060de9c90e15d102c2bf68c8d78f6d5b';
const CONTENT = readFileSync(path.join(REPO, 'content', 'microsoft-openai.txt'), 'utf8');
const FRONT_MATTER = /^---\n[\s\S]*?\n---\n/;
const SEED = CONTENT.replace(FRONT_MATTER, '');
const SHARED_SEED = path.join(REPO, '..', 'shared', 'seed', 'microsoft-openai.fr.txt');

describe('the seed article', () => {
  const { article, diagnostics } = parseArticle(CONTENT, 'content/microsoft-openai.txt', 'microsoft-openai');

  it('keeps the seed body verbatim under its front matter', () => {
    expect(CONTENT).toMatch(FRONT_MATTER);
    expect(createHash('sha256').update(SEED).digest('hex')).toBe(SEED_SHA256);
    if (existsSync(SHARED_SEED)) expect(SEED).toBe(readFileSync(SHARED_SEED, 'utf8'));
  });

  it('parses without problems', () => {
    expect(diagnostics).toEqual([]);
  });

  it('has the title and sources of its front matter', () => {
    expect(article.title.markdown).toBe('Microsoft et OpenAI renégocient leur partenariat stratégique');
    // Names, not titles: shown as written in every language, no unit to translate.
    expect(article.meta.sources.map((s) => s.publisher)).toEqual(['Axios', 'Bloomberg']);
    expect(article.sources.map((s) => s.title)).toEqual([undefined, undefined]);
  });

  it('has exactly 2 lead paragraphs and the 6 sections, in order, with 3,2,2,2,2,2 paragraphs', () => {
    expect(article.lead).toHaveLength(2);
    expect(article.sections.map((s) => s.heading.markdown)).toEqual([
      'Une alliance historique à redéfinir',
      'GPT-5 et Copilot : des synergies renforcées',
      'Problèmes de gouvernance et pressions réglementaires',
      'Un nouvel accord sur le partage des revenus ?',
      'Un enjeu stratégique pour l’avenir de l’IA',
      'Un nouvel équilibre à trouver',
    ]);
    expect(article.sections.map((s) => s.blocks.length)).toEqual([3, 2, 2, 2, 2, 2]);
  });

  it('gives each section a stable ASCII id', () => {
    expect(article.sections.map((s) => s.id)).toEqual([
      'une-alliance-historique-a-redefinir',
      'gpt-5-et-copilot-des-synergies-renforcees',
      'problemes-de-gouvernance-et-pressions-reglementaires',
      'un-nouvel-accord-sur-le-partage-des-revenus',
      'un-enjeu-strategique-pour-l-avenir-de-l-ia',
      'un-nouvel-equilibre-a-trouver',
    ]);
  });

  it('keeps every line of the seed as one unit, verbatim, at its own line', () => {
    const lines = SEED.split('\n').filter(Boolean);
    const offset = CONTENT.split('\n').length - SEED.split('\n').length; // front matter lines
    const units = [...article.lead, ...article.sections.flatMap((s) => [s.heading, ...s.blocks])];
    expect(units.map((u) => u.markdown)).toEqual(lines);
    expect(units.map((u) => u.place.line)).toEqual(lines.map((_, i) => i + 1 + offset));
    expect(units.every((u) => u.place.column === 1)).toBe(true);
  });

  it('numbers keys as i18next paths', () => {
    expect(article.lead.map((s) => s.key)).toEqual(['lead.1', 'lead.2']);
    expect(article.sections[0]!.blocks.map((s) => s.key)).toEqual([
      'sections.une-alliance-historique-a-redefinir.1',
      'sections.une-alliance-historique-a-redefinir.2',
      'sections.une-alliance-historique-a-redefinir.3',
    ]);
    expect(article.sections[3]!.heading.key).toBe('sections.un-nouvel-accord-sur-le-partage-des-revenus.heading');
  });

  it('parses the bare seed (no front matter) the same way, with a warning for the missing title', () => {
    const bare = parseArticle(SEED, 'seed.txt', 'seed');
    expect(bare.article.sections.map((s) => s.blocks.length)).toEqual([3, 2, 2, 2, 2, 2]);
    expect(bare.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['briefing:missing-title', 'warning']]);
  });
});
