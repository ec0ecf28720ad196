/**
 * The standfirst (front matter `description`, `excerpt`, `summary` or `subtitle`): a translation
 * unit right after the title, shown under the title in every format and language; and the
 * front matter's authors as the PDF's Author.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool, pdfInfo, pdfText, runCli, tempProject } from './helpers.js';

const ARTICLE = `---
title: Écoles rurales
description: Le ministère présente un plan pour les petites communes.
authors:
  - name: Camille Martin
  - Léa Dubois
tags: [écoles]
---
Le ministère a présenté mercredi un plan destiné aux écoles rurales.

## Les mesures

Le plan prévoit des classes mieux dotées.
`;

describe('the standfirst', () => {
  const root = tempProject();
  for (const lang of ['fr', 'en']) rmSync(path.join(root, 'locales', lang, 'microsoft-openai.json'), { force: true });
  rmSync(path.join(root, 'content', 'microsoft-openai.txt'));
  writeFileSync(path.join(root, 'content', 'ecoles.md'), ARTICLE);
  const out = (file: string) => readFileSync(path.join(root, 'output', 'ecoles', file), 'utf8');

  it('is extracted as the unit "standfirst", right after the title', async () => {
    expect((await runCli(['extract', '--root', root])).code).toBe(0);
    const french = JSON.parse(readFileSync(path.join(root, 'locales', 'fr', 'ecoles.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(french)).toEqual(['title', 'standfirst', 'lead', 'sections']);
    expect(french.standfirst).toBe('Le ministère présente un plan pour les petites communes.');
  });

  it('is shown under the title in Markdown, HTML and PDF, translated or in French with its mark', async () => {
    mkdirSync(path.join(root, 'locales', 'en'), { recursive: true });
    const english = {
      title: 'Rural schools',
      standfirst: 'The ministry presents a plan for small towns.',
      lead: { 1: 'The ministry presented a plan for rural schools on Wednesday.' },
      sections: { 'les-mesures': { heading: 'The measures', 1: 'The plan gives classes more means.' } },
    };
    writeFileSync(path.join(root, 'locales', 'en', 'ecoles.json'), JSON.stringify(english, null, 2));
    const build = await runCli(['build', '--root', root, '--min-coverage', '0']);
    expect(build.stderr).not.toMatch(/error/);
    expect(build.code).toBe(0);
    // Under the title: the authors (tests/title-block.test.ts), then the standfirst.
    expect(out('ecoles.fr.md')).toMatch(
      /^# Écoles rurales\n\n\*Par Camille Martin et Léa Dubois\*\n\nLe ministère présente un plan pour les petites communes\.\n\nLe ministère a présenté/,
    );
    expect(out('ecoles.en.md')).toMatch(
      /^# Rural schools\n\n\*By Camille Martin and Léa Dubois\*\n\nThe ministry presents a plan for small towns\.\n\nThe ministry presented/,
    );
    expect(out('ecoles.en.html')).toContain('<p class="standfirst">The ministry presents a plan for small towns.</p>');
    expect(out('ecoles.fr-en.html')).toContain('The ministry presents a plan for small towns.');
    if (hasTool('pdftotext')) {
      const text = pdfText(path.join(root, 'output', 'ecoles', 'ecoles.en.pdf')).replace(/\s+/g, ' ');
      expect(text.indexOf('The ministry presents a plan for small towns.')).toBeGreaterThan(text.indexOf('Rural schools'));
      expect(text.indexOf('The ministry presents a plan for small towns.')).toBeLessThan(text.indexOf('The ministry presented'));
      // The front matter's authors are the PDFs' Author (the seed, with none, keeps "Briefing").
      for (const name of ['ecoles.fr.pdf', 'ecoles.en.pdf', 'ecoles.fr-en.pdf']) {
        expect(pdfInfo(path.join(root, 'output', 'ecoles', name)).Author).toBe('Camille Martin, Léa Dubois');
      }
    }

    // Without its translation, the standfirst is shown in French with the fallback note.
    delete (english as Partial<typeof english>).standfirst;
    writeFileSync(path.join(root, 'locales', 'en', 'ecoles.json'), JSON.stringify(english, null, 2));
    expect((await runCli(['build', '--root', root, '--min-coverage', '0', '--format', 'md,html'])).code).toBe(0);
    expect(out('ecoles.en.md')).toMatch(
      /^# Rural schools\n\n\*By Camille Martin and Léa Dubois\*\n\n\*[^*]+\*\n\nLe ministère présente un plan pour les petites communes\.\n/,
    );
    expect(out('ecoles.en.html')).toContain('<p class="standfirst fallback" lang="fr">Le ministère présente un plan pour les petites communes.</p>');
    expect(existsSync(path.join(root, 'output', 'ecoles', 'ecoles.en.pdf'))).toBe(true);
  });
});
