import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { annotationsForRun, escapeAnnotationData, escapeAnnotationProperty, githubAnnotations } from '../src/cli/github-annotations.js';
import type { Diagnostic } from '../src/core/errors.js';
import { runCli, tempProject } from './helpers.js';

function diagnostic(over: Partial<Diagnostic>): Diagnostic {
  return {
    file: 'locales/en/cuivre.json',
    line: 3,
    column: 11,
    severity: 'error',
    message: 'Invalid JSON',
    ruleId: 'briefing:invalid-json',
    url: 'docs/rules.md#invalid-json',
    ...over,
  } as Diagnostic;
}

describe('the annotation formatter', () => {
  it('escapes messages and properties the way the runner reads them', () => {
    expect(escapeAnnotationData('100 %\r\nnext: a, b')).toBe('100 %25%0D%0Anext: a, b');
    expect(escapeAnnotationProperty('dir,a/b:c %.json')).toBe('dir%2Ca/b%3Ac %25.json');
  });

  it('writes one command per diagnostic, by severity, with file, line, column and the rule as title', () => {
    const lines = githubAnnotations(
      [
        diagnostic({}),
        diagnostic({ severity: 'warning', file: 'content/a,b.md', line: 7, column: 2, message: 'Coverage 50 %', note: 'Le texte\nfrançais' }),
        diagnostic({ severity: 'info', line: 1, column: 1, message: 'ignored: x' }),
      ],
      '/repo/site',
      '/repo',
    );
    expect(lines).toEqual([
      '::error file=site/locales/en/cuivre.json,line=3,col=11,title=briefing%3Ainvalid-json::Invalid JSON',
      '::warning file=site/content/a%2Cb.md,line=7,col=2,title=briefing%3Ainvalid-json::Coverage 50 %25%0ALe texte%0Afrançais',
      '::notice file=site/locales/en/cuivre.json,line=1,col=1,title=briefing%3Ainvalid-json::ignored: x',
    ]);
  });

  it('prints nothing outside GitHub Actions, and keeps project paths for a project outside the workspace', () => {
    expect(annotationsForRun([diagnostic({})], '/repo', {})).toEqual([]);
    expect(annotationsForRun([diagnostic({})], '/repo', { GITHUB_ACTIONS: 'false' })).toEqual([]);
    expect(annotationsForRun([diagnostic({})], '/elsewhere/p', { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: '/repo' })[0]).toMatch(
      /^::error file=locales\/en\/cuivre\.json,/,
    );
  });
});

describe('commands under GITHUB_ACTIONS=true', () => {
  const saved = { actions: process.env.GITHUB_ACTIONS, workspace: process.env.GITHUB_WORKSPACE };
  afterEach(() => {
    for (const [name, value] of [
      ['GITHUB_ACTIONS', saved.actions],
      ['GITHUB_WORKSPACE', saved.workspace],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('build --json and check print each problem as an annotation placed in the repository', async () => {
    const root = tempProject();
    writeFileSync(path.join(root, 'locales/en/microsoft-openai.json'), '{\n  "title": "x",\n  "lead": ,\n}\n');
    // The project sits in a subfolder of the checkout: paths are the repository's.
    process.env.GITHUB_ACTIONS = 'true';
    process.env.GITHUB_WORKSPACE = path.dirname(root);
    const expected = `::error file=${path.basename(root)}/locales/en/microsoft-openai.json,line=3,col=11,title=briefing%3Ainvalid-json::Invalid JSON`;

    const build = await runCli(['build', '--root', root, '--json', '--format', 'md']);
    expect(build.code).toBe(1);
    expect(JSON.parse(build.stdout).exitCode).toBe(1); // annotations never mix into --json
    expect(build.stderr.split('\n').filter((l) => l.startsWith('::'))).toEqual([expect.stringContaining(expected)]);

    const check = await runCli(['check', '--root', root]);
    expect(check.code).toBe(1);
    expect(check.stderr.split('\n').filter((l) => l.startsWith('::'))).toEqual([expect.stringContaining(expected)]);

    const extract = await runCli(['extract', '--check', '--root', root]);
    expect(extract.stderr).toContain(expected);

    delete process.env.GITHUB_ACTIONS;
    const plain = await runCli(['check', '--root', root]);
    expect(`${plain.stdout}\n${plain.stderr}`).not.toContain('::error');
  });
});
