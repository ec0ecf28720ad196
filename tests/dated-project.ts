/**
 * A small translated project for the stable-dates and feed tests: `alpha` (undated, one author)
 * and `beta` (front matter `date` and `updated`), both fully translated into English.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli, translatedProject } from './helpers.js';

const ALPHA = '---\ntitle: Plan vélo\nauthors: [Ada Martin]\n---\nLe plan prévoit 300 kilomètres de pistes.\n';
const ALPHA_EN = { title: 'Cycling plan', lead: { '1': 'The plan provides for 300 kilometres of lanes.' } };
const BETA = '---\ntitle: Budget des transports\ndate: 2026-03-04\nupdated: 2026-03-10\n---\nLe budget des transports augmente.\n';
const BETA_EN = { title: 'Transport budget', lead: { '1': 'The transport budget is rising.' } };

/** The project, extracted and translated, not built yet. */
export async function datedProject(): Promise<string> {
  const root = await translatedProject('alpha', ALPHA, ALPHA_EN);
  writeFileSync(path.join(root, 'content', 'beta.md'), BETA);
  const extract = await runCli(['extract', '--root', root]);
  if (extract.code !== 0) throw new Error(`extract failed: ${extract.stderr}`);
  writeFileSync(path.join(root, 'locales', 'en', 'beta.json'), JSON.stringify(BETA_EN, null, 2));
  return root;
}
