/**
 * What `briefing suggest` proposes for each article of the corpus of real articles
 * (tests/fixtures/corpus/, see SOURCES.md): `npx tsx bench/suggest.ts [slug…]` prints, per
 * article, every suggested figure (line, value, label, sentence) and source, and how many distinct
 * figures the detection found.
 * The measure in docs/writing.md ("Suggestions") comes from reading this output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../src/parse/index.js';
import { keyFigures } from '../src/facts/key-figures.js';
import { suggest } from '../src/facts/suggestions.js';
import { CORPUS, corpusFile, corpusSlugs } from './fidelity.js';

const only = process.argv.slice(2);
const files = corpusSlugs().map(corpusFile);
let figureCount = 0;
let sourceCount = 0;
let detectedCount = 0;
for (const name of files) {
  const slug = path.parse(name).name;
  if (only.length > 0 && !only.includes(slug)) continue;
  const file = path.join(CORPUS, name);
  const { article } = parseArticle(readFileSync(file, 'utf8'), file, slug);
  const { figures, sources } = suggest(article);
  figureCount += figures.length;
  const detected = keyFigures(article).length;
  detectedCount += detected;
  sourceCount += sources.length;
  console.log(`## ${slug}: ${figures.length} figure(s) of ${detected} detected, ${sources.length} source(s)`);
  for (const figure of figures) {
    console.log(`  L${figure.line}  ${JSON.stringify(figure.value)}  «${figure.label}»`);
    console.log(`        ${figure.sentence.replace(/\s+/g, ' ')}`);
  }
  for (const source of sources) console.log(`  L${source.line}  source: ${source.name}  — ${source.sentence.replace(/\s+/g, ' ')}`);
}
console.log(`\n${files.length} articles: ${figureCount} figures suggested of ${detectedCount} detected (distinct values), ${sourceCount} sources suggested`);
