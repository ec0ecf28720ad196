/**
 * Long code lines in the PDF wrap where a reader sees a token end (issue 18: a narrow box showed
 * `…faire_c` / `eci.R")`): after a space or one of `/ _ . - , ; ( ) =`, mid-token only when the
 * token is longer than the line; every character kept, continuations under the line's indentation.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wrapCode } from '../src/render/pdf/code.js';
import { hasTool, pdfWords, runCli, tempProject } from './helpers.js';

const BREAK_AFTER = new Set([' ', '/', '_', '.', '-', ',', ';', '(', ')', '=']);

/** The wraps of `visual` (lines of one source line, spaces removed) are at allowed places of `line`. */
function badWraps(line: string, visual: readonly string[]): string[] {
  // Index in `line` of each non-space character.
  const at: number[] = [];
  [...line].forEach((char, i) => {
    if (char !== ' ') at.push(i);
  });
  const bad: string[] = [];
  let count = 0;
  for (const part of visual.slice(0, -1)) {
    count += part.length;
    const last = at[count - 1]!;
    if (!BREAK_AFTER.has(line[last]!) && line[last + 1] !== ' ') bad.push(`${part} / ${line.slice(last + 1, last + 12)}`);
  }
  return bad;
}

describe('wrapCode', () => {
  it('wraps after a path or punctuation character, not mid-word', () => {
    const lines = wrapCode('lintr::lint("mesfonctions_pour_faire_ceci.R")', 30);
    expect(lines.map((l) => l.text)).toEqual(['lintr::lint("mesfonctions_', 'pour_faire_ceci.R")']);
  });
  it('wraps after a space, which ends its line, and hangs the continuation right of the indentation', () => {
    const lines = wrapCode('  x = compute(alpha, beta, gamma)  # un commentaire', 24);
    expect(lines).toEqual([
      { text: '  x = compute(alpha, ', indent: 0 },
      { text: 'beta, gamma)  # un ', indent: 4 },
      { text: 'commentaire', indent: 4 },
    ]);
    // An indentation of half the line or more: continuations at the edge.
    expect(wrapCode(`${' '.repeat(8)}a b c d e f g h`, 16).map((l) => l.indent)).toEqual([0, 0]);
  });
  it('cuts mid-token only a token longer than the line, never in the indentation', () => {
    expect(wrapCode(`  ab ${'c'.repeat(30)}`, 16).map((l) => l.text)).toEqual(['  ab ', 'c'.repeat(12), 'c'.repeat(12), 'c'.repeat(6)]);
  });
});

const CODE = [
  'resultat <- lintr::lint("R/mesfonctions_pour_faire_ceci.R", linters = lintr::linters_with_defaults(line_length_linter = lintr::line_length_linter(120)))',
  '    chemin_complet <- file.path(dossier_de_sortie, "sous_dossier_des_resultats", paste0(nom_du_fichier_de_sortie, "_version_finale.csv"))',
];

const ARTICLE = `---
title: Code long
---
Avant le bloc, DEBUTCODE.

\`\`\`r
${CODE.join('\n')}
\`\`\`

Après le bloc, FINCODE.

- Dans une liste, le bloc est plus étroit :

  \`\`\`r
${CODE.map((line) => `  ${line}`).join('\n')}
  \`\`\`

Fin de la liste, FINLISTE.
`;

describe.skipIf(!hasTool('pdftotext'))('long code lines in the PDF', async () => {
  const root = tempProject();
  for (const lang of ['fr', 'en']) rmSync(path.join(root, 'locales', lang, 'microsoft-openai.json'), { force: true });
  rmSync(path.join(root, 'content', 'microsoft-openai.txt'));
  writeFileSync(path.join(root, 'content', 'code-long.md'), ARTICLE);
  const build = await runCli(['build', '--root', root, '--lang', 'fr', '--format', 'pdf']);
  const words = () => pdfWords(path.join(root, 'output', 'code-long', 'code-long.fr.pdf'));

  /** The visual lines (spaces removed) below the word `from` and above the word `to` on its page, top to bottom. */
  function linesBetween(from: string, to: string): string[] {
    const all = words();
    const start = all.find((w) => w.text.includes(from))!;
    const end = all.find((w) => w.text.includes(to) && w.page === start.page && w.y0 > start.y0 + 1)!;
    const inside = all.filter((w) => w.page === start.page && w.y0 > start.y0 + 1 && w.y0 < end.y0 - 1);
    inside.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    const lines: string[] = [];
    let lastY = Number.NaN;
    for (const word of inside) {
      if (!(Math.abs(word.y0 - lastY) <= 1)) lines.push('');
      lines[lines.length - 1] += word.text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      lastY = word.y0;
    }
    return lines;
  }

  /** Splits the visual lines into the source lines they show (the texts joined give each line). */
  function bySourceLine(visual: readonly string[]): string[][] {
    const groups: string[][] = [];
    let rest = [...visual];
    for (const line of CODE) {
      const target = line.replace(/ /g, '');
      const group: string[] = [];
      while (group.join('').length < target.length && rest.length > 0) group.push(rest.shift()!);
      expect(group.join('')).toBe(target);
      groups.push(group);
    }
    rest = rest.filter((l) => l !== '');
    return groups;
  }

  it('builds', () => {
    expect(build.code, build.stderr).toBe(0);
  });

  for (const [where, from, to] of [
    ['in the text column', 'DEBUTCODE', 'Après'],
    ['in a list item', 'étroit', 'Fin'],
  ] as const) {
    it(`wraps only after a space or a path/punctuation character, every character kept (${where})`, () => {
      const visual = linesBetween(from, to);
      const groups = bySourceLine(visual);
      expect(groups.every((g) => g.length >= 2)).toBe(true);
      expect(groups.flatMap((g, i) => badWraps(CODE[i]!, g))).toEqual([]);
    });
  }
});
